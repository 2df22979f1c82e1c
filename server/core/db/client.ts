import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { lockDataDir } from './lock.js';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// Both drivers expose the same query builder; the app is written against this one type.
export type Db = ReturnType<typeof drizzlePglite>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** run raw SQL (used by health checks, the bench's SQL floor and tests) */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** run statements on one connection, all or nothing: a thrown error rolls every write back */
  transaction<T>(fn: (query: QueryFn) => Promise<T>): Promise<T>;
  /**
   * PGlite only: the data directory as a gzipped tar, taken between transactions (none is open, no query
   * runs), so it is what a crash at that instant would leave: every committed write, nothing half-done.
   */
  dumpDataDir?(): Promise<Buffer>;
  /** PostgreSQL only: the pool's connections now (for the operators' metrics) */
  poolUse?(): { max: number; total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export type QueryFn = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export interface OpenOptions {
  /** postgres://… selects a real server; otherwise PGlite */
  databaseUrl?: string;
  /** PGlite data dir; undefined = in memory (tests) */
  dataDir?: string;
  /** PGlite: start from this dump (dumpDataDir's tar), written into `dataDir` or kept in memory */
  loadDataDir?: Blob;
  migrate?: boolean;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const database = opts.databaseUrl ? await openPostgres(opts.databaseUrl, opts.poolSize) : await openPglite(opts.dataDir, opts.loadDataDir);
  if (opts.migrate !== false) await migrateDatabase(database);
  return database;
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') await migratePglite(database.db, { migrationsFolder });
  else await migratePg(database.db as never, { migrationsFolder });
}

async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const client = await PGlite.create({ dataDir, loadDataDir });
    const db = drizzlePglite({ client, casing: 'snake_case' });
    return {
      db,
      kind: 'pglite',
      async query(text, params) {
        return (await client.query(text, params as unknown[])).rows as never;
      },
      async transaction(fn) {
        return client.transaction((tx) => fn(async (text, params) => (await tx.query(text, params as unknown[])).rows as never));
      },
      async dumpDataDir() {
        // a checkpoint first keeps the WAL that a restore replays short
        await client.query('checkpoint');
        const tar = await client._runExclusiveTransaction(() => client.dumpDataDir('gzip'));
        return Buffer.from(await tar.arrayBuffer());
      },
      async close() {
        await client.close();
        unlock();
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}

/**
 * The app's queries have fixed texts, so each is sent as a named prepared statement: PostgreSQL parses
 * and plans it once per connection instead of on every request (planning cost more than running them).
 */
const statementName = (text: string) => `q${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // an idle connection that the server ends (restart, failover) must not take the process down; the pool reconnects
  pool.on('error', (e) => console.error(`database connection lost: ${e.message}`));
  const db = drizzlePg({ client: pool, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async query(text, params) {
      return (await pool.query({ name: statementName(text), text, values: params as unknown[] })).rows;
    },
    async transaction(fn) {
      const conn = await pool.connect();
      try {
        await conn.query('begin');
        const result = await fn(async (text, params) => (await conn.query({ name: statementName(text), text, values: params as unknown[] })).rows);
        await conn.query('commit');
        return result;
      } catch (e) {
        await conn.query('rollback').catch(() => {});
        throw e;
      } finally {
        conn.release();
      }
    },
    poolUse: () => ({ max: poolSize, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await pool.end();
    },
  };
}
