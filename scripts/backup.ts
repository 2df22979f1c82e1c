/**
 * `npm run backup [-- --out <file>]`: a consistent backup while the app runs (server/core/db/backup.ts).
 * PostgreSQL (DATABASE_URL): pg_dump's custom format. PGlite (DATA_DIR): the running app dumps its own data
 * directory when asked (SIGUSR2); with the app stopped, this opens the directory itself.
 * Default file: backups/elevlos-<pglite|postgres>-<UTC time>.<tar.gz|pgdump>. It holds everything: keep it
 * as safe as the database (it is written readable by its owner only).
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/core/config.js';
import { backupPgliteDataDir, backupPostgres } from '../server/core/db/backup.js';

function defaultFile(kind: 'pglite' | 'postgres'): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `backups/elevlos-${kind}-${stamp}.${kind === 'pglite' ? 'tar.gz' : 'pgdump'}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const config = loadConfig();
  const kind = config.databaseUrl ? 'postgres' : 'pglite';
  const out = resolve(values.out ?? defaultFile(kind));
  if (config.databaseUrl) {
    execFileSync('bash', [resolve(import.meta.dirname, 'pg-tools.sh')], { stdio: 'inherit' });
    const r = await backupPostgres(config.databaseUrl, out);
    console.log(`Backup written: ${r.file} (${(r.bytes / 1e6).toFixed(1)} MB, pg_dump, ${r.seconds.toFixed(1)} s)`);
  } else {
    const r = await backupPgliteDataDir(resolve(config.dataDir), out);
    const how = r.viaApp ? 'taken by the running app' : 'the app was not running';
    console.log(`Backup written: ${r.file} (${(r.bytes / 1e6).toFixed(1)} MB, PGlite data directory, ${how}, ${r.seconds.toFixed(1)} s)`);
  }
}

main().catch((e: Error) => {
  console.error(`Backup failed: ${e.message}`);
  process.exit(1);
});
