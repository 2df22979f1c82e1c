/**
 * `npm run backup` while the app takes writes, `npm run restore` into a fresh place, and the app started on
 * it holds every write that was confirmed before the backup began (PGlite: the running app dumps its own
 * data directory; PostgreSQL: pg_dump). Runs the real app and the real CLIs as separate processes.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../audit/chain.js';
import { openBackupInMemory, restorePglite, restorePostgres } from './backup.js';

const run = promisify(execFile);
const serverUrl = process.env.DATABASE_URL;
const work = mkdtempSync(join(tmpdir(), 'elevlos-backup-'));
const children: ChildProcess[] = [];
const databases: string[] = [];

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    for (const name of databases) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  rmSync(work, { recursive: true, force: true });
});

/** A place for a database: a new database on the server, or a new PGlite directory. */
async function newPlace(label: string): Promise<NodeJS.ProcessEnv> {
  if (!serverUrl) return { DATA_DIR: join(work, label) };
  const name = `elevlos_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  databases.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.href };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function baseEnv(place: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...place, LOG_LEVEL: 'silent', SEED_DEMO: 'true', MAIL_CAPTURE_PORT: '0' };
  if (!place.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Running { base: string; stop(): Promise<void> }

async function startApp(place: NodeJS.ProcessEnv): Promise<Running> {
  const port = await freePort();
  // the app's own output, to say why it did not start
  const logFile = join(work, `app-${port}.log`);
  const out = openSync(logFile, 'w');
  // node itself (not npx) so that SIGTERM reaches the app and its pid is the one in the data dir's lock
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...baseEnv(place), PORT: String(port) }, stdio: ['ignore', out, out] });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  await until('the app to answer', async () => {
    if (child.exitCode !== null) throw new Error(`the app stopped: ${readFileSync(logFile, 'utf8')}`);
    return (await fetch(`${base}/healthz`)).ok ? true : undefined;
  }).catch((e: Error) => { throw new Error(`${e.message}\n${readFileSync(logFile, 'utf8').slice(-2000)}`); });
  return {
    base,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

interface Session { get(path: string): Promise<Response>; post(path: string, body: unknown): Promise<Response> }

async function login(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo1234' }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return {
    get: (path) => fetch(`${base}${path}`, { headers: { cookie } }),
    post: (path, body) => fetch(`${base}${path}`, {
      method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: JSON.stringify(body),
    }),
  };
}

async function aStudentOfTheContactTeacher(s: Session): Promise<string> {
  const { groups } = (await (await s.get('/api/basis-groups')).json()) as { groups: { id: string }[] };
  for (const g of groups) {
    const res = await s.get(`/api/basis-groups/${g.id}/overview`);
    if (!res.ok) continue;
    const { students } = (await res.json()) as { students: { studentId: string }[] };
    if (students[0]) return students[0].studentId;
  }
  throw new Error('the contact teacher has no student');
}

// the suite may pin the app's today (ELEVLOS_TODAY), and the spawned app inherits it
const yesterday = process.env.ELEVLOS_TODAY ?? new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe('backup and restore', () => {
  it('a backup taken during writes, restored into a fresh place, holds every write confirmed before it began', async () => {
    const place = await newPlace('live');
    const app = await startApp(place);
    const teacher = await login(app.base, 'kontaktlarer');
    const studentId = await aStudentOfTheContactTeacher(teacher);

    // two writers, each confirmed write noted with the moment its answer arrived
    const confirmed: { summary: string; at: number }[] = [];
    let writing = true;
    const writer = async (name: string) => {
      for (let n = 0; writing; n++) {
        const summary = `backup-probe ${name}-${n}`;
        const res = await teacher.post(`/api/students/${studentId}/contact-log`, { occurredOn: yesterday, channel: 'phone', summary });
        if (res.status !== 201) throw new Error(`write refused: ${res.status} ${await res.text()}`);
        confirmed.push({ summary, at: performance.now() });
      }
    };
    const writers = [writer('a'), writer('b')];
    await until('the first writes', async () => (confirmed.length >= 20 ? true : undefined));

    const file = join(work, serverUrl ? 'live.pgdump' : 'live.tar.gz');
    const backupBegan = performance.now();
    const backup = await run('npx', ['tsx', 'scripts/backup.ts', '--out', file], { env: baseEnv(place) });
    const backupEnded = performance.now();
    const countAtEnd = confirmed.length;
    await until('writes after the backup', async () => (confirmed.length >= countAtEnd + 5 ? true : undefined));
    writing = false;
    await Promise.all(writers);
    expect(backup.stdout).toContain('Backup written');
    if (!serverUrl) expect(backup.stdout).toContain('taken by the running app');
    const before = confirmed.filter((w) => w.at < backupBegan).map((w) => w.summary);
    const duringOrAfter = confirmed.filter((w) => w.at > backupEnded).length;
    expect(before.length).toBeGreaterThanOrEqual(20);
    expect(duringOrAfter).toBeGreaterThanOrEqual(5);
    await app.stop();

    const target = await newPlace('restored');
    const restore = await run('npx', ['tsx', 'scripts/restore.ts', file], { env: baseEnv(target) });
    expect(restore.stdout).toContain('Restored');

    const restored = await startApp(target);
    const again = await login(restored.base, 'kontaktlarer');
    const log = (await (await again.get(`/api/students/${studentId}/contact-log`)).json()) as { entries: { summary: string }[] };
    const kept = new Set(log.entries.map((e) => e.summary));
    expect(before.filter((s) => !kept.has(s))).toEqual([]);
    await restored.stop();
  }, 300_000);

  it('never restores over a database that holds data', async () => {
    if (serverUrl) {
      const live = await newPlace('occupied');
      const app = await startApp(live);
      await app.stop();
      await expect(restorePostgres(join(work, 'live.pgdump'), live.DATABASE_URL!)).rejects.toThrow(/not empty/);
    } else {
      await expect(restorePglite(join(work, 'live.tar.gz'), join(work, 'live'))).rejects.toThrow(/not empty/);
    }
  }, 120_000);

  it.skipIf(!!serverUrl)('a PGlite backup can be checked on its own: its audit chains hold', async () => {
    const database = await openBackupInMemory(join(work, 'live.tar.gz'));
    try {
      const chains = await verifyAuditChains(database);
      expect(chains.length).toBeGreaterThan(0);
      expect(chains.filter((c) => c.broken)).toEqual([]);
    } finally {
      await database.close();
    }
  }, 120_000);
});
