/**
 * Issue 13's journey on a fresh install without the demo: the first admin is made on the setup page that
 * the console's one-time link opens, imports the school's OneRoster zip (preview → apply → progress →
 * done); the contact teacher then logs in through Feide (a local oidc-provider with a Feide-like groups
 * API) and sees their class; a re-sync where a student has left ends that student's membership, and
 * what was recorded about them in between is still there for those who may read it.
 * The app server is this file's own (seedDemo: false): the suite's server has the demo in it.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FEIDE_CLAIM, feideOrganisation, goGroup, startGroupsApi, startIdp, type LocalGroupsApi, type LocalIdp,
} from '../server/core/auth/testIdp.js';
import { writeOneRosterZip } from '../server/features/rosterImport/adapters/oneRoster/index.js';
import { smallSchoolRoster } from '../server/features/rosterImport/fixtures.js';
import type { Roster } from '../server/features/rosterImport/roster.js';
import { freePort } from '../server/test/freePort.js';
import { localBase, startAppServer, type AppServer } from './appServer';
import { APP_TODAY, TIMEOUT, check, exact, expectNoPageErrors, menu, newContext, settled, signInAtIdp, texts, typeDate, useBrowser } from './support';

const browser = useBrowser();
const t = texts('nb');

const SCHOOL = 'Fjellvik vgs';
const CLASS = '1IMP';
/** the roster's contact teacher and the principal added below, as the IdP sends them and the import stores them */
const TEACHER = { feideId: 'k.haugland@fjellvik.example', givenName: 'Kristoffer' };
const PRINCIPAL = { feideId: 's.brattli@fjellvik.example' };
/** the fourth student of smallSchoolRoster: the one who leaves before the second import */
const LEAVER = {
  sourceId: 'T-E3', personIds: ['T-P-E3', 'T-P-M3', 'T-P-F3'], name: 'Maja Skogheim', listName: 'Skogheim, Maja',
  guardians: ['Henrik Skogheim', 'Mathias Skogheim'],
};
const STAYING = ['Bråten, Sander', 'Lunde, Ingrid', 'Myrvold, Tobias'];
/** a passphrase the server's strength rule takes (generated for this test, used nowhere else) */
const ADMIN_PASSWORD = 'tindrende-fjordlykt-sykkelbjelle-93';

/** The school's export: smallSchoolRoster with a principal who logs in with Feide; `left` leaves the leaver out. */
function schoolExport(left: boolean): Buffer {
  const r: Roster = smallSchoolRoster({ schoolName: SCHOOL, className: CLASS });
  const at = { file: 'fixture', line: 0 };
  r.people.push({
    sourceId: 'T-P-RE', givenName: 'Solveig', familyName: 'Brattli', birthDate: '1971-03-08', nationalIdentityNumber: null, email: null,
    phone: null, streetAddress: null, postalCode: null, city: null, addressProtection: 'none', feideId: PRINCIPAL.feideId, at,
  });
  r.staff.push({ sourceId: 'T-T3', personId: 'T-P-RE', schoolId: 'T-S1', title: 'Rektor', roles: [{ role: 'principal', departmentId: null }], at });
  if (left) {
    r.students = r.students.filter((s) => s.sourceId !== LEAVER.sourceId);
    r.enrolments = r.enrolments.filter((e) => e.studentId !== LEAVER.sourceId);
    r.guardianships = r.guardianships.filter((g) => g.studentId !== LEAVER.sourceId);
    r.people = r.people.filter((p) => !LEAVER.personIds.includes(p.sourceId));
  }
  return writeOneRosterZip(r);
}

let feide: LocalIdp;
let groupsApi: LocalGroupsApi;
let app: AppServer;
let base = '';

