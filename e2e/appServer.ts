/**
 * One app server for the browser journeys: a fresh PGlite data dir with the demo school, its clock pinned
 * to `today`. The suite's server (global-setup.ts) runs at 2026-11-25; a journey that needs another time of
 * the school year (August's start) starts its own.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../server/test/freePort.js';

export interface AppServer {
  base: string;
  dataDir: string;
  /** what the server printed so far (the first start's setup link, when started without the demo) */
  output(): string;
  stop(): Promise<void>;
}

export interface AppServerOptions {
  /** false: a fresh install, which prints the one-time setup link instead of demo logins */
  seedDemo?: boolean;
  /** the port, when something started before the server (a test IdP's redirect address) must know it */
  port?: number;
  /** more of the server's environment: an external login's OIDC_*, PUBLIC_URL */
  env?: Record<string, string>;
  /** fills the fresh data dir before the server starts on it (a seeded database with a Feide id stored) */
  prepare?: (dataDir: string) => Promise<void>;
}

export const localBase = (port: number) => `http://127.0.0.1:${port}`;

export async function startAppServer(today: string, opts: AppServerOptions = {}): Promise<AppServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'elevlos-e2e-'));
  try {
    await opts.prepare?.(dataDir);
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const port = opts.port ?? await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', ELEVLOS_TODAY: today,
      // every journey logs in from 127.0.0.1: the per-IP budget (×10) must hold the whole suite; the limit itself is tested in server/core/auth
      LOGIN_MAX_ATTEMPTS: '30', SEED_DEMO: opts.seedDemo === false ? 'false' : 'true',
      // links the server makes (calendar feeds, e-mails) are built from PUBLIC_URL, never from the request
      PUBLIC_URL: localBase(port), ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const base = localBase(port);
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
    throw e;
  }
  return { base, dataDir, output: () => out, stop };
}
