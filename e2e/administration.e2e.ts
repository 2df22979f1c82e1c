/**
 * Administration (issue 13) in the browser: the school admin (`skoleadmin`) gives a teacher a role with a
 * reason and finds it in the audit log, is stopped from removing their own last admin role, assigns a
 * contact teacher (who then reads the class), and corrects a membership (ended, never deleted, and added
 * again) — the student sees who and why in their access log; the area on a phone in nynorsk; a teacher
 * gets the not-allowed page. axe and screenshots on every page.
 *
 * The journeys change roles, contact teachers and memberships that other files rely on, so this file
 * has its own app server with the demo.
 */
import { request, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './appServer';
import { demo, demoHardCases } from './demo';
import { APP_TODAY, PASSWORD, check, exact, expectNoPageErrors, login, menu, newContext, settled, texts, useBrowser } from './support';

const browser = useBrowser();

let app: AppServer;
beforeAll(async () => { app = await startAppServer(APP_TODAY); });
afterAll(async () => { await app?.stop(); });

async function open(lang: 'nb' | 'nn' | 'en', mobile = false): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await newContext(browser(), lang, mobile, app.base);
  return { ctx, page: await ctx.newPage() };
}
async function close(ctx: BrowserContext): Promise<void> {
  expectNoPageErrors(ctx);
  await ctx.close();
}

/** An API session on this file's server, outside the browser (to see what another person now reads). */
async function apiAs(username: string) {
  const api = await request.newContext({ baseURL: app.base });
  expect((await api.post('/api/auth/login', { data: { username, password: PASSWORD } })).status()).toBe(200);
  return api;
}

/** Follow a link of the administration area's own menu and wait for its page. */
async function adminPage(page: Page, lang: 'nb' | 'nn', linkKey: string): Promise<void> {
  const t = texts(lang);
  const heading = await page.locator('main h1').first().textContent();
  await page.getByRole('navigation', { name: t('administration.areaNav') }).getByRole('link', { name: exact(t(linkKey)) }).click();
  await page.waitForFunction((old) => document.querySelector('main h1')?.textContent !== old, heading);
  await settled(page);
}

