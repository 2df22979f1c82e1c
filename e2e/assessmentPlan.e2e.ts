/**
 * The assessment plan: a subject teacher plans a test and sees the conflict with the school's
 * rules while typing — the save is refused, another day is fine; the student sees the combined plan on a
 * phone and takes it into a calendar (the ICS feed parses); the contact teacher's class page in nynorsk.
 * axe runs on every page visited.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDemo } from '../server/seed/demo.js';
import { check, classPage, login, menu, settled, texts, journey, useBrowser } from './support';

const { info } = buildDemo('not-a-real-hash');
const h = info.hardCases;
const browser = useBrowser();
const TITLE = 'Prøve i integrasjon';

describe('a subject teacher plans a test and sees the live conflict (nb)', () => {
  const t = texts('nb');
  let page: Page;
  journey(browser, 'nb', {}, (p) => { page = p; });

  it('finds 2STA-MAT under "Prøveplan", and a test on the day of the Norwegian test is shown as a conflict before saving and refused on save', async () => {
    await login(page, 'faglarer');
    await menu(page, 'nb', t('assessmentPlan.nav'));
    await check(page, 'assessment-plan-home');
    await page.getByRole('link', { name: '2STA-MAT' }).click();
    await page.getByRole('heading', { level: 1, name: t('assessmentPlan.group.title', { group: '2STA-MAT' }) }).waitFor();
    await check(page, 'assessment-plan-group');

    await page.getByLabel(t('assessmentPlan.form.titleLabel')).fill(TITLE);
    await page.getByLabel(t('assessmentPlan.form.startsOn')).fill('2026-12-03');
    const live = page.getByTestId('ap-live');
    await live.getByText('høyst 1 prøve(r) per dag').waitFor();
    await expect(live.getByText('Prøve i sidemål').isVisible()).resolves.toBe(true);
    await check(page, 'assessment-plan-live-conflict');

    await page.getByRole('button', { name: t('assessmentPlan.form.save') }).click();
    await page.getByRole('heading', { name: t('errors.formHasErrors') }).waitFor();
    await expect(page.getByRole('link', { name: /høyst 1 prøve\(r\) per dag/ }).first().isVisible()).resolves.toBe(true);
    // what was typed is still there
    await expect(page.getByLabel(t('assessmentPlan.form.titleLabel')).inputValue()).resolves.toBe(TITLE);
    await check(page, 'assessment-plan-refused');

    await page.getByLabel(t('assessmentPlan.form.startsOn')).fill('2026-12-02');
    await live.getByText(t('assessmentPlan.form.liveOk')).waitFor();
    await page.getByRole('button', { name: t('assessmentPlan.form.save') }).click();
    await page.getByRole('status').filter({ hasText: t('assessmentPlan.form.saved') }).waitFor();
    await page.getByRole('listitem').filter({ hasText: TITLE }).first().waitFor();
    await check(page, 'assessment-plan-saved');
  });

  it('a holiday is not allowed: the live check says so at once', async () => {
    await page.getByLabel(t('assessmentPlan.form.titleLabel')).fill('Juleprøve');
    await page.getByLabel(t('assessmentPlan.form.startsOn')).fill('2026-12-21');
    await page.getByTestId('ap-live').getByText(/Juleferie/).waitFor();
    await check(page, 'assessment-plan-holiday');
  });
});

describe('the student sees the combined plan on a phone and takes it into a calendar (nb)', () => {
  const t = texts('nb');
  let page: Page;
  journey(browser, 'nb', { mobile: true }, (p) => { page = p; });

  it('"Prøveplan" in the menu shows the new test, the trip day and the conflict after it, without sideways scrolling', async () => {
    await login(page, 'elev');
    await menu(page, 'nb', t('assessmentPlan.nav'));
    await page.getByRole('heading', { level: 1, name: t('assessmentPlan.student.myTitle') }).waitFor();
    await settled(page);
    for (const title of [TITLE, 'Ekskursjon til Nordfjell museum', 'Prøve i sosiologi']) {
      await expect(page.getByText(title).first().isVisible(), title).resolves.toBe(true);
    }
    await expect(page.getByText(/ingen prøve dagen etter en tur- eller ekskursjonsdag/).first().isVisible()).resolves.toBe(true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, 'no sideways scrolling on a phone').toBeLessThanOrEqual(390);
    await check(page, 'assessment-plan-student-phone');
  });

  it('makes a calendar link whose ICS parses: one all-day event per entry, no student name', async () => {
    await page.getByRole('button', { name: t('assessmentPlan.feed.create') }).click();
    const field = page.getByLabel(t('assessmentPlan.feed.url'));
    await field.waitFor();
    const url = await field.inputValue();
    expect(url).toMatch(/\/api\/assessment-plan\/feeds\/[A-Za-z0-9_-]+\.ics$/);
    await check(page, 'assessment-plan-feed');
    const res = await page.request.get(url);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/calendar');
    const ics = (await res.text()).replace(/\r\n[ \t]/g, '');
    const events = ics.split('BEGIN:VEVENT').slice(1).map((block) => Object.fromEntries(
      block.split(/\r?\n/).filter((l) => /^[A-Z-]+[;:]/.test(l)).map((l) => {
        const i = l.search(/[;:]/);
        return [l.slice(0, i), l.slice(l.indexOf(':', i) + 1)];
      })));
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    const test = events.find((e) => e.SUMMARY?.includes(TITLE));
    expect(test).toMatchObject({ DTSTART: '20261202', DTEND: '20261203' });
    expect(events.length).toBeGreaterThanOrEqual(8);
    for (const e of events) expect(e.DTSTART, JSON.stringify(e)).toMatch(/^\d{8}$/);
  });
});

describe('the contact teacher\'s class page (nn)', () => {
  const t = texts('nn');
  let page: Page;
  journey(browser, 'nn', {}, (p) => { page = p; });

  it('shows the class\'s combined plan with the conflict summarised per student', async () => {
    await login(page, 'kontaktlarer');
    await classPage(page, 'nn', '2STA', 'assessmentPlan.classSection');
    await page.getByRole('heading', { level: 1, name: t('assessmentPlan.group.title', { group: '2STA' }) }).waitFor();
    await expect(page.getByText(/inga prøve dagen etter ein tur- eller ekskursjonsdag/).first().isVisible()).resolves.toBe(true);
    await check(page, 'assessment-plan-class-nn');
    expect(h.basisGroup2STAId).toBeTruthy();
  });
});
