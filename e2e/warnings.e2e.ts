/**
 * Warnings journey (R-22, L-20, L-21): a warning goes from the subject teacher to a delivered letter —
 * the subject teacher raises a pre-filled IV warning by keyboard, the contact teacher approves and sends
 * it as one letter, the guardian and the student open their own copies on a phone, and the delivery
 * shows read ("Send" asks first, naming the recipients); the principal's no-grade decision waits for the
 * deadline. axe runs on every page visited.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDemo } from '../server/seed/demo.js';
import { SHOTS, check, classPage, getJson, login, menu, settled, tabTo, texts, journey, useBrowser, type Lang } from './support';

const { info } = buildDemo('not-a-real-hash');
const h = info.hardCases;
const browser = useBrowser();

interface Queue { students: { studentId: string; warnings: { id: string; state: string; kind: string }[]; letters: { id: string; sentAt: string | null }[] }[] }
interface Letter { copies: { id: string; recipientRole: string; delivery: { readAt: string | null } }[] }
interface StudentWarnings { letters: { id: string; sentAt: string | null }[]; warnings: { id: string; kind: string; state: string; letterId: string | null }[] }

describe.each(['nb', 'nn'] as const)('a warning goes from subject teacher to a delivered letter (%s)', (lang: Lang) => {
  const t = texts(lang);
  let letterId = '';

  describe('the subject teacher raises it', () => {
    let page: Page;
    journey(browser, lang, {}, (p) => { page = p; });

    it('opens the raise form pre-filled from the absence in maths and sends it to the contact teacher, by keyboard', async () => {
      await login(page, 'faglarer');
      await page.goto(`/students/${h.elevStudentId}`);
      await settled(page);
      const link = page.getByRole('link', { name: t('warnings.section.raise') });
      await tabTo(page, link, 120);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: new RegExp(t('warnings.raise.title', { name: '' }).trim()) }).waitFor();
      await settled(page);
      const grounds = page.getByLabel(t('warnings.fields.grounds'));
      expect(await grounds.inputValue()).toMatch(/%/);
      await check(page, 'warnings-raise');
      await tabTo(page, page.getByRole('button', { name: t('warnings.raise.submit') }), 80);
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: t('warnings.raise.done') }).waitFor();
    });
  });

  describe('the contact teacher approves and sends it', () => {
    let page: Page;
    journey(browser, lang, {}, (p) => { page = p; });

    it('finds it in the class queue, with the deadline check, and approves it as one letter', async () => {
      await login(page, 'kontaktlarer');
      await classPage(page, lang, '2STA', 'classSections.warnings');
      await page.getByRole('heading', { level: 1, name: t('warnings.queue.title', { name: '2STA' }) }).waitFor();
      await check(page, 'warnings-queue');
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }).filter({ hasText: await studentName(page) }) });
      const approve = card.getByRole('button', { name: t('warnings.queue.approve') });
      await tabTo(page, approve, 200);
      await page.keyboard.press('Enter');
      const send = card.getByRole('button', { name: t('warnings.queue.send') });
      await send.waitFor();
      await tabTo(page, send, 200);
      await page.keyboard.press('Enter');
      // "Send" asks first, naming who gets the letter; the safe answer has the focus
      const question = card.getByText(t('warnings.queue.sendConfirm', { names: '' }).split('?')[0]!.trim().split(' ').slice(0, 3).join(' '));
      await question.waitFor();
      expect(await question.textContent()).toContain(await studentName(page));
      await card.getByRole('button', { name: t('warnings.queue.sendYes') }).click();
      await expect.poll(async () => {
        const q = await getJson<Queue>(page, `/api/basis-groups/${h.basisGroup2STAId}/warnings`);
        const sent = q.students.find((s) => s.studentId === h.elevStudentId)!.letters.filter((l) => l.sentAt);
        return sent.length;
      }).toBeGreaterThan(0);
      const mine = await getJson<StudentWarnings>(page, `/api/students/${h.elevStudentId}/warnings`);
      letterId = mine.letters.find((l) => l.sentAt)!.id;
      await check(page, 'warnings-queue-sent');
    });

    it('opens the letter: every copy with its delivery, and the PDF', async () => {
      await page.goto(`/students/${h.elevStudentId}/warning-letters/${letterId}`);
      await page.getByRole('heading', { level: 2, name: t('warnings.letter.copies') }).waitFor();
      await check(page, 'warnings-letter-staff');
      const letter = await getJson<Letter>(page, `/api/students/${h.elevStudentId}/warning-letters/${letterId}`);
      expect(letter.copies.map((c) => c.recipientRole).sort()).toEqual(['guardian', 'guardian', 'student']);
      const pdf = await page.request.get(`/api/students/${h.elevStudentId}/warning-letters/${letterId}/copies/${letter.copies[0]!.id}/pdf`);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(join(SHOTS, `${lang}-warnings-letter.pdf`), await pdf.body());
    });
  });

  describe('the guardian opens it on a phone', () => {
    let page: Page;
    journey(browser, lang, { mobile: true }, (p) => { page = p; });

    it('reads their own copy from the child\'s page, which marks it read', async () => {
      await login(page, 'foresatt');
      await page.goto(`/children/${h.elevStudentId}`);
      await settled(page);
      await page.getByRole('heading', { level: 2, name: t('warnings.section.title') }).waitFor();
      await check(page, 'warnings-guardian-child');
      const open = page.getByRole('link', { name: new RegExp(t('warnings.section.openLetter', { date: '' }).trim()) }).first();
      await tabTo(page, open, 120);
      await page.keyboard.press('Enter');
      await page.getByRole('link', { name: t('warnings.letter.pdf') }).waitFor();
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await check(page, 'warnings-letter-guardian-phone');
    });
  });

  describe('the student opens it on a phone', () => {
    let page: Page;
    journey(browser, lang, { mobile: true }, (p) => { page = p; });

    it('sees the warning on their own page and reads the letter', async () => {
      await login(page, 'elev');
      await page.goto(`/students/${h.elevStudentId}/warning-letters/${letterId}`);
      await page.getByRole('link', { name: t('warnings.letter.pdf') }).waitFor();
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await check(page, 'warnings-letter-student-phone');
    });
  });

  describe('the contact teacher sees it delivered, and the principal decides (L-21)', () => {
    let page: Page;
    journey(browser, lang, {}, (p) => { page = p; });

    it('shows the student\'s and the guardian\'s copies as read', async () => {
      await login(page, 'rektor');
      const letter = await getJson<Letter>(page, `/api/students/${h.elevStudentId}/warning-letters/${letterId}`);
      expect(letter.copies.filter((c) => c.delivery.readAt).map((c) => c.recipientRole).sort()).toEqual(['guardian', 'student']);
    });

    it('offers the principal the no-grade decision only once the deadline has passed (L-21)', async () => {
      await menu(page, lang, t('warnings.nav.decisions'));
      await page.getByRole('heading', { level: 1, name: t('warnings.decisions.title') }).waitFor();
      await settled(page);
      await check(page, 'warnings-decisions');
      // the demo's sent IV warnings are all due after today (2026-11-25): none can be decided yet
      await page.getByText(t('warnings.decisions.afterDeadline', { date: '' }).split('(')[0]!.trim()).first().waitFor();
      expect(await page.getByLabel(t('warnings.decisions.reasons')).count()).toBe(0);
    });
  });
});

async function studentName(page: Page): Promise<string> {
  const view = await getJson<{ student: { name: string } }>(page, `/api/students/${h.elevStudentId}/warnings`);
  return view.student.name;
}
