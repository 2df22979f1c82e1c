/** One's own account: changing the password (with the strength rule) and seeing and ending one's sessions. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, testApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => { t = await testApp({ loginMaxAttempts: 3 }); }, 120_000);
afterAll(async () => t?.close());
beforeEach(async () => { await t.database.query('delete from rate_limit'); });

const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('changing one\'s password', () => {
  it('a teacher changes their password: the old one stops working, the new one works, and this session goes on', async () => {
    const c = await t.login('faglarer');
    const res = await c.request('PUT', '/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Kobberkjele på komfyren' });
    expect(res.statusCode).toBe(200);
    expect((await c.get('/api/me')).statusCode).toBe(200);
    expect((await login('faglarer', DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login('faglarer', 'Kobberkjele på komfyren')).statusCode).toBe(200);
    const [row] = await t.database.query<{ password_hash: string }>("select password_hash from account where username = 'faglarer'");
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('the change ends the account\'s other sessions (another device, or someone who should not be there)', async () => {
    const here = await t.login('avdelingsleder');
    const elsewhere = await t.login('avdelingsleder');
    const res = await here.request('PUT', '/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Valnøtter i vinterlyset' });
    expect(res.json()).toEqual({ endedSessions: 1 });
    expect((await elsewhere.get('/api/me')).statusCode).toBe(401);
    expect((await here.get('/api/me')).statusCode).toBe(200);
  });

  it('a wrong current password is refused with a 400 naming that field, and changes nothing', async () => {
    const c = await t.login('radgiver');
    const res = await c.request('PUT', '/api/me/password', { currentPassword: 'feil', newPassword: 'Valnøtter i vinterlyset' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'currentPassword', message: 'Passordet du har nå, stemmer ikke.' }]);
    expect((await login('radgiver', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('guessing the current password through a stolen session meets the login\'s limit', async () => {
    const c = await t.login('rektor');
    for (let i = 0; i < 3; i++) expect((await c.request('PUT', '/api/me/password', { currentPassword: `gjett-${i}`, newPassword: 'Valnøtter i vinterlyset' })).statusCode).toBe(400);
    const limited = await c.request('PUT', '/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Valnøtter i vinterlyset' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().title).toMatch(/^For mange forsøk\. Prøv igjen om \d+ minutter\.$/);
    expect((await login('rektor', DEMO_PASSWORD)).statusCode).toBe(429);
  });

  it('a weak new password is refused with a 400 on the new password, in the user\'s language, and the old one still works', async () => {
    const c = await t.login('elev');
    const weak = async (newPassword: string, lang = 'nb') =>
      (await c.request('PUT', '/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword }, { 'accept-language': lang })).json().errors?.[0];
    expect(await weak('Sommer2024!')).toEqual({ field: 'newPassword', message: expect.stringMatching(/^Passordet er for lett å gjette/) });
    expect(await weak('qwertyuiop12')).toEqual({ field: 'newPassword', message: expect.stringMatching(/^Dette er et av de mest brukte/) });
    expect((await weak('aaaaaaaaaaaaaa', 'nn')).message).toMatch(/^Gjentakingar og rekkjer/);
    expect((await weak('kort', 'en')).message).toMatch(/^The password needs at least 10 characters/);
    // the student's own name and school: what others could guess
    const [p] = await t.database.query<{ given_name: string; family_name: string }>(
      "select p.given_name, p.family_name from account a join person p on p.id = a.person_id where a.username = 'elev'");
    expect((await weak(`${p!.given_name}${p!.family_name}2009`)).message).toMatch(/^Passordet bygger på navnet ditt/);
    expect((await weak('Fjellvik videregående')).message).toMatch(/^Passordet bygger på navnet ditt/);
    expect((await weak('demo12345')).message).toBe('Passordet må ha minst 10 tegn. Tre–fire tilfeldige ord er lett å huske og vanskelig å gjette.');
    expect((await login('elev', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('the new password must differ from the current one', async () => {
    const c = await t.login('elev.myndig');
    await c.request('PUT', '/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Tåkelur i havgapet' });
    const res = await c.request('PUT', '/api/me/password', { currentPassword: 'Tåkelur i havgapet', newPassword: 'Tåkelur i havgapet' });
    expect(res.json().errors).toEqual([{ field: 'newPassword', message: 'Det nye passordet må være et annet enn det du har nå.' }]);
  });

  it('an account without a password here (Feide only) is told so with 409, not asked for a password it does not have', async () => {
    const c = await t.login('kontaktlarer.2stb');
    await t.database.query("update account set password_hash = null where username = 'kontaktlarer.2stb'");
    const res = await c.request('PUT', '/api/me/password', { currentPassword: 'x', newPassword: 'Tåkelur i havgapet' });
    expect(res.statusCode).toBe(409);
    expect(res.json().title).toMatch(/logger inn med Feide eller ID-porten/);
    expect((await c.get('/api/me/account')).json().hasPassword).toBe(false);
  });

  it('a change without the CSRF token is refused and changes nothing', async () => {
    const c = await t.login('foresatt');
    const res = await c.request('PUT', '/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Tåkelur i havgapet' }, { 'x-csrf-token': 'nope' });
    expect(res.statusCode).toBe(403);
    expect((await login('foresatt', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('without a session there is nothing to change (401)', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/me/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Tåkelur i havgapet' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('one\'s own sessions', () => {
  it('a person sees their live sessions with when they started and were last used, marks this one, and the device each began in — no IP address', async () => {
    const phone = await t.login('foresatt.uten', undefined, { 'user-agent': FIREFOX_ANDROID });
    const laptop = await t.login('foresatt.uten', undefined, { 'user-agent': SAFARI_IPHONE });
    const res = await phone.get('/api/me/account', { 'user-agent': FIREFOX_ANDROID });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.username).toBe('foresatt.uten');
    expect(body.hasPassword).toBe(true);
    expect(body.sessions).toHaveLength(2);
    expect(body.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    for (const s of body.sessions) {
      expect(s.id).toMatch(/^[0-9a-f]{16}$/);
      expect(Date.parse(s.createdAt)).not.toBeNaN();
      expect(Date.parse(s.lastSeenAt)).not.toBeNaN();
    }
    expect(body.currentDevice).toEqual({ browser: 'Firefox', os: 'Android' });
    // the other session is named by the device it began in, so the person can tell which one to end
    expect(body.sessions.find((s: { current: boolean }) => !s.current).device).toEqual({ browser: 'Safari', os: 'iPhone' });
    expect(body.sessions.find((s: { current: boolean }) => s.current).device).toEqual({ browser: 'Firefox', os: 'Android' });
    expect((await laptop.get('/api/me/account', { 'user-agent': SAFARI_IPHONE })).json().currentDevice).toEqual({ browser: 'Safari', os: 'iPhone' });
    // no address of any kind ("iPhone" is a device, not an IP)
    expect(res.body).not.toMatch(/\b\d{1,3}(\.\d{1,3}){3}\b|::1|"ip(Address)?"/i);
  });

  it('a person ends one of their other sessions: that one gets 401 at once, this one goes on', async () => {
    const phone = await t.login('foresatt');
    const laptop = await t.login('foresatt');
    const { sessions } = (await phone.get('/api/me/account')).json();
    const other = sessions.find((s: { current: boolean }) => !s.current);
    expect((await phone.request('DELETE', `/api/me/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await laptop.get('/api/me')).statusCode).toBe(401);
    expect((await phone.get('/api/me')).statusCode).toBe(200);
  });

  it('ending "all the others" leaves only this session', async () => {
    const a = await t.login('kontaktlarer');
    const b = await t.login('kontaktlarer');
    const c = await t.login('kontaktlarer');
    const res = await a.request('POST', '/api/me/sessions/end-others');
    expect(res.json().endedSessions).toBeGreaterThanOrEqual(2);
    expect((await b.get('/api/me')).statusCode).toBe(401);
    expect((await c.get('/api/me')).statusCode).toBe(401);
    expect((await a.get('/api/me/account')).json().sessions).toHaveLength(1);
  });

  it('nobody can end another person\'s session with its id: the answer is the same and that session lives on', async () => {
    const victim = await t.login('rektor');
    const handle = (await victim.get('/api/me/account')).json().sessions[0].id as string;
    const attacker = await t.login('skoleadmin');
    expect((await attacker.request('DELETE', `/api/me/sessions/${handle}`)).statusCode).toBe(204);
    expect((await victim.get('/api/me')).statusCode).toBe(200);
  });

  it('ending this very session logs the person out, like logging out', async () => {
    const c = await t.login('foresatt.myndig');
    const mine = (await c.get('/api/me/account')).json().sessions.find((s: { current: boolean }) => s.current).id;
    const res = await c.request('DELETE', `/api/me/sessions/${mine}`);
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((k) => k.name === 'elevlos_session')?.value).toBe('');
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('a session id that is not one is a 400 naming the field', async () => {
    const c = await t.login('foresatt.myndig');
    const res = await c.request('DELETE', '/api/me/sessions/not-a-session');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('sessionId');
  });
});
