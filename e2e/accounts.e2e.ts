/**
 * Accounts in the browser: a teacher changes their password on "My account" (strength feedback, the
 * server's refusal at the field, the unsaved-changes question, their other sessions) and logs in with the
 * new one; a guardian who forgot theirs gets the link by e-mail and sets a new one; the school admin
 * disables an account and that person's open page lands on the login; and the first start's setup page
 * on a fresh install without the demo.
 *
 * Every journey here changes passwords or accounts that other files log in with, so this file has its
 * own app servers: one with the demo (mail captured in its DATA_DIR/mail), one fresh (SEED_DEMO=false).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { request, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountMessages } from '../server/features/accounts/messages.js';
import { startAppServer, type AppServer } from './appServer';
import { demo } from './demo';
import {
  APP_TODAY, check, exact, expectNoPageErrors, login, menu, newContext, PASSWORD, screenshot, settled, texts, TIMEOUT, useBrowser,
} from './support';

const browser = useBrowser();

/** passphrases the server's strength rule takes (generated for this file, used nowhere else) */
const NEW_PASSWORD = 'kobberlampe-fiolin-hagesti-47';
const RESET_PASSWORD = 'tåkelur-bringebær-seilbåt-12';
const ADMIN_PASSWORD = 'fjellbjørk-kanelsnurr-lykt-58';

/** A server message as the API words it (`{minimum}` style placeholders). */
function serverText(lang: 'nb' | 'nn' | 'en', key: keyof (typeof accountMessages)['nb'], vars: Record<string, string | number> = {}): string {
  return accountMessages[lang][key].replace(/\{(\w+)\}/g, (_, v: string) => String(vars[v] ?? ''));
}

let app: AppServer;
beforeAll(async () => { app = await startAppServer(APP_TODAY); });
afterAll(async () => { await app?.stop(); });

/** A context and page on this file's demo server; closed (after checking the page threw nothing) by `close`. */
async function open(lang: 'nb' | 'nn' | 'en', mobile = false, base = app.base): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await newContext(browser(), lang, mobile, base);
  return { ctx, page: await ctx.newPage() };
}
async function close(ctx: BrowserContext): Promise<void> {
  expectNoPageErrors(ctx);
  await ctx.close();
}

