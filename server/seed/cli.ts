/**
 * npm run seed -- --schools N --students-per-school M --seed S [--demo]
 *
 * Generates a school owner with N schools of M students each (deterministic per seed) and/or the
 * demo school, and inserts it into the database: DATABASE_URL if set, otherwise PGlite in DATA_DIR
 * (default ./data). Prints the row counts and the time taken.
 */
import { hash } from '@node-rs/argon2';
import { eq, inArray } from 'drizzle-orm';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase, type Database } from '../core/db/client.js';
import { DataDirLockedError } from '../core/db/lock.js';
import { account, schoolOwner } from '../core/db/tables.js';
import { DEMO_PASSWORD, demoLogins, seedDemo } from './demo.js';
import { DEFAULT_TODAY, OwnerGenerator, datasetCounts, insertOrder, type Dataset, type GenerateOptions } from './generate.js';
import { insertDataset } from './insert.js';

const USAGE = `Usage: npm run seed -- [--schools N --students-per-school M --seed S] [--demo]

  --schools N               number of schools of the generated owner (1–1000)
  --students-per-school M   students per school (1–20000; default 300)
  --seed S                  seed of the generator (whole number; default 1): same seed, same data
  --owner-name NAME         name of the generated owner (default "Syntetisk fylkeskommune <seed>")
  --today YYYY-MM-DD        the day ages and adulthood are computed for (default ${DEFAULT_TODAY})
  --staff-password PW       also give every generated staff member a login with this password
  --batch-size B            rows per INSERT statement (default 1000)
  --demo                    seed the demo school (Nordfjell fylkeskommune, Fjellvik vgs) and its logins
  -h, --help                show this help

The database is DATABASE_URL if set, otherwise PGlite in DATA_DIR (default ./data).
Example: npm run seed -- --schools 60 --students-per-school 1667 --seed 7`;

export class UsageError extends Error {}

export interface Args {
  generate: GenerateOptions | null;
  staffPassword: string | null;
  demo: boolean;
  batchSize: number;
}

function wholeNumber(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`--${flag} must be a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`--${flag} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function parseCli(argv: string[]): Args | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        schools: { type: 'string' },
        'students-per-school': { type: 'string' },
        seed: { type: 'string' },
        'owner-name': { type: 'string' },
        today: { type: 'string' },
        'staff-password': { type: 'string' },
        'batch-size': { type: 'string' },
        demo: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return 'help';
  const wantsOwner = values.schools !== undefined || values['students-per-school'] !== undefined || values.seed !== undefined;
  if (!wantsOwner && !values.demo) throw new UsageError('Nothing to seed: give --schools N (a generated owner) and/or --demo.');
  if (!wantsOwner && (values['owner-name'] !== undefined || values['staff-password'] !== undefined || values.today !== undefined)) {
    throw new UsageError('--owner-name, --today and --staff-password belong to a generated owner: give --schools N as well.');
  }
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new UsageError(`--today must be YYYY-MM-DD, got "${values.today}"`);
  if (values['owner-name'] !== undefined && values['owner-name'].trim() === '') throw new UsageError('--owner-name must not be empty');
  if (values['staff-password'] !== undefined && values['staff-password'].length < 8) throw new UsageError('--staff-password must be at least 8 characters');
  const generate: GenerateOptions | null = wantsOwner
    ? {
        schools: wholeNumber('schools', values.schools, 1, 1, 1000),
        studentsPerSchool: wholeNumber('students-per-school', values['students-per-school'], 300, 1, 20_000),
        seed: wholeNumber('seed', values.seed, 1, -(2 ** 31), 2 ** 32 - 1),
        ...(values['owner-name'] !== undefined ? { ownerName: values['owner-name'].trim() } : {}),
        ...(values.today !== undefined ? { today: values.today } : {}),
      }
    : null;
  return {
    generate,
    staffPassword: values['staff-password'] ?? null,
    demo: values.demo,
    batchSize: wholeNumber('batch-size', values['batch-size'], 1000, 1, 10_000),
  };
}

const fmt = (n: number) => n.toLocaleString('nb-NO');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function printCounts(ds: Dataset, perTableMs: Map<string, number>): void {
  const counts = datasetCounts(ds);
  for (const key of insertOrder) {
    if (counts[key] === 0) continue;
    const ms = perTableMs.get(key);
    console.log(`  ${key.padEnd(26)} ${fmt(counts[key]).padStart(12)}${ms === undefined ? '' : `  ${secs(ms)}`}`);
  }
}

async function seedOwner(database: Database, opts: GenerateOptions, staffPassword: string | null, batchSize: number): Promise<void> {
  const t0 = performance.now();
  const staffAccounts = staffPassword ? { passwordHash: await hash(staffPassword) } : undefined;
  const generator = new OwnerGenerator({ ...opts, ...(staffAccounts ? { staffAccounts } : {}) });
  const exists = await database.db.select({ id: schoolOwner.id }).from(schoolOwner).where(eq(schoolOwner.id, generator.ownerId));
  if (exists.length > 0) {
    throw new UsageError(`"${generator.ownerName}" from seed ${opts.seed} is already in this database; use another --seed or --owner-name.`);
  }
  const ds = generator.generate();
  if (ds.account.length > 0) {
    const taken = await database.db.select({ username: account.username }).from(account)
      .where(inArray(account.username, ds.account.map((a) => a.username))).limit(1);
    if (taken.length > 0) throw new UsageError(`the username "${taken[0]!.username}" is taken; use another --seed.`);
  }
  const t1 = performance.now();
  const total = Object.values(datasetCounts(ds)).reduce((a, b) => a + b, 0);
  console.log(`Generated "${generator.ownerName}": ${fmt(opts.schools)} schools × ${fmt(opts.studentsPerSchool)} students, ${fmt(total)} rows in ${secs(t1 - t0)}`);
  const perTable = new Map<string, number>();
  let last = performance.now();
  await insertDataset(database, ds, {
    batchSize,
    onProgress(table, done, count) {
      if (done < count) return;
      const now = performance.now();
      perTable.set(table, now - last);
      last = now;
    },
  });
  const t2 = performance.now();
  printCounts(ds, perTable);
  console.log(`Inserted ${fmt(total)} rows in ${secs(t2 - t1)} (${fmt(Math.round(total / ((t2 - t1) / 1000)))} rows/s); owner id ${generator.ownerId}`);
}

async function main(): Promise<number> {
  let args: Args | 'help';
  try {
    args = parseCli(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`seed: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }

  const databaseUrl = process.env.DATABASE_URL || undefined;
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl, dataDir: databaseUrl ? undefined : (process.env.DATA_DIR ?? './data'), migrate: true });
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`seed: ${e.message}`);
      return 2;
    }
    throw e;
  }
  try {
    console.log(`Database: ${databaseUrl ? `PostgreSQL (${new URL(databaseUrl).host})` : `PGlite in ${process.env.DATA_DIR ?? './data'}`}`);
    if (args.demo) {
      const existing = await demoLogins(database);
      if (existing.length > 0) throw new UsageError('the demo is already seeded in this database (its logins exist).');
    }
    if (args.generate) await seedOwner(database, args.generate, args.staffPassword, args.batchSize);
    if (args.demo) {
      const t0 = performance.now();
      const info = await seedDemo(database);
      console.log(`Seeded the demo school in ${secs(performance.now() - t0)} (owner id ${info.ownerId}). Logins, password ${DEMO_PASSWORD} for all:`);
      for (const l of info.logins) console.log(`  ${l.username.padEnd(16)} ${l.name.padEnd(26)} ${l.description}`);
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`seed: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}

// run only as a script (the tests import parseCli)
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
