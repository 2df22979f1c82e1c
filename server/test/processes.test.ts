/**
 * Real processes: the data-dir lock, two app processes sharing one PostgreSQL database, and the
 * crash test (SIGKILL in the middle of a burst of writes; every acknowledged write survives).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../core/db/client.js';
import { DEMO_PASSWORD } from './harness.js';
import { childStorage, cleanUpChildApps, startChildApp, type ChildApp } from './childApp.js';
import { freePort } from './freePort.js';

const onPostgres = !!process.env.DATABASE_URL;
afterAll(cleanUpChildApps);

async function waitHealthy(p: ChildApp, timeoutMs = 150_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (p.child.exitCode !== null) throw new Error(`server exited: ${p.output()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${p.port}/healthz`)).ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not become healthy: ${p.output()}`);
}

async function login(port: number, username: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: (await res.json()).csrfToken };
}

/** Where a child process keeps its data (removed after the file's tests). */
async function storage(): Promise<Record<string, string>> {
  return (await childStorage()).env;
}

// a first start migrates and seeds the whole demo school (PGlite is one core): minutes on a busy machine
describe('processes', { timeout: 240_000 }, () => {
  it.skipIf(onPostgres)('a second process on the same PGlite data dir is refused with a clear error (no silent data loss)', async () => {
    const env = await storage();
    const first = startChildApp(env, await freePort());
    await waitHealthy(first);
    const second = startChildApp(env, await freePort());
    expect(await second.exited).toBe(2);
    expect(second.output()).toMatch(/in use by another Elevlos process/);
    first.child.kill('SIGTERM');
    await first.exited;
  });

  it.runIf(onPostgres)('two app processes on one database share sessions: a login on one works on the other', async () => {
    const env = await storage();
    const a = startChildApp(env, await freePort());
    await waitHealthy(a);
    const b = startChildApp(env, await freePort());
    await waitHealthy(b);
    const { cookie } = await login(a.port, 'kontaktlarer');
    const me = await fetch(`http://127.0.0.1:${b.port}/api/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).roles).toContain('contactTeacher');
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    await Promise.all([a.exited, b.exited]);
  });

  it('a start against a database nothing answers for says so in one line and stops, with no stack trace', async () => {
    const p = startChildApp({ DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/elevlos` }, await freePort());
    expect(await p.exited).toBe(1);
    const lines = p.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Elevlos cannot start: the database \(PostgreSQL 127\.0\.0\.1:\d+\/elevlos\) cannot be used: nothing answers there/);
  });

  it.runIf(onPostgres)('a start against a database the server does not have says that it does not exist, in one line', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/elevlos_missing_${process.pid}`;
    url.password = 'not-shown';
    const p = startChildApp({ DATABASE_URL: url.href }, await freePort());
    expect(await p.exited).toBe(1);
    const out = p.output().trim();
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toMatch(/cannot be used: that database does not exist/);
    expect(out).not.toContain('not-shown');
  });

  it('after SIGKILL in the middle of a burst of writes, every acknowledged write is there on restart', async () => {
    const env = await storage();
    const port = await freePort();
    const server = startChildApp(env, port);
    await waitHealthy(server);
    const { cookie, csrf } = await login(port, 'kontaktlarer');
    const me = await (await fetch(`http://127.0.0.1:${port}/api/me`, { headers: { cookie } })).json();
    const overview = await (await fetch(`http://127.0.0.1:${port}/api/basis-groups/${me.basisGroups[0].id}/overview`, { headers: { cookie } })).json();
    const studentId = overview.students[0].studentId as string;
    const acknowledged: string[] = [];
    let n = 0;
    const writer = async () => {
      for (;;) {
        const i = n++;
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/students/${studentId}/contact-log`, {
            method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
            body: JSON.stringify({ occurredOn: '2026-11-20', channel: 'phone', summary: `crash-probe ${i}` }),
          });
          if (res.status !== 201) return;
          acknowledged.push((await res.json()).id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    await new Promise((r) => setTimeout(r, 1500));
    server.child.kill('SIGKILL');
    await Promise.all(writers);
    await server.exited;
    expect(acknowledged.length).toBeGreaterThan(5);

    const restarted = startChildApp(env, port);
    await waitHealthy(restarted);
    restarted.child.kill('SIGTERM');
    await restarted.exited;
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATABASE_URL ? undefined : env.DATA_DIR });
    try {
      const rows = await database.query<{ id: string }>('select id from contact_log_entry where id = any($1::uuid[])', [acknowledged]);
      expect(rows.length).toBe(acknowledged.length);
    } finally {
      await database.close();
    }
  });
});
