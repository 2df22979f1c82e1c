/**
 * The assessment plan (R-42): a subject teacher plans a test and sees the conflict with the school's
 * rules while typing — the save is refused, another day is fine; the student sees the combined plan on a
 * phone and takes it into a calendar (the ICS feed parses); the contact teacher's class page in nynorsk.
 * The leaders' pages: the principal sets the school's rules (a bad maximum refused at the field, the saved
 * rules left as they were) and a teacher's planning then holds to them; a department head plans an event
 * for Vg2 in nynorsk and a Vg2 student finds it in their plan (in English); the principal moves it a day (a holiday
 * refused at the field, what was typed kept) and then removes it.
 * Conflict messages name the day the Norwegian way ("torsdag 3. desember"). axe runs on every page visited.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDemo } from '../server/seed/demo.js';
import { check, classPage, exact, hasFocus, login, menu, putJson, settled, texts, journey, useBrowser } from './support';

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
    await live.getByText('høyst 1 prøve per dag').waitFor();
    await live.getByText('Prøve i sidemål').waitFor();
    // the day in the server's message is written the Norwegian way, not as 2026-12-03
    await live.getByText(/» torsdag 3\. desember for /).waitFor();
    await expect(live.getByText(/2026-12-03/).count()).resolves.toBe(0);
    await check(page, 'assessment-plan-live-conflict');

    await page.getByRole('button', { name: t('assessmentPlan.form.save') }).click();
    await page.getByRole('heading', { name: t('errors.formHasErrors') }).waitFor();
    await page.getByRole('link', { name: /høyst 1 prøve per dag/ }).first().waitFor();
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
    await page.getByText(/ingen prøve dagen etter en tur- eller ekskursjonsdag/).first().waitFor();
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
    await page.getByText(/inga prøve dagen etter ein tur- eller ekskursjonsdag/).first().waitFor();
    await check(page, 'assessment-plan-class-nn');
    expect(h.basisGroup2STAId).toBeTruthy();
  });
});

/* ───────────── the leaders' pages ───────────── */

const EVENT = 'Kulturdag for Vg2';

describe('the principal sets the school\'s rules (nb)', () => {
  const t = texts('nb');
  let page: Page;
  journey(browser, 'nb', {}, (p) => { page = p; });

  it('finds the rules under "Prøveplan"; a week maximum of 0 is refused at the field, keeps what was typed and leaves the saved rule as it was', async () => {
    await login(page, 'rektor');
    await menu(page, 'nb', t('assessmentPlan.nav'));
    await check(page, 'assessment-plan-home-principal');
    await page.getByRole('link', { name: t('assessmentPlan.rules.link') }).click();
    await page.getByRole('heading', { level: 1, name: t('assessmentPlan.rules.title') }).waitFor();
    await check(page, 'assessment-plan-rules');

    const week = page.getByRole('group', { name: t('assessmentPlan.rules.name.maxTestsPerWeek') });
    await week.getByLabel(t('assessmentPlan.rules.maximum')).fill('0');
    await page.getByRole('button', { name: t('assessmentPlan.rules.save') }).click();
    await page.getByRole('heading', { name: t('errors.formHasErrors') }).waitFor();
    const message = 'Skriv det høyeste antallet prøver regelen tillater (et helt tall fra 1 til 20).';
    await page.getByRole('link', { name: `${t('assessmentPlan.rules.name.maxTestsPerWeek')}: ${message}` }).waitFor();
    await expect(week.getByLabel(t('assessmentPlan.rules.maximum')).inputValue()).resolves.toBe('0');
    await page.getByTestId('ap-rules-now').getByText('Høyst 3 prøver per uke').waitFor();
    await check(page, 'assessment-plan-rules-refused');
  });

  it('sets at most two tests a week: a clear confirmation, and the rules in force say so', async () => {
    const week = page.getByRole('group', { name: t('assessmentPlan.rules.name.maxTestsPerWeek') });
    await week.getByLabel(t('assessmentPlan.rules.maximum')).fill('2');
    await page.getByRole('button', { name: t('assessmentPlan.rules.save') }).click();
    await page.getByRole('status').filter({ hasText: t('assessmentPlan.rules.saved') }).waitFor();
    await page.getByTestId('ap-rules-now').getByText('Høyst 2 prøver per uke').waitFor();
    await expect(page.getByRole('heading', { name: t('errors.formHasErrors') }).count()).resolves.toBe(0);
    await check(page, 'assessment-plan-rules-saved');
  });
});

