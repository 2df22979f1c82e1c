/** Password reset by e-mail link: never says who exists, time-limited, single-use, hashed, ends every session. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../core/jobs/queue.js';
import { closeMailTransports, startMailCapture, type MailCapture } from '../../core/mail/mailer.js';
import { DEMO_PASSWORD, testApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let capture: MailCapture;
let seen = 0;

beforeAll(async () => {
  capture = await startMailCapture();
  t = await testApp({ smtp: { url: capture.url, from: 'Elevlos <ikke-svar@fjellvik.example>' }, publicUrl: 'https://elevlos.fjellvik.example', loginMaxAttempts: 4 });
}, 120_000);

afterAll(async () => {
  await t?.close();
  await capture?.close();
  closeMailTransports();
});

// every test starts with the rate limits of the ones before it forgotten
beforeEach(async () => { await t.database.query('delete from rate_limit'); });

const post = (url: string, payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, payload, headers });
const ask = (identifier: string, headers: Record<string, string> = {}) => post('/api/auth/password-reset', { identifier }, headers);
const complete = (token: string, newPassword: string, headers: Record<string, string> = {}) =>
  post('/api/auth/password-reset/complete', { token, newPassword }, headers);
const login = (username: string, password: string) => post('/api/auth/login', { username, password });

/** The mails sent since the last call, after the queue has run. */
async function newMails() {
  await runDueJobs(t.database);
  const all = await capture.messages();
  const fresh = all.slice(seen);
  seen = all.length;
  return fresh;
}

const tokenIn = (text: string | undefined) => /\/password-reset\/new#([A-Za-z0-9_-]{20,})/.exec(text ?? '')?.[1] ?? '';
const emailOf = async (username: string) => (await t.database.query<{ email: string }>(
  'select p.email from account a join person p on p.owner_id = a.owner_id and p.id = a.person_id where a.username = $1', [username]))[0]!.email;

async function linkFor(username: string, headers: Record<string, string> = {}): Promise<string> {
  expect((await ask(username, headers)).statusCode).toBe(202);
  const [mail] = await newMails();
  return tokenIn(mail?.text);
}