/** The first start's setup link, from what the server printed. */
async function setupLinkPrinted(ms: number): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const link = /(http:\/\/\S+\/setup#[\w-]+)/.exec(app.output())?.[1];
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`the setup link was not printed: ${app.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  const port = await freePort();
  base = localBase(port);
  feide = await startIdp({
    clientId: 'elevlos-e2e-fresh', clientSecret: 'a-long-enough-client-secret-for-the-fresh-install-idp',
    redirectUris: [`${base}/api/auth/oidc/callback`],
    scopes: { 'userid-feide': [FEIDE_CLAIM], 'groups-edu': [] },
    // the login name typed at the test IdP is the Feide user id itself
    claimsOf: (login) => ({ [FEIDE_CLAIM]: login }),
  });
  // Feide agrees with the import: no notice comes between the login and the front page
  groupsApi = await startGroupsApi(feide, (login) => (login === TEACHER.feideId
    ? [feideOrganisation(['employee', 'faculty', 'member']), goGroup('b', CLASS, 'faculty'), goGroup('u', `${CLASS}-NOR`, 'faculty')]
    : [feideOrganisation(['employee', 'staff', 'member'])]));

  app = await startAppServer(APP_TODAY, {
    port,
    seedDemo: false,
    env: {
      PUBLIC_URL: base,
      OIDC_ISSUER: feide.issuer, OIDC_CLIENT_ID: feide.clientId, OIDC_CLIENT_SECRET: feide.clientSecret,
      OIDC_REDIRECT_URI: `${base}/api/auth/oidc/callback`, OIDC_SUBJECT_CLAIM: FEIDE_CLAIM, OIDC_SCOPE: 'openid userid-feide groups-edu',
      OIDC_GROUPS_API: groupsApi.url, OIDC_LABEL: 'Feide',
    },
  });
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await groupsApi?.close();
  await feide?.close();
});

async function feideLogin(page: Page, feideId: string, path = '/login'): Promise<void> {
  await page.goto(path);
  await page.getByRole('link', { name: t('auth.loginWith', { provider: 'Feide' }) }).click();
  await signInAtIdp(page, feideId);
  await page.waitForURL((url) => url.origin === base && !url.pathname.startsWith('/login'));
}

/** One kind's row of a counts table: added, changed, ended (and unchanged in the preview). */
async function counts(page: Page, kind: string): Promise<number[]> {
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: exact(t(`rosterImport.kinds.${kind}`)) }) }).first();
  return (await row.getByRole('cell').allTextContents()).map(Number);
}

/** The import page: pick the zip, see that it will be read as OneRoster, upload, and land on its preview. */
async function uploadAndPreview(page: Page, zip: Buffer, name: string): Promise<void> {
  await page.goto('/admin/import');
  await page.getByRole('heading', { level: 1, name: t('rosterImport.title') }).waitFor();
  await page.getByLabel(t('rosterImport.upload.label')).setInputFiles({ name, mimeType: 'application/zip', buffer: zip });
  await page.getByText(t('rosterImport.upload.readAsOneRoster'), { exact: false }).waitFor();
  await page.getByRole('button', { name: t('rosterImport.upload.submit') }).click();
  await page.waitForURL(/\/admin\/import\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 2, name: t('rosterImport.detail.previewHeading') }).waitFor({ timeout: 60_000 });
  expect(await page.getByText(t('rosterImport.source.oneRoster'), { exact: true }).count()).toBeGreaterThan(0);
}

/** Apply with its confirm step; the progress shows while the job runs, then the result. */
async function applyAndWait(page: Page): Promise<void> {
  await page.getByRole('button', { name: t('rosterImport.detail.apply'), exact: true }).click();
  await page.getByRole('button', { name: t('rosterImport.detail.applyYes') }).click();
  await page.getByRole('region', { name: t('rosterImport.detail.progress') }).getByRole('progressbar').waitFor();
  await page.getByRole('heading', { level: 2, name: t('rosterImport.detail.resultHeading') }).waitFor({ timeout: 60_000 });
  await page.getByText(t('rosterImport.detail.applied'), { exact: true }).waitFor();
}

describe('a fresh install without the demo: setup, a OneRoster import, a Feide login and a re-sync (nb)', () => {
  let adminCtx: BrowserContext;
  let teacherCtx: BrowserContext;
  let principalCtx: BrowserContext;
  let admin: Page;
  let teacher: Page;
  let principal: Page;
  let setupLink = '';
  let classPath = '';
  let leaverPath = '';
  const note = `Ringte mor om fraværet før flyttingen (${Date.now()})`;

  beforeAll(async () => {
    adminCtx = await newContext(browser(), 'nb', false, base);
    teacherCtx = await newContext(browser(), 'nb', false, base);
    principalCtx = await newContext(browser(), 'nb', true, base);
    [admin, teacher, principal] = await Promise.all([adminCtx.newPage(), teacherCtx.newPage(), principalCtx.newPage()]);
  });
  afterAll(async () => {
    for (const ctx of [adminCtx, teacherCtx, principalCtx]) {
      expectNoPageErrors(ctx);
      await ctx.close();
    }
  });

  it('the first start prints a one-time setup link on the console, and no demo logins', async () => {
    const link = await setupLinkPrinted(30_000);
    expect(new URL(link).origin).toBe(base);
    expect(app.output()).not.toMatch(/Demo logins/);
    const noOne = await fetch(`${base}/api/me`);
    expect(noOne.status).toBe(401);
    setupLink = link;
  });

  it('the first admin makes the school owner, the school and their own account on the setup page, and is led on to the import', async () => {
    await admin.goto(setupLink);
    await admin.getByRole('heading', { level: 1, name: t('accounts.setup.title') }).waitFor();
    await check(admin, 'fresh-setup');
    await admin.getByLabel(t('accounts.setup.ownerName')).fill('Generert fylkeskommune');
    await admin.getByLabel(t('accounts.setup.schoolName')).fill(SCHOOL);
    await admin.getByLabel(t('accounts.setup.givenName')).fill('Åse');
    await admin.getByLabel(t('accounts.setup.familyName')).fill('Admindal');
    await admin.getByLabel(t('accounts.setup.username'), { exact: true }).fill('ase.admindal');
    await admin.getByLabel(t('accounts.setup.password'), { exact: true }).fill(ADMIN_PASSWORD);
    await admin.getByLabel(t('accounts.setup.repeat'), { exact: true }).fill(ADMIN_PASSWORD);
    await admin.getByRole('button', { name: t('accounts.setup.submit') }).click();
    await admin.getByRole('heading', { level: 1, name: t('accounts.setup.doneTitle') }).waitFor();
    await admin.getByText(t('accounts.setup.doneText', { name: 'Åse Admindal', school: SCHOOL })).waitFor();
    await check(admin, 'fresh-setup-done');
    await admin.getByRole('link', { name: t('accounts.setup.toImport') }).click();
    await admin.getByRole('heading', { level: 1, name: t('rosterImport.title') }).waitFor();
    await admin.getByText(t('rosterImport.history.none')).waitFor();
    await check(admin, 'fresh-import-empty');
  });

  it('the admin uploads the school\'s OneRoster zip and sees what will be added before anything is written', async () => {
    await uploadAndPreview(admin, schoolExport(false), 'fjellvik-oneroster.zip');
    expect(await counts(admin, 'students')).toEqual([4, 0, 0, 0]);
    expect(await counts(admin, 'basisGroups')).toEqual([1, 0, 0, 0]);
    expect(await counts(admin, 'staff')).toEqual([3, 0, 0, 0]);
    await check(admin, 'fresh-import-preview');
  });

  it('the admin applies the import, follows its progress, and sees it done with accounts for the Feide users', async () => {
    await applyAndWait(admin);
    // three staff and four students have a Feide id: each gets an account that logs in through Feide
    await admin.getByText(t('rosterImport.detail.accounts', { created: 7, linked: 0 })).waitFor();
    await check(admin, 'fresh-import-done');
  });

  it('the contact teacher logs in through Feide, with no account made by hand, and sees their class with the imported students', async () => {
    await feideLogin(teacher, TEACHER.feideId);
    expect(new URL(teacher.url()).pathname).toBe('/');
    await teacher.getByRole('heading', { level: 1, name: t('home.title', { name: TEACHER.givenName }) }).waitFor();
    await check(teacher, 'fresh-teacher-home');
    await menu(teacher, 'nb', exact(CLASS));
    const table = teacher.getByRole('table', { name: t('classes.caption', { name: CLASS }) });
    await table.waitFor();
    for (const name of [...STAYING, LEAVER.listName]) await table.getByRole('link', { name }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(4);
    classPath = new URL(teacher.url()).pathname;
    await check(teacher, 'fresh-class-overview');
  });

  it('an imported guardian at a strictly confidential address is shielded on the student\'s page', async () => {
    const table = teacher.getByRole('table', { name: t('classes.caption', { name: CLASS }) });
    await table.getByRole('link', { name: STAYING[0] }).click();
    await teacher.getByRole('heading', { level: 1, name: 'Sander Bråten' }).waitFor();
    await settled(teacher);
    const guardians = teacher.getByRole('region', { name: t('students.guardians') });
    const mother = guardians.getByRole('listitem').filter({ has: teacher.getByRole('heading', { name: 'Nora Bråten' }) });
    await mother.getByText(t('common.protectedAddress'), { exact: true }).waitFor();
    // smallSchoolRoster's first mother lives at Fjordveien 1 under a strictly confidential address
    expect(await teacher.locator('body').innerText()).not.toContain('Fjordveien 1');
    await check(teacher, 'fresh-student-protected-guardian');
    await teacher.goto(classPath);
  });

  it('the contact teacher records a contact with the home of a student who is about to leave', async () => {
    const table = teacher.getByRole('table', { name: t('classes.caption', { name: CLASS }) });
    await table.getByRole('link', { name: LEAVER.listName }).click();
    await teacher.getByRole('heading', { level: 1, name: LEAVER.name }).waitFor();
    await settled(teacher);
    leaverPath = new URL(teacher.url()).pathname;
    const log = teacher.getByRole('region', { name: t('contactLog.title') });
    await log.getByRole('button', { name: t('contactLog.addTitle') }).click();
    const form = teacher.getByRole('form', { name: t('contactLog.addTitle') });
    await form.getByLabel(t('contactLog.occurredOn')).focus();
    // before the app's pinned "today"
    await typeDate(teacher, '2026-11-20');
    await form.getByLabel(t('contactLog.channel')).selectOption('phone');
    await form.getByLabel(t('contactLog.summary')).fill(note);
    await form.getByRole('button', { name: t('contactLog.add') }).click();
    await log.getByRole('list', { name: t('contactLog.entries') }).getByText(note).waitFor();
    await check(teacher, 'fresh-contact-log');
  });

  it('a re-sync where the student is gone shows that student ended in the preview, and is applied', async () => {
    await uploadAndPreview(admin, schoolExport(true), 'fjellvik-oneroster-2.zip');
    expect(await counts(admin, 'students')).toEqual([0, 0, 1, 3]);
    // the other students, the class and the staff are as before
    expect(await counts(admin, 'staff')).toEqual([0, 0, 0, 3]);
    await check(admin, 'fresh-resync-preview');
    await applyAndWait(admin);
    await check(admin, 'fresh-resync-done');
    // the history lists both imports, newest first
    await admin.getByRole('link', { name: t('rosterImport.detail.back') }).click();
    const history = admin.getByRole('region', { name: t('rosterImport.history.heading') });
    await expect.poll(() => history.getByText(t('rosterImport.status.applied'), { exact: true }).count(), { timeout: TIMEOUT }).toBe(2);
  });

  it('the student who left is no longer in the contact teacher\'s class', async () => {
    await teacher.goto(classPath);
    const table = teacher.getByRole('table', { name: t('classes.caption', { name: CLASS }) });
    await table.waitFor();
    for (const name of STAYING) await table.getByRole('link', { name }).waitFor();
    expect(await table.getByRole('link', { name: LEAVER.listName }).count()).toBe(0);
    expect(await table.locator('tbody tr').count()).toBe(3);
    await check(teacher, 'fresh-class-after-resync');
  });

  it('the principal, logging in through Feide on a phone, finds the student marked as left, with their guardians and the contact log kept', async () => {
    await feideLogin(principal, PRINCIPAL.feideId, `/login?redirect=${encodeURIComponent(leaverPath)}`);
    await principal.waitForURL((url) => url.pathname === leaverPath);
    await principal.getByRole('heading', { level: 1, name: LEAVER.name }).waitFor();
    await settled(principal);
    await principal.getByText(t('students.statusLeft'), { exact: true }).first().waitFor();
    // the guardians the export no longer lists stay the student's: the school may still need to reach them
    const guardians = principal.getByRole('region', { name: t('students.guardians') });
    for (const name of LEAVER.guardians) await guardians.getByRole('heading', { name }).waitFor();
    const log = principal.getByRole('region', { name: t('contactLog.title') });
    await log.getByRole('list', { name: t('contactLog.entries') }).getByText(note).waitFor();
    await check(principal, 'fresh-left-student-principal');
  });
});
