/**
 * Issue 15: never lose what a person typed, never accept what they did not mean. The contact teacher
 * plans a conversation with a half-typed time and date (refused at the field, nothing saved), writes
 * notes that save themselves as drafts ("Lagret kl. 08:14"), leaves mid-sentence (the last keystrokes
 * are stored), is asked before leaving unsaved choices and an unsaved contact-log entry, and presses
 * "Marker som holdt" with a note not yet saved (it is saved first). In nb on a desktop and nn on a phone.
 * On the desktop also: an absence mark not yet saved and a warning being written ask before leaving.
 */
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoDataset, demoHardCases as h } from './demo';
import { apiAs, check, getJson, journey, login, settled, texts, typeDate, useBrowser, type Lang } from './support';

const browser = useBrowser();

interface Register { students: { studentId: string; givenName: string; familyName: string; status: string }[] }

interface Detail {
  conversation: { status: string; plannedAt: string | null };
  notes: { sectionKey: string; text: string }[];
}

const nameOf = (studentId: string) => {
  const s = demoDataset.student.find((x) => x.id === studentId)!;
  const p = demoDataset.person.find((x) => x.id === s.personId)!;
  return `${p.givenName} ${p.familyName}`;
};

async function planConversation(api: APIRequestContext, studentId: string): Promise<string> {
  const me = (await (await api.get('/api/me')).json()) as { csrfToken: string };
  const res = await api.post(`/api/students/${studentId}/conversations`, { data: { kind: 'student' }, headers: { 'x-csrf-token': me.csrfToken } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** A message with one {{var}} as a pattern that matches any value of it. */
const pattern = (message: string) => new RegExp(message.split('X').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\d\\d[:.]\\d\\d'));

const runs: { lang: Lang; mobile: boolean; studentId: string }[] = [
  { lang: 'nb', mobile: false, studentId: h.elevStudentId },
  { lang: 'nn', mobile: true, studentId: h.minorityLanguageStudentId },
];

for (const { lang, mobile, studentId } of runs) {
  describe(`the contact teacher's typing is kept and half-typed times are refused (${lang}, ${mobile ? 'phone' : 'desktop'})`, () => {
    const t = texts(lang);
    let page: Page;
    let id = '';
    journey(browser, lang, { mobile }, (p) => { page = p; });
    const detail = () => getJson<Detail>(page, `/api/conversations/${id}`);
    const planningForm = () => page.getByRole('form', { name: t('conversations.meeting.planning') });
    const noteForms = () => page.getByRole('form', { name: /^Notat: / });

    it('a half-typed time is refused at the time field in the person\'s language and nothing is saved', async () => {
      // The refused plans below are left behind by reloading: the browser's own "leave the page?" is answered yes.
      page.on('dialog', (d) => void d.accept());
      id = await planConversation(await apiAs('kontaktlarer', lang), studentId);
      await login(page, 'kontaktlarer');
      await page.goto(`/conversations/${id}`);
      await planningForm().waitFor();
      await settled(page);
      await planningForm().getByLabel(t('conversations.meeting.date')).focus();
      await typeDate(page, '2026-12-03');
      await planningForm().getByLabel(t('conversations.meeting.time')).focus();
      await page.keyboard.type('1');
      await planningForm().getByRole('button', { name: t('conversations.meeting.save') }).click();
      await planningForm().getByText(t('common.whole.time')).first().waitFor();
      await check(page, `unsaved-${mobile ? 'phone' : 'desktop'}-half-time`);
      expect((await detail()).conversation.plannedAt).toBeNull();
    });

    it('a date without a time is not saved as midnight: the time field asks for it', async () => {
      await page.reload();
      await planningForm().waitFor();
      await planningForm().getByLabel(t('conversations.meeting.date')).focus();
      await typeDate(page, '2026-12-03');
      await planningForm().getByRole('button', { name: t('conversations.meeting.save') }).click();
      await planningForm().getByText(t('conversations.meeting.dateWithoutTime')).first().waitFor();
      expect((await detail()).conversation.plannedAt).toBeNull();
    });

    it('a half-typed date is refused at the date field, not dropped', async () => {
      await page.reload();
      await planningForm().waitFor();
      await planningForm().getByLabel(t('conversations.meeting.date')).focus();
      await page.keyboard.type('03');
      await planningForm().getByLabel(t('conversations.meeting.time')).focus();
      await page.keyboard.type('1400');
      await planningForm().getByRole('button', { name: t('conversations.meeting.save') }).click();
      await planningForm().getByText(t('common.whole.date')).first().waitFor();
      expect((await detail()).conversation.plannedAt).toBeNull();
    });

    it('a note saves itself as a draft while typed and says when: "Lagret kl. …"', async () => {
      await page.reload();
      await noteForms().first().waitFor();
      const first = noteForms().first();
      await first.getByRole('textbox').click();
      await page.keyboard.type('Eleven trives og vil jobbe mer med lekser.');
      await first.getByText(pattern(t('conversations.meeting.draftSaved', { time: 'X' }))).waitFor();
      await check(page, `unsaved-${mobile ? 'phone' : 'desktop'}-draft-saved`);
      expect((await detail()).notes.map((n) => n.text)).toContain('Eleven trives og vil jobbe mer med lekser.');
    });

    it('leaving the page mid-sentence keeps the last keystrokes', async () => {
      const first = noteForms().first();
      await first.getByRole('textbox').click();
      await page.keyboard.press('End');
      await page.keyboard.type(' Avtalt leksehjelp');
      await page.getByRole('link', { name: nameOf(studentId) }).first().click();
      await page.getByRole('heading', { level: 1, name: nameOf(studentId) }).waitFor();
      await expect.poll(async () => (await detail()).notes.map((n) => n.text)).toContain('Eleven trives og vil jobbe mer med lekser. Avtalt leksehjelp');
    });

    it('an unsaved choice asks before leaving; "stay" keeps it on the page', async () => {
      await page.goto(`/conversations/${id}`);
      const first = noteForms().first();
      await first.waitFor();
      await settled(page);
      await first.getByRole('checkbox', { name: t('conversations.meeting.shareWithFamily') }).check();
      await page.getByRole('link', { name: nameOf(studentId) }).first().click();
      const dialog = page.getByRole('dialog', { name: t('common.unsaved.title') });
      await dialog.waitFor();
      await check(page, `unsaved-${mobile ? 'phone' : 'desktop'}-leave-dialog`);
      await dialog.getByRole('button', { name: t('common.unsaved.stay') }).click();
      expect(await first.getByRole('checkbox', { name: t('conversations.meeting.shareWithFamily') }).isChecked()).toBe(true);
      await first.getByRole('checkbox', { name: t('conversations.meeting.shareWithFamily') }).uncheck();
    });

    it('"Marker som holdt" saves the note typed a moment ago first', async () => {
      const second = noteForms().nth(1);
      await second.getByRole('textbox').click();
      await page.keyboard.type('Skal snakke med rådgiver om valg av programfag.');
      await page.getByRole('button', { name: t('conversations.meeting.markHeld') }).click();
      await page.getByRole('status').filter({ hasText: t('conversations.meeting.markedHeld') }).waitFor();
      const d = await detail();
      expect(d.conversation.status).toBe('held');
      expect(d.notes.map((n) => n.text)).toContain('Skal snakke med rådgiver om valg av programfag.');
    });

    if (!mobile) {
      it('a contact-log entry being written asks before the page is left', async () => {
        await page.goto(`/students/${studentId}`);
        await page.getByRole('heading', { level: 1, name: nameOf(studentId) }).waitFor();
        await settled(page);
        const log = page.getByRole('region', { name: t('contactLog.title') });
        await log.getByRole('button', { name: t('contactLog.addTitle') }).click();
        await log.getByLabel(t('contactLog.summary')).fill('Ringte mor om fravær.');
        await page.getByRole('navigation', { name: t('shell.mainNav') }).getByRole('link').first().click();
        const dialog = page.getByRole('dialog', { name: t('common.unsaved.title') });
        await dialog.waitFor();
        await dialog.getByRole('button', { name: t('common.unsaved.stay') }).click();
        expect(await log.getByLabel(t('contactLog.summary')).inputValue()).toBe('Ringte mor om fravær.');
      });

      it('an absence mark not yet saved asks before the register is left; "leave" drops it and nothing is saved', async () => {
        // another person on the same browser: the contact teacher's session ends first
        await page.context().clearCookies();
        await login(page, 'faglarer');
        const url = `/api/teaching-groups/${h.teachingGroup2STAMATId}/register?day=2026-11-24`;
        await page.goto(`/teaching-groups/${h.teachingGroup2STAMATId}/register?day=2026-11-24`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await settled(page);
        const before = await getJson<Register>(page, url);
        const present = before.students.find((s) => s.status === 'present')!;
        await page.getByRole('button', { name: `${t('absence.register.absent')}: ${present.familyName}, ${present.givenName}` }).click();
        await page.getByRole('navigation', { name: t('shell.mainNav') }).getByRole('link').first().click();
        const dialog = page.getByRole('dialog', { name: t('common.unsaved.title') });
        await dialog.waitFor();
        await check(page, 'unsaved-desktop-register-leave');
        await dialog.getByRole('button', { name: t('common.unsaved.leave') }).click();
        await page.getByRole('heading', { level: 1 }).filter({ hasNotText: '2STA-MAT' }).waitFor();
        const after = await getJson<Register>(page, url);
        expect(after.students.find((s) => s.studentId === present.studentId)!.status).toBe('present');
      });

      it('a warning being written asks before the page is left, and "stay" keeps the text (L-20)', async () => {
        await page.goto(`/students/${studentId}/warnings/new`);
        const grounds = page.getByLabel(t('warnings.fields.grounds'));
        await grounds.waitFor();
        await settled(page);
        await grounds.fill('Eleven har mye udokumentert fravær i faget.');
        await page.getByRole('navigation', { name: t('shell.mainNav') }).getByRole('link').first().click();
        const dialog = page.getByRole('dialog', { name: t('common.unsaved.title') });
        await dialog.waitFor();
        await dialog.getByRole('button', { name: t('common.unsaved.stay') }).click();
        expect(await grounds.inputValue()).toBe('Eleven har mye udokumentert fravær i faget.');
      });
    }
  });
}
