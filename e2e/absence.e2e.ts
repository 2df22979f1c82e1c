/**
 * Absence journeys: the subject teacher registers a lesson for the whole group by
 * keyboard in a few actions; the contact teacher reads the class's signals and ticks off the week in
 * the class hour; the student reads their percentages on a phone. axe runs on every page visited.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDemo } from '../server/seed/demo.js';
import { check, classPage, getJson, login, menu, settled, tabTo, texts, typeDate, journey, useBrowser, type Lang } from './support';

const { info } = buildDemo('not-a-real-hash');
const h = info.hardCases;
const browser = useBrowser();

interface Register { lesson: { id: string } | null; students: { studentId: string; givenName: string; familyName: string; status: string }[] }
interface StudentAbsence { subjects: { subjectCode: string; percent: number; plannedHours: number }[] }
interface Week { students: { studentId: string; givenName: string; familyName: string; checked: unknown }[] }

describe.each(['nb', 'nn'] as const)('absence journeys (%s)', (lang: Lang) => {
  const t = texts(lang);

  describe('the subject teacher registers a lesson', () => {
    let page: Page;
    journey(browser, lang, {}, (p) => { page = p; });

    it('finds yesterday\'s maths lesson of 2STA from the menu, by keyboard', async () => {
      await login(page, 'faglarer');
      await menu(page, lang, t('absence.nav.register'));
      await page.getByRole('heading', { level: 1, name: t('absence.register.title') }).waitFor();
      const day = page.getByLabel(t('absence.register.day'), { exact: true });
      await tabTo(page, day);
      await typeDate(page, '2026-11-24');
      await page.keyboard.press('Enter');
      const link = page.getByRole('link', { name: new RegExp(`^08:15 2STA-MAT`) });
      await link.waitFor();
      await check(page, 'absence-my-lessons');
      await tabTo(page, link);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: t('absence.register.groupTitle', { group: '2STA-MAT' }) }).waitFor();
      await settled(page);
    });

    it('marks two students absent and one late and saves: three actions, the rest stay present', async () => {
      const before = await getJson<Register>(page, `/api/teaching-groups/${h.teachingGroup2STAMATId}/register?day=2026-11-24`);
      const [a, b, c] = before.students.filter((s) => s.status === 'present');
      const name = (s: { givenName: string; familyName: string }) => `${s.familyName}, ${s.givenName}`;
      let actions = 0;
      await tabTo(page, page.getByRole('button', { name: `${t('absence.register.absent')}: ${name(a!)}` }));
      await page.keyboard.press('Space');
      actions++;
      await tabTo(page, page.getByRole('button', { name: `${t('absence.register.absent')}: ${name(b!)}` }));
      await page.keyboard.press('Space');
      actions++;
      await tabTo(page, page.getByRole('button', { name: `${t('absence.register.late')}: ${name(c!)}` }));
      await page.keyboard.press('Space');
      actions++;
      await page.getByText(t('absence.register.summary', { absent: before.students.filter((s) => s.status === 'absent').length + 2, late: before.students.filter((s) => s.status === 'late').length + 1, present: before.students.length - before.students.filter((s) => s.status !== 'present').length - 3 })).waitFor();
      await check(page, 'absence-register-marked');
      await tabTo(page, page.getByRole('button', { name: t('absence.register.save') }), 120);
      await page.keyboard.press('Enter');
      actions++;
      await page.getByRole('status').filter({ hasText: t('absence.register.saved', { absent: before.students.filter((s) => s.status === 'absent').length + 2, late: before.students.filter((s) => s.status === 'late').length + 1 }) }).waitFor();
      expect(actions).toBeLessThanOrEqual(4);
      const after = await getJson<Register>(page, `/api/teaching-groups/${h.teachingGroup2STAMATId}/register?day=2026-11-24&lessonId=${before.lesson!.id}`);
      const status = (id: string) => after.students.find((s) => s.studentId === id)!.status;
      expect([status(a!.studentId), status(b!.studentId), status(c!.studentId)]).toEqual(['absent', 'absent', 'late']);
      expect(after.students.filter((s) => s.status !== 'present').length).toBe(before.students.filter((s) => s.status !== 'present').length + 3);
      await check(page, 'absence-register-saved');
    });
  });

  describe('the contact teacher in the class hour', () => {
    let page: Page;
    journey(browser, lang, {}, (p) => { page = p; });

    it('reads the class\'s absence: signals, and who has had no follow-up yet', async () => {
      await login(page, 'kontaktlarer');
      await classPage(page, lang, '2STA', 'classSections.absence');
      await page.getByRole('heading', { level: 1, name: t('absence.classPage.title', { name: '2STA' }) }).waitFor();
      const list = page.getByRole('region', { name: t('absence.classPage.noFollowUpTitle') });
      await list.getByRole('listitem').first().waitFor();
      await page.getByRole('table', { name: t('absence.classPage.caption', { name: '2STA' }) }).waitFor();
      await check(page, 'absence-class');
    });

    it('ticks off a student in this week\'s check, by keyboard', async () => {
      const link = page.getByRole('link', { name: t('absence.classPage.weekCheck') });
      await tabTo(page, link);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: t('absence.week.title', { name: '2STA', week: 48 }) }).waitFor();
      await settled(page);
      const week = await getJson<Week>(page, `/api/basis-groups/${h.basisGroup2STAId}/absence/week`);
      // the first student not yet checked this week (the other language's run ticked one off already)
      const student = week.students.find((s) => s.checked === null)!;
      const box = page.getByRole('checkbox', { name: t('absence.week.checkStudent', { name: `${student.familyName}, ${student.givenName}` }) });
      await tabTo(page, box, 120);
      await page.keyboard.press('Space');
      await expect.poll(async () => (await getJson<Week>(page, `/api/basis-groups/${h.basisGroup2STAId}/absence/week`)).students.find((s) => s.studentId === student.studentId)!.checked).not.toBeNull();
      await expect.poll(() => box.isChecked()).toBe(true);
      await check(page, 'absence-week-check');
    });

    it('opens a student\'s absence with the forms for reasons, full days, the higher-risk condition and the diploma', async () => {
      await page.goto(`/students/${h.selfCertificationUsedUpStudentId}/absence`);
      await page.getByRole('heading', { level: 3, name: t('absence.document.title') }).waitFor();
      await page.getByText(t('absence.student.selfCertificationUsed')).waitFor();
      await page.getByRole('heading', { level: 2, name: t('absence.diploma.title') }).waitFor();
      await check(page, 'absence-student-staff');
    });
  });

  describe('the student on a phone', () => {
    let page: Page;
    journey(browser, lang, { mobile: true }, (p) => { page = p; });

    it('reads their percentage in each subject and what counts toward the limit', async () => {
      await login(page, 'elev');
      await menu(page, lang, t('absence.nav.myAbsence'));
      await page.getByRole('heading', { level: 1, name: t('absence.student.myTitle') }).waitFor();
      const mine = await getJson<StudentAbsence>(page, `/api/students/${h.elevStudentId}/absence`);
      const math = mine.subjects.find((s) => s.subjectCode === 'MAT1021')!;
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /MAT1021/ }) });
      const format = (n: number) => n.toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO');
      await card.getByText(t('absence.student.percentOf', { percent: format(math.percent), hours: format(math.plannedHours) })).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await check(page, 'absence-student-phone');
    });
  });

  describe('the guardian on a phone', () => {
    let page: Page;
    journey(browser, lang, { mobile: true }, (p) => { page = p; });

    it('the guardian of a student under 18 reads the child\'s absence from the child\'s page (L-03)', async () => {
      await login(page, 'foresatt');
      await page.goto(`/children/${h.elevStudentId}`);
      await settled(page);
      await page.getByRole('link', { name: t('absence.recordLink') }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(t('absence.student.title', { name: '' }).trim()) }).waitFor();
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await check(page, 'absence-guardian-phone');
    });
  });

  describe('the principal', () => {
    let page: Page;
    journey(browser, lang, {}, (p) => { page = p; });

    it('opens the absence rules, the timetable import and the calendar', async () => {
      await login(page, 'rektor');
      await menu(page, lang, t('absence.nav2.settings'));
      await page.getByRole('heading', { level: 1, name: t('absence.settings.title') }).waitFor();
      await page.getByRole('table', { name: t('absence.settings.calendarCaption') }).getByText('Høstferie').waitFor();
      await check(page, 'absence-settings');
    });

    it('sees the decision form (§ 9-8 fourth paragraph) on a student over the limit', async () => {
      await page.goto(`/students/${h.absenceOverLimitStudentId}/absence`);
      await page.getByRole('heading', { level: 2, name: t('absence.decision.title') }).waitFor();
      await page.getByText(t('absence.status.overLimit')).first().waitFor();
      await check(page, 'absence-student-principal');
    });
  });
});