describe('a forgotten password', () => {
  it('a guardian asks by username, gets a link by e-mail, sets a new password with it and logs in with the new one', async () => {
    const res = await ask('foresatt');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ validMinutes: 60 });
    const mails = await newMails();
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to && 'value' in mail.to ? mail.to.value.map((v) => v.address) : []).toEqual([await emailOf('foresatt')]);
    expect(mail.subject).toBe('Nytt passord i Elevlos');
    expect(mail.text).toContain('brukernavnet foresatt');
    expect(mail.text).toContain('https://elevlos.fjellvik.example/password-reset/new#');
    expect(mail.text).toContain('60 minutter');
    const token = tokenIn(mail.text);

    const check = await post('/api/auth/password-reset/check', { token });
    expect(check.json()).toEqual({ valid: true, username: 'foresatt' });
    expect((await complete(token, 'Grønn sykkel ved fjorden')).statusCode).toBe(204);
    expect((await login('foresatt', DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login('foresatt', 'Grønn sykkel ved fjorden')).statusCode).toBe(200);
  });

  it('asking by e-mail address finds the account too', async () => {
    const email = await emailOf('foresatt.uten');
    const token = await linkFor(email.toUpperCase());
    expect((await post('/api/auth/password-reset/check', { token })).json()).toEqual({ valid: true, username: 'foresatt.uten' });
  });

  it('the answer is the same for an unknown username, an unknown address and a real account: nothing about who exists is revealed', async () => {
    const answers = await Promise.all(['finnes.ikke', 'ingen@example.org', 'elev'].map((id) => ask(id)));
    for (const a of answers) {
      expect(a.statusCode).toBe(202);
      expect(a.body).toBe(answers[2]!.body);
    }
    // only the real one got a mail
    expect(await newMails()).toHaveLength(1);
  });

  it('the link works once: using it again is refused with a 400 naming the link, and the password stays as set', async () => {
    const token = await linkFor('elev');
    expect((await complete(token, 'Sjiraffen spiser tang')).statusCode).toBe(204);
    const again = await complete(token, 'Pingvinen danser salsa');
    expect(again.statusCode).toBe(400);
    expect(again.json().errors).toEqual([{ field: 'token', message: 'Lenken er utløpt eller allerede brukt. Be om en ny lenke.' }]);
    expect((await post('/api/auth/password-reset/check', { token })).json()).toEqual({ valid: false, username: null });
    expect((await login('elev', 'Sjiraffen spiser tang')).statusCode).toBe(200);
    expect((await login('elev', 'Pingvinen danser salsa')).statusCode).toBe(401);
  });

  it('the link stops working after 60 minutes', async () => {
    const token = await linkFor('radgiver');
    const [row] = await t.database.query<{ minutes: number }>(
      "select round(extract(epoch from expires_at - created_at) / 60)::int as minutes from password_reset r join account a on a.id = r.account_id where a.username = 'radgiver' and used_at is null");
    expect(row!.minutes).toBe(60);
    await t.database.query("update password_reset set expires_at = now() - interval '1 second' where account_id = (select id from account where username = 'radgiver')");
    expect((await complete(token, 'Kanelbolle på månen')).statusCode).toBe(400);
    expect((await login('radgiver', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('only the hash of the token is stored: the token from the e-mail is nowhere in the database', async () => {
    const token = await linkFor('avdelingsleder');
    const rows = await t.database.query<{ token_hash: string }>('select token_hash from password_reset');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.token_hash.includes(token) || token.includes(r.token_hash))).toBe(false);
    const jobs = await t.database.query<{ payload: unknown }>('select payload from job');
    expect(JSON.stringify(jobs)).not.toContain(token);
  });

  it('a new password set with the link ends every session of the account at once', async () => {
    const phone = await t.login('rektor');
    const laptop = await t.login('rektor');
    const token = await linkFor('rektor');
    expect((await complete(token, 'Blåbær i skogen om høsten')).statusCode).toBe(204);
    expect((await phone.get('/api/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/me')).statusCode).toBe(401);
  });

  it('a weak password is refused with a 400 on the field in the user\'s language, and the link still works afterwards', async () => {
    const token = await linkFor('kontaktlarer.2stb');
    const nb = await complete(token, 'passord123');
    expect(nb.statusCode).toBe(400);
    expect(nb.json().errors).toEqual([{ field: 'newPassword', message: expect.stringMatching(/^Dette er et av de mest brukte passordene/) }]);
    const nn = await complete(token, 'kort', { 'accept-language': 'nn' });
    expect(nn.json().errors[0]).toEqual({ field: 'newPassword', message: expect.stringMatching(/^Passordet må ha minst 10 teikn/) });
    const personal = await complete(token, 'kontaktlarer.2stb2026', { 'accept-language': 'en' });
    expect(personal.json().errors[0].message).toMatch(/built on your name, username or school/);
    expect((await complete(token, 'Tusen lykter langs elva')).statusCode).toBe(204);
  });

  it('a newer link makes the older one stop working', async () => {
    const first = await linkFor('faglarer');
    const second = await linkFor('faglarer');
    expect((await complete(first, 'Orkideer i vinduskarmen')).statusCode).toBe(400);
    expect((await complete(second, 'Orkideer i vinduskarmen')).statusCode).toBe(204);
  });

  it('the e-mail comes in the language of the page the request was made from', async () => {
    await ask('elev.myndig', { 'accept-language': 'nn' });
    const [mail] = await newMails();
    expect(mail!.text).toContain('Nokon, forhåpentleg du, har bede om');
    await ask('elev.myndig', { 'accept-language': 'en' });
    expect((await newMails())[0]!.subject).toBe('A new password for Elevlos');
  });

  it('a disabled account and an account without a password (Feide only) get no link', async () => {
    await t.database.query("update account set disabled = true where username = 'foresatt.myndig'");
    await ask('foresatt.myndig');
    await t.database.query("update account set password_hash = null where username = 'skoleadmin'");
    await ask('skoleadmin');
    expect(await newMails()).toHaveLength(0);
    await t.database.query("update account set disabled = false where username = 'foresatt.myndig'");
  });

  it('a link of an account disabled after it was sent does not work', async () => {
    const token = await linkFor('kontaktlarer');
    await t.database.query("update account set disabled = true where username = 'kontaktlarer'");
    expect((await complete(token, 'Mosegrodd stein i bekken')).statusCode).toBe(400);
    await t.database.query("update account set disabled = false where username = 'kontaktlarer'");
    expect((await login('kontaktlarer', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('limits', () => {
  it('asking too often for one username is refused with 429 and Retry-After, like login, whether or not the account exists', async () => {
    for (const id of ['elev', 'finnes.ikke']) {
      for (let i = 0; i < 4; i++) expect((await ask(id)).statusCode, `${id} ${i}`).toBe(202);
      const limited = await ask(id);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().title).toMatch(/^For mange forespørsler om nytt passord\. Prøv igjen om \d+ minutter\.$/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    }
    // an address typed in is personal data: the limit's key holds only its hash
    await ask('ingen@example.org');
    const keys = await t.database.query<{ key: string }>('select key from rate_limit');
    expect(keys.map((k) => k.key).join(' ')).not.toMatch(/ingen|example|finnes/);
  });

  it('wrong links from one address are counted, and past the limit even a good link is refused from there', async () => {
    const good = await linkFor('elev.myndig');
    for (let i = 0; i < 40; i++) await post('/api/auth/password-reset/check', { token: `not-a-real-token-${i}-xxxxxxxxxxxxxxxxxxxx` });
    expect((await complete(good, 'Fyrlykten blinker i natt')).statusCode).toBe(429);
  });

  it('a reset asked for from another site (a foreign Origin) is refused', async () => {
    const res = await ask('foresatt', { origin: 'https://evil.example', host: 'localhost:3000' });
    expect(res.statusCode).toBe(403);
  });

  it('a reset lifts the login lock of the account, so the rightful owner gets in at once', async () => {
    for (let i = 0; i < 4; i++) await login('elev', 'feil passord');
    expect((await login('elev', 'Sjiraffen spiser tang')).statusCode).toBe(429);
    const token = await linkFor('elev');
    expect((await complete(token, 'Snøugle over tundraen')).statusCode).toBe(204);
    expect((await login('elev', 'Snøugle over tundraen')).statusCode).toBe(200);
  });
});
