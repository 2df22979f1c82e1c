/**
 * Where an app started as a child process keeps its data: a new database on the server in DATABASE_URL
 * when the tests run on PostgreSQL, else a new PGlite data dir. The database is closed here, so the
 * child is its only user; `cleanup` drops or removes it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freshDatabase } from './harness.js';

export interface ProcessStorage {
  /** the child's environment for it */
  env: Record<string, string>;
  /** the PGlite data dir; null on PostgreSQL */
  dir: string | null;
  cleanup(): Promise<void>;
}

export async function processStorage(): Promise<ProcessStorage> {
  if (process.env.DATABASE_URL) {
    const db = await freshDatabase();
    await db.database.close();
    const url = db.url!;
    return {
      env: { DATABASE_URL: url },
      dir: null,
      async cleanup() {
        const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'elevlos-'));
  return { env: { DATA_DIR: dir, DATABASE_URL: '' }, dir, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}
