/**
 * The annual cycle (R-30…R-33) at 2026-11-25 (week 48), when the window of the student and guardian
 * conferences (weeks 45–49) is open: the contact teacher's home shows the conferences due for 2STA, and a
 * held conversation removes the task by itself; the class's tasks per student; the principal reads and
 * edits the cycle and sees compliance per routine, class and teacher (nynorsk). A subject teacher with two
 * groups gets one line per routine, the overdue first, opened with the keyboard to the students class by
 * class (English). axe runs on every page.
 * And a contact teacher's August: on a second server with its clock at 2026-08-24 (week 35), the
 * home page shows the start-of-year conversations due, and holding one removes the student's task by itself.
 * (The demo's conversations are dated through the autumn whatever the clock, so most are already held.)
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROUTINES } from '../server/features/annualCycle/defaults.js';
import { buildDemo } from '../server/seed/demo.js';
import { startAppServer, type AppServer } from './appServer';
import { apiAs, check, getJson, login, menu, newContext, settled, tabTo, texts, journey, useBrowser } from './support';

const { info } = buildDemo('not-a-real-hash');
const h = info.hardCases;
const browser = useBrowser();

interface Group {
  routineId: string; title: string; basisGroup: { id: string; name: string } | null; basisGroups: { id: string; name: string }[];
  done: number; total: number; overdue: number; pending: { subjectId: string; name: string; detail: string | null }[];
}
/** The home page's line of a routine about the students of 2STA (one line per routine, whatever the classes). */
const routineFor2STA = (groups: Group[], title: string) => groups.find((g) => g.title === title && g.basisGroups.some((b) => b.name === '2STA'));

describe('a contact teacher\'s tasks this week and overdue (nb)', () => {
  const t = texts('nb');
  let page: Page;
  journey(browser, 'nb', {}, (p) => { page = p; });

  it('shows the conferences due for 2STA on the home page, and a held conversation removes the student\'s task by itself', async () => {
    await login(page, 'kontaktlarer');
    const section = page.getByRole('region', { name: t('annualCycle.home.heading') });
    await section.waitFor();
    await check(page, 'annual-cycle-home');
    const groups = (await getJson<{ groups: Group[] }>(page, '/api/annual-cycle/my-tasks')).groups;
    const conferences = routineFor2STA(groups, 'Elev- og foresattesamtale')!;
    expect(conferences).toBeTruthy();
    const student = conferences.pending[0]!;
    const item = section.getByRole('listitem').filter({ hasText: 'Elev- og foresattesamtale' }).first();
    await item.getByText(t('annualCycle.home.progress', { done: conferences.done, total: conferences.total })).waitFor();
    await item.locator('summary').click();
    await item.getByRole('link', { name: student.name }).waitFor();
    await check(page, 'annual-cycle-home-open');

    // the conference is held (the conversations feature): nobody ticks anything in the annual cycle
    const api = await apiAs('kontaktlarer');
    const csrf = (await (await api.get('/api/me')).json()).csrfToken as string;
    const created = await api.post(`/api/students/${student.subjectId}/conversations`, { data: { kind: 'guardian', plannedAt: '2026-11-25T08:00:00.000Z' }, headers: { 'x-csrf-token': csrf } });
    expect(created.status()).toBe(201);
    const held = await api.post(`/api/conversations/${(await created.json()).id}/held`, { data: {}, headers: { 'x-csrf-token': csrf } });
    expect(held.status()).toBe(200);
    await api.dispose();

    await page.reload();
    await settled(page);
    const after = page.getByRole('region', { name: t('annualCycle.home.heading') }).getByRole('listitem').filter({ hasText: 'Elev- og foresattesamtale' }).first();
    await after.getByText(t('annualCycle.home.progress', { done: conferences.done + 1, total: conferences.total })).waitFor();
    await after.locator('summary').click();
    expect(await after.getByRole('link', { name: student.name }).count()).toBe(0);
    await check(page, 'annual-cycle-home-after');
  });

  it('shows the class\'s tasks per student, and the student\'s own tasks with the date the evidence came', async () => {
    await page.goto(`/classes/${h.basisGroup2STAId}/routines`);
    await page.getByRole('heading', { level: 1, name: t('annualCycle.classPage.title', { group: '2STA' }) }).waitFor();
    await settled(page);
    await check(page, 'annual-cycle-class');
    await page.goto(`/students/${h.elevStudentId}/routines`);
    await page.getByRole('heading', { level: 1, name: t('annualCycle.studentPage.title') }).waitFor();
    await settled(page);
    await check(page, 'annual-cycle-student');
    const row = page.getByRole('row').filter({ hasText: 'Oppstartsamtale med hver elev' });
    await row.getByText(/Gjort/).first().waitFor();
  });
});

