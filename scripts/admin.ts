/**
 * `npm run admin -- <command>`: what an operator does from a shell. One command so far:
 *
 *   create-admin --username <u> --given-name <name> --family-name <name> [--email <address>]
 *                [--school <name or id>]                                  an existing school, or
 *                [--owner-name <name> --owner-kind county|municipality
 *                 --school-name <name> --stage upperSecondary|compulsory] a new owner and school
 *                [--password-stdin] [--lang nb|nn|en]
 *
 * It makes a person with a local account and the school admin role, like the first start's setup page
 * but at any time (a second admin, or the way back in when the last admin's password is lost). The
 * password is asked for on the terminal without echo, or read from stdin with --password-stdin (for
 * scripts: `printf '%s' "$PASSWORD" | npm run admin -- create-admin … --password-stdin`); it never
 * goes on the command line, where `ps` and the shell's history would show it. The same strength rule
 * applies as everywhere. On PGlite the app must be stopped first (one process per data directory).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/core/config.js';
import { openDatabase, type Database } from '../server/core/db/client.js';
import { DataDirLockedError } from '../server/core/db/lock.js';
import { HttpError } from '../server/core/http/errors.js';
import { t } from '../server/core/i18n/messages.js';
import { locales, type Locale } from '../server/core/i18n/locale.js';
import '../server/features/index.js';
import { allSchools, createAdmin, type AdminPlace } from '../server/features/accounts/index.js';

const USAGE = `Usage:
  npm run admin -- create-admin --username <u> --given-name <name> --family-name <name> [--email <address>]
      [--school <name or id>]            an existing school (may be left out when there is exactly one)
      [--owner-name <name> --owner-kind county|municipality --school-name <name> --stage upperSecondary|compulsory]
                                         a new school owner and school (an empty database)
      [--password-stdin]                 read the password from stdin instead of asking for it
      [--lang nb|nn|en]                  the language of the messages (default en)`;

class UsageError extends Error {}

const OPTIONS = {
  username: { type: 'string' }, 'given-name': { type: 'string' }, 'family-name': { type: 'string' }, email: { type: 'string' },
  school: { type: 'string' }, 'owner-name': { type: 'string' }, 'owner-kind': { type: 'string' }, 'school-name': { type: 'string' },
  stage: { type: 'string' }, 'password-stdin': { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean' },
} as const;

type Args = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function need(args: Args, name: keyof Args): string {
  const v = args[name];
  if (typeof v !== 'string' || !v.trim()) throw new UsageError(`--${name} is missing.`);
  return v.trim();
}

/** All of stdin (a password piped in), without the line break a shell adds at the end. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Asks on the terminal without showing what is typed. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      if (!asked) {
        process.stdout.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function readPassword(args: Args): Promise<string> {
  if (args['password-stdin']) return readStdin();
  if (!process.stdin.isTTY) throw new UsageError('stdin is not a terminal: pipe the password in with --password-stdin.');
  const first = await askHidden('Password for the new admin: ');
  const again = await askHidden('The same password again: ');
  if (first !== again) throw new UsageError('The two passwords differ; nothing was made.');
  return first;
}

async function placeFrom(database: Database, args: Args): Promise<AdminPlace> {
  if (args['owner-name'] || args['school-name']) {
    const kind = need(args, 'owner-kind');
    const stage = need(args, 'stage');
    if (kind !== 'county' && kind !== 'municipality') throw new UsageError('--owner-kind must be county or municipality.');
    if (stage !== 'upperSecondary' && stage !== 'compulsory') throw new UsageError('--stage must be upperSecondary or compulsory.');
    return { kind: 'new', owner: { name: need(args, 'owner-name'), kind }, school: { name: need(args, 'school-name'), stage } };
  }
  const schools = await allSchools(database.query);
  const wanted = args.school?.trim();
  const matches = wanted ? schools.filter((s) => s.id === wanted || s.name.toLowerCase() === wanted.toLowerCase()) : schools;
  if (matches.length === 1) return { kind: 'existing', schoolId: matches[0]!.id };
  if (schools.length === 0) throw new UsageError('There is no school yet: give --owner-name, --owner-kind, --school-name and --stage.');
  const list = schools.map((s) => `  ${s.id}  ${s.name} (${s.owner_name})`).join('\n');
  throw new UsageError(`${wanted ? `No single school matches "${wanted}".` : 'There is more than one school.'} Give --school with one of:\n${list}`);
}

async function createAdminCommand(args: Args): Promise<void> {
  const locale: Locale = (locales as readonly string[]).includes(args.lang ?? '') ? (args.lang as Locale) : 'en';
  const admin = { givenName: need(args, 'given-name'), familyName: need(args, 'family-name'), username: need(args, 'username'), email: args.email?.trim() || null };
  const config = loadConfig();
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  try {
    const place = await placeFrom(database, args);
    const password = await readPassword(args);
    const created = await createAdmin(database, {
      admin: { ...admin, password, locale }, place, onlyIfFirst: false,
      fields: { username: '--username', password: 'password', schoolId: '--school' }, how: 'npm run admin -- create-admin',
    });
    console.log(`Made ${admin.givenName} ${admin.familyName} (username ${admin.username.toLowerCase()}) school admin at ${created.schoolName}.`);
    console.log(`Log in at ${config.publicUrl}/login`);
  } catch (e) {
    if (e instanceof HttpError) {
      for (const f of e.fields.length ? e.fields : [{ field: '', key: e.key, params: e.params }]) {
        console.error(`${f.field ? `${f.field}: ` : ''}${t(locale, f.key, f.params)}`);
      }
      process.exitCode = 1;
      return;
    }
    throw e;
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: OPTIONS, allowPositionals: true, strict: true });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  if (command !== 'create-admin') throw new UsageError(`Unknown command: ${command}`);
  await createAdminCommand(values);
}

main().catch((e) => {
  if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    process.exit(1);
  }
  console.error(e);
  process.exit(1);
});
