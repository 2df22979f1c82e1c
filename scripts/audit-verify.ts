/**
 * `npm run audit:verify`: proves each school owner's audit chain (server/core/audit/chain.ts) and names the
 * first broken link — owner, row id and time — with exit code 1. Reads DATABASE_URL, else the PGlite data
 * directory in DATA_DIR (on PGlite the app must be stopped: one process per data directory; to check a
 * running PGlite app, verify a fresh backup: `npm run backup`, then `npm run audit:verify -- --backup <file>`).
 */
import { parseArgs } from 'node:util';
import { verifyAuditChains, type OwnerChain } from '../server/core/audit/chain.js';
import { loadConfig } from '../server/core/config.js';
import { openDatabase, type Database } from '../server/core/db/client.js';
import { DataDirLockedError } from '../server/core/db/lock.js';
import { openBackupInMemory } from '../server/core/db/backup.js';

const PROBLEMS: Record<NonNullable<OwnerChain['broken']>['problem'], string> = {
  changed: 'the row was changed after it was written',
  missingOrReordered: 'the row before it is missing or out of order',
  tailRemoved: 'rows at the end of the log were removed (the chain head names a row that is gone)',
};

function describe(c: OwnerChain): string {
  if (!c.broken) return `owner ${c.ownerId}: ${c.rows} rows, chain holds; head ${c.headHash}`;
  const b = c.broken;
  const where = b.rowId ? `row ${b.rowId} (${b.at})` : 'end of log';
  return `owner ${c.ownerId}: BROKEN at ${where}: ${PROBLEMS[b.problem]}`;
}

async function open(backup: string | undefined): Promise<Database> {
  if (backup) return openBackupInMemory(backup);
  const config = loadConfig();
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir, migrate: false });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { backup: { type: 'string' } } });
  let database: Database;
  try {
    database = await open(values.backup);
  } catch (e) {
    console.error(e instanceof DataDirLockedError ? e.message : `Cannot open the database: ${(e as Error).message}`);
    process.exit(2);
  }
  try {
    const chains = await verifyAuditChains(database);
    for (const c of chains) console.log(describe(c));
    if (chains.length === 0) console.log('The audit log is empty.');
    const broken = chains.filter((c) => c.broken);
    if (broken.length) {
      console.error(`${broken.length} of ${chains.length} owners' audit chains are broken.`);
      process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
}

await main();