describe('a teacher\'s planning then holds to the principal\'s rule (nb)', () => {
  const t = texts('nb');
  let page: Page;
  journey(browser, 'nb', {}, (p) => { page = p; });

  it('from the teaching group\'s page to its plan: a third test in week 49 breaks "at most 2 tests a week"', async () => {
    await login(page, 'faglarer');
    await page.getByRole('link', { name: /^2STA-MAT \(/ }).click();
    await page.getByRole('heading', { level: 1, name: t('teachingGroups.title', { name: '2STA-MAT' }) }).waitFor();
    await check(page, 'teaching-group-with-plan-link');
    await page.getByRole('link', { name: t('assessmentPlan.groupLink', { group: '2STA-MAT' }) }).click();
    await page.getByRole('heading', { level: 1, name: t('assessmentPlan.group.title', { group: '2STA-MAT' }) }).waitFor();

    await page.getByLabel(t('assessmentPlan.form.titleLabel')).fill('Prøve i funksjoner');
    await page.getByLabel(t('assessmentPlan.form.startsOn'), { exact: true }).fill('2026-12-04');
    const live = page.getByTestId('ap-live');
    await live.getByText(/høyst 2 prøver per uke» i uke 49 for/).waitFor();
    await check(page, 'assessment-plan-week-rule');
  });
});

describe('a department head plans an event for Vg2 (nn)', () => {
  const t = texts('nn');
  let page: Page;
  journey(browser, 'nn', {}, (p) => { page = p; });

  it('finds the events under "Prøveplan"; a full-day test on the Norwegian test\'s day shows the conflict while typing', async () => {
    await login(page, 'avdelingsleder');
    await menu(page, 'nn', t('assessmentPlan.nav'));
    await page.getByRole('link', { name: t('assessmentPlan.events.link') }).click();
    await page.getByRole('heading', { level: 1, name: t('assessmentPlan.events.title') }).waitFor();
    await page.getByText('Juleavslutning i aulaen', { exact: true }).waitFor();
    await check(page, 'assessment-plan-events');

    await page.getByLabel(t('assessmentPlan.form.kind')).selectOption('fullDayTest');
    await page.getByLabel(t('assessmentPlan.events.forWhom')).selectOption('vg2');
    await page.getByLabel(t('assessmentPlan.form.titleLabel')).fill(EVENT);
    await page.getByLabel(t('assessmentPlan.form.startsOn'), { exact: true }).fill('2026-12-03');
    const live = page.getByTestId('ap-live');
    await live.getByText(/høgst 1 prøve per dag» torsdag 3\. desember for/).waitFor();
    await check(page, 'assessment-plan-events-live');
  });

  it('as a cultural event on a free day it has no conflict, is saved and listed for Vg2', async () => {
    await page.getByLabel(t('assessmentPlan.form.kind')).selectOption('culturalEvent');
    // a cultural event may last several days: its first day is the start date
    await page.getByLabel(t('assessmentPlan.form.startsOnRange'), { exact: true }).fill('2026-12-16');
    await page.getByTestId('ap-live').getByText(t('assessmentPlan.form.liveOk')).waitFor();
    await page.getByRole('button', { name: t('assessmentPlan.form.save') }).click();
    await page.getByRole('status').filter({ hasText: t('assessmentPlan.form.saved') }).waitFor();
    const item = page.getByRole('listitem').filter({ hasText: EVENT });
    await item.waitFor();
    await item.getByText(t('assessmentPlan.list.level', { level: 'Vg2' })).waitFor();
    await check(page, 'assessment-plan-events-saved');
  });

  it('reads the school\'s rules but does not change them', async () => {
    await page.getByRole('link', { name: t('assessmentPlan.rules.link') }).click();
    await page.getByRole('heading', { level: 1, name: t('assessmentPlan.rules.title') }).waitFor();
    await page.getByText(t('assessmentPlan.rules.readOnly')).waitFor();
    await expect(page.getByRole('button', { name: t('assessmentPlan.rules.save') }).count()).resolves.toBe(0);
    await check(page, 'assessment-plan-rules-readonly');
  });
});

describe('a Vg2 student finds the level\'s event in their plan (en, phone)', () => {
  const t = texts('en');
  let page: Page;
  journey(browser, 'en', { mobile: true }, (p) => { page = p; });

  it('"Assessment plan" lists the cultural day for Vg2', async () => {
    await login(page, 'elev');
    await menu(page, 'en', t('assessmentPlan.nav'));
    await page.getByRole('heading', { level: 1, name: t('assessmentPlan.student.myTitle') }).waitFor();
    const item = page.getByRole('listitem').filter({ hasText: EVENT });
    await item.waitFor();
    await item.getByText(t('assessmentPlan.list.level', { level: 'Vg2' })).waitFor();
    await check(page, 'assessment-plan-student-level-event');
  });
});

describe('the principal changes the event\'s date; a holiday is refused at the field (nb)', () => {
  const t = texts('nb');
  let page: Page;
  journey(browser, 'nb', {}, (p) => { page = p; });
  const editButton = () => page.getByRole('button', { name: t('assessmentPlan.list.editLabel', { title: EVENT }) });
  const startsOn = () => page.getByLabel(t('assessmentPlan.form.startsOnRange'), { exact: true });

  it('"Endre" opens the form filled in; a day later is saved with a status line, the focus back on "Endre", and still there after a reload', async () => {
    await login(page, 'rektor');
    await page.goto('/assessment-plan/school-events');
    await page.getByRole('heading', { level: 1, name: t('assessmentPlan.events.title') }).waitFor();
    await editButton().click();
    const heading = page.getByRole('heading', { level: 2, name: t('assessmentPlan.form.editHeading', { title: EVENT }) });
    await heading.waitFor();
    await expect.poll(() => hasFocus(heading)).toBe(true);
    await expect(page.getByLabel(t('assessmentPlan.form.titleLabel')).inputValue()).resolves.toBe(EVENT);
    await expect(startsOn().inputValue()).resolves.toBe('2026-12-16');
    await expect(page.getByLabel(t('assessmentPlan.events.forWhom')).inputValue()).resolves.toBe('vg2');
    await check(page, 'assessment-plan-event-edit');

    await startsOn().fill('2026-12-17');
    await page.getByTestId('ap-live').getByText(t('assessmentPlan.form.liveOk')).waitFor();
    await page.getByRole('button', { name: t('assessmentPlan.form.save') }).click();
    await page.getByRole('status').filter({ hasText: t('assessmentPlan.events.changed', { title: EVENT }) }).waitFor();
    await expect.poll(() => hasFocus(editButton())).toBe(true);
    await page.getByRole('heading', { name: t('assessmentPlan.form.newHeading') }).waitFor();
    await check(page, 'assessment-plan-event-changed');

    await page.reload();
    const item = page.getByRole('listitem').filter({ hasText: EVENT });
    await item.waitFor();
    await expect(item.textContent()).resolves.toMatch(/17\. des/);
  });

  it('a holiday is refused at the date field; the typed title and date stay; cancelling leaves the saved event as it was', async () => {
    await editButton().click();
    const moved = `${EVENT} (flyttet)`;
    await page.getByLabel(t('assessmentPlan.form.titleLabel')).fill(moved);
    await startsOn().fill('2026-12-21');
    await page.getByTestId('ap-live').getByText(/Juleferie/).waitFor();
    await page.getByRole('button', { name: t('assessmentPlan.form.save') }).click();
    await page.getByRole('heading', { name: t('errors.formHasErrors') }).waitFor();
    await page.getByRole('link', { name: /21\. desember 2026 er en fridag \(Juleferie/ }).waitFor();
    await expect(startsOn().getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel(t('assessmentPlan.form.titleLabel')).inputValue()).resolves.toBe(moved);
    await expect(startsOn().inputValue()).resolves.toBe('2026-12-21');
    await check(page, 'assessment-plan-event-refused');

    await page.getByRole('button', { name: t('assessmentPlan.form.cancel') }).click();
    await expect.poll(() => hasFocus(editButton())).toBe(true);
    const item = page.getByRole('listitem').filter({ hasText: EVENT });
    await expect(item.textContent()).resolves.toMatch(/17\. des/);
    await expect(page.getByText(moved).count()).resolves.toBe(0);
    await check(page, 'assessment-plan-event-cancelled');
  });
});

describe('the principal removes the event, asked in place (nb)', () => {
  const t = texts('nb');
  let page: Page;
  journey(browser, 'nb', {}, (p) => { page = p; });

  it('removes it from the events page; it is gone from the list', async () => {
    await login(page, 'rektor');
    await page.goto('/assessment-plan/school-events');
    await page.getByRole('heading', { level: 1, name: t('assessmentPlan.events.title') }).waitFor();
    await check(page, 'assessment-plan-events-principal');
    await page.getByRole('button', { name: t('assessmentPlan.list.removeLabel', { title: EVENT }) }).click();
    await page.getByText(t('assessmentPlan.events.removeQuestion', { title: EVENT })).waitFor();
    await check(page, 'assessment-plan-events-confirm');
    await page.getByRole('button', { name: exact(t('assessmentPlan.events.yes')) }).click();
    await page.getByRole('status').filter({ hasText: t('assessmentPlan.events.removed', { title: EVENT }) }).waitFor();
    await expect(page.getByRole('listitem').filter({ hasText: EVENT }).count()).resolves.toBe(0);
    await check(page, 'assessment-plan-events-removed');
    // leave the school's rules as the other journeys expect them
    await putJson(page, '/api/assessment-plan/rules', { rules: [{ rule: 'maxTestsPerWeek', enabled: true, maximum: 3, warningOnly: false }] });
  });
});
