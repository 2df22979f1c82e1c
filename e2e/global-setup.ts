/**
 * Starts one app server on a fresh PGlite data dir with the demo school, and one browser (Debian's
 * chromium as a playwright server), for the whole browser suite. Test files connect to the browser and
 * open a new context per journey, so no file pays for a browser start of its own.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, chromiumPath } from './browser';
import { startAppServer, type AppServer } from './appServer';

let app: AppServer | undefined;
let browser: BrowserServer | undefined;

export default async function setup(project: TestProject) {
  // screenshots of this run only (support.ts writes them, named by language and page)
  const shots = process.env.E2E_SHOTS ?? '/tmp/e2e-shots';
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  // the browser starts while the app migrates and seeds
  const browserStarted = chromium.launchServer({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, host: '127.0.0.1' });
  browserStarted.catch(() => undefined);
  try {
    app = await startAppServer('2026-11-25');
  } catch (e) {
    await browserStarted.then((b) => b.close()).catch(() => undefined);
    throw e;
  }
  browser = await browserStarted;
  project.provide('baseUrl', app.base);
  project.provide('browserWsEndpoint', browser.wsEndpoint());
  // main.ts captures every e-mail as an .eml file here (no SMTP_URL): the journeys read what was sent
  project.provide('mailDir', join(app.dataDir, 'mail'));
  return async () => {
    await browser?.close().catch(() => undefined);
    await app?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    browserWsEndpoint: string;
    mailDir: string;
  }
}
