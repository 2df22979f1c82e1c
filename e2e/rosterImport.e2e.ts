/**
 * The import and sync (issue 13), as the school admin does it: download a template; upload the school's
 * CSV set with one broken row and see the error by file, line and field; apply only the valid rows and
 * follow the progress to the result and the log; cancel another import; set the FINT connection (the
 * unsaved-changes guard first) and sync now, which stops with its reason in the log. A contact teacher has
 * no menu entry and gets the not-allowed page. On a phone too. axe runs on every state.
 *
 * Applying writes a class, its students and a school year into the demo school, which other journeys
 * count on as it is: so this file runs its own app server (the same demo, the same "today").
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsvSet } from '../server/features/rosterImport/adapters/csv/write.js';
import { smallSchoolRoster } from '../server/features/rosterImport/fixtures.js';
import { startAppServer, type AppServer } from './appServer';
import { APP_TODAY, SHOTS, check, expectNoPageErrors, exact, hasFocus, login, menu, newContext, settled, texts, useBrowser } from './support';

const t = texts('nb');
const browser = useBrowser();
/** the read and apply jobs run in the app server's worker (a tick every 2 s) */
const JOB_TIMEOUT = 60_000;

let app: AppServer;
let dir: string;

beforeAll(async () => {
  app = await startAppServer(APP_TODAY);
  dir = mkdtempSync(join(tmpdir(), 'elevlos-import-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await app?.stop();
});

/** The small generated school as CSV files, with one student's level ("trinn") made wrong on line 3 of elever.csv. */
function writeBrokenSet(): string[] {
  return writeCsvSet(smallSchoolRoster({ prefix: 'E2E' })).map((f) => {
    let text = f.content.toString('utf8');
    if (f.name === 'elever.csv') {
      const lines = text.split('\r\n');
      lines[2] = lines[2]!.replace(';vg1;', ';vg9;');
      text = lines.join('\r\n');
    }
    const path = join(dir, f.name);
    writeFileSync(path, text, 'utf8');
    return path;
  });
}

async function adminPage(b: Browser, mobile = false): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await newContext(b, 'nb', mobile, app.base);
  const page = await ctx.newPage();
  await login(page, 'skoleadmin');
  return { ctx, page };
}

const importPageHeading = (page: Page) => page.getByRole('heading', { level: 1, name: t('rosterImport.title') });

describe('the school admin imports the school\'s CSV set (nb, desktop)', () => {
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => { ({ ctx, page } = await adminPage(browser())); });
  afterAll(async () => { expectNoPageErrors(ctx); await ctx.close(); });

  it('the admin finds the import page in the menu, with the templates and an empty history', async () => {
    await menu(page, 'nb', exact(t('rosterImport.nav')));
    await importPageHeading(page).waitFor();
    await page.getByText(t('rosterImport.history.none')).waitFor();
    await check(page, 'import-empty');
  });

  it('a template downloads in bokmål with its headers and an example row', async () => {
    const link = page.getByRole('link', { name: t('rosterImport.templates.downloadFor', { title: 'Elever', lang: t('rosterImport.templates.nb') }) });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const saved = join(dir, 'downloaded.csv');
    await download.saveAs(saved);
    const content = readFileSync(saved, 'utf8');
    expect(download.suggestedFilename()).toBe('elever.csv');
    expect(content.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('id;person;skole;avdeling;trinn;utdanningsprogram;status');
    expect(content.split('\r\n').filter(Boolean)).toHaveLength(2);
  });

  it('the CSV set with one broken row is read: the page says how it is read, and the error names file, line and field', async () => {
    const files = writeBrokenSet();
    await page.getByLabel(t('rosterImport.upload.label')).setInputFiles(files);
    await page.getByRole('status').filter({ hasText: t('rosterImport.upload.readAsCsvSet') }).waitFor();
    await check(page, 'import-picked');
    await page.getByRole('button', { name: t('rosterImport.upload.submit') }).click();
    await page.getByRole('link', { name: t('rosterImport.detail.back') }).waitFor();
    const errors = page.getByRole('region', { name: t('rosterImport.detail.errorsHeading') }).first();
    await errors.waitFor({ timeout: JOB_TIMEOUT });
    // the broken row, and the rows that point at the student it holds (guardians, memberships)
    await errors.getByText(/^\d+ rader har feil\.$/).waitFor();
    const row = errors.getByRole('row').filter({ hasText: 'elever.csv' });
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual(['elever.csv', '3', 'trinn', expect.stringMatching(/^Må være en av: /)]);
    // the preview: the class and its students will be added, the first rows folded away
    const preview = page.getByRole('region', { name: t('rosterImport.detail.previewHeading') }).first();
    await expect(preview.getByRole('row', { name: new RegExp(`^${t('rosterImport.kinds.basisGroups').replace(/[()]/g, '\\$&')} 1 0 0`) }).count()).resolves.toBe(1);
    await page.getByText(t('rosterImport.detail.firstRowsOf', { kind: t('rosterImport.kinds.basisGroups') })).click();
    await page.getByRole('listitem').filter({ hasText: /^1IMP · basisgrupper\.csv, linje 2$/ }).waitFor();
    await check(page, 'import-ready-with-errors');
  });

  it('only the valid rows can be applied, after a confirm step that says what is left out; the progress shows, then the result and the log', async () => {
    // with errors the page offers no plain apply: the server would refuse it
    await expect(page.getByRole('button', { name: exact(t('rosterImport.detail.apply')) }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: t('rosterImport.detail.applyValid') }).click();
    const no = page.getByRole('button', { name: t('rosterImport.detail.no') });
    await page.getByText(t('rosterImport.detail.applyValidQuestion')).waitFor();
    await expect.poll(() => hasFocus(no)).toBe(true);
    await check(page, 'import-confirm-apply');
    await page.getByRole('button', { name: t('rosterImport.detail.applyValidYes') }).click();
    const progress = page.getByRole('progressbar');
    await progress.waitFor();
    const name = await progress.getAttribute('aria-labelledby').then((id) => page.locator(`[id="${id}"]`).textContent());
    expect(name).toMatch(/^(I kø|Leser filene|Kontrollerer radene|Skriver)/);
    await page.getByRole('heading', { name: t('rosterImport.detail.resultHeading') }).waitFor({ timeout: JOB_TIMEOUT });
    await page.getByText(t('rosterImport.detail.appliedValid')).waitFor();
    const log = page.getByRole('region', { name: t('rosterImport.detail.logHeading') }).first();
    await log.getByText(/tok i bruk bare de gyldige radene/).waitFor();
    await log.getByText(/^Ferdig: \d+ rader skrevet \(\d+ rader med feil hoppet over\)\.$/).waitFor();
    await check(page, 'import-applied');
  });

  it('the history shows the import as applied, by whom, with its counts', async () => {
    await page.getByRole('link', { name: t('rosterImport.detail.back') }).click();
    await importPageHeading(page).waitFor();
    await settled(page);
    const row = page.getByRole('region', { name: t('rosterImport.history.heading') }).first().getByRole('row').nth(1);
    await row.getByText(t('rosterImport.status.applied')).waitFor();
    await expect(row.textContent()).resolves.toMatch(/CSV-settet.*\d+ nye, \d+ endret, 0 avsluttet · \d+ feil/);
    await check(page, 'import-history');
  });

  it('another import, one CSV file, is cancelled after a confirm step: nothing changes', async () => {
    await page.getByLabel(t('rosterImport.upload.label')).setInputFiles(join(dir, 'skoler.csv'));
    await page.getByRole('status').filter({ hasText: 'skoler.csv' }).waitFor();
    await page.getByRole('button', { name: t('rosterImport.upload.submit') }).click();
    await page.getByRole('button', { name: t('rosterImport.detail.cancel') }).click({ timeout: JOB_TIMEOUT });
    await page.getByText(t('rosterImport.detail.cancelQuestion')).waitFor();
    await page.getByRole('button', { name: t('rosterImport.detail.cancelYes') }).click();
    await page.getByText(t('rosterImport.detail.cancelled')).waitFor();
    await page.getByRole('region', { name: t('rosterImport.detail.logHeading') }).first().getByText(/avbrøt importen\. Ingenting er endret\./).waitFor();
    await check(page, 'import-cancelled');
  });

  it('the FINT connection: leaving with unsaved typing asks first; saved, "sync now" stops with its reason in the log', async () => {
    await page.getByRole('link', { name: t('rosterImport.detail.back') }).click();
    await page.getByRole('link', { name: t('rosterImport.scheduleLink') }).click();
    await page.getByRole('heading', { level: 1, name: t('rosterImport.schedule.title') }).waitFor();
    await check(page, 'import-fint-empty');
    await page.getByLabel(t('rosterImport.schedule.baseUrl')).fill('https://fint.example/');
    await page.getByRole('link', { name: t('rosterImport.detail.back') }).click();
    const dialog = page.getByRole('dialog', { name: t('common.unsaved.title') });
    await dialog.waitFor();
    await check(page, 'import-fint-unsaved');
    await dialog.getByRole('button', { name: t('common.unsaved.stay') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(page.getByLabel(t('rosterImport.schedule.baseUrl')).inputValue()).resolves.toBe('https://fint.example/');
    // a required field left empty is said at the field, the typing kept
    await page.getByRole('button', { name: t('rosterImport.schedule.save') }).click();
    await page.getByRole('link', { name: t('rosterImport.required') }).first().waitFor();
    await page.getByLabel(t('rosterImport.schedule.tokenUrl')).fill('https://idp.fint.example/token');
    await page.getByLabel(t('rosterImport.schedule.clientId')).fill('elevlos');
    await page.getByLabel(t('rosterImport.schedule.orgId')).fill('fjellvik.example');
    await page.getByLabel(t('rosterImport.schedule.clientSecretEnv')).fill('FINT_E2E_SECRET');
    await page.getByRole('switch', { name: t('rosterImport.schedule.nightly') }).check();
    await page.getByLabel(t('rosterImport.schedule.hour')).selectOption('3');
    await page.getByRole('button', { name: t('rosterImport.schedule.save') }).click();
    await page.getByRole('status').filter({ hasText: t('rosterImport.schedule.saved') }).waitFor();
    await page.getByText(t('rosterImport.schedule.secretsMissing')).waitFor();
    await check(page, 'import-fint-saved');
    await page.getByRole('button', { name: t('rosterImport.schedule.syncNow') }).click();
    await page.getByRole('link', { name: t('rosterImport.schedule.openImport') }).click();
    await page.getByText(t('rosterImport.detail.failed')).waitFor({ timeout: JOB_TIMEOUT });
    await page.getByText(new RegExp(`^${t('rosterImport.detail.reason', { reason: '' })}.+`)).waitFor();
    await check(page, 'import-failed');
  });
});

describe('the import pages on a phone (nb, 390×844)', () => {
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => { ({ ctx, page } = await adminPage(browser(), true)); });
  afterAll(async () => { expectNoPageErrors(ctx); await ctx.close(); });

  it('the import page, an applied import and the FINT form fit the phone (the tables scroll inside their regions, the page does not), and a subject gets its annual hours there', async () => {
    await menu(page, 'nb', exact(t('rosterImport.nav')), 'import-phone-menu');
    await importPageHeading(page).waitFor();
    await check(page, 'import-phone');
    await page.screenshot({ path: join(SHOTS, 'nb-import-phone-top.png') });
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await expect(fits()).resolves.toBe(true);
    const applied = page.getByRole('region', { name: t('rosterImport.history.heading') }).first().getByRole('row').filter({ hasText: t('rosterImport.status.applied') });
    await applied.getByRole('link').click();
    await page.getByRole('heading', { name: t('rosterImport.detail.resultHeading') }).waitFor();
    await check(page, 'import-applied-phone');
    await expect(fits()).resolves.toBe(true);
    // what a phone shows at once, where the tables are (the full-page shot is too tall to read)
    // on a phone the errors are cards, one per row, each saying file, line and field
    await page.getByText('elever.csv, linje 3 · trinn', { exact: true }).waitFor();
    await page.getByRole('heading', { name: t('rosterImport.detail.errorsHeading') }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'nb-import-applied-phone-errors.png') });
    await page.goto('/admin/import/fint');
    await page.getByRole('heading', { level: 1, name: t('rosterImport.schedule.title') }).waitFor();
    await check(page, 'import-fint-phone');
    await expect(fits()).resolves.toBe(true);
    // the admin gives a subject its annual hours (FINT has none): a wrong number is named at the field, a right one saved
    const hours = page.getByRole('region', { name: t('rosterImport.settings.hours.heading') });
    const field = hours.getByRole('textbox').first();
    const code = (await field.getAttribute('aria-label') ?? (await hours.locator('label').first().textContent()) ?? '').split(' ')[2] ?? '';
    await field.fill('0');
    await hours.getByRole('button', { name: t('rosterImport.settings.hours.saveFor', { code }) }).click();
    await hours.getByText(t('rosterImport.settings.hours.invalid')).first().waitFor();
    await field.fill('140');
    await hours.getByRole('button', { name: t('rosterImport.settings.hours.saveFor', { code }) }).click();
    await hours.getByText(t('rosterImport.settings.hours.saved', { code })).waitFor();
    await check(page, 'import-fint-hours-phone');
  });
});

