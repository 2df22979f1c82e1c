/**
 * `npm start`: opens the database (PGlite in ./data unless DATABASE_URL is set), applies migrations,
 * seeds the demo school on first start, serves the API and the web app, and prints the URL and logins;
 * without the demo (SEED_DEMO=false) and without any account yet, it prints the one-time setup link.
 */
import { resolve } from 'node:path';
import { buildApp } from './app.js';
import { loadConfig } from './core/config.js';
import { openDatabase } from './core/db/client.js';
import { serveBackupRequests } from './core/db/backup.js';
import { DataDirLockedError } from './core/db/lock.js';
import { startJobWorker } from './core/jobs/queue.js';
import { closeMailTransports, DEFAULT_FROM, startMailCapture, type MailCapture } from './core/mail/mailer.js';
import { isDatabaseEmpty, seedDemo, demoLogins } from './seed/demo.js';
import { armSetup, hasAnyAccount, SETUP_VALID_MINUTES } from './features/accounts/index.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const where = config.databaseUrl ? `PostgreSQL ${postgresPlace(config.databaseUrl)}` : `PGlite in ${resolve(config.dataDir)}`;
  let database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`\n${e.message}\n`);
      process.exit(2);
    }
    // an operator needs the one line that says what is wrong, not a driver's stack trace
    console.error(`Elevlos cannot start: ${databaseProblem(e, where)}`);
    process.exit(1);
  }
  if (config.seedDemo && (await isDatabaseEmpty(database))) {
    console.log('First start: creating the demo school …');
    await seedDemo(database);
  }
  // without SMTP_URL nothing leaves the machine: a local SMTP capture keeps each mail as an .eml file
  let capture: MailCapture | null = null;
  if (!config.smtp) {
    const dir = resolve(config.dataDir, 'mail');
    capture = await startMailCapture({ port: config.mailCapturePort, dir });
    config.smtp = { url: capture.url, from: process.env.SMTP_FROM ?? DEFAULT_FROM };
    console.log(`E-mail is not sent anywhere: it is captured in ${dir} (SMTP on 127.0.0.1:${capture.port}); set SMTP_URL to send it.`);
  }
  const app = await buildApp(database, config, { logger: process.env.LOG_LEVEL !== 'silent', serveWeb: true });
  const worker = startJobWorker(database);
  // `npm run backup` on PGlite asks this process, the only one that may open the data directory
  if (!config.databaseUrl) serveBackupRequests(database, resolve(config.dataDir));
  await app.listen({ port: config.port, host: config.host });

  const url = `http://localhost:${config.port}`;
  console.log(`\nElevlos is running at ${url}  (database: ${where})`);
  console.log(`API docs: ${url}/api/docs\n`);
  const logins = await demoLogins(database);
  if (logins.length && config.seedDemo) {
    console.log('Demo logins (password for all: demo1234):');
    for (const l of logins) console.log(`  ${l.username.padEnd(16)} ${l.description}`);
    console.log('');
  } else if (logins.length) {
    console.warn('Warning: this database holds the demo school, whose password is published. Do not keep real data in it.\n');
  }
  if (!(await hasAnyAccount(database.query))) printSetupLink(config.publicUrl);

  const stop = async () => {
    await worker.stop();
    await app.close();
    closeMailTransports();
    await capture?.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * A first start without the demo: the one-time link to the setup page, on the console and nowhere else.
 * The token rides after '#', which browsers never send, so no request log or proxy sees it either.
 */
function printSetupLink(publicUrl: string): void {
  const token = armSetup();
  console.log('First start: Elevlos has no accounts yet. Create the school owner, the first school and the first admin here');
  console.log(`(the link works once, for ${SETUP_VALID_MINUTES} minutes; a restart prints a new one):\n`);
  console.log(`  ${publicUrl}/setup#${token}\n`);
  console.log('Or from a shell, with the app stopped when it runs on PGlite:');
  console.log('  npm run admin -- create-admin --username <username> --given-name <name> --family-name <name> \\\n      --owner-name <school owner> --owner-kind county --school-name <school> --stage upperSecondary\n');
}

/** host/database of a PostgreSQL URL, never its password; a URL that does not parse is said so. */
function postgresPlace(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return '(DATABASE_URL is not a valid postgres:// URL)';
  }
}

/** What went wrong opening the database, in one line without secrets (the URL's password is never shown). */
function databaseProblem(e: unknown, where: string): string {
  const codes: string[] = [];
  const messages: string[] = [];
  for (let x: unknown = e, depth = 0; x && typeof x === 'object' && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    const err = x as { code?: unknown; message?: unknown; errors?: unknown[] };
    if (typeof err.code === 'string') codes.push(err.code);
    if (typeof err.message === 'string' && err.message) messages.push(err.message.split('\n')[0]!);
    // node's happy-eyeballs connect gives an AggregateError with one error per address tried
    for (const inner of err.errors ?? []) if (inner && typeof (inner as { code?: unknown }).code === 'string') codes.push((inner as { code: string }).code);
  }
  const has = (...c: string[]) => codes.some((x) => c.includes(x));
  const reason = has('ECONNREFUSED') ? 'nothing answers there (connection refused); is PostgreSQL running, and is DATABASE_URL right?'
    : has('ENOTFOUND', 'EAI_AGAIN') ? 'the host name in DATABASE_URL is not known'
    : has('ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH') ? 'the server cannot be reached (timed out)'
    : has('3D000') ? 'that database does not exist; create it (createdb) or correct DATABASE_URL'
    : has('28P01', '28000') ? 'the server refused the user name or password in DATABASE_URL'
    : messages.find((m) => !/^Failed query/i.test(m)) ?? 'the database could not be opened';
  return `the database (${where}) cannot be used: ${reason}`;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