describe('the school admin: roles, contact teachers and memberships, each with a reason (nb)', () => {
  const t = texts('nb');
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => { ({ ctx, page } = await open('nb')); });
  afterAll(async () => { await close(ctx); });

  it('finds "Administrasjon" in the menu: the school, its pages and why corrections stand until the source changes', async () => {
    await login(page, 'skoleadmin');
    await menu(page, 'nb', exact(t('administration.nav')));
    await page.getByRole('heading', { level: 1, name: t('administration.home.title') }).waitFor();
    await page.getByRole('heading', { level: 2, name: demo.schoolName }).waitFor();
    await page.getByText(t('administration.sourceHelp')).waitFor();
    await check(page, 'admin-home');
  });

  it('gives the contact teacher of 2STA the counsellor role: the reason is asked for first, then the role shows and the audit log has who and why', async () => {
    await page.getByRole('link', { name: exact(t('administration.links.staff')) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(t('administration.staff.title')) }).waitFor();
    await settled(page);
    await check(page, 'admin-staff');
    const form = page.locator('section', { has: page.getByRole('heading', { name: t('administration.staff.addHeading') }) });
    await form.getByLabel(t('administration.staff.person'), { exact: true }).selectOption({ label: demo.staff.contactTeacher });
    await form.getByLabel(t('administration.staff.role'), { exact: true }).selectOption({ label: t('administration.role.counsellor') });
    await form.getByRole('button', { name: t('administration.staff.add') }).click();
    await form.getByText(t('administration.reason.required')).first().waitFor();
    await check(page, 'admin-staff-reason-missing');
    await form.getByLabel(t('administration.reason.label')).fill('Vikar for rådgiveren ut januar');
    await form.getByRole('button', { name: t('administration.staff.add') }).click();
    await page.getByText(t('administration.staff.added', { name: demo.staff.contactTeacher, role: t('administration.role.counsellor') })).waitFor();
    const row = page.getByRole('row').filter({ hasText: demo.staff.contactTeacher });
    await row.getByText(t('administration.role.counsellor'), { exact: true }).waitFor();

    await menu(page, 'nb', exact(t('nav.audit')));
    await page.getByRole('heading', { level: 1, name: t('audit.title') }).waitFor();
    await settled(page);
    const entry = page.getByRole('row').filter({ hasText: t('administration.actions.addRole') }).first();
    await entry.getByText(/Vikar for rådgiveren ut januar/).waitFor();
    await check(page, 'admin-audit');
  });

  it('typed text is not lost by leaving the page: the app asks first, and staying keeps it', async () => {
    await menu(page, 'nb', exact(t('administration.nav')));
    await page.getByRole('link', { name: exact(t('administration.links.staff')) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(t('administration.staff.title')) }).waitFor();
    await settled(page);
    const reason = page.getByLabel(t('administration.reason.label'));
    await reason.fill('Halvskrevet begrunnelse');
    await page.getByRole('link', { name: exact(t('administration.links.groups')) }).click();
    const dialog = page.getByRole('dialog', { name: t('common.unsaved.title') });
    await dialog.waitFor();
    await check(page, 'admin-unsaved');
    await dialog.getByRole('button', { name: t('common.unsaved.stay') }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await reason.inputValue()).toBe('Halvskrevet begrunnelse');
    await reason.fill('');
  });

  it('cannot remove their own last school-admin role: the dialog says why and nothing changes', async () => {
    const me = page.getByRole('row').filter({ hasText: t('administration.staff.you') });
    const role = t('administration.role.schoolAdmin');
    await me.getByRole('button', { name: new RegExp(t('administration.staff.removeFor', { role, name: '.+' })) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel(t('administration.reason.label')).fill('Slutter som administrator');
    await dialog.getByRole('button', { name: t('administration.staff.removeYes') }).click();
    await dialog.getByText(/siste rolle som skoleadministrator/).first().waitFor();
    await check(page, 'admin-remove-own-refused');
    await dialog.getByRole('button', { name: t('administration.cancel') }).click();
    await dialog.waitFor({ state: 'detached' });
    await me.getByText(role, { exact: true }).waitFor();
  });

  it('makes the maths teacher contact teacher of 2STB with a reason, and the teacher reads the class at once', async () => {
    const faglarer = await apiAs('faglarer');
    const overview = `/api/basis-groups/${demoHardCases.basisGroup2STBId}/overview`;
    expect((await faglarer.get(overview)).status()).toBe(404);
    await adminPage(page, 'nb', 'administration.links.contactTeachers');
    await check(page, 'admin-contact-teachers');
    const form = page.locator('section', { has: page.getByRole('heading', { name: t('administration.contactTeachers.assignHeading') }) });
    await form.getByLabel(t('administration.contactTeachers.group'), { exact: true }).selectOption({ label: '2STB' });
    await form.getByLabel(t('administration.contactTeachers.person'), { exact: true }).selectOption({ label: demo.staff.subjectTeacher });
    await form.getByLabel(t('administration.reason.label')).fill('Kontaktlæreren er i permisjon');
    await form.getByRole('button', { name: t('administration.contactTeachers.assign') }).click();
    await page.getByText(t('administration.contactTeachers.assigned', { name: demo.staff.subjectTeacher, group: '2STB' })).waitFor();
    await page.getByRole('row').filter({ hasText: '2STB' }).getByText(demo.staff.subjectTeacher).waitFor();
    const read = await faglarer.get(overview);
    expect(read.status()).toBe(200);
    expect((await read.json()).access.reason).toBe('kontaktlærer for 2STB');
    await faglarer.dispose();
  });

  it("ends elev's membership of 2STA on a date (it stays in the history) and adds it again; elev sees who and why in the access log", async () => {
    await adminPage(page, 'nb', 'administration.links.groups');
    await check(page, 'admin-groups');
    await page.getByRole('link', { name: exact('2STA') }).click();
    await page.getByRole('heading', { level: 1, name: t('administration.members.title', { group: '2STA' }) }).waitFor();
    await settled(page);
    await check(page, 'admin-members');
    const row = page.getByRole('row').filter({ hasText: demo.elev.name });
    await row.getByRole('button', { name: t('administration.members.endFor', { name: demo.elev.name }) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel(t('administration.reason.label')).fill('Feil i importen: eleven byttet ikke klasse');
    await check(page, 'admin-members-end-dialog');
    await dialog.getByRole('button', { name: t('administration.members.endYes') }).click();
    await page.getByText(t('administration.members.endedDone', { name: demo.elev.name })).waitFor();
    await row.getByText(t('administration.members.ended'), { exact: true }).waitFor();

    const form = page.locator('section', { has: page.getByRole('heading', { name: t('administration.members.addHeading') }) });
    await form.getByLabel(t('administration.members.search')).fill(demo.elev.name);
    await form.getByRole('radio', { name: new RegExp(demo.elev.name) }).check();
    await form.getByLabel(t('administration.reason.label')).fill('Eleven skal fortsatt gå i 2STA');
    await form.getByRole('button', { name: t('administration.members.add') }).click();
    await page.getByText(t('administration.members.added', { name: demo.elev.name, group: '2STA' })).waitFor();
    await expect.poll(() => page.getByRole('row').filter({ hasText: demo.elev.name }).count()).toBe(2);
    await check(page, 'admin-members-corrected');

    const elev = await apiAs('elev');
    const log = (await (await elev.get(`/api/students/${demo.elev.id}/access-log`)).json()) as { entries: { action: string; reason: string }[] };
    const reasons = log.entries.filter((e) => e.action.startsWith('administration.')).map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining([
      expect.stringContaining('Feil i importen: eleven byttet ikke klasse'), expect.stringContaining('Eleven skal fortsatt gå i 2STA'),
    ]));
    await elev.dispose();
  });
});

describe('the administration area on a phone, in nynorsk', () => {
  const t = texts('nn');
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => { ({ ctx, page } = await open('nn', true)); });
  afterAll(async () => { await close(ctx); });

  it('the school, the staff with their roles, the groups and the contact teachers fit a 390px screen', async () => {
    await login(page, 'skoleadmin');
    await menu(page, 'nn', exact(t('administration.nav')));
    await page.getByRole('heading', { level: 1, name: t('administration.home.title') }).waitFor();
    await check(page, 'admin-home-phone');
    await page.getByRole('link', { name: exact(t('administration.links.staff')) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(t('administration.staff.title')) }).waitFor();
    await settled(page);
    await check(page, 'admin-staff-phone');
    await adminPage(page, 'nn', 'administration.links.groups');
    await check(page, 'admin-groups-phone');
    await adminPage(page, 'nn', 'administration.links.contactTeachers');
    await check(page, 'admin-contact-teachers-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});

describe('a teacher in the administration area', () => {
  const t = texts('nb');
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => { ({ ctx, page } = await open('nb')); });
  afterAll(async () => { await close(ctx); });

  it('has no menu entry, and gets the not-allowed page by address', async () => {
    await login(page, 'kontaktlarer');
    expect(await page.getByRole('link', { name: exact(t('administration.nav')) }).count()).toBe(0);
    await page.goto('/admin');
    await page.getByRole('heading', { level: 1, name: t('errors.forbiddenTitle') }).waitFor();
    await check(page, 'admin-not-allowed');
  });
});
