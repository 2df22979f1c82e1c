/**
 * Formative assessment and conflicts between students: a subject teacher enters feedback
 * for a whole group by keyboard and the student reads it on a phone; a conflict across two classes,
 * recorded by one contact teacher, is seen by the other class's contact teacher only for their own
 * student. axe runs on every page visited.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDemo } from '../server/seed/demo.js';
import { APP_TODAY, check, getJson, login, menu, settled, tabTo, texts, journey, useBrowser, type Lang } from './support';

const { dataset: ds, info } = buildDemo('not-a-real-hash');
const h = info.hardCases;
const browser = useBrowser();
const personOf = (studentId: string) => ds.person.find((p) => p.id === ds.student.find((s) => s.id === studentId)!.personId)!;
/** 2STB students none of the demo's hand-made cases use, last by id (the demo conflict takes the first) */
const stb = ds.enrolment.filter((e) => e.basisGroupId === h.basisGroup2STBId && e.endsOn === null).map((e) => e.studentId)
  .filter((id) => !Object.values(h).flat().includes(id) && ds.student.find((s) => s.id === id)!.status === 'active').sort().reverse();

interface Group { students: { studentId: string; givenName: string; familyName: string }[] }

describe.each(['nb', 'nn'] as const)('formative assessment and conflicts (%s)', (lang: Lang) => {
  const t = texts(lang);
  const feedback = lang === 'nb' ? 'Tydelig utregning, øv på enhetene.' : 'Tydeleg utrekning, øv på einingane.';

  describe('a subject teacher enters feedback for the whole group by keyboard', () => {
    let page: Page;
    journey(browser, lang, {}, (p) => { page = p; });

    it('opens 2STA-MAT from the menu and writes feedback to two students, then saves, without the mouse', async () => {
      await login(page, 'faglarer');
      await menu(page, lang, t('formative.nav.staff'));
      await check(page, 'formative-home');
      await tabTo(page, page.getByRole('link', { name: '2STA-MAT' }));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: t('formative.group.title', { group: '2STA-MAT' }) }).waitFor();
      await settled(page);
      await check(page, 'formative-group');
      const group = await getJson<Group>(page, `/api/teaching-groups/${h.teachingGroup2STAMATId}/formative-assessments`);
      const elev = group.students.find((s) => s.studentId === h.elevStudentId)!;
      const other = group.students.find((s) => s.studentId !== h.elevStudentId)!;
      for (const s of [other, elev]) {
        await tabTo(page, page.getByLabel(t('formative.group.feedbackFor', { name: `${s.givenName} ${s.familyName}` })), 150);
        await page.keyboard.type(feedback);
      }
      await tabTo(page, page.getByRole('button', { name: t('formative.group.save') }), 150);
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: t('formative.group.saved', { count: 2 }) }).waitFor();
      await check(page, 'formative-group-saved');
    });
  });

  describe('the student reads the feedback on a phone', () => {
    let page: Page;
    journey(browser, lang, { mobile: true }, (p) => { page = p; });

    it('finds "My assessments" in the menu and sees the new feedback first', async () => {
      await login(page, 'elev');
      await menu(page, lang, t('formative.nav.mine'));
      await page.getByRole('heading', { level: 1, name: t('formative.student.myTitle') }).waitFor();
      await page.getByText(feedback).first().waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, 'no sideways scrolling on a phone').toBeLessThanOrEqual(390);
      await check(page, 'formative-student-phone');
    });

    it('a guardian with insight sees the same on their phone', async () => {
      await page.context().clearCookies();
      await login(page, 'foresatt');
      await page.goto(`/children/${h.elevStudentId}/formative`);
      await settled(page);
      await page.getByText(feedback).first().waitFor();
      await check(page, 'formative-guardian-phone');
    });
  });

  describe('a conflict across two classes', () => {
    let page: Page;
    let conflictUrl = '';
    journey(browser, lang, {}, (p) => { page = p; });
    const other = personOf(stb[lang === 'nb' ? 0 : 1]!);
    const elev = personOf(h.elevStudentId);
    const step = lang === 'nb' ? 'Samtale med eleven alene om hva som skjedde.' : 'Samtale med eleven åleine om kva som skjedde.';

    it('is recorded by the contact teacher of 2STA with a student of 2STB', async () => {
      await login(page, 'kontaktlarer');
      // the class's summary and the student page's section and link, on the way
      await page.goto(`/classes/${h.basisGroup2STAId}/formative`);
      await page.getByRole('heading', { level: 1, name: t('formative.summary.title', { group: '2STA' }) }).waitFor();
      await check(page, 'formative-class-summary');
      await page.goto(`/students/${h.elevStudentId}`);
      await page.getByRole('heading', { level: 2, name: t('conflicts.section.heading') }).waitFor();
      await page.getByRole('link', { name: t('formative.student.link') }).click();
      await settled(page);
      await check(page, 'formative-student-staff');
      await menu(page, lang, t('conflicts.nav'));
      await check(page, 'conflicts-list');
      await page.getByRole('link', { name: t('conflicts.list.new') }).click();
      await settled(page);
      await page.getByLabel(t('conflicts.form.description')).fill(lang === 'nb' ? 'Krangel i gangen etter gymtimen.' : 'Krangel i gangen etter gymtimen, med dytting.');
      for (const p of [elev, other]) {
        await page.getByLabel(t('conflicts.form.search')).fill(`${p.givenName} ${p.familyName}`);
        await page.keyboard.press('Enter');
        await page.getByRole('button', { name: new RegExp(`${p.givenName} ${p.familyName}`) }).first().click();
      }
      await check(page, 'conflicts-new');
      await page.getByRole('button', { name: t('conflicts.form.save') }).click();
      await page.getByRole('heading', { level: 2, name: t('conflicts.detail.steps') }).waitFor();
      conflictUrl = new URL(page.url()).pathname;
      await page.getByLabel(t('conflicts.detail.stepDescription')).fill(step);
      await page.getByLabel(t('conflicts.detail.stepFor')).selectOption({ label: t('conflicts.detail.withStudent', { name: `${elev.givenName} ${elev.familyName}` }) });
      await page.getByRole('button', { name: t('conflicts.detail.saveStep') }).click();
      await page.getByText(step).waitFor();
      await check(page, 'conflicts-detail-full');
    });

    it('is seen by the contact teacher of 2STB only for their own student; elev is "another student in 2STA"', async () => {
      await page.context().clearCookies();
      await login(page, 'kontaktlarer.2stb');
      await page.goto(conflictUrl);
      await settled(page);
      await page.getByText(`${other.givenName} ${other.familyName}`).first().waitFor();
      await page.getByText(t('conflicts.another', { group: '2STA' })).waitFor();
      const body = await page.locator('main').innerText();
      expect(body).not.toContain(elev.familyName);
      expect(body).not.toContain(step);
      await check(page, 'conflicts-detail-own-student');
      expect(APP_TODAY).toBe('2026-11-25');
    });
  });
});
