/**
 * External logins in the browser: Feide for staff and students, ID-porten for guardians, each a local
 * oidc-provider on loopback (server/core/auth/testIdp.ts), with a Feide groups API serving fixtures.
 * The journeys run against their own app server: its database is seeded first and the contact teacher's
 * Feide id stored, as the import would, before the server starts on it with both logins configured.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/core/db/client.js';
import {
  FEIDE_CLAIM, feideOrganisation, goGroup, startGroupsApi, startIdp, type LocalGroupsApi, type LocalIdp,
} from '../server/core/auth/testIdp.js';
import { seedDemo } from '../server/seed/demo.js';
import { freePort } from '../server/test/freePort.js';
import { localBase, startAppServer, type AppServer } from './appServer';
import { demo, demoDataset } from './demo';
import { APP_TODAY, check, expectNoPageErrors, newContext, settled, signInAtIdp, texts, useBrowser } from './support';

const browser = useBrowser();
const t = texts('nb');
const ninOf = (personId: string) => demoDataset.person.find((p) => p.id === personId)!.nationalIdentityNumber!;
const feideId = (login: string) => `${login}@skole.feide.example`;

let feide: LocalIdp;
let idporten: LocalIdp;
let groupsApi: LocalGroupsApi;
let app: AppServer;
let base = '';

beforeAll(async () => {
  const port = await freePort();
  base = localBase(port);
  feide = await startIdp({
    clientId: 'elevlos-e2e-feide', clientSecret: 'a-long-enough-client-secret-for-the-feide-idp', redirectUris: [`${base}/api/auth/oidc/callback`],
    scopes: { 'userid-feide': [FEIDE_CLAIM], 'groups-edu': [] },
    claimsOf: (login) => ({ [FEIDE_CLAIM]: feideId(login) }),
  });
  // the contact teacher of 2STA: Feide agrees on 2STA, adds 2STB and lacks 2STA-NOR
  groupsApi = await startGroupsApi(feide, (login) => (login === 'kari.kontakt'
    ? [feideOrganisation(['employee', 'faculty', 'member']), goGroup('b', '2STA', 'faculty'), goGroup('b', '2STB', 'faculty')]
    : []));
  idporten = await startIdp({
    clientId: 'elevlos-e2e-idporten', clientSecret: 'another-long-enough-client-secret-for-idporten', redirectUris: [`${base}/api/auth/oidc/guardian/callback`],
    scopes: { profile: ['pid'] },
    // the login name at the test IdP is the person's (synthetic) national identity number
    claimsOf: (login) => ({ pid: login }),
  });

  app = await startAppServer(APP_TODAY, {
    port,
    prepare: async (dataDir) => {
      const database = await openDatabase({ dataDir });
      await seedDemo(database);
      await database.query(`update account set oidc_subject = $1 where username = 'kontaktlarer'`, [feideId('kari.kontakt')]);
      await database.close();
    },
    env: {
      OIDC_ISSUER: feide.issuer, OIDC_CLIENT_ID: feide.clientId, OIDC_CLIENT_SECRET: feide.clientSecret,
      OIDC_REDIRECT_URI: `${base}/api/auth/oidc/callback`, OIDC_SUBJECT_CLAIM: FEIDE_CLAIM, OIDC_SCOPE: 'openid userid-feide groups-edu',
      OIDC_GROUPS_API: groupsApi.url, OIDC_LABEL: 'Feide',
      OIDC_GUARDIAN_ISSUER: idporten.issuer, OIDC_GUARDIAN_CLIENT_ID: idporten.clientId, OIDC_GUARDIAN_CLIENT_SECRET: idporten.clientSecret,
      OIDC_GUARDIAN_REDIRECT_URI: `${base}/api/auth/oidc/guardian/callback`, OIDC_GUARDIAN_SCOPE: 'openid profile',
    },
  });
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await groupsApi?.close();
  await feide?.close();
  await idporten?.close();
});

describe('external logins in the browser (nb)', () => {
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ctx = await newContext(browser(), 'nb', false, base);
    page = await ctx.newPage();
  });
  afterAll(async () => {
    expectNoPageErrors(ctx);
    await ctx.close();
  });

  it('the login page offers Feide for staff and students and ID-porten for guardians', async () => {
    await page.goto('/login');
    const feideButton = page.getByRole('link', { name: t('auth.loginWith', { provider: 'Feide' }) });
    const idportenButton = page.getByRole('link', { name: t('auth.loginWith', { provider: 'ID-porten' }) });
    await feideButton.waitFor();
    await idportenButton.waitFor();
    expect(await page.getByText(t('oidc.forSchool')).isVisible()).toBe(true);
    expect(await page.getByText(t('oidc.forGuardian')).isVisible()).toBe(true);
    await check(page, 'login-external');
  });

  it('a teacher whom Feide puts in another class is told so after the Feide login, then goes on to the front page', async () => {
    await page.getByRole('link', { name: t('auth.loginWith', { provider: 'Feide' }) }).click();
    await signInAtIdp(page, 'kari.kontakt');
    await page.waitForURL((url) => url.origin === base && url.pathname === '/groups-check');
    await page.getByRole('heading', { level: 1, name: t('oidc.groups.title', { provider: 'Feide' }) }).waitFor();
    const onlyInFeide = page.getByRole('region', { name: t('oidc.groups.onlyInFeide', { provider: 'Feide' }) });
    await onlyInFeide.getByText(t('oidc.groups.group', { name: '2STB', kind: t('oidc.groups.kind.basis'), role: t('oidc.groups.role.teacher') })).waitFor();
    const onlyInSchool = page.getByRole('region', { name: t('oidc.groups.onlyInSchool') });
    await onlyInSchool.getByText(/^2STA-NOR/).waitFor();
    await check(page, 'feide-groups-notice');
    await page.getByRole('link', { name: t('oidc.groups.continue') }).click();
    const me = await (await page.request.get('/api/me')).json() as { person: { givenName: string }; basisGroups: { name: string }[] };
    await page.getByRole('heading', { level: 1, name: t('home.title', { name: me.person.givenName }) }).waitFor();
    await settled(page);
    // Feide's 2STB gives no access: the teacher's own classes are still only 2STA
    expect(me.basisGroups.map((g) => g.name)).toEqual(['2STA']);
  });

  it('a Feide user the school has not imported is told so on the login page', async () => {
    await ctx.clearCookies();
    await page.goto('/login');
    await page.getByRole('link', { name: t('auth.loginWith', { provider: 'Feide' }) }).click();
    await signInAtIdp(page, 'ukjent.person');
    await page.waitForURL((url) => url.origin === base && url.pathname === '/login');
    await page.getByRole('alert').getByText(t('oidc.signinUnknown.school', { provider: 'Feide' })).waitFor();
    await check(page, 'login-feide-unknown');
  });
});

describe('a guardian without an account logs in with ID-porten on a phone (nb)', () => {
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ctx = await newContext(browser(), 'nb', true, base);
    page = await ctx.newPage();
  });
  afterAll(async () => {
    expectNoPageErrors(ctx);
    await ctx.close();
  });

  it('gets an account at the first login and sees their child', async () => {
    await page.goto('/login');
    await page.getByRole('link', { name: t('auth.loginWith', { provider: 'ID-porten' }) }).click();
    await signInAtIdp(page, ninOf(demo.elevOtherGuardian.id));
    await page.waitForURL((url) => url.origin === base && url.pathname === '/');
    await page.getByRole('region', { name: t('home.guardian') }).getByRole('link', { name: demo.elev.name }).waitFor();
    await check(page, 'home-guardian-idporten');
  });

  it('someone who is no guardian is told so on the login page', async () => {
    await ctx.clearCookies();
    await page.goto('/login');
    await page.getByRole('link', { name: t('auth.loginWith', { provider: 'ID-porten' }) }).click();
    // the student's own number: a student is no guardian
    await signInAtIdp(page, ninOf(demoDataset.student.find((s) => s.id === demo.elev.id)!.personId));
    await page.waitForURL((url) => url.origin === base && url.pathname === '/login');
    await page.getByRole('alert').getByText(t('oidc.signinUnknown.guardian')).waitFor();
    await check(page, 'login-idporten-unknown');
  });
});
