/**
 * Starts one app server on a fresh PGlite data dir with the demo school, and one browser (Debian's
 * chromium as a playwright server), for the whole browser suite. Test files connect to the browser and
 * open a new context per journey, so no file pays for a browser start of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, chromiumPath } from './browser';
import { freePort } from '../server/test/freePort.js';

let child: ChildProcess | undefined;
let browser: BrowserServer | undefined;
let dir = '';


export default async function setup(project: TestProject) {
  // screenshots of this run only (support.ts writes them, named by language and page)
  const shots = process.env.E2E_SHOTS ?? '/tmp/e2e-shots';
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'elevlos-e2e-'));
  const port = await freePort();
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent', ELEVLOS_TODAY: '2026-11-25',
      // every journey logs in from 127.0.0.1: the per-IP budget (×10) must hold the whole suite; the limit itself is tested in server/core/auth
      LOGIN_MAX_ATTEMPTS: '30' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const base = `http://127.0.0.1:${port}`;
  // the browser starts while the app migrates and seeds
  const browserStarted = chromium.launchServer({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, host: '127.0.0.1' });
  browserStarted.catch(() => undefined);
  const until = Date.now() + 150_000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`app exited: ${out}`);
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch { /* starting */ }
      if (Date.now() > until) throw new Error(`app did not start: ${out}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (e) {
    await stop();
    await browserStarted.then((b) => b.close()).catch(() => undefined);
    throw e;
  }
  browser = await browserStarted;
  project.provide('baseUrl', base);
  project.provide('browserWsEndpoint', browser.wsEndpoint());
  // main.ts captures every e-mail as an .eml file here (no SMTP_URL): the journeys read what was sent
  project.provide('mailDir', join(dir, 'mail'));
  return async () => {
    await browser?.close().catch(() => undefined);
    await stop();
  };
}

async function stop(): Promise<void> {
  const running = child;
  if (running && running.exitCode === null) {
    const exited = new Promise((r) => running.once('exit', r));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    browserWsEndpoint: string;
    mailDir: string;
  }
}