/** On a narrow screen the menu (with the logout button) is behind its toggle. */
async function openMenu(page: Page, toggleName: string): Promise<void> {
  const toggle = page.getByRole('button', { name: toggleName });
  if (await toggle.isVisible() && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** The strength meter's words under a new-password field. */
const meter = (page: Page) => page.locator('.password-strength p');

// ---------------------------------------------------------------------------------------------

describe('my account: a new password and my sessions (nb)', () => {
  const t = texts('nb');
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => { ({ ctx, page } = await open('nb')); });
  afterAll(async () => { await close(ctx); });

  it('a teacher finds "Min konto" in the menu, with their username and where they are logged in', async () => {
    await login(page, 'kontaktlarer');
    await menu(page, 'nb', exact(t('accounts.nav.myAccount')));
    await page.getByRole('heading', { level: 1, name: t('accounts.own.title') }).waitFor();
    await expect.poll(() => page.locator('.facts').textContent()).toContain('kontaktlarer');
    await page.getByRole('heading', { level: 3, name: new RegExp(t('accounts.own.thisDevice')) }).waitFor();
    await page.getByText(t('accounts.own.onlyThis')).waitFor();
    await check(page, 'account-own');
  });

  it('typed text is not lost by leaving the page: the app asks first, and staying keeps it', async () => {
    await page.getByLabel(t('accounts.own.current'), { exact: true }).fill('noe jeg holder på med');
    await page.getByRole('link', { name: exact(t('app.name')) }).click();
    const dialog = page.getByRole('dialog', { name: t('common.unsaved.title') });
    await dialog.waitFor();
    await check(page, 'account-own-unsaved');
    await dialog.getByRole('button', { name: t('common.unsaved.stay') }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/me/account');
    expect(await page.getByLabel(t('accounts.own.current'), { exact: true }).inputValue()).toBe('noe jeg holder på med');
  });

  it('a wrong current password, and a new one built on the username, are each refused at their field in bokmål', async () => {
    const current = page.getByLabel(t('accounts.own.current'), { exact: true });
    const fresh = page.getByLabel(t('accounts.own.password'), { exact: true });
    const repeat = page.getByLabel(t('accounts.own.repeat'), { exact: true });
    await current.fill('ikke-passordet-mitt');
    await fresh.fill(NEW_PASSWORD);
    await repeat.fill(NEW_PASSWORD);
    await page.getByRole('button', { name: t('accounts.own.submit') }).click();
    await page.getByText(serverText('nb', 'accounts.password.wrongCurrent')).first().waitFor();
    expect(await current.getAttribute('aria-invalid')).toBe('true');

    await current.fill(PASSWORD);
    // the person's own username and a year: what anyone who knows them tries first
    await fresh.fill('Kontaktlarer2026!');
    // the meter says what is wrong before anything is sent
    await expect.poll(() => meter(page).textContent(), { timeout: TIMEOUT }).toContain(t('accounts.password.reasons.personal'));
    await repeat.fill('Kontaktlarer2026!');
    await page.getByRole('button', { name: t('accounts.own.submit') }).click();
    await page.getByText(serverText('nb', 'accounts.password.personal')).first().waitFor();
    expect(await fresh.getAttribute('aria-invalid')).toBe('true');
    await check(page, 'account-own-refused');
  });

  it('another session of the same person shows as another device, and can be logged out from here', async () => {
    const other = await request.newContext({ baseURL: app.base });
    expect((await other.post('/api/auth/login', { data: { username: 'kontaktlarer', password: PASSWORD } })).status()).toBe(200);
    await page.reload();
    await settled(page);
    const otherCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: t('accounts.own.otherDevice') }) });
    await otherCard.waitFor();
    await otherCard.getByRole('button').click();
    await page.getByText(t('accounts.own.endedOne')).waitFor();
    await otherCard.waitFor({ state: 'detached' });
    expect((await other.get('/api/me')).status()).toBe(401);
    await other.dispose();
  });

  it('a strong new password is taken; the old one no longer works and the new one does', async () => {
    await page.getByLabel(t('accounts.own.current'), { exact: true }).fill(PASSWORD);
    await page.getByLabel(t('accounts.own.password'), { exact: true }).fill(NEW_PASSWORD);
    await expect.poll(() => meter(page).textContent(), { timeout: TIMEOUT }).toContain(t('accounts.password.good'));
    await page.getByLabel(t('accounts.own.repeat'), { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: t('accounts.own.submit') }).click();
    await page.getByText(t('accounts.own.changedAlone')).waitFor();
    expect(await page.getByLabel(t('accounts.own.current'), { exact: true }).inputValue()).toBe('');
    await check(page, 'account-own-changed');

    await openMenu(page, t('shell.menu'));
    await page.getByRole('button', { name: t('shell.logout') }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByLabel(t('auth.username')).fill('kontaktlarer');
    await page.getByLabel(t('auth.password'), { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: t('auth.submit') }).click();
    await page.getByRole('alert').filter({ hasText: t('auth.wrongCredentials') }).waitFor();
    await login(page, 'kontaktlarer', NEW_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('a teacher has no accounts entry in the menu, and the accounts page tells them it is not for them', async () => {
    await openMenu(page, t('shell.menu'));
    const nav = page.getByRole('navigation', { name: t('shell.mainNav') });
    await nav.getByRole('link', { name: exact(t('accounts.nav.myAccount')) }).waitFor();
    expect(await nav.getByRole('link', { name: exact(t('accounts.nav.admin')) }).count()).toBe(0);
    await page.goto('/admin/accounts');
    await page.getByRole('heading', { level: 1, name: t('errors.forbiddenTitle') }).waitFor();
    await check(page, 'accounts-admin-teacher');
  });
});

// ---------------------------------------------------------------------------------------------

describe('a stranger who guesses a password does not lock the counsellor out of their own browser (nb)', () => {
  const t = texts('nb');
  let ctx: BrowserContext;
  let page: Page;
  let attacker: Awaited<ReturnType<typeof request.newContext>>;
  beforeAll(async () => {
    ({ ctx, page } = await open('nb'));
    attacker = await request.newContext({ baseURL: app.base });
  });
  afterAll(async () => {
    await attacker.dispose();
    await close(ctx);
  });

  it('the counsellor has logged in on this browser before, and logged out', async () => {
    await login(page, 'radgiver');
    await openMenu(page, t('shell.menu'));
    await page.getByRole('button', { name: t('shell.logout') }).click();
    await page.waitForURL((url) => url.pathname === '/login');
  });

  it('someone else types wrong passwords for the name until it is locked: even the right one is refused for them', async () => {
    // this file's server allows LOGIN_MAX_ATTEMPTS=30 (appServer.ts)
    for (let i = 0; i < 30; i++) {
      expect((await attacker.post('/api/auth/login', { data: { username: 'radgiver', password: `gjetning-${i}` } })).status()).toBe(401);
    }
    expect((await attacker.post('/api/auth/login', { data: { username: 'radgiver', password: PASSWORD } })).status()).toBe(429);
  });

  it('the counsellor logs in on their own browser as usual, and "Min konto" lists where they are logged in', async () => {
    await login(page, 'radgiver');
    expect(new URL(page.url()).pathname).toBe('/');
    await menu(page, 'nb', exact(t('accounts.nav.myAccount')));
    await page.getByRole('heading', { level: 1, name: t('accounts.own.title') }).waitFor();
    await page.getByRole('heading', { level: 3, name: new RegExp(t('accounts.own.thisDevice')) }).waitFor();
    await check(page, 'account-own-known-device');
  });

  it('a browser that never logged in as the counsellor is still held back, with the waiting time on the login page', async () => {
    const other = await open('nb');
    await other.page.goto('/login');
    await other.page.locator('input[name="username"]').fill('radgiver');
    await other.page.locator('input[name="password"]').fill(PASSWORD);
    await other.page.locator('button[type="submit"]').click();
    await other.page.getByRole('alert').filter({ hasText: t('auth.rateLimitedMinutes', { count: 15 }) }).waitFor();
    expect(new URL(other.page.url()).pathname).toBe('/login');
    await check(other.page, 'login-locked-new-device');
    await close(other.ctx);
  });
});

// ---------------------------------------------------------------------------------------------

async function mailsTo(to: string): Promise<ParsedMail[]> {
  const dir = join(app.dataDir, 'mail');
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  const mails = await Promise.all(files.map(async (f) => simpleParser(await readFile(join(dir, f), 'utf8'))));
  return mails.filter((m) => [m.to].flat().some((a) => a?.value.some((v) => v.address === to)));
}

/** The reset link's token from the newest mail to `to` (polling the capture directory; the job sends it). */
async function resetToken(to: string, after: number): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const mails = (await mailsTo(to)).filter((m) => (m.date?.getTime() ?? 0) >= after - 1000);
    const link = mails.map((m) => /\/password-reset\/new#([\w-]+)/.exec(m.text ?? '')?.[1]).find(Boolean);
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`no reset mail to ${to}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('a forgotten password, by e-mail link (nn, phone)', () => {
  const t = texts('nn');
  const email = demo.foresatt.email!;
  let ctx: BrowserContext;
  let page: Page;
  let token = '';
  beforeAll(async () => { ({ ctx, page } = await open('nn', true)); });
  afterAll(async () => { await close(ctx); });

  it('the login page links to "Gløymt passord?", which asks for a username or e-mail and never says whether it exists', async () => {
    await page.goto('/login');
    await page.getByRole('link', { name: t('accounts.forgot.link') }).click();
    await page.getByRole('heading', { level: 1, name: t('accounts.forgot.title') }).waitFor();
    await check(page, 'forgot-password');
    await page.getByRole('button', { name: t('accounts.forgot.submit') }).click();
    await page.getByText(t('accounts.required')).waitFor();

    await page.getByLabel(t('accounts.forgot.identifier')).fill('finst.ikkje');
    await page.getByRole('button', { name: t('accounts.forgot.submit') }).click();
    const sent = t('accounts.forgot.sent', { minutes: 60 });
    await page.getByText(sent).waitFor();
    await check(page, 'forgot-password-sent');

    await page.getByRole('button', { name: t('accounts.forgot.again') }).click();
    const asked = Date.now();
    await page.getByLabel(t('accounts.forgot.identifier')).fill('foresatt');
    await page.getByRole('button', { name: t('accounts.forgot.submit') }).click();
    // the same words for an account that exists as for one that does not
    await page.getByText(sent).waitFor();
    token = await resetToken(email, asked);
  });

  it('the e-mail\'s link opens the page for a new password, which names the username and refuses a weak one', async () => {
    await page.goto(`/password-reset/new#${token}`);
    await page.getByRole('heading', { level: 1, name: t('accounts.reset.title') }).waitFor();
    await page.getByText(t('accounts.reset.forUser', { username: 'foresatt' })).waitFor();
    await check(page, 'reset-password');
    await page.getByLabel(t('accounts.reset.password'), { exact: true }).fill('kort');
    await page.getByLabel(t('accounts.reset.repeat'), { exact: true }).fill('kort');
    await page.getByRole('button', { name: t('accounts.reset.submit') }).click();
    await page.getByText(serverText('nn', 'accounts.password.tooShort', { minimum: 10 })).first().waitFor();
    await check(page, 'reset-password-refused');
  });

  it('a strong one is saved, the person logs in with it, and the link does not work twice', async () => {
    await page.getByLabel(t('accounts.reset.password'), { exact: true }).fill(RESET_PASSWORD);
    await page.getByLabel(t('accounts.reset.repeat'), { exact: true }).fill(RESET_PASSWORD);
    await page.getByRole('button', { name: t('accounts.reset.submit') }).click();
    await page.getByRole('heading', { level: 1, name: t('accounts.reset.doneTitle') }).waitFor();
    await check(page, 'reset-password-done');
    await page.getByRole('link', { name: t('accounts.reset.toLogin') }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await login(page, 'foresatt', RESET_PASSWORD);

    await page.goto(`/password-reset/new#${token}`);
    await page.getByText(t('accounts.reset.invalid')).waitFor();
    await page.getByRole('link', { name: t('accounts.reset.askNew') }).waitFor();
    await check(page, 'reset-password-used');
  });

  it('on a phone, "Min konto" shows the guardian\'s username, the password form and this device', async () => {
    await page.goto('/me/account');
    await page.getByRole('heading', { level: 1, name: t('accounts.own.title') }).waitFor();
    await page.getByRole('heading', { level: 3, name: new RegExp(t('accounts.own.thisDevice')) }).waitFor();
    await page.getByLabel(t('accounts.own.current'), { exact: true }).waitFor();
    await check(page, 'account-own-phone');
  });
});

