/**
 * Backup and restore (`npm run backup`, `npm run restore`; README "Backup and restore").
 *
 * PGlite: only one process may open a data directory (two lose data silently), and a copy of a live
 * directory is torn (it held 21 of 30 confirmed writes), so the running app takes the backup itself: the
 * CLI leaves a request file in the data directory and sends the app SIGUSR2; the app dumps its data
 * directory between transactions (PGlite's dumpDataDir) and leaves a result file. Who can do that can
 * already read the data directory (same OS user), so no token or network endpoint is added, and the
 * database never travels over HTTP. With the app stopped, the CLI opens the directory itself.
 *
 * PostgreSQL: pg_dump's custom format (one consistent snapshot while the app runs) and pg_restore.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { openDatabase, type Database } from './client.js';

export interface BackupResult {
  file: string;
  bytes: number;
  seconds: number;
}

/** A backup holds everything: readable by its owner only, and never seen half-written. */
function writePrivately(file: string, data: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const fd = openSync(partial, 'w', 0o600);
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
}

/** The PGlite database this process has open, dumped to `file`. */
export async function backupPglite(database: Database, file: string): Promise<BackupResult> {
  if (!database.dumpDataDir) throw new Error('Only a PGlite database can be dumped this way; use pg_dump for PostgreSQL.');
  const started = performance.now();
  const data = await database.dumpDataDir();
  writePrivately(file, data);
  return { file, bytes: data.length, seconds: (performance.now() - started) / 1000 };
}

// ---- the running app's side of a PGlite backup -------------------------------------------------------

const REQUEST = /^backup-request-([0-9a-f-]{36})\.json$/;
const resultFile = (dataDir: string, id: string) => join(dataDir, `backup-result-${id}.json`);

interface BackupRequest { out: string }
type BackupAnswer = ({ ok: true } & BackupResult) | { ok: false; error: string };

/**
 * Answers the backup CLI's requests while the app runs on a PGlite data directory: each SIGUSR2 handles
 * every request file waiting, one after the other.
 */
export function serveBackupRequests(database: Database, dataDir: string): () => void {
  let busy: Promise<void> = Promise.resolve();
  const handle = async () => {
    for (const name of readdirSync(dataDir)) {
      const m = REQUEST.exec(name);
      if (!m) continue;
      const requestPath = join(dataDir, name);
      let answer: BackupAnswer;
      try {
        const request = JSON.parse(readFileSync(requestPath, 'utf8')) as BackupRequest;
        if (typeof request.out !== 'string' || !isAbsolute(request.out)) throw new Error('the request names no absolute file');
        answer = { ok: true, ...(await backupPglite(database, request.out)) };
      } catch (e) {
        answer = { ok: false, error: (e as Error).message };
      }
      rmSync(requestPath, { force: true });
      writeFileSync(resultFile(dataDir, m[1]!), JSON.stringify(answer), { mode: 0o600 });
    }
  };
  const onSignal = () => { busy = busy.then(handle, handle); };
  process.on('SIGUSR2', onSignal);
  return () => { process.off('SIGUSR2', onSignal); };
}

// ---- the CLI's side -----------------------------------------------------------------------------------

