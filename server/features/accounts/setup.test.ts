/** The first start without the demo: a one-time, expiring token makes the school owner, the first school and the first admin. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../core/config.js';
import { freshDatabase, testApp, type TestDb } from '../../test/harness.js';
import { armSetup, disarmSetup } from './setupToken.js';

let db: TestDb;
let app: FastifyInstance;
beforeAll(async () => {
  db = await freshDatabase();
  app = await buildApp(db.database, { ...loadConfig({}) });
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await db?.drop();
});
afterEach(async () => {
  disarmSetup();
  await db.database.query('delete from rate_limit');
});

const ADMIN = { givenName: 'Ingrid', familyName: 'Haugland', username: 'Ingrid.Haugland', email: 'ingrid.haugland@nordvik.example', password: 'Måker over moloen i mai' };
const NEW_PLACE = { owner: { name: 'Nordvik kommune', kind: 'municipality' }, school: { name: 'Nordvik ungdomsskole', stage: 'compulsory' } };

const post = (url: string, payload: object, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url, payload, headers });
const setup = (token: string, body: object = {}, headers: Record<string, string> = {}) => post('/api/setup', { token, ...NEW_PLACE, admin: ADMIN, ...body }, headers);
const count = async (table: string) => Number((await db.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);

describe('the first start', () => {
  it('a wrong token is refused with a 400 naming the link, and nothing is made', async () => {
    armSetup();
    const res = await setup('this-is-not-the-token-from-the-console');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'token', message: 'Oppsettlenken er ugyldig eller utløpt, eller Elevlos er allerede satt opp.' }]);
    expect(await count('school_owner')).toBe(0);
    expect((await post('/api/setup/check', { token: 'this-is-not-the-token-from-the-console' })).json()).toEqual({ valid: false, schools: [] });
  });

  it('the token expires after 60 minutes', async () => {
    const token = armSetup(Date.now() - 61 * 60_000);
    expect((await post('/api/setup/check', { token })).json().valid).toBe(false);
    expect((await setup(token)).statusCode).toBe(400);
  });

  it('the admin\'s password must meet the strength rule, and the username must be a username: 400s on those fields, nothing made', async () => {
    const token = armSetup();
    const weak = await setup(token, { admin: { ...ADMIN, password: 'Nordvik2026!' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([{ field: 'admin.password', message: expect.stringMatching(/^Passordet bygger på navnet ditt, brukernavnet eller skolen/) }]);
    const badName = await setup(token, { admin: { ...ADMIN, username: 'ingrid haugland' } }, { 'accept-language': 'en' });
    expect(badName.json().errors).toEqual([{ field: 'admin.username', message: expect.stringMatching(/^The username can only have lower-case letters/) }]);
    const noSchool = await setup(token, { school: undefined });
    expect(noSchool.json().errors).toEqual([{ field: 'school', message: 'Fyll ut skolens navn og trinn.' }]);
    const noEmail = await setup(token, { admin: { ...ADMIN, email: 'ikke en adresse' } });
    expect(noEmail.json().errors[0].field).toBe('admin.email');
    expect(await count('school_owner')).toBe(0);
    expect(await count('account')).toBe(0);
  });

  it('with the token, the page makes the school owner, the first school and the first admin, logs the admin in and is then spent', async () => {
    const token = armSetup();
    const check = await post('/api/setup/check', { token });
    expect(check.json()).toEqual({ valid: true, schools: [] });
    const res = await setup(token, {}, { 'accept-language': 'nn' });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.person).toMatchObject({ givenName: 'Ingrid', familyName: 'Haugland', locale: 'nn' });
    expect(me.roles).toEqual(['schoolAdmin']);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    // logged in as the school's admin: the admin's own pages answer
    const accounts = await app.inject({ method: 'GET', url: '/api/admin/accounts', headers: { cookie } });
    expect(accounts.statusCode).toBe(200);
    expect(accounts.json().accounts.map((a: { username: string }) => a.username)).toEqual(['ingrid.haugland']);
    expect(accounts.json().access.reason).toBe('skoleadministrator ved Nordvik ungdomsskole');
    expect(await db.database.query('select name, kind from school_owner')).toEqual([{ name: 'Nordvik kommune', kind: 'municipality' }]);
    expect(await db.database.query('select name, stage from school')).toEqual([{ name: 'Nordvik ungdomsskole', stage: 'compulsory' }]);
    const [account] = await db.database.query<{ password_hash: string }>("select password_hash from account where username = 'ingrid.haugland'");
    expect(account!.password_hash).toMatch(/^\$argon2id\$/);
    // on record, by the admin, who made themself
    const [entry] = await db.database.query<{ action: string; actor_person_id: string; reason_params: Record<string, string> }>(
      "select action, actor_person_id, reason_params from audit_log where resource_type = 'account'");
    expect(entry).toMatchObject({ action: 'account.createAdmin', actor_person_id: me.person.id, reason_params: { school: 'Nordvik ungdomsskole', note: 'setup' } });
    // the same link again: refused, and nothing more is made
    const again = await setup(token, { admin: { ...ADMIN, username: 'en.til' } });
    expect(again.statusCode).toBe(400);
    expect((await post('/api/setup/check', { token })).json().valid).toBe(false);
    expect(await count('account')).toBe(1);
    // logging in afterwards works with what was typed
    const login = await post('/api/auth/login', { username: 'ingrid.haugland', password: ADMIN.password });
    expect(login.statusCode).toBe(200);
  });

  it('once an account exists, even a freshly printed token makes nothing (a second first start is no way in)', async () => {
    const token = armSetup();
    expect((await post('/api/setup/check', { token })).json().valid).toBe(false);
    expect((await setup(token, { admin: { ...ADMIN, username: 'inntrenger' } })).statusCode).toBe(400);
    expect(await count('account')).toBe(1);
  });

  it('a setup posted from another site (a foreign Origin) is refused', async () => {
    const res = await setup(armSetup(), {}, { origin: 'https://evil.example', host: 'localhost:3000' });
    expect(res.statusCode).toBe(403);
  });
});

describe('the first start on data without accounts, and at the same moment', () => {
  let other: TestDb;
  let otherApp: FastifyInstance;
  beforeAll(async () => {
    other = await freshDatabase();
    otherApp = await buildApp(other.database, { ...loadConfig({}) });
    await otherApp.ready();
  });
  afterAll(async () => {
    await otherApp?.close();
    await other?.drop();
  });

  it('schools that exist already (brought in without accounts) are offered, and the admin is made at the chosen one', async () => {
    const ownerId = randomUUID();
    const schoolId = randomUUID();
    await other.database.query("insert into school_owner (id, name, kind) values ($1, 'Vestfjord fylkeskommune', 'county')", [ownerId]);
    await other.database.query("insert into school (owner_id, id, name, stage) values ($1, $2, 'Vestfjord vgs', 'upperSecondary')", [ownerId, schoolId]);
    const token = armSetup();
    const check = await otherApp.inject({ method: 'POST', url: '/api/setup/check', payload: { token } });
    expect(check.json()).toEqual({ valid: true, schools: [{ id: schoolId, name: 'Vestfjord vgs', ownerName: 'Vestfjord fylkeskommune' }] });
    const without = await otherApp.inject({ method: 'POST', url: '/api/setup', payload: { token, admin: ADMIN } });
    expect(without.json().errors).toEqual([{ field: 'schoolId', message: 'Velg en av skolene som finnes.' }]);
    // two clicks at the same moment: one admin
    const [a, b] = await Promise.all([
      otherApp.inject({ method: 'POST', url: '/api/setup', payload: { token, schoolId, admin: ADMIN } }),
      otherApp.inject({ method: 'POST', url: '/api/setup', payload: { token, schoolId, admin: { ...ADMIN, username: 'ingrid.to' } } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 400]);
    expect(await other.database.query('select count(*)::int as n from account')).toEqual([{ n: 1 }]);
    expect(await other.database.query('select count(*)::int as n from school_owner')).toEqual([{ n: 1 }]);
  });
});

describe('with the demo', () => {
  it('a database with the demo school has accounts, so the setup is closed whatever token is given', async () => {
    const demo = await testApp();
    try {
      const token = armSetup();
      const res = await demo.app.inject({ method: 'POST', url: '/api/setup', payload: { token, ...NEW_PLACE, admin: ADMIN } });
      expect(res.statusCode).toBe(400);
      expect(await demo.database.query("select count(*)::int as n from school_owner where name = 'Nordvik kommune'")).toEqual([{ n: 0 }]);
    } finally {
      await demo.close();
    }
  });
});