describe.each(['nn', 'en'] as const)('the import pages in %s', (lang) => {
  const tl = texts(lang);
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ctx = await newContext(browser(), lang, false, app.base);
    page = await ctx.newPage();
    await login(page, 'skoleadmin');
  });
  afterAll(async () => { expectNoPageErrors(ctx); await ctx.close(); });

  it('the import page and an applied import speak the reader\'s language, the log and the errors too', async () => {
    await menu(page, lang, exact(tl('rosterImport.nav')));
    await page.getByRole('heading', { level: 1, name: tl('rosterImport.title') }).waitFor();
    await check(page, 'import');
    const applied = page.getByRole('region', { name: tl('rosterImport.history.heading') }).first().getByRole('row').filter({ hasText: tl('rosterImport.status.applied') });
    await applied.getByRole('link').click();
    await page.getByRole('heading', { name: tl('rosterImport.detail.resultHeading') }).waitFor();
    await page.getByRole('region', { name: tl('rosterImport.detail.logHeading') }).first().getByText(lang === 'nn' ? /^Ferdig: \d+ rader skrivne/ : /^Done: \d+ rows written/).waitFor();
    await check(page, 'import-applied');
  });
});

describe('a contact teacher and the import (nb)', () => {
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ctx = await newContext(browser(), 'nb', false, app.base);
    page = await ctx.newPage();
    await login(page, 'kontaktlarer');
  });
  afterAll(async () => { expectNoPageErrors(ctx); await ctx.close(); });

  it('has no menu entry for the import, and the address gives the not-allowed page', async () => {
    const nav = page.getByRole('navigation', { name: t('shell.mainNav') });
    await nav.getByRole('link').first().waitFor();
    await expect(nav.getByRole('link', { name: t('rosterImport.nav') }).count()).resolves.toBe(0);
    await page.goto('/admin/import');
    await page.getByRole('heading', { level: 1, name: t('errors.forbiddenTitle') }).waitFor();
    await check(page, 'import-teacher-denied');
  });
});
