/**
 * ID-porten for guardians, end to end against a second local oidc-provider standing in for ID-porten
 * (the national identity number in the pid claim), beside a Feide one. The numbers are the demo's
 * synthetic ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/harness.js';
import { freePort } from '../../test/freePort.js';
import type { OidcProviders } from './oidc.js';
import { SESSION_COOKIE } from './session.js';
import { Browser, FEIDE_CLAIM, startIdp, type LocalIdp } from './testIdp.js';

describe('ID-porten login for guardians against a local identity provider', () => {
  let idporten: LocalIdp;
  let feide: LocalIdp;
  let t: TestApp;
  let appOrigin: string;
  let callbackUrl: string;
  /** IdP login name → the pid ID-porten vouches for */
  const pids = new Map<string, string>();

  beforeAll(async () => {
    const appPort = await freePort();
    appOrigin = `http://127.0.0.1:${appPort}`;
    callbackUrl = `${appOrigin}/api/auth/oidc/guardian/callback`;
    idporten = await startIdp({
      clientId: 'elevlos-idporten-test', clientSecret: 'another-long-enough-client-secret-for-idporten', redirectUris: [callbackUrl],
      scopes: { profile: ['pid'] },
      claimsOf: (login) => ({ pid: pids.get(login) ?? '00000000000' }),
    });
    feide = await startIdp({
      clientId: 'elevlos-feide-test', clientSecret: 'a-long-enough-client-secret-for-the-feide-idp', redirectUris: [`${appOrigin}/api/auth/oidc/callback`],
      scopes: { 'userid-feide': [FEIDE_CLAIM] },
      claimsOf: (login) => ({ [FEIDE_CLAIM]: `${login}@skole.feide.example` }),
    });
    t = await testApp({
      oidc: {
        issuer: feide.issuer, clientId: feide.clientId, clientSecret: feide.clientSecret, redirectUri: `${appOrigin}/api/auth/oidc/callback`,
        subjectClaim: FEIDE_CLAIM, scope: 'openid userid-feide', label: 'Feide', groupsApi: null,
      },
      oidcGuardian: {
        issuer: idporten.issuer, clientId: idporten.clientId, clientSecret: idporten.clientSecret, redirectUri: callbackUrl,
        subjectClaim: 'pid', scope: 'openid profile', label: 'ID-porten',
      },
    });
    await t.app.listen({ port: appPort, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await t?.close();
    await idporten?.close();
    await feide?.close();
  });

  const host = () => new URL(appOrigin).host;

  async function ninOf(personId: string): Promise<string> {
    const [row] = await t.database.query<{ nin: string }>('select national_identity_number as nin from person where id = $1', [personId]);
    return row!.nin;
  }

  async function personOfUsername(username: string): Promise<string> {
    const [row] = await t.database.query<{ person_id: string }>('select person_id from account where username = $1', [username]);
    return row!.person_id;
  }

  async function accountsOf(personId: string): Promise<{ id: string; username: string; password_hash: string | null }[]> {
    return t.database.query('select id, username, password_hash from account where person_id = $1', [personId]);
  }

  /** start → ID-porten as `login` (whose pid is `pid`) → the callback URL ID-porten sends the browser to */
  async function throughIdporten(browser: Browser, login: string, pid: string): Promise<URL> {
    pids.set(login, pid);
    const start = await browser.fetch(`${appOrigin}/api/auth/oidc/guardian/start`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(idporten.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    return browser.loginAtIdp(authorize.href, login, callbackUrl);
  }

  async function idportenLogin(login: string, pid: string, headers: Record<string, string> = {}): Promise<{ browser: Browser; res: Response }> {
    const browser = new Browser();
    const res = await browser.fetch((await throughIdporten(browser, login, pid)).href, { headers });
    return { browser, res };
  }

  async function me(browser: Browser): Promise<{ person: { id: string }; roles: string[]; children: { studentId: string }[] }> {
    const res = await browser.fetch(`${appOrigin}/api/me`);
    expect(res.status).toBe(200);
    return res.json() as never;
  }

  it('a guardian who has an account logs in with ID-porten, found by the national identity number', async () => {
    const personId = await personOfUsername('foresatt');
    const { browser, res } = await idportenLogin('gunn.foresatt', await ninOf(personId));
    expect(res.status, await res.clone().text()).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    const who = await me(browser);
    expect(who.person.id).toBe(personId);
    expect(who.children.map((c) => c.studentId)).toContain(t.demo.hardCases.elevStudentId);
    expect(await accountsOf(personId)).toHaveLength(1);
  });

  it('a guardian of a current student without an account gets one at the first login, and the same one the next time', async () => {
    const personId = t.demo.hardCases.elevGuardianPersonIds[1]!;
    expect(await accountsOf(personId)).toEqual([]);
    const pid = await ninOf(personId);
    const first = await idportenLogin('geir.foresatt', pid);
    expect(first.res.headers.get('location')).toBe('/');
    const who = await me(first.browser);
    expect(who.person.id).toBe(personId);
    expect(who.roles).toContain('guardian');
    expect(who.children.map((c) => c.studentId)).toContain(t.demo.hardCases.elevStudentId);
    const accounts = await accountsOf(personId);
    expect(accounts).toHaveLength(1);
    // no password to guess, and a username that says nothing about the person
    expect(accounts[0]!.password_hash).toBeNull();
    expect(accounts[0]!.username).not.toContain(pid);

    const second = await idportenLogin('geir.foresatt', pid);
    expect((await me(second.browser)).person.id).toBe(personId);
    expect((await accountsOf(personId)).map((a) => a.id)).toEqual([accounts[0]!.id]);
    const created = await t.database.query<{ resource_id: string; reason_code: string }>(
      `select resource_id, reason_code from audit_log where actor_person_id = $1 and action = 'account.createdAtFirstLogin'`, [personId]);
    expect(created).toEqual([{ resource_id: accounts[0]!.id, reason_code: 'guardianWithParentalResponsibility' }]);
  });

  it('two first logins of the same guardian at once make one account', async () => {
    const [g] = await t.database.query<{ person_id: string }>(
      `select g.guardian_person_id as person_id from guardianship g join student s on s.id = g.student_id
        where s.status = 'active' and not exists (select 1 from account a where a.person_id = g.guardian_person_id)
        order by g.id limit 1`);
    const pid = await ninOf(g!.person_id);
    const browsers = [new Browser(), new Browser()];
    const callbacks = await Promise.all(browsers.map((b, i) => throughIdporten(b, `samtidig.${i}`, pid)));
    const answers = await Promise.all(callbacks.map((c, i) => browsers[i]!.fetch(c.href)));
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await accountsOf(g!.person_id)).toHaveLength(1);
  });

  it('someone who is no guardian is refused in their own language and gets no account, whatever else they are', async () => {
    const teacher = await personOfUsername('kontaktlarer');
    const adultStudent = await personOfUsername('elev.myndig');
    for (const [login, personId] of [['kari.kontakt', teacher], ['maja.myndig', adultStudent]] as const) {
      const before = await accountsOf(personId);
      const { browser, res } = await idportenLogin(login, await ninOf(personId));
      expect(res.status, login).toBe(403);
      expect(((await res.json()) as { title: string }).title).toMatch(/foresatt/);
      expect(browser.cookie(host(), SESSION_COOKIE)).toBeUndefined();
      expect(await accountsOf(personId)).toEqual(before);
    }
    const unknown = await idportenLogin('ukjent', '01017012345', { 'accept-language': 'en' });
    expect(unknown.res.status).toBe(403);
    expect(((await unknown.res.json()) as { title: string }).title).toMatch(/guardian of a student/);
  });

  it('a guardian whose children have all left gets no account, but one who already had an account still logs in', async () => {
    const [g] = await t.database.query<{ person_id: string; owner_id: string }>(
      `select g.guardian_person_id as person_id, g.owner_id from guardianship g join student s on s.id = g.student_id
        where s.status = 'left'
          and not exists (select 1 from guardianship g2 join student s2 on s2.id = g2.student_id
                           where g2.guardian_person_id = g.guardian_person_id and s2.status <> 'left')
          and not exists (select 1 from account a where a.person_id = g.guardian_person_id)
        limit 1`);
    expect(g, 'a guardian of a student who left').toBeTruthy();
    const pid = await ninOf(g!.person_id);
    const refused = await idportenLogin('tidligere.foresatt', pid);
    expect(refused.res.status).toBe(403);
    expect(await accountsOf(g!.person_id)).toEqual([]);

    await t.database.query(`insert into account (owner_id, id, person_id, username) values ($1, gen_random_uuid(), $2, 'tidligere.foresatt')`, [g!.owner_id, g!.person_id]);
    const allowed = await idportenLogin('tidligere.foresatt', pid);
    expect(allowed.res.status).toBe(302);
    expect((await me(allowed.browser)).person.id).toBe(g!.person_id);
  });

  it('a disabled guardian account is refused, and no new account is made beside it', async () => {
    const personId = t.demo.hardCases.elevGuardianPersonIds[0]!;
    await t.database.query('update account set disabled = true where person_id = $1', [personId]);
    try {
      const { res } = await idportenLogin('gunn.foresatt', await ninOf(personId));
      expect(res.status).toBe(403);
      expect(await accountsOf(personId)).toHaveLength(1);
    } finally {
      await t.database.query('update account set disabled = false where person_id = $1', [personId]);
    }
  });

  it('a guardian who cancels at ID-porten is sent back to the login page, which says the login failed', async () => {
    const browser = new Browser();
    const start = await browser.fetch(`${appOrigin}/api/auth/oidc/guardian/start`);
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const res = await browser.fetch(`${callbackUrl}?error=access_denied&state=${encodeURIComponent(state)}&iss=${encodeURIComponent(idporten.issuer)}`,
      { headers: { accept: 'text/html' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?signin=failed&via=guardian');
    expect(browser.cookie(host(), SESSION_COOKIE)).toBeUndefined();
  });

  it('the login page offers Feide and ID-porten when both are configured, and each login goes to its own issuer', async () => {
    const res = await fetch(`${appOrigin}/api/auth/oidc/providers`);
    expect((await res.json()) as OidcProviders).toEqual({
      providers: [
        { id: 'school', label: 'Feide', startUrl: '/api/auth/oidc/start' },
        { id: 'guardian', label: 'ID-porten', startUrl: '/api/auth/oidc/guardian/start' },
      ],
    });
    const school = await fetch(`${appOrigin}/api/auth/oidc/start`, { redirect: 'manual' });
    expect(new URL(school.headers.get('location')!).origin).toBe(feide.issuer);
    const guardian = await fetch(`${appOrigin}/api/auth/oidc/guardian/start`, { redirect: 'manual' });
    expect(new URL(guardian.headers.get('location')!).origin).toBe(idporten.issuer);
  });
});
