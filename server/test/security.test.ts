/**
 * What an attacker tries against the login and the logs (issue 16): forged X-Forwarded-For and Host headers,
 * a login flood, locking a named user out, NUL bytes and lone surrogates in any text, and what the request
 * and error logs keep. One demo database; each case has its own client address (inject's remoteAddress), so
 * the per-address budgets do not mix. On PGlite and PostgreSQL.
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app.js';
import type { Config } from '../core/config.js';
import { verifyPassword } from '../core/auth/password.js';
import { DEMO_PASSWORD, testApp, type TestApp } from './harness.js';

// counts the password hashing the login does, so a test can see that a limited address costs none
vi.mock('../core/auth/password.js', async (original) => {
  const real = await original<typeof import('../core/auth/password.js')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const hashing = () => vi.mocked(verifyPassword).mock.calls.length;

let t: TestApp;
const extraApps: FastifyInstance[] = [];
beforeAll(async () => { t = await testApp({ loginMaxAttempts: 5 }); });
afterAll(async () => {
  for (const a of extraApps) await a.close();
  await t?.close();
});

/** Another app on the same database, with other settings (as a second process would be). */
async function appWith(overrides: Partial<Config>, logStream?: PassThrough): Promise<FastifyInstance> {
  const a = await buildApp(t.database, { ...t.config, ...overrides }, { logStream });
  await a.ready();
  extraApps.push(a);
  return a;
}

const login = (app: FastifyInstance, username: string, password: string, opts: Partial<InjectOptions> = {}) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, ...opts });

const cookiesOf = (res: { cookies: { name: string; value: string }[] }) => res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

