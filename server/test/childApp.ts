/**
 * The app started as a child process, for what only a real process shows (a first start's console, two
 * processes on one store, a kill in the middle of writes), and where it keeps its data: a new database
 * on the server in DATABASE_URL when the tests run on PostgreSQL, else a new PGlite data dir.
 * A test file calls `afterAll(cleanUpChildApps)`: what is still running is killed, the stores removed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freshDatabase } from './harness.js';

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

export async function cleanUpChildApps(): Promise<void> {
  for (const c of children) c.kill('SIGKILL');
  for (const f of cleanups) await f();
}

export interface ChildApp {
  child: ChildProcess;
  port: number;
  /** what it printed so far */
  output: () => string;
  exited: Promise<number | null>;
}

/** `env` adds to (and overrides) a silent log on loopback at `port`. */
export function startChildApp(env: Record<string, string>, port: number): ChildApp {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, output: () => out, exited };
}

export interface ChildStorage {
  /** the child's environment for it */
  env: Record<string, string>;
  /** the PGlite data dir; null on PostgreSQL */
  dir: string | null;
}

/** A new store, closed here so the child is its only user. */
export async function childStorage(): Promise<ChildStorage> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const db = await freshDatabase();
    await db.database.close();
    const url = db.url!;
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
      await c.end();
    });
    return { env: { DATABASE_URL: url }, dir: null };
  }
  const dir = mkdtempSync(join(tmpdir(), 'elevlos-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return { env: { DATA_DIR: dir, DATABASE_URL: '' }, dir };
}
