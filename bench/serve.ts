/**
 * The bench's own app entry: server/main.ts without the demo seeding, for experiments the real
 * entry cannot do without editing server/ files. Used when:
 *
 * - `--prepared`: BENCH_PREPARED=1 makes `database.query` send every statement as a NAMED prepared
 *   statement (name = hash of the text), so PostgreSQL parses and plans each statement once per
 *   connection instead of on every call. This is the proposed change to server/core/db/client.ts,
 *   measured end to end. PostgreSQL only (PGlite is left as it is).
 * - server/seed/demo.ts (imported by main.ts) is missing.
 *
 * Same app, same database opening and migrations, same job worker, same shutdown on SIGTERM.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/core/config.js';
import { openDatabase, type Database } from '../server/core/db/client.js';
import { startJobWorker } from '../server/core/jobs/queue.js';

function withPreparedStatements(database: Database, url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `b${createHash('sha1').update(text).digest('hex').slice(0, 24)}`));
    return name;
  };
  return {
    ...database,
    async query<T>(text: string, params?: unknown[]) {
      return (await pool.query({ name: nameOf(text), text, values: params as unknown[] })).rows as T[];
    },
    async close() {
      await pool.end();
      await database.close();
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  let database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  if (process.env.BENCH_PREPARED === '1' && config.databaseUrl) database = withPreparedStatements(database, config.databaseUrl);
  const app = await buildApp(database, config, { logger: process.env.LOG_LEVEL !== 'silent', serveWeb: true });
  const worker = startJobWorker(database);
  await app.listen({ port: config.port, host: config.host });
  console.log(`Elevlos (bench entry${process.env.BENCH_PREPARED === '1' ? ', prepared statements' : ''}) is running on port ${config.port}`);
  const stop = async () => {
    await worker.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
