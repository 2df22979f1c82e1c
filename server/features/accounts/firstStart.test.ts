/**
 * The first start as an operator meets it, with real processes: `server/main.ts` with SEED_DEMO=false on
 * an empty database prints a one-time setup link; the setup is done over HTTP and the admin logs in;
 * `npm run admin -- create-admin` makes another admin; a restart prints no link any more.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/freePort.js';
import { childStorage, cleanUpChildApps, startChildApp, type ChildApp } from '../../test/childApp.js';

const onPostgres = !!process.env.DATABASE_URL;
afterAll(cleanUpChildApps);

function start(env: Record<string, string>, port: number): ChildApp {
  // the request log is on (LOG_LEVEL info): the test shows the token is not in it
  return startChildApp({ LOG_LEVEL: 'info', SEED_DEMO: 'false', ...env }, port);
}

/**
 * Waits until the app says it is running, and for the setup link when one is expected; when none is,
 * a moment after the "running" lines, in which the link would have been printed (two queries' time).
 */
async function running(p: ChildApp, expectLink: boolean, timeoutMs = 150_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let runningSince = 0;
  while (Date.now() < until) {
    if (p.child.exitCode !== null) throw new Error(`server exited: ${p.output()}`);
    const out = p.output();
    if (expectLink && /\/setup#\S+[\s\S]*create-admin --username/.test(out)) return out;
    if (!expectLink && out.includes('API docs:')) {
      runningSince ||= Date.now();
      if (Date.now() - runningSince > 2_000) return out;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${p.output()}`);
}

async function stop(p: ChildApp): Promise<void> {
  p.child.kill('SIGTERM');
  await p.exited;
}

const json = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });

function adminCommand(env: Record<string, string>, args: string[], stdin: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', 'create-admin', ...args], {
    env: { ...process.env, ...env }, input: stdin, encoding: 'utf8', timeout: 120_000,
  });
}

/** Every file of a directory tree, read as bytes and searched for `needle`. */
function containsAnywhere(dir: string, needle: string): boolean {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (containsAnywhere(path, needle)) return true;
    } else if (readFileSync(path).includes(needle)) return true;
  }
  return false;
}

const ADMIN = { givenName: 'Sigrid', familyName: 'Eikeland', username: 'sigrid.eikeland', password: 'Rødstrupe på gjerdestolpen' };

describe('the first start without the demo', { timeout: 300_000 }, () => {
  it('prints a one-time setup link; the setup makes the first admin, who logs in; the link works once and is in no log', async () => {
    const { env, dir } = await childStorage();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = start(env, port);
    const out = await running(server, true);
    const token = /\/setup#([A-Za-z0-9_-]{40,})/.exec(out)?.[1];
    expect(token, out).toBeTruthy();
    expect(out).toContain(`http://localhost:${port}/setup#${token}`);
    expect(out).not.toMatch(/Demo logins/);

    expect((await (await json('POST', `${base}/api/setup/check`, { token })).json())).toEqual({ valid: true, schools: [] });
    const res = await json('POST', `${base}/api/setup`, {
      token, owner: { name: 'Vestfjord fylkeskommune', kind: 'county' }, school: { name: 'Vestfjord vidaregåande skule', stage: 'upperSecondary' }, admin: ADMIN,
    }, { 'accept-language': 'nn' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()).roles).toEqual(['schoolAdmin']);

    const login = await json('POST', `${base}/api/auth/login`, { username: ADMIN.username, password: ADMIN.password });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const me = await (await fetch(`${base}/api/me`, { headers: { cookie } })).json();
    expect(me.person).toMatchObject({ givenName: 'Sigrid', familyName: 'Eikeland' });

    const again = await json('POST', `${base}/api/setup`, {
      token, owner: { name: 'Inntrenger', kind: 'county' }, school: { name: 'Inntrenger', stage: 'upperSecondary' }, admin: { ...ADMIN, username: 'inntrenger' },
    });
    expect(again.status).toBe(400);

    // on PGlite, the operator's command waits for the app: one process per data directory
    if (!onPostgres) {
      const refused = adminCommand(env, ['--username', 'for.tidlig', '--given-name', 'For', '--family-name', 'Tidlig', '--password-stdin'], 'Hvalross på isflaket');
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/in use by another Elevlos process/);
    }
    await stop(server);
    // the console line is the only place the token ever was: not in the request log, not in the database
    const everything = server.output();
    expect(everything.split(token!).length - 1).toBe(1);
    expect(everything).toMatch(/"url":"\/api\/setup"/);
    if (dir) expect(containsAnywhere(dir, token!)).toBe(false);

    // an operator adds a second admin from the shell, the password piped in
    const made = adminCommand(env, ['--username', 'Ola.Drift', '--given-name', 'Ola', '--family-name', 'Drift', '--password-stdin'], 'Tyttebær under lyngen\n');
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/Made Ola Drift \(username ola\.drift\) school admin at Vestfjord vidaregåande skule\./);
    const weak = adminCommand(env, ['--username', 'svak', '--given-name', 'Svak', '--family-name', 'Sjef', '--password-stdin', '--lang', 'nb'], 'passord123');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/Dette er et av de mest brukte passordene/);

    // a restart: no link any more, and the command's admin logs in
    const port2 = await freePort();
    const restarted = start(env, port2);
    const out2 = await running(restarted, false);
    expect(out2).not.toMatch(/\/setup#/);
    const login2 = await json('POST', `http://127.0.0.1:${port2}/api/auth/login`, { username: 'ola.drift', password: 'Tyttebær under lyngen' });
    expect(login2.status).toBe(200);
    await stop(restarted);
  });
});