/** The pid of the live process holding the PGlite data directory (lock.ts's pid file), or null. */
export function dataDirHolder(dataDir: string): number | null {
  const lock = join(dataDir, 'elevlos.lock');
  if (!existsSync(lock)) return null;
  const pid = Number(readFileSync(lock, 'utf8'));
  if (!pid || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/** Asks the running app (pid) for a backup into `out` and waits for its answer. */
export async function requestBackupFromApp(dataDir: string, pid: number, out: string, timeoutMs = 30 * 60_000): Promise<BackupResult> {
  const id = randomUUID();
  writeFileSync(join(dataDir, `backup-request-${id}.json`), JSON.stringify({ out } satisfies BackupRequest), { mode: 0o600 });
  process.kill(pid, 'SIGUSR2');
  const until = Date.now() + timeoutMs;
  const result = resultFile(dataDir, id);
  while (!existsSync(result)) {
    if (Date.now() > until) throw new Error(`The app (pid ${pid}) did not answer the backup request within ${timeoutMs / 60_000} minutes.`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const answer = JSON.parse(readFileSync(result, 'utf8')) as BackupAnswer;
  rmSync(result, { force: true });
  if (!answer.ok) throw new Error(`The app could not write the backup: ${answer.error}`);
  return { file: answer.file, bytes: answer.bytes, seconds: answer.seconds };
}

/** A PGlite backup whether or not the app runs: through the app when it holds the directory, else directly. */
export async function backupPgliteDataDir(dataDir: string, out: string): Promise<BackupResult & { viaApp: boolean }> {
  const pid = dataDirHolder(dataDir);
  if (pid) return { ...(await requestBackupFromApp(dataDir, pid, out)), viaApp: true };
  const database = await openDatabase({ dataDir, migrate: false });
  try {
    return { ...(await backupPglite(database, out)), viaApp: false };
  } finally {
    await database.close();
  }
}

const GZIP = Buffer.from([0x1f, 0x8b]);
const PG_CUSTOM = Buffer.from('PGDMP');

export function backupKind(file: string): 'pglite' | 'postgres' | 'unknown' {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(5);
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.subarray(0, 2).equals(GZIP)) return 'pglite';
  if (head.equals(PG_CUSTOM)) return 'postgres';
  return 'unknown';
}

/** Restores a PGlite backup into a data directory that does not exist yet or is empty. */
export async function restorePglite(file: string, dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is not empty. Restore into a new directory, or move this one away first (it is never overwritten).`);
  }
  const database = await openDatabase({ dataDir, loadDataDir: new Blob([readFileSync(file)]), migrate: false });
  await database.close();
  // the dump carries the live app's pid file and its backup request: neither belongs to the new directory
  for (const name of readdirSync(dataDir)) {
    if (name === 'elevlos.lock' || /^backup-(request|result)-/.test(name)) rmSync(join(dataDir, name), { force: true });
  }
}

/** A PGlite backup opened in memory (to check it, e.g. `npm run audit:verify -- --backup <file>`). */
export async function openBackupInMemory(file: string): Promise<Database> {
  if (backupKind(file) !== 'pglite') throw new Error(`${file} is not a PGlite backup (a PostgreSQL one is checked after pg_restore).`);
  return openDatabase({ loadDataDir: new Blob([readFileSync(file)]), migrate: false });
}

// ---- PostgreSQL -----------------------------------------------------------------------------------------

/**
 * libpq's environment for a postgres:// URL: the password stays out of the command line, where `ps`
 * would show it to every user of the machine.
 */
export function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.hostname) env.PGHOST = decodeURIComponent(u.hostname);
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  env.PGDATABASE = decodeURIComponent(u.pathname.replace(/^\//, '')) || env.PGUSER;
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

export function runTool(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

export async function backupPostgres(url: string, out: string): Promise<BackupResult> {
  const started = performance.now();
  mkdirSync(dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`], libpqEnv(url));
  renameSync(partial, out);
  const bytes = statSync(out).size;
  return { file: out, bytes, seconds: (performance.now() - started) / 1000 };
}

/** Restores into an empty database, all or nothing. */
export async function restorePostgres(file: string, url: string): Promise<void> {
  const database = await openDatabase({ databaseUrl: url, migrate: false, poolSize: 1 });
  try {
    const [row] = await database.query<{ n: number }>(
      "select count(*)::int as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')",
    );
    if (row!.n > 0) throw new Error('The target database is not empty. Restore into a new, empty database (createdb), then point DATABASE_URL at it.');
  } finally {
    await database.close();
  }
  await runTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--dbname=' + (libpqEnv(url).PGDATABASE ?? ''), file], libpqEnv(url));
}
