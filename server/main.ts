/**
 * `npm start`: opens the database (PGlite in ./data unless DATABASE_URL is set), applies migrations,
 * seeds the demo school on first start, serves the API and the web app, and prints the URL and logins;
 * without the demo (SEED_DEMO=false) and without any account yet, it prints the one-time setup link.
 */
import { resolve } from 'node:path';
import { buildApp } from './app.js';
import { loadConfig } from './core/config.js';
import { openDatabase } from './core/db/client.js';
import { DataDirLockedError } from './core/db/lock.js';
import { startJobWorker } from './core/jobs/queue.js';
import { closeMailTransports, DEFAULT_FROM, startMailCapture, type MailCapture } from './core/mail/mailer.js';
import { isDatabaseEmpty, seedDemo, demoLogins } from './seed/demo.js';
import { armSetup, hasAnyAccount, SETUP_VALID_MINUTES } from './features/accounts/index.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const where = config.databaseUrl ? `PostgreSQL (${new URL(config.databaseUrl).host})` : `PGlite in ${resolve(config.dataDir)}`;
  let database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`\n${e.message}\n`);
      process.exit(2);
    }
    throw e;
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
  await app.listen({ port: config.port, host: config.host });

  const url = `http://localhost:${config.port}`;
  console.log(`\nElevlos is running at ${url}  (database: ${where})`);
  console.log(`API docs: ${url}/api/docs\n`);
  const logins = await demoLogins(database);
  if (logins.length) {
    console.log('Demo logins (password for all: demo1234):');
    for (const l of logins) console.log(`  ${l.username.padEnd(16)} ${l.description}`);
    console.log('');
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

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