describe('a subject teacher with several groups on a Monday: one line per routine, overdue first (en)', () => {
  const t = texts('en');
  let page: Page;
  journey(browser, 'en', {}, (p) => { page = p; });

  it('shows the formative assessments as one overdue line across the groups, opened with the keyboard to the students class by class', async () => {
    await login(page, 'faglarer');
    const section = page.getByRole('region', { name: t('annualCycle.home.heading') });
    await section.waitFor();
    const groups = (await getJson<{ groups: Group[] }>(page, '/api/annual-cycle/my-tasks')).groups;
    const formative = groups.find((g) => g.title === DEFAULT_ROUTINES.find((r) => r.key === 'formativeAssessments')!.titleNb)!;
    expect(groups.filter((g) => g.routineId === formative.routineId)).toHaveLength(1);
    expect(formative.basisGroups.length).toBeGreaterThan(1);
    expect(formative.overdue).toBeGreaterThan(0);
    // overdue routines come first
    expect(groups.findIndex((g) => g.overdue === 0)).not.toBe(0);
    const items = section.getByRole('list').first().locator(':scope > li');
    await items.first().getByText(t('annualCycle.home.overdue', { count: groups[0]!.overdue })).waitFor();

    const item = items.filter({ hasText: formative.title });
    await expect(item.count()).resolves.toBe(1);
    await item.getByText(t('annualCycle.home.progress', { done: formative.done, total: formative.total })).waitFor();
    // the routine's title is the school's bokmål text, marked as such on an English page
    expect(await item.locator('strong[lang="nb"]').first().textContent()).toBe(formative.title);
    const student = formative.pending[0]!;
    const link = item.getByRole('link', { name: student.name });
    expect(await link.isVisible()).toBe(false);
    const summary = item.locator('summary');
    await tabTo(page, summary, 80);
    await page.keyboard.press('Enter');
    await link.waitFor();
    // a short list per class, each class named with how many are left in it
    for (const b of formative.basisGroups.filter((x) => formative.pending.some((p) => p.detail === x.name))) {
      await item.getByText(`${b.name} (${formative.pending.filter((p) => p.detail === b.name).length})`, { exact: true }).waitFor();
    }
    await check(page, 'annual-cycle-home-teacher');
    await tabTo(page, link, 10);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/students/${student.subjectId}`);
    await settled(page);
  });
});

describe('the principal\'s annual cycle and compliance (nn)', () => {
  const t = texts('nn');
  let page: Page;
  journey(browser, 'nn', {}, (p) => { page = p; });

  it('reads the cycle with its ISO weeks, is told a bad window by field, and sees compliance per routine, class and teacher', async () => {
    await login(page, 'rektor');
    await menu(page, 'nn', t('annualCycle.nav'));
    await page.getByRole('heading', { level: 1, name: /Årshjul 2026\/27/ }).waitFor();
    await check(page, 'annual-cycle-cycle-nn');
    await page.getByRole('row').filter({ hasText: 'Klasselærarmøte for klassen' }).getByText(t('annualCycle.weeks', { from: 39, to: 42 })).waitFor();

    await page.getByRole('button', { name: t('annualCycle.cycle.add') }).click();
    await page.getByLabel(t('annualCycle.cycle.titleNb')).fill('Trivselsundersøkelse');
    await page.getByLabel(t('annualCycle.cycle.titleNn')).fill('Trivselsundersøking');
    await page.getByLabel(t('annualCycle.cycle.opensOn')).fill('2026-12-07');
    await page.getByLabel(t('annualCycle.cycle.closesOn')).fill('2026-12-01');
    await page.getByRole('button', { name: t('annualCycle.cycle.save') }).click();
    await page.getByText(/kan ikkje slutte før han byrjar/).first().waitFor();
    await check(page, 'annual-cycle-form-error-nn');

    // the refused routine is still typed in the form: leaving asks first (issue 15), and the principal leaves
    await page.getByRole('link', { name: t('annualCycle.cycle.complianceLink') }).click();
    await page.getByRole('dialog', { name: t('common.unsaved.title') }).getByRole('button', { name: t('common.unsaved.leave') }).click();
    await page.getByRole('heading', { level: 1, name: t('annualCycle.compliance.title') }).waitFor();
    await settled(page);
    await check(page, 'annual-cycle-compliance-nn');
    // the counts are kept a few minutes; the page says from when, and the principal can have them now
    const asOf = page.getByText(/^Tala er frå .+\. Dei blir rekna ut på nytt når dei er eldre enn 5 minutt\.$/);
    await asOf.waitFor();
    const fresh = page.waitForResponse((r) => r.url().endsWith('/api/annual-cycle/compliance?refresh=true'));
    await page.getByRole('button', { name: t('annualCycle.compliance.refresh') }).click();
    const res = await fresh;
    expect(res.status()).toBe(200);
    expect(Date.parse((await res.json()).computedAt)).toBeGreaterThan(Date.now() - 60_000);
    await asOf.waitFor();
    await page.getByRole('heading', { name: t('annualCycle.compliance.perTeacher') }).waitFor();
    await page.getByRole('link', { name: '2STA', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: t('annualCycle.classPage.title', { group: '2STA' }) }).waitFor();
  });
});

describe('a contact teacher\'s August: the start-of-year conversations (R-30, R-11)', () => {
  const t = texts('nb');
  let august: AppServer;
  let page: Page;
  let close: () => Promise<void>;
  beforeAll(async () => {
    august = await startAppServer('2026-08-24');
    const ctx = await newContext(browser(), 'nb', false, august.base);
    close = () => ctx.close();
    page = await ctx.newPage();
  }, 180_000);
  afterAll(async () => {
    await close?.();
    await august?.stop();
  });

  it('shows the start-of-year conversations due this week, and a held conversation removes the student\'s task by itself', async () => {
    await login(page, 'kontaktlarer');
    const section = page.getByRole('region', { name: t('annualCycle.home.heading') });
    await section.waitFor();
    const tasks = await getJson<{ today: string; week: number; groups: Group[] }>(page, '/api/annual-cycle/my-tasks');
    expect(tasks).toMatchObject({ today: '2026-08-24', week: 35 });
    const start = routineFor2STA(tasks.groups, 'Oppstartsamtale med hver elev')!;
    expect(start.pending.length).toBeGreaterThan(0);
    const item = section.getByRole('listitem').filter({ hasText: 'Oppstartsamtale med hver elev' }).first();
    await item.getByText(t('annualCycle.home.progress', { done: start.done, total: start.total })).waitFor();
    await item.locator('summary').click();
    const student = start.pending[0]!;
    await item.getByRole('link', { name: student.name }).waitFor();
    await check(page, 'annual-cycle-august');

    // the conversation is planned and held (the conversations feature): nothing is ticked in the annual cycle
    const csrf = (await getJson<{ csrfToken: string }>(page, '/api/me')).csrfToken;
    const created = await page.request.post(`/api/students/${student.subjectId}/conversations`,
      { data: { kind: 'startOfYear', plannedAt: '2026-08-24T08:00:00.000Z' }, headers: { 'x-csrf-token': csrf } });
    expect(created.status(), await created.text()).toBe(201);
    const held = await page.request.post(`/api/conversations/${(await created.json()).id}/held`, { data: {}, headers: { 'x-csrf-token': csrf } });
    expect(held.status()).toBe(200);

    await page.reload();
    await settled(page);
    const after = page.getByRole('region', { name: t('annualCycle.home.heading') }).getByRole('listitem').filter({ hasText: 'Oppstartsamtale med hver elev' });
    if (start.pending.length === 1) {
      // the last one held: the routine is done for the class and leaves "this week"
      expect(await after.count()).toBe(0);
    } else {
      await after.first().getByText(t('annualCycle.home.progress', { done: start.done + 1, total: start.total })).waitFor();
      await after.first().locator('summary').click();
      expect(await after.first().getByRole('link', { name: student.name }).count()).toBe(0);
    }
    const again = routineFor2STA((await getJson<{ groups: Group[] }>(page, '/api/annual-cycle/my-tasks')).groups, 'Oppstartsamtale med hver elev');
    expect(again?.done ?? start.total).toBe(start.done + 1);
    await check(page, 'annual-cycle-august-after');
  });
});