describe('the client address and the public address are not the sender\'s to choose', () => {
  it('370 failed logins with a rotating X-Forwarded-For are counted under the real address: after the budget, 429s', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 370; i++) {
      const res = await login(t.app, `finnes.ikke.${i}`, 'feil-passord', {
        remoteAddress: '198.51.100.7', headers: { 'x-forwarded-for': `203.0.${i >> 8}.${i & 255}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes.filter((c) => c === 401)).toHaveLength(50);
    expect(codes.filter((c) => c === 429)).toHaveLength(320);
    expect(codes.slice(50).every((c) => c === 429)).toBe(true);
  });

  it('with TRUST_PROXY naming the proxy (or a hop count), each client behind it has its own budget, and no one else may forward', async () => {
    const proxied = await appWith({ trustProxy: ['192.0.2.1'], loginMaxAttempts: 1 });
    let n = 0;
    const viaProxy = (client: string) => login(proxied, `finnes.ikke.p${n++}`, 'feil', { remoteAddress: '192.0.2.1', headers: { 'x-forwarded-for': client } });
    for (let i = 0; i < 10; i++) expect((await viaProxy('198.51.100.20')).statusCode).toBe(401);
    expect((await viaProxy('198.51.100.20')).statusCode).toBe(429);
    expect((await viaProxy('198.51.100.21')).statusCode).toBe(401);
    // a sender that is not the proxy cannot claim another address
    const direct = (client: string) => login(proxied, `finnes.ikke.d${n++}`, 'feil', { remoteAddress: '198.51.100.30', headers: { 'x-forwarded-for': client } });
    for (let i = 0; i < 10; i++) expect((await direct(`203.0.113.${i}`)).statusCode).toBe(401);
    expect((await direct('203.0.113.99')).statusCode).toBe(429);
    // a hop count trusts the nearest sender whoever it is: the client is the address it names
    const hops = await appWith({ trustProxy: 1, loginMaxAttempts: 1 });
    const viaHop = (client: string) => login(hops, `finnes.ikke.h${n++}`, 'feil', { remoteAddress: '192.0.2.9', headers: { 'x-forwarded-for': client } });
    for (let i = 0; i < 10; i++) expect((await viaHop('198.51.100.40')).statusCode).toBe(401);
    expect((await viaHop('198.51.100.40')).statusCode).toBe(429);
    expect((await viaHop('198.51.100.41')).statusCode).toBe(401);
  });

  it('a calendar feed\'s URL is built from PUBLIC_URL whatever Host or X-Forwarded-Host the request carries', async () => {
    const forged = { host: 'angriper.example', 'x-forwarded-host': 'angriper.example', 'x-forwarded-proto': 'https' };
    const elev = await t.login('elev');
    const booking = await elev.request('POST', '/api/me/calendar-feed', undefined, forged);
    expect(booking.statusCode, booking.body).toBe(200);
    expect(booking.json().url).toMatch(new RegExp(`^${t.config.publicUrl}/api/calendar/[\\w-]+\\.ics$`));
    const plan = await elev.request('POST', `/api/students/${t.demo.hardCases.elevStudentId}/assessment-plan/feed`, undefined, forged);
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json().url).toMatch(new RegExp(`^${t.config.publicUrl}/api/assessment-plan/feeds/[\\w-]+\\.ics$`));
    // and behind a trusted proxy too
    const proxied = await appWith({ trustProxy: ['127.0.0.1'] });
    const res = await proxied.inject({ method: 'POST', url: '/api/me/calendar-feed', headers: { cookie: elev.cookie, 'x-csrf-token': elev.csrf, ...forged } });
    expect(res.json().url.startsWith(`${t.config.publicUrl}/`)).toBe(true);
  });
});

describe('login floods and lockouts', () => {
  it('a flood of failed logins from one address costs at most its budget of password hashing, and others still log in', async () => {
    const before = hashing();
    const flood = await Promise.all(Array.from({ length: 120 }, (_, i) =>
      login(t.app, `flom.${i}`, 'feil-passord', { remoteAddress: '198.51.100.66' })));
    expect(flood.filter((r) => r.statusCode === 401)).toHaveLength(50);
    expect(flood.filter((r) => r.statusCode === 429)).toHaveLength(70);
    expect(hashing() - before).toBe(50);
    // once limited, an attempt is turned away without any hashing, even with a right password
    const limited = await login(t.app, 'faglarer', DEMO_PASSWORD, { remoteAddress: '198.51.100.66' });
    expect(limited.statusCode).toBe(429);
    expect(hashing() - before).toBe(50);
    expect((await login(t.app, 'faglarer', DEMO_PASSWORD, { remoteAddress: '198.51.100.67' })).statusCode).toBe(200);
  });

  it('5 wrong passwords from an attacker do not lock the real user out on the device they logged in from before; a new device stays locked', async () => {
    const home = { remoteAddress: '198.51.100.80' };
    const first = await login(t.app, 'radgiver', DEMO_PASSWORD, home);
    expect(first.statusCode).toBe(200);
    const device = first.cookies.find((c) => c.name === 'elevlos_device');
    expect(device?.httpOnly).toBe(true);

    for (let i = 0; i < 5; i++) expect((await login(t.app, 'radgiver', `gjetning-${i}`, { remoteAddress: '198.51.100.81' })).statusCode).toBe(401);
    // the attacker (and any new device) now gets 429 even with the right password
    expect((await login(t.app, 'radgiver', DEMO_PASSWORD, { remoteAddress: '198.51.100.81' })).statusCode).toBe(429);
    expect((await login(t.app, 'radgiver', DEMO_PASSWORD, home)).statusCode).toBe(429);

    const known = await login(t.app, 'radgiver', DEMO_PASSWORD, { ...home, headers: { cookie: `elevlos_device=${device!.value}` } });
    expect(known.statusCode, known.body).toBe(200);
    // the known device's success does not lift the lock for the attacker
    expect((await login(t.app, 'radgiver', DEMO_PASSWORD, { remoteAddress: '198.51.100.81' })).statusCode).toBe(429);
  });

  it('a device cookie helps only its own account, is worthless when altered, and a known device has its own limit', async () => {
    const mine = await login(t.app, 'avdelingsleder', DEMO_PASSWORD, { remoteAddress: '198.51.100.90' });
    const cookie = mine.cookies.find((c) => c.name === 'elevlos_device')!.value;
    for (let i = 0; i < 5; i++) await login(t.app, 'rektor', `gjetning-${i}`, { remoteAddress: '198.51.100.91' });
    // another account's device cookie, and a forged one, do not open rektor's lock
    expect((await login(t.app, 'rektor', DEMO_PASSWORD, { remoteAddress: '198.51.100.91', headers: { cookie: `elevlos_device=${cookie}` } })).statusCode).toBe(429);
    const [accountId, nonce] = cookie.split('.');
    const [rektor] = await t.database.query<{ id: string }>("select id from account where username = 'rektor'");
    const forged = `${rektor!.id}.${nonce}.${'A'.repeat(43)}`;
    expect((await login(t.app, 'rektor', DEMO_PASSWORD, { remoteAddress: '198.51.100.91', headers: { cookie: `elevlos_device=${forged}` } })).statusCode).toBe(429);
    expect(accountId).not.toBe(rektor!.id);
    // wrong passwords typed on a known device lock that device after 5, like an unknown one
    for (let i = 0; i < 5; i++) {
      expect((await login(t.app, 'avdelingsleder', `feil-${i}`, { remoteAddress: '198.51.100.90', headers: { cookie: `elevlos_device=${cookie}` } })).statusCode).toBe(401);
    }
    expect((await login(t.app, 'avdelingsleder', DEMO_PASSWORD, { remoteAddress: '198.51.100.90', headers: { cookie: `elevlos_device=${cookie}` } })).statusCode).toBe(429);
  });
});

describe('text that cannot be stored is refused with 400 naming the field', () => {
  it('a NUL byte in the username of a login without a session is 400 naming username, in the caller\'s language', async () => {
    const res = await login(t.app, 'kontakt\u0000larer', DEMO_PASSWORD, { remoteAddress: '198.51.100.100', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'username', message: 'Contains characters that cannot be stored (control characters or incomplete characters).' }]);
    const nn = await login(t.app, 'x', 'pass\u0000ord', { remoteAddress: '198.51.100.100', headers: { 'accept-language': 'nn' } });
    expect(nn.json().errors[0]).toEqual({ field: 'password', message: 'Inneheld teikn som ikkje kan lagrast (kontrollteikn eller ufullstendige teikn).' });
  });

  it('a contact-log entry with a NUL, another control character or a lone surrogate is 400 naming summary, and nothing is saved', async () => {
    const kt = await t.login('kontaktlarer');
    const url = `/api/students/${t.demo.hardCases.elevStudentId}/contact-log`;
    const before = await t.database.query('select 1 from contact_log_entry');
    const entry = { occurredOn: '2026-11-20', channel: 'phone', visibility: 'contactTeacherAndLeaders' };
    for (const summary of ['Ringte mor\u0000', 'Ringte\u001b[31m mor', 'Ringte \u0085mor']) {
      const res = await kt.request('POST', url, { ...entry, summary });
      expect(res.statusCode, JSON.stringify(summary)).toBe(400);
      expect(res.json().errors[0].field).toBe('summary');
    }
    // a lone surrogate can only be sent as a JSON escape
    const lone = await t.app.inject({
      method: 'POST', url, headers: { cookie: kt.cookie, 'x-csrf-token': kt.csrf, 'content-type': 'application/json' },
      payload: `{"occurredOn":"2026-11-20","channel":"phone","visibility":"contactTeacherAndLeaders","summary":"Ringte \\ud800 mor"}`,
    });
    expect(lone.statusCode).toBe(400);
    expect(lone.json().errors[0].field).toBe('summary');
    expect(await t.database.query('select 1 from contact_log_entry')).toHaveLength(before.length);
    // tabs, line breaks and emoji (a surrogate pair) are text
    const ok = await kt.request('POST', url, { ...entry, summary: 'Ringte mor.\n\tHun kommer på møtet 🙂' });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('a NUL in a path parameter or a query value is 400 naming it, never a 500', async () => {
    const kt = await t.login('kontaktlarer');
    const path = await kt.get('/api/students/%00/contact-log');
    expect(path.statusCode).toBe(400);
    expect(path.json().errors[0].field).toBe('studentId');
    const query = await kt.get(`/api/basis-groups/${t.demo.hardCases.basisGroup2STAId}/conduct?termId=%00`);
    expect(query.statusCode).toBe(400);
    expect(query.json().errors[0].field).toBe('termId');
  });
});

describe('the log holds no secrets and no personal data', () => {
  it('request and error logs of planted values show none of them: feed tokens, reset tokens, note texts, usernames, query parameters', async () => {
    const stream = new PassThrough();
    let log = '';
    let feedToken = '';
    stream.on('data', (d) => { log += String(d); });
    const logged = await appWith({}, stream);
    const note = 'Plantet notat om Kari Nordmann 4417';
    const username = 'plantet.brukar.9931';
    // two statements that fail in the database, with the planted values among their parameters
    await t.database.query(`alter table contact_log_entry add constraint planted_note check (summary not like 'Plantet notat%')`);
    await t.database.query(`alter table rate_limit add constraint planted_user check (key not like '%plantet.brukar%')`);
    try {
      const kt = await t.login('kontaktlarer');
      const elev = await t.login('elev');
      const feed = (await elev.request('POST', '/api/me/calendar-feed')).json().url as string;
      const feedPath = new URL(feed).pathname;
      feedToken = feedPath.split('/').pop()!.replace('.ics', '');
      const inject = (opts: InjectOptions, c = kt) => logged.inject({ ...opts, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, ...opts.headers } });

      expect((await logged.inject({ url: feedPath })).statusCode).toBe(200);
      await logged.inject({ url: '/reset-password?token=PlantetTilbakestilling7781xyz' });
      await logged.inject({ url: '/api/auth/password-reset/token/PlantetLenke5512abcdef' });
      await logged.inject({ url: '/api/auth/oidc/callback?code=PlantetKode3390abcdefgh&state=PlantetState8812' });
      const failedNote = await inject({
        method: 'POST', url: `/api/students/${t.demo.hardCases.elevStudentId}/contact-log`,
        payload: { occurredOn: '2026-11-20', channel: 'phone', visibility: 'contactTeacherAndLeaders', summary: note },
      });
      expect(failedNote.statusCode).toBe(500);
      const failedLogin = await login(logged, username, 'hemmelig-passord-771', { remoteAddress: '198.51.100.120' });
      expect(failedLogin.statusCode).toBe(500);
    } finally {
      await t.database.query('alter table contact_log_entry drop constraint planted_note');
      await t.database.query('alter table rate_limit drop constraint planted_user');
    }
    // the log was written: the feed's request and both failures are in it
    expect(log).toContain('/api/calendar/[redacted].ics');
    expect(log.match(/unhandled error/g)?.length).toBe(2);
    expect(log).toContain('23514');
    for (const planted of [feedToken, 'Plantet notat', 'Kari Nordmann', 'plantet.brukar', 'hemmelig-passord', 'PlantetTilbakestilling', 'PlantetLenke', 'PlantetKode', 'PlantetState']) {
      expect(log, planted).not.toContain(planted);
    }
  });
});
