/** The school admin's accounts: disable and enable (sessions end at once), end sessions, all on record with who and why. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../core/auth/session.js';
import { DEMO_PASSWORD, testApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await testApp();
  admin = await t.login('skoleadmin');
}, 120_000);
afterAll(async () => t?.close());

const accountIdOf = async (username: string) => (await t.database.query<{ id: string }>('select id from account where username = $1', [username]))[0]!.id;
const login = (username: string, password = DEMO_PASSWORD) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const setStatus = (c: Client, accountId: string, disabled: boolean, reason = 'Sluttet ved skolen') =>
  c.request('PUT', `/api/admin/accounts/${accountId}/status`, { disabled, reason });

describe('finding accounts', () => {
  it('the school admin finds staff, students and guardians of the school by name or username, with their status and live sessions', async () => {
    const res = await admin.get('/api/admin/accounts?q=foresatt');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.access.reason).toMatch(/^skoleadministrator ved /);
    const usernames = body.accounts.map((a: { username: string }) => a.username);
    expect(usernames).toEqual(expect.arrayContaining(['foresatt', 'foresatt.uten', 'foresatt.myndig']));
    const guardian = body.accounts.find((a: { username: string }) => a.username === 'foresatt');
    expect(guardian).toMatchObject({ kinds: ['guardian'], disabled: false, hasPassword: true, hasFederatedLogin: false });
    expect((await admin.get('/api/admin/accounts?q=kontaktlarer')).json().accounts[0].kinds).toEqual(['staff']);
    expect((await admin.get('/api/admin/accounts?q=elev.myndig')).json().accounts.map((a: { kinds: string[] }) => a.kinds)).toEqual([['student']]);
    // by name too, and the wildcard characters of SQL are just characters
    const [p] = await t.database.query<{ family_name: string }>("select p.family_name from account a join person p on p.id = a.person_id where a.username = 'rektor'");
    expect((await admin.get(`/api/admin/accounts?q=${encodeURIComponent(p!.family_name)}`)).json().accounts.map((a: { username: string }) => a.username)).toContain('rektor');
    expect((await admin.get('/api/admin/accounts?q=%25')).json().accounts).toEqual([]);
  });

  it('a person at another school is neither listed nor shown: 404, as if there were no such account', async () => {
    const schoolId = randomUUID();
    const personId = randomUUID();
    const accountId = randomUUID();
    await t.database.query("insert into school (owner_id, id, name, stage) values ($1, $2, 'Nordvik skole', 'compulsory')", [t.demo.ownerId, schoolId]);
    await t.database.query("insert into person (owner_id, id, given_name, family_name) values ($1, $2, 'Annen', 'Skolesen')", [t.demo.ownerId, personId]);
    await t.database.query('insert into staff_member (owner_id, id, person_id, school_id) values ($1, $2, $3, $4)', [t.demo.ownerId, randomUUID(), personId, schoolId]);
    await t.database.query("insert into account (owner_id, id, person_id, username) values ($1, $2, $3, 'annen.skolesen')", [t.demo.ownerId, accountId, personId]);
    expect((await admin.get('/api/admin/accounts?q=skolesen')).json().accounts).toEqual([]);
    expect((await admin.get(`/api/admin/accounts/${accountId}`)).statusCode).toBe(404);
    expect((await setStatus(admin, accountId, true)).statusCode).toBe(404);
    expect((await t.database.query<{ disabled: boolean }>('select disabled from account where id = $1', [accountId]))[0]!.disabled).toBe(false);
  });

  it('nobody but the school admin may list or change accounts: the principal and a teacher get 403, a guardian 404, and nothing changes', async () => {
    const target = await accountIdOf('faglarer');
    const principal = await t.login('rektor');
    const teacher = await t.login('kontaktlarer');
    const guardian = await t.login('foresatt');
    expect((await principal.get('/api/admin/accounts')).statusCode).toBe(403);
    expect((await teacher.get('/api/admin/accounts')).statusCode).toBe(403);
    expect((await principal.get(`/api/admin/accounts/${target}`)).statusCode).toBe(403);
    expect((await setStatus(teacher, target, true)).statusCode).toBe(403);
    expect((await setStatus(guardian, target, true)).statusCode).toBe(404);
    expect((await guardian.request('POST', `/api/admin/accounts/${target}/sessions/end`, { reason: 'Vil bare se' })).statusCode).toBe(404);
    expect((await login('faglarer')).statusCode).toBe(200);
  });
});

describe('disabling and enabling', () => {
  it('disabling an account ends its sessions at once: the old cookie gets 401 on its very next request', async () => {
    const teacher = await t.login('faglarer');
    const onPhone = await t.login('faglarer');
    expect((await teacher.get('/api/me')).statusCode).toBe(200);
    const res = await setStatus(admin, await accountIdOf('faglarer'), true, 'Permisjon resten av skoleåret');
    expect(res.statusCode).toBe(200);
    expect(res.json().account).toMatchObject({ username: 'faglarer', disabled: true, liveSessions: 0 });
    expect(res.json().sessions).toEqual([]);
    expect((await teacher.get('/api/me')).statusCode).toBe(401);
    expect((await onPhone.request('PUT', '/api/me/locale', { locale: 'nn' })).statusCode).toBe(401);
    expect((await t.database.query('select 1 from session where account_id = $1', [await accountIdOf('faglarer')]))).toEqual([]);
  });

  it('a disabled account cannot log in, even with the right password; enabled again, the same password works', async () => {
    const id = await accountIdOf('faglarer');
    expect((await login('faglarer')).statusCode).toBe(401);
    const res = await setStatus(admin, id, false, 'Tilbake fra permisjon');
    expect(res.json().account.disabled).toBe(false);
    expect((await login('faglarer')).statusCode).toBe(200);
  });

  it('a login that was half-way when the account was disabled gets no working session', async () => {
    const id = await accountIdOf('radgiver');
    const [row] = await t.database.query<{ person_id: string }>('select person_id from account where id = $1', [id]);
    await setStatus(admin, id, true, 'Mistenkelig innlogging');
    // the session row the racing login wrote just after the sessions were ended
    const { cookie } = await createSession(t.database, { ownerId: t.demo.ownerId, accountId: id, personId: row!.person_id }, { idleMinutes: 60, absoluteHours: 12 });
    const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `elevlos_session=${cookie}` } });
    expect(res.statusCode).toBe(401);
    await setStatus(admin, id, false, 'Avklart');
  });

  it('every change is on record with who did it and why, on the account\'s page and in the audit search', async () => {
    const id = await accountIdOf('faglarer');
    const detail = (await admin.get(`/api/admin/accounts/${id}`)).json();
    expect(detail.history.slice(0, 2)).toEqual([
      expect.objectContaining({ action: 'account.enable', note: 'Tilbake fra permisjon', actorName: expect.stringMatching(/\S+ \S+/) }),
      expect.objectContaining({ action: 'account.disable', note: 'Permisjon resten av skoleåret' }),
    ]);
    const [me] = await t.database.query<{ person_id: string }>("select person_id from account where username = 'skoleadmin'");
    const rows = await t.database.query<{ actor_person_id: string; reason_code: string; reason_params: Record<string, string> }>(
      "select actor_person_id, reason_code, reason_params from audit_log where resource_type = 'account' and resource_id = $1 and action = 'account.disable'", [id]);
    expect(rows).toEqual([{ actor_person_id: me!.person_id, reason_code: 'schoolAdmin', reason_params: expect.objectContaining({ note: 'Permisjon resten av skoleåret', endedSessions: '3' }) }]);
    const search = (await admin.get('/api/audit')).json().entries.map((e: { action: string }) => e.action);
    expect(search).toEqual(expect.arrayContaining(['account.disable', 'account.enable']));
  });

  it('the admin cannot disable their own account (a 400 on the field), so nobody locks the school out by mistake', async () => {
    const res = await setStatus(admin, await accountIdOf('skoleadmin'), true);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'disabled', message: 'Du kan ikke deaktivere din egen konto.' }]);
    expect((await admin.get('/api/me')).statusCode).toBe(200);
  });

  it('a change without a reason is a 400 naming the reason, and nothing changes', async () => {
    const id = await accountIdOf('elev');
    const res = await admin.request('PUT', `/api/admin/accounts/${id}/status`, { disabled: true, reason: ' ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('reason');
    expect((await login('elev')).statusCode).toBe(200);
  });
});

describe('ending someone\'s sessions', () => {
  it('an admin ends every session of an account (a lost phone) without disabling it; the person logs in again', async () => {
    const phone = await t.login('foresatt');
    const id = await accountIdOf('foresatt');
    const res = await admin.request('POST', `/api/admin/accounts/${id}/sessions/end`, { reason: 'Mistet telefonen' });
    expect(res.statusCode).toBe(200);
    expect(res.json().endedSessions).toBeGreaterThanOrEqual(1);
    expect((await phone.get('/api/me')).statusCode).toBe(401);
    expect((await login('foresatt')).statusCode).toBe(200);
    const history = (await admin.get(`/api/admin/accounts/${id}`)).json().history;
    expect(history[0]).toMatchObject({ action: 'account.endSessions', note: 'Mistet telefonen' });
  });

  it('the account page shows the live sessions with when they started and were last used, and the device each began in', async () => {
    await t.login('elev.myndig', undefined, { 'user-agent': 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36' });
    const detail = (await admin.get(`/api/admin/accounts/${await accountIdOf('elev.myndig')}`)).json();
    expect(detail.sessions.length).toBeGreaterThanOrEqual(1);
    expect(detail.sessions[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/), createdAt: expect.any(String), lastSeenAt: expect.any(String),
      device: { browser: 'Chrome', os: 'Android' },
    });
    expect(detail.account.liveSessions).toBe(detail.sessions.length);
  });
});