// ---------------------------------------------------------------------------------------------

describe('the school admin disables an account, and that person is out at once (en)', () => {
  const t = texts('en');
  let teacher: { ctx: BrowserContext; page: Page };
  let admin: { ctx: BrowserContext; page: Page };
  beforeAll(async () => {
    teacher = await open('en');
    admin = await open('en');
  });
  afterAll(async () => {
    await close(teacher.ctx);
    await close(admin.ctx);
  });

  it('the subject teacher is logged in; the admin finds them on the accounts page, logged in now', async () => {
    await login(teacher.page, 'faglarer');
    await login(admin.page, 'skoleadmin');
    await menu(admin.page, 'en', exact(t('accounts.nav.admin')));
    await admin.page.getByRole('heading', { level: 1, name: t('accounts.admin.title') }).waitFor();
    await check(admin.page, 'accounts-admin');
    await admin.page.getByLabel(t('accounts.admin.search')).fill('faglarer');
    const row = admin.page.getByRole('row').filter({ hasText: 'faglarer' });
    await expect.poll(() => admin.page.getByRole('row').count(), { timeout: TIMEOUT }).toBe(2);
    await row.getByText(t('accounts.admin.active')).waitFor();
    await row.getByRole('link', { name: demo.staff.subjectTeacher }).click();
    await admin.page.getByRole('heading', { level: 1, name: demo.staff.subjectTeacher }).waitFor();
    await settled(admin.page);
    expect(await admin.page.locator('section[aria-labelledby="account-sessions"] li').count()).toBeGreaterThan(0);
    await check(admin.page, 'account-admin');
  });

  it('disabling asks for a reason, and then ends the sessions at once', async () => {
    await admin.page.getByRole('button', { name: t('accounts.admin.disable') }).click();
    await admin.page.getByText(t('accounts.admin.reasonRequired')).first().waitFor();
    await check(admin.page, 'account-admin-no-reason');
    await admin.page.getByLabel(t('accounts.admin.reason')).first().fill('Sluttet ved skolen (generert testdata)');
    await admin.page.getByRole('button', { name: t('accounts.admin.disable') }).click();
    await admin.page.getByText(t('accounts.admin.disabledDone')).waitFor();
    await admin.page.getByText(t('accounts.admin.noSessions')).waitFor();
    await admin.page.getByRole('heading', { name: t('accounts.admin.enableHeading') }).waitFor();
    await admin.page.getByText(t('accounts.admin.historyLine', { action: t('accounts.admin.actions.disable'), actor: '' }).trim()).first().waitFor();
    await admin.page.getByText('«Sluttet ved skolen (generert testdata)»').waitFor();
    await check(admin.page, 'account-admin-disabled');
  });

  it('the teacher\'s open page: the next step lands on the login page, which says the session ended, and the login is refused', async () => {
    await menu(teacher.page, 'en', exact(t('accounts.nav.myAccount')));
    await teacher.page.waitForURL((url) => url.pathname === '/login');
    await teacher.page.getByRole('heading', { level: 1, name: t('auth.title') }).waitFor();
    await teacher.page.getByText(t('auth.sessionEnded')).waitFor();
    await check(teacher.page, 'disabled-logged-out');
    await teacher.page.getByLabel(t('auth.username')).fill('faglarer');
    await teacher.page.getByLabel(t('auth.password'), { exact: true }).fill(PASSWORD);
    await teacher.page.getByRole('button', { name: t('auth.submit') }).click();
    await teacher.page.getByRole('alert').filter({ hasText: t('auth.wrongCredentials') }).waitFor();
  });

  it('enabled again (with a reason), the teacher can log in', async () => {
    await admin.page.getByLabel(t('accounts.admin.reason')).first().fill('Tilbake etter permisjon (generert testdata)');
    await admin.page.getByRole('button', { name: t('accounts.admin.enable') }).click();
    await admin.page.getByText(t('accounts.admin.enabledDone')).waitFor();
    await login(teacher.page, 'faglarer');
  });

  it('the accounts list works on a phone', async () => {
    const phone = await open('en', true);
    await login(phone.page, 'skoleadmin');
    await phone.page.goto('/admin/accounts');
    await phone.page.getByRole('heading', { level: 1, name: t('accounts.admin.title') }).waitFor();
    await phone.page.getByLabel(t('accounts.admin.show')).selectOption('disabled');
    await phone.page.getByText(t('accounts.admin.none')).waitFor();
    await phone.page.getByLabel(t('accounts.admin.show')).selectOption('all');
    // a card per account on a phone, not a table to scroll sideways
    await phone.page.getByRole('heading', { level: 2, name: demo.staff.subjectTeacher }).waitFor();
    expect(await phone.page.getByRole('table').isVisible()).toBe(false);
    await check(phone.page, 'accounts-admin-phone');
    await close(phone.ctx);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the first start without the demo: the setup page (nb)', () => {
  const t = texts('nb');
  let fresh: AppServer;
  let ctx: BrowserContext;
  let page: Page;
  let link = '';
  beforeAll(async () => {
    fresh = await startAppServer(APP_TODAY, { seedDemo: false });
    ({ ctx, page } = await open('nb', false, fresh.base));
  });
  afterAll(async () => {
    if (ctx) await close(ctx);
    await fresh?.stop();
  });

  it('the server prints a one-time setup link; without its token, or with a wrong one, the page says so', async () => {
    const deadline = Date.now() + 30_000;
    while (!/\/setup#[\w-]+/.test(fresh.output())) {
      if (Date.now() > deadline) throw new Error(`no setup link: ${fresh.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    link = /\/setup#([\w-]+)/.exec(fresh.output())![1]!;
    await page.goto('/setup');
    await page.getByText(t('accounts.setup.noToken')).waitFor();
    await check(page, 'setup-no-token');
    await page.goto(`/setup#${'x'.repeat(43)}`);
    await page.reload();
    await page.getByText(t('accounts.setup.invalid')).waitFor();
    await check(page, 'setup-invalid');
  });

  it('the form makes the school owner, the school and the admin; a weak password is refused at its field', async () => {
    await page.goto(`/setup#${link}`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: t('accounts.setup.title') }).waitFor();
    await page.getByLabel(t('accounts.setup.ownerName')).waitFor();
    await check(page, 'setup');
    await page.getByRole('button', { name: t('accounts.setup.submit') }).click();
    await page.getByRole('link', { name: t('accounts.required') }).first().waitFor();
    await check(page, 'setup-missing');

    await page.getByLabel(t('accounts.setup.ownerName')).fill('Generert fylkeskommune');
    await page.getByLabel(t('accounts.setup.ownerKinds.county')).check();
    await page.getByLabel(t('accounts.setup.schoolName')).fill('Lyngtun videregående skole');
    await page.getByLabel(t('accounts.setup.givenName')).fill('Tora');
    await page.getByLabel(t('accounts.setup.familyName')).fill('Testdal');
    await page.getByLabel(t('accounts.setup.username'), { exact: true }).fill('tora.testdal');
    await page.getByLabel(t('accounts.setup.password'), { exact: true }).fill('ToraTestdal2026');
    await page.getByLabel(t('accounts.setup.repeat'), { exact: true }).fill('ToraTestdal2026');
    await expect.poll(() => meter(page).textContent(), { timeout: TIMEOUT }).toContain(t('accounts.password.reasons.personal'));
    await page.getByRole('button', { name: t('accounts.setup.submit') }).click();
    await page.getByText(serverText('nb', 'accounts.password.personal')).first().waitFor();
    await check(page, 'setup-weak-password');

    await page.getByLabel(t('accounts.setup.password'), { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByLabel(t('accounts.setup.repeat'), { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: t('accounts.setup.submit') }).click();
    await page.getByRole('heading', { level: 1, name: t('accounts.setup.doneTitle') }).waitFor();
    await page.getByText(t('accounts.setup.doneText', { name: 'Tora Testdal', school: 'Lyngtun videregående skole' })).waitFor();
    await check(page, 'setup-done');
  });

  it('leads on to the import, logged in as the new admin; the link is spent', async () => {
    await page.getByRole('link', { name: t('accounts.setup.toImport') }).click();
    await page.waitForURL((url) => url.pathname === '/admin/import');
    await settled(page);
    await screenshot(page, 'setup-then-import');
    const me = await page.request.get('/api/me');
    expect(me.status()).toBe(200);
    expect(((await me.json()) as { roles: string[] }).roles).toContain('schoolAdmin');

    const other = await open('nb', true, fresh.base);
    await other.page.goto(`/setup#${link}`);
    await other.page.getByText(t('accounts.setup.invalid')).waitFor();
    await check(other.page, 'setup-spent-phone');
    await close(other.ctx);
  });
});
