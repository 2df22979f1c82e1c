/** Accounts and sessions (issue 3 §3): argon2id, DB sessions, CSRF, rate limiting, timeouts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, testApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => { t = await testApp({ loginMaxAttempts: 3 }); });
afterAll(async () => t?.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

describe('login and sessions', () => {
  it('a demo user logs in and gets an httpOnly SameSite session cookie and a CSRF token', async () => {
    const res = await login('kontaktlarer', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'elevlos_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    expect(res.json().csrfToken).toMatch(/.{20,}/);
    expect(res.json().roles).toContain('contactTeacher');
    expect(res.json().basisGroups.map((g: { name: string }) => g.name)).toContain('2STA');
  });

  it('passwords are stored as argon2id hashes, never in clear', async () => {
    const [row] = await t.database.query<{ password_hash: string }>("select password_hash from account where username = 'kontaktlarer'");
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(row!.password_hash).not.toContain(DEMO_PASSWORD);
  });

  it('a wrong password is refused with 401 and a message in the user\'s language', async () => {
    const nb = await login('rektor', 'feil-passord');
    expect(nb.statusCode).toBe(401);
    expect(nb.headers['content-type']).toContain('application/problem+json');
    expect(nb.json().title).toBe('Feil brukernavn eller passord.');
    const nn = await login('rektor', 'feil-passord', { 'accept-language': 'nn' });
    expect(nn.json().title).toBe('Feil brukarnamn eller passord.');
  });

  it('an unknown user gets the same answer as a wrong password (no user enumeration)', async () => {
    const res = await login('finnes.ikke', 'whatever');
    expect(res.statusCode).toBe(401);
    expect(res.json().title).toBe('Feil brukernavn eller passord.');
  });

  it('after too many failed attempts the login is rate-limited with a clear message and Retry-After, even with the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await login('radgiver', 'galt')).statusCode).toBe(401);
    const limited = await login('radgiver', DEMO_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().title).toMatch(/For mange innloggingsforsøk\. Prøv igjen om \d+ minutter\./);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('the rate limit is kept in the database, so every app process sees the same count', async () => {
    const [row] = await t.database.query<{ count: number }>("select count from rate_limit where key = 'login:user:radgiver'");
    expect(row!.count).toBe(3);
  });

  it('each login gets a new session id; the session before it ends', async () => {
    const first = await t.login('avdelingsleder');
    const second = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'avdelingsleder', password: DEMO_PASSWORD }, headers: { cookie: first.cookie } });
    expect(second.statusCode).toBe(200);
    expect((await first.get('/api/me')).statusCode).toBe(401);
  });

  it('a state-changing request without the CSRF token is refused with 403 and changes nothing', async () => {
    const c = await t.login('kontaktlarer');
    const res = await c.request('PUT', '/api/me/locale', { locale: 'en' }, { 'x-csrf-token': 'wrong' });
    expect(res.statusCode).toBe(403);
    expect(res.json().title).toMatch(/Skjemaet er utløpt/);
    expect((await c.get('/api/me')).json().person.locale).toBe('nb');
  });

  it('a login posted from another site (foreign Origin) is refused', async () => {
    const res = await login('kontaktlarer', DEMO_PASSWORD, { origin: 'https://evil.example', host: 'localhost:3000' });
    expect(res.statusCode).toBe(403);
  });

  it('an idle session expires after the idle timeout', async () => {
    const c = await t.login('faglarer');
    expect((await c.get('/api/me')).statusCode).toBe(200);
    await t.database.query(`update session set last_seen_at = now() - interval '2 hours' where person_id = (select person_id from account where username = 'faglarer')`);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('a session ends at its absolute timeout however active it is', async () => {
    const c = await t.login('elev');
    await t.database.query(`update session set expires_at = now() - interval '1 second' where person_id = (select person_id from account where username = 'elev')`);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('the session secret is not stored: the table holds only its hash', async () => {
    const res = await login('foresatt', DEMO_PASSWORD);
    const cookie = res.cookies.find((c) => c.name === 'elevlos_session')!.value;
    const secret = cookie.split('.')[1]!;
    const rows = await t.database.query<{ id: string }>('select id from session');
    expect(rows.some((r) => r.id === secret)).toBe(false);
  });

  it('the language choice is remembered on the person', async () => {
    const c = await t.login('foresatt');
    expect((await c.request('PUT', '/api/me/locale', { locale: 'nn' })).json().person.locale).toBe('nn');
    expect((await c.get('/api/me')).json().person.locale).toBe('nn');
  });
});

describe('rate limiting counts failures only', () => {
  it('many successful logins from one address (a whole school behind one NAT) are never rate-limited', async () => {
    const many = await testApp({ loginMaxAttempts: 2 });
    try {
      for (let i = 0; i < 30; i++) {
        const res = await many.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'elev', password: DEMO_PASSWORD } });
        expect(res.statusCode, `login ${i}`).toBe(200);
      }
    } finally {
      await many.close();
    }
  });
});
