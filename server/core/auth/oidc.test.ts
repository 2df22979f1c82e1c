/**
 * Feide login end to end against a real oidc-provider on loopback, with a local groups API serving
 * fixtures: the app listens on a real port (the IdP redirects the "browser" back to it) and fetch plays
 * the browser, carrying cookies per host. Every id and name in the fixtures is generated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/harness.js';
import { freePort } from '../../test/freePort.js';
import type { GroupsCheck, OidcProviders } from './oidc.js';
import { SESSION_COOKIE } from './session.js';
import {
  Browser, FEIDE_CLAIM, feideOrganisation, goGroup, startGroupsApi, startIdp, type GroupsFixture, type LocalGroupsApi, type LocalIdp,
} from './testIdp.js';

/** what the IdP puts in the Feide claim for a login name */
const principal = (login: string) => `${login}@skole.feide.example`;

/** IdP login name → the demo account the import linked it to */
const LINKED: Record<string, string> = {
  'kari.kontakt': 'kontaktlarer',
  'frode.fag': 'faglarer',
  'eli.elev': 'elev',
  'sara.admin': 'skoleadmin',
  'kim.klasse': 'kontaktlarer.2stb',
  'anne.avd': 'avdelingsleder',
};

describe('Feide login against a local identity provider and groups API', () => {
  let idp: LocalIdp;
  let groupsApi: LocalGroupsApi;
  let t: TestApp;
  let appOrigin: string;
  let callbackUrl: string;
  const fixtures = new Map<string, GroupsFixture>();

  /** the groups the school's data gives a demo account, as Feide would list them if it agreed */
  async function agreeingGroups(username: string): Promise<unknown[]> {
    const rows = await t.database.query<{ name: string; kind: 'b' | 'u'; role: 'faculty' | 'student' }>(
      `select bg.name, 'b' as kind, 'faculty' as role from account a join staff_member sm on sm.owner_id = a.owner_id and sm.person_id = a.person_id
         join contact_teacher_assignment c on c.owner_id = sm.owner_id and c.staff_member_id = sm.id
         join basis_group bg on bg.owner_id = c.owner_id and bg.id = c.basis_group_id where a.username = $1
       union all
       select tg.name, 'u', 'faculty' from account a join staff_member sm on sm.owner_id = a.owner_id and sm.person_id = a.person_id
         join subject_teacher_assignment s on s.owner_id = sm.owner_id and s.staff_member_id = sm.id
         join teaching_group tg on tg.owner_id = s.owner_id and tg.id = s.teaching_group_id where a.username = $1
       union all
       select coalesce(bg.name, tg.name), case when bg.id is null then 'u' else 'b' end, 'student'
         from account a join student st on st.owner_id = a.owner_id and st.person_id = a.person_id
         join enrolment e on e.owner_id = st.owner_id and e.student_id = st.id and e.starts_on <= '2026-11-25' and (e.ends_on is null or e.ends_on > '2026-11-25')
         left join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
         left join teaching_group tg on tg.owner_id = e.owner_id and tg.id = e.teaching_group_id where a.username = $1`,
      [username],
    );
    return rows.map((r) => goGroup(r.kind, r.name, r.role));
  }

  beforeAll(async () => {
    const appPort = await freePort();
    appOrigin = `http://127.0.0.1:${appPort}`;
    callbackUrl = `${appOrigin}/api/auth/oidc/callback`;
    idp = await startIdp({
      clientId: 'elevlos-test', clientSecret: 'a-long-enough-client-secret-for-the-test-idp', redirectUris: [callbackUrl],
      // Feide hands out eduPersonPrincipalName for the userid-feide scope; groups-edu opens the groups API
      scopes: { 'userid-feide': [FEIDE_CLAIM], 'groups-edu': [], email: ['email'] },
      claimsOf: (login) => ({ [FEIDE_CLAIM]: principal(login), email: `${login}@epost.example` }),
    });
    groupsApi = await startGroupsApi(idp, (login) => fixtures.get(login) ?? []);
    t = await testApp({
      oidc: {
        issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, redirectUri: callbackUrl,
        subjectClaim: FEIDE_CLAIM, scope: 'openid userid-feide groups-edu email', label: 'Feide', groupsApi: groupsApi.url,
      },
    });
    await t.app.listen({ port: appPort, host: '127.0.0.1' });
    // what the import does for people with a Feide id
    for (const [login, username] of Object.entries(LINKED)) {
      await t.database.query('update account set oidc_subject = $1 where username = $2', [principal(login), username]);
    }
  });

  afterAll(async () => {
    await t?.close();
    await groupsApi?.close();
    await idp?.close();
  });

  const host = () => new URL(appOrigin).host;

  /** start → IdP login and consent as `login` → the callback URL the IdP sends the browser to */
  async function throughIdp(browser: Browser, login: string, start = '/api/auth/oidc/start'): Promise<URL> {
    const res = await browser.fetch(`${appOrigin}${start}`);
    expect(res.status).toBe(302);
    const authorize = new URL(res.headers.get('location')!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(browser.cookie(host(), 'elevlos_oidc')).toBeTruthy();
    const callback = await browser.loginAtIdp(authorize.href, login, callbackUrl);
    expect(callback.searchParams.get('code')).toBeTruthy();
    return callback;
  }

  /** a whole Feide login: the callback's answer */
  async function feideLogin(login: string, start?: string): Promise<{ browser: Browser; res: Response }> {
    const browser = new Browser();
    const res = await browser.fetch((await throughIdp(browser, login, start)).href);
    return { browser, res };
  }

  async function groupsCheck(browser: Browser): Promise<GroupsCheck> {
    const res = await browser.fetch(`${appOrigin}/api/auth/oidc/groups-check`);
    expect(res.status).toBe(200);
    return (await res.json()) as GroupsCheck;
  }

  async function auditCount(username: string): Promise<number> {
    const [row] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log l join account a on a.owner_id = l.owner_id and a.person_id = l.actor_person_id
        where a.username = $1 and l.action = 'feide.groupsDiffer'`, [username]);
    return row!.n;
  }

  it('a Feide login is matched on the Feide user id the import stored and opens a session for that person', async () => {
    fixtures.set('kari.kontakt', await agreeingGroups('kontaktlarer'));
    const { browser, res } = await feideLogin('kari.kontakt');
    expect(res.status, await res.clone().text()).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    expect(browser.cookie(host(), SESSION_COOKIE)).toBeTruthy();
    // the one-time flow cookie is gone
    expect(browser.cookie(host(), 'elevlos_oidc')).toBeUndefined();

    const me = await browser.fetch(`${appOrigin}/api/me`);
    expect(me.status).toBe(200);
    const viaOidc = (await me.json()) as { person: { id: string } };
    const viaPassword = (await (await t.login('kontaktlarer')).get('/api/me')).json() as { person: { id: string } };
    expect(viaOidc.person.id).toBe(viaPassword.person.id);
  });

  it('a Feide user id sent with capitals finds the account the import stored in lower case', async () => {
    await t.database.query('update account set oidc_subject = $1 where username = $2', [principal('rolf.rektor'), 'rektor']);
    const { browser, res } = await feideLogin('Rolf.Rektor');
    expect(res.status, await res.clone().text()).toBe(302);
    const me = (await (await browser.fetch(`${appOrigin}/api/me`)).json()) as { person: { id: string } };
    const rektor = (await (await t.login('rektor')).get('/api/me')).json() as { person: { id: string } };
    expect(me.person.id).toBe(rektor.person.id);
  });

  it('a teacher whose Feide groups agree with the school\'s data sees no notice, and nothing is recorded', async () => {
    fixtures.set('kari.kontakt', [feideOrganisation(['employee', 'faculty', 'member']), ...(await agreeingGroups('kontaktlarer'))]);
    const before = await auditCount('kontaktlarer');
    const { browser, res } = await feideLogin('kari.kontakt');
    expect(res.headers.get('location')).toBe('/');
    expect((await groupsCheck(browser)).differs).toBe(false);
    expect(await auditCount('kontaktlarer')).toBe(before);
  });

  it('a teacher whom Feide puts in another class is shown the disagreement, and Feide gives no access to that class', async () => {
    const { basisGroup2STBId } = t.demo.hardCases;
    const own = await agreeingGroups('faglarer');
    expect(own.length).toBeGreaterThan(1);
    const dropped = own[0] as { displayName: string };
    fixtures.set('frode.fag', [feideOrganisation(['employee', 'faculty', 'member']), goGroup('b', '2STB', 'faculty'), ...own.slice(1)]);
    const overviewBefore = (await (await t.login('faglarer')).get(`/api/basis-groups/${basisGroup2STBId}/overview`)).statusCode;
    expect(overviewBefore).toBeGreaterThanOrEqual(403);

    const { browser, res } = await feideLogin('frode.fag');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/groups-check');
    const check = await groupsCheck(browser);
    expect(check).toMatchObject({ differs: true, label: 'Feide' });
    expect(check.onlyInFeide).toEqual([expect.objectContaining({ name: '2STB', kind: 'basis', role: 'teacher' })]);
    expect(check.onlyInFeide[0]!.id).toMatch(/^fc:gogroup:/);
    expect(check.onlyInSchool.map((g) => g.name)).toEqual([dropped.displayName]);
    expect(check.affiliations.differ).toBe(false);

    // the school's data decides: the class Feide names stays closed, exactly as before the Feide login
    const overview = await browser.fetch(`${appOrigin}/api/basis-groups/${basisGroup2STBId}/overview`);
    expect(overview.status).toBe(overviewBefore);

    // on record with counts and ids, and the school's administrator finds it in the audit search
    const [entry] = await t.database.query<{ reason_params: { counts: Record<string, number>; onlyInSchool: { id: string }[] }; student_id: string | null }>(
      `select l.reason_params, l.student_id from audit_log l join account a on a.owner_id = l.owner_id and a.person_id = l.actor_person_id
        where a.username = 'faglarer' and l.action = 'feide.groupsDiffer' order by l.id desc limit 1`);
    expect(entry!.reason_params.counts).toEqual({ matched: own.length - 1, onlyInFeide: 1, onlyInSchool: 1 });
    expect(entry!.reason_params.onlyInSchool[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(entry!.student_id).toBeNull();
    const audit = await (await t.login('skoleadmin')).get('/api/audit');
    expect(audit.statusCode).toBe(200);
    expect((audit.json() as { entries: { action: string }[] }).entries.map((e) => e.action)).toContain('feide.groupsDiffer');
  });

  it('a deep link survives the notice: the notice page is told where the teacher was going', async () => {
    fixtures.set('frode.fag', [goGroup('b', '2STB', 'faculty')]);
    const { res } = await feideLogin('frode.fag', '/api/auth/oidc/start?redirect=%2Fclasses%2Fabc');
    expect(res.headers.get('location')).toBe('/groups-check?next=%2Fclasses%2Fabc');
  });

  it('a student\'s Feide groups are compared with their enrolments, and the disagreement is found under the student', async () => {
    const { elevStudentId } = t.demo.hardCases;
    fixtures.set('eli.elev', [feideOrganisation(['member', 'student']), ...(await agreeingGroups('elev')), goGroup('u', 'GEN-TYSK1', 'student')]);
    const { browser, res } = await feideLogin('eli.elev');
    expect(res.headers.get('location')).toBe('/groups-check');
    const check = await groupsCheck(browser);
    expect(check.onlyInFeide.map((g) => [g.name, g.kind, g.role])).toEqual([['GEN-TYSK1', 'teaching', 'student']]);
    expect(check.onlyInSchool).toEqual([]);
    const search = await (await t.login('rektor')).get(`/api/audit?studentId=${elevStudentId}`);
    expect((search.json() as { entries: { action: string }[] }).entries.map((e) => e.action)).toContain('feide.groupsDiffer');
  });

  it('Feide calling a staff member a student is flagged as an affiliation the school\'s data does not have', async () => {
    fixtures.set('sara.admin', [feideOrganisation(['member', 'student']), ...(await agreeingGroups('skoleadmin'))]);
    const { browser, res } = await feideLogin('sara.admin');
    expect(res.headers.get('location')).toBe('/groups-check');
    const check = await groupsCheck(browser);
    expect(check.affiliations).toEqual({ feide: ['member', 'student'], school: ['staff'], differ: true });
    expect(check.onlyInFeide).toEqual([]);
  });

  it('when the groups API fails, the login still goes through to the front page without a notice', async () => {
    fixtures.set('kim.klasse', { status: 503 });
    const calls = groupsApi.calls;
    const { browser, res } = await feideLogin('kim.klasse');
    expect(res.headers.get('location')).toBe('/');
    expect(groupsApi.calls).toBe(calls + 1);
    expect((await groupsCheck(browser)).differs).toBe(false);
    expect(await auditCount('kontaktlarer.2stb')).toBe(0);
  });

  it('the groups notice is only for a logged-in person', async () => {
    const res = await fetch(`${appOrigin}/api/auth/oidc/groups-check`);
    expect(res.status).toBe(401);
  });

  it('a Feide user that the import linked to no account is refused with a clear message', async () => {
    const { browser, res } = await feideLogin('ukjent.person');
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as { status: number; title: string };
    expect(problem.title).toContain('Feide');
    expect(problem.title).toMatch(/ikke knyttet/);
    expect(browser.cookie(host(), SESSION_COOKIE)).toBeUndefined();
  });

  it('a browser that an unknown Feide user is sent back with lands on the login page, which says why', async () => {
    const browser = new Browser();
    const callback = await throughIdp(browser, 'ukjent.person');
    const res = await browser.fetch(callback.href, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?signin=unknown&via=school');
    expect(browser.cookie(host(), SESSION_COOKIE)).toBeUndefined();
    expect(browser.cookie(host(), 'elevlos_oidc')).toBeUndefined();
  });

  it('a disabled account is not let in through Feide', async () => {
    await t.database.query(`update account set disabled = true where username = 'avdelingsleder'`);
    const { browser, res } = await feideLogin('anne.avd');
    expect(res.status).toBe(403);
    expect(browser.cookie(host(), SESSION_COOKIE)).toBeUndefined();
  });

  it('a callback with a forged state is refused', async () => {
    const browser = new Browser();
    const callback = await throughIdp(browser, 'kari.kontakt');
    callback.searchParams.set('state', 'forged-by-an-attacker');
    const res = await browser.fetch(callback.href);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
    expect(browser.cookie(host(), SESSION_COOKIE)).toBeUndefined();
  });

  it('a deep link survives the login, and another site\'s address is ignored', async () => {
    fixtures.set('kari.kontakt', await agreeingGroups('kontaktlarer'));
    const deep = await feideLogin('kari.kontakt', '/api/auth/oidc/start?redirect=%2Fclasses%2Fabc%3Ftab%3D1');
    expect(deep.res.headers.get('location')).toBe('/classes/abc?tab=1');
    for (const elsewhere of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/login?redirect=/x']) {
      const { res } = await feideLogin('kari.kontakt', `/api/auth/oidc/start?redirect=${encodeURIComponent(elsewhere)}`);
      expect(res.headers.get('location'), elsewhere).toBe('/');
    }
  });

  it('the login page is offered Feide alone when only Feide is configured', async () => {
    const res = await fetch(`${appOrigin}/api/auth/oidc/providers`);
    expect((await res.json()) as OidcProviders).toEqual({ providers: [{ id: 'school', label: 'Feide', startUrl: '/api/auth/oidc/start' }] });
    const guardianStart = await fetch(`${appOrigin}/api/auth/oidc/guardian/start`, { redirect: 'manual' });
    expect(guardianStart.status).toBe(404);
  });
});

describe('OIDC when not configured', () => {
  let t: TestApp;
  beforeAll(async () => { t = await testApp(); });
  afterAll(async () => { await t?.close(); });

  it('the OIDC routes are 404 and the login page is offered no external login when none is configured', async () => {
    expect(t.config.oidc).toBeUndefined();
    for (const url of ['/api/auth/oidc/start', '/api/auth/oidc/callback?code=x&state=y', '/api/auth/oidc/guardian/start', '/api/auth/oidc/guardian/callback?code=x&state=y']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
    const providers = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/providers' });
    expect(providers.json()).toEqual({ providers: [] });
  });
});
