/**
 * `npm run restore -- <file>`: brings a backup back into a NEW place, never over live data.
 * PostgreSQL (DATABASE_URL): pg_restore into an empty database, in one transaction.
 * PGlite: into DATA_DIR (or --data-dir), which must not exist yet or be empty; move the old one away first.
 * Then `npm start` on it applies any newer migrations; `npm run audit:verify` proves the audit log.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/core/config.js';
import { backupKind, restorePglite, restorePostgres } from '../server/core/db/backup.js';

const USAGE = 'Usage: npm run restore -- <backup file> [--data-dir <new PGlite directory>]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { 'data-dir': { type: 'string' } }, allowPositionals: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new Error(USAGE);
  if (!existsSync(file)) throw new Error(`${file} does not exist.`);
  const config = loadConfig();
  const kind = backupKind(file);
  const started = performance.now();
  if (config.databaseUrl) {
    if (kind !== 'postgres') throw new Error(`${file} is not a PostgreSQL backup (pg_dump custom format); unset DATABASE_URL to restore a PGlite one.`);
    execFileSync('bash', [resolve(import.meta.dirname, 'pg-tools.sh')], { stdio: 'inherit' });
    await restorePostgres(file, config.databaseUrl);
    console.log(`Restored ${file} into the PostgreSQL database in DATABASE_URL (${((performance.now() - started) / 1000).toFixed(1)} s).`);
  } else {
    if (kind !== 'pglite') throw new Error(`${file} is not a PGlite backup; set DATABASE_URL to restore a PostgreSQL one.`);
    const dataDir = resolve(values['data-dir'] ?? config.dataDir);
    await restorePglite(file, dataDir);
    console.log(`Restored ${file} into ${dataDir} (${((performance.now() - started) / 1000).toFixed(1)} s). Start the app with DATA_DIR=${dataDir}.`);
  }
}

main().catch((e: Error) => {
  console.error(`Restore failed: ${e.message}`);
  process.exit(1);
});
