/**
 * Conversations (R-10…R-17, R-60, R-62) in the browser: the contact teacher's class plan and a
 * start-of-year conversation held by keyboard, the student preparing on a phone, the department head's
 * notification and compliance view, a conversation delegated to the subject teacher, and the guardian
 * conferences of 2STA. One describe per flow; they run in file order, and where a flow builds on an
 * earlier one (the department head's notification) it sets the stage itself when run alone.
 * Last, a tour of every conversation page in nb, nn and en, on a desktop and on a phone.
 */
import type { APIRequestContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinTemplates } from '../server/features/conversations/builtinTemplates';
import { demo, demoDataset, demoHardCases as h } from './demo';
import {
  APP_TODAY, apiAs, check, classPage, exact, getJson, hasFocus, journey, login, menu, settled, tabTo, texts, typeDate, useBrowser, type Lang,
} from './support';

const browser = useBrowser();

// ---------------------------------------------------------------------------------------------
// The demo school's people and conversations that the journeys name.

const personById = new Map(demoDataset.person.map((p) => [p.id, p]));
const studentById = new Map(demoDataset.student.map((s) => [s.id, s]));
const nameOfStudent = (studentId: string): string => {
  const p = personById.get(studentById.get(studentId)!.personId)!;
  return `${p.givenName} ${p.familyName}`;
};
const current = (e: { endsOn?: string | null; startsOn: string }) => e.startsOn <= APP_TODAY && (!e.endsOn || e.endsOn > APP_TODAY);
const studentsOf = (group: { basisGroupId?: string; teachingGroupId?: string }) =>
  demoDataset.enrolment
    .filter((e) => current(e) && (group.basisGroupId ? e.basisGroupId === group.basisGroupId : e.teachingGroupId === group.teachingGroupId))
    .map((e) => e.studentId);

const minority = { id: h.minorityLanguageStudentId, name: nameOfStudent(h.minorityLanguageStudentId) };
/** a student of 2STA in the maths group (2STA-MAT) who is none of the hard cases: the conversation delegated to `faglarer` */
const mathsStudentId = (() => {
  const hard = new Set<string>([h.elevStudentId, h.minorityLanguageStudentId, h.strictlyConfidentialStudentId, h.adultWithConsentStudentId,
    h.noResponsibilityStudentId, h.changedClassStudentId, ...h.accommodationStudentIds]);
  const inMaths = new Set(studentsOf({ teachingGroupId: h.teachingGroup2STAMATId }));
  const id = studentsOf({ basisGroupId: h.basisGroup2STAId }).find((s) => inMaths.has(s) && !hard.has(s)
    && demoDataset.conversation.some((c) => c.studentId === s && c.kind === 'startOfYear'));
  if (!id) throw new Error('no plain student in 2STA-MAT');
  return id;
})();
const mathsStudent = { id: mathsStudentId, name: nameOfStudent(mathsStudentId) };

/** a conversation of a student outside Studiespesialisering: what the department head must not open */
const otherDepartment = (() => {
  const groups = new Map(demoDataset.basisGroup.map((g) => [g.id, g]));
  const outside = demoDataset.enrolment.find((e) => current(e) && e.basisGroupId
    && groups.get(e.basisGroupId)!.departmentId !== h.studiespesialiseringDepartmentId
    && demoDataset.conversation.some((c) => c.studentId === e.studentId));
  if (!outside) throw new Error('no student outside Studiespesialisering with a conversation');
  const conversation = demoDataset.conversation.find((c) => c.studentId === outside.studentId)!;
  return { studentId: outside.studentId, conversationId: conversation.id };
})();

const startOfYear = builtinTemplates.find((b) => b.key === 'startOfYear')!.content;
const sectionOf = (key: string) => startOfYear.sections.find((s) => s.key === key)!;
const page2 = sectionOf('minorityLanguage');
const residenceCard = page2.questions.find((q) => q.key === 'residenceCard')!;
const templateText = (lang: Lang, text: { nb: string; nn?: string; en?: string }) => text[lang] ?? text.nb;

const reasons = {
  contactTeacher: { nb: 'kontaktlærer for 2STA', nn: 'kontaktlærar for 2STA', en: 'contact teacher of 2STA' },
  departmentHead: { nb: 'avdelingsleder for Studiespesialisering', nn: 'avdelingsleiar for Studiespesialisering', en: 'department head of Studiespesialisering' },
  delegatedHolder: { nb: 'faglærer som holder en delegert elevsamtale', nn: 'faglærar som held ein delegert elevsamtale', en: 'subject teacher holding a delegated student conversation' },
} as const;

// ---------------------------------------------------------------------------------------------
// The API's shapes, as far as the journeys read them (web/src/features/conversations/types.ts).

interface ClassPlan {
  plan: { conversationsPerYear: number };
  students: { studentId: string; name: string; cells: { kind: string; status: string }[]; law: Record<'l01Autumn' | 'l01Spring' | 'l02', string> }[];
}
interface Detail {
  conversation: { id: string; kind: string; status: string; videoLink: string | null; holder: { personId: string; name: string }; delegated: boolean; newImportantInformation: boolean };
  notes: { sectionKey: string; text: string; visibility: string }[];
  followUps: { description: string; responsible: string; responsiblePerson: { name: string } | null; dueOn: string | null; sharedWithFamily: boolean }[];
  preparation: Record<string, string | null> | null;
  permissions: { hold: boolean; readPreparation: boolean };
}
interface StudentConversations { conversations: { id: string; kind: string; status: string; delegated: boolean; subject: { teachingGroupId: string } | null }[] }
interface Conferences {
  deadline: string | null;
  rows: { studentId: string; name: string; status: string; notOfferedByDeadline: boolean; guardians: { offeredAt: string | null; toldOfRight: boolean }[] }[];
}

// ---------------------------------------------------------------------------------------------
// Keyboard helpers

/** Choose an option of the focused <select> with the arrow keys, as a keyboard user does. */
async function chooseByKeyboard(page: Page, select: ReturnType<Page['locator']>, option: string | RegExp, max = 40): Promise<void> {
  await tabTo(page, select, 80);
  const matches = async () => {
    const label = await select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    return typeof option === 'string' ? label.trim() === option : option.test(label);
  };
  for (let i = 0; i < max && !(await matches()); i++) await page.keyboard.press('ArrowDown');
  expect(await matches(), `option ${option} chosen`).toBe(true);
}

const timeOrders = new WeakMap<object, '24h' | '12h'>();
/** Type a time into the focused time field; Debian's chromium shows it as hh:mm AM/PM whatever the page language. */
async function typeTime(page: Page, hhmm: string): Promise<void> {
  let order = timeOrders.get(page.context());
  if (!order) {
    const scratch = await page.context().newPage();
    await scratch.setContent('<input type="time" aria-label="probe">');
    await scratch.locator('input').focus();
    await scratch.keyboard.type('1400');
    order = (await scratch.locator('input').inputValue()) === '14:00' ? '24h' : '12h';
    await scratch.close();
    timeOrders.set(page.context(), order);
  }
  const [hh, mm] = [Number(hhmm.slice(0, 2)), hhmm.slice(3, 5)];
  if (order === '24h') await page.keyboard.type(hhmm.replace(':', ''));
  else await page.keyboard.type(`${String(hh % 12 || 12).padStart(2, '0')}${mm}${hh < 12 ? 'A' : 'P'}`);
}

async function press(page: Page, target: ReturnType<Page['locator']>, key = 'Enter', max = 80): Promise<void> {
  await tabTo(page, target, max);
  await page.keyboard.press(key);
}

/** POST with a logged-in API client and its CSRF token. */
async function post(api: APIRequestContext, path: string, data?: unknown): Promise<unknown> {
  const me = (await (await api.get('/api/me')).json()) as { csrfToken: string };
  const res = await api.post(path, { data: data ?? {}, headers: { 'x-csrf-token': me.csrfToken } });
  expect(res.status(), `POST ${path}`).toBeLessThan(300);
  return res.status() === 204 ? null : res.json();
}

// ---------------------------------------------------------------------------------------------
// Journey 1 sets this; journey 3 opens it from the department head's notification.
let importantConversationId: string | undefined;

describe('1 · the contact teacher holds a start-of-year conversation with a minority-language student (nb)', () => {
  const lang: Lang = 'nb';
  const t = texts(lang);
  let page: Page;
  let plan: ClassPlan;
  let conversationId = '';
  journey(browser, lang, {}, (p) => { page = p; });
  const planTable = () => page.getByRole('table', { name: t('conversations.plan.classPlan.caption', { name: '2STA' }) });

  it("opens 2STA's conversation plan from the menu: who has had what, what is due and overdue, the law's floor apart from the school's target", async () => {
    await login(page, 'kontaktlarer');
    await classPage(page, lang, '2STA', 'classSections.conversations');
    await page.getByRole('heading', { level: 1, name: t('conversations.plan.classPlan.title', { name: '2STA' }) }).waitFor();
    await page.getByText(t('common.accessReason', { reason: reasons.contactTeacher.nb })).waitFor();
    plan = await getJson<ClassPlan>(page, `/api/basis-groups/${h.basisGroup2STAId}/conversation-plan`);
    const table = planTable();
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(plan.students.length);
    // the school's own plan and the law's floor are separate column groups, and the text says why
    await table.getByRole('columnheader', { name: t('conversations.plan.classPlan.schoolPlan') }).waitFor();
    await table.getByRole('columnheader', { name: exact(t('conversations.plan.law.title')) }).waitFor();
    await page.getByText(t('conversations.plan.classPlan.targetVsLaw', { count: plan.plan.conversationsPerYear })).waitFor();

    // Abel has had no start-of-year conversation: overdue; `elev` has had it, and has a student conversation planned
    const abel = table.getByRole('row').filter({ has: page.getByRole('link', { name: minority.name }) });
    expect(plan.students.find((s) => s.studentId === minority.id)!.cells.find((c) => c.kind === 'startOfYear')!.status).toBe('overdue');
    await abel.getByText(t('conversations.plan.cell.overdue'), { exact: true }).first().waitFor();
    const elev = table.getByRole('row').filter({ has: page.getByRole('link', { name: demo.elev.name }) });
    await elev.getByText(new RegExp(`^${t('conversations.plan.cell.held')} `)).first().waitFor();
    await elev.getByRole('link', { name: new RegExp(`^${t('conversations.plan.cell.planned')}`) }).first().waitFor();
    for (const [key, status] of Object.entries(plan.students.find((s) => s.studentId === minority.id)!.law)) {
      expect(await abel.innerText(), `law ${key}`).toContain(t(`conversations.plan.law.${status}`));
    }

    const overdueCells = plan.students.reduce((n, s) => n + s.cells.filter((c) => c.status === 'overdue').length, 0);
    expect(overdueCells).toBeGreaterThan(0);
    await page.locator('.plan-figures').getByText(t('conversations.plan.classPlan.overdueFigure', { count: overdueCells })).waitFor();
    await check(page, 'class-plan');
  });

  it('shows only the students with something overdue when asked to', async () => {
    const overdue = plan.students.filter((s) => s.cells.some((c) => c.status === 'overdue')).length;
    await press(page, page.getByRole('checkbox', { name: t('conversations.plan.classPlan.onlyOverdue') }), 'Space');
    await page.getByText(t('conversations.plan.classPlan.showing', { shown: overdue, count: plan.students.length })).waitFor();
    expect(await planTable().locator('tbody tr').count()).toBe(overdue);
    await check(page, 'class-plan-overdue');
    await page.keyboard.press('Space');
    await page.getByText(t('conversations.plan.classPlan.showing', { shown: plan.students.length, count: plan.students.length })).waitFor();
  });

  it('downloads the plan as CSV: a header and one line per student', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: t('conversations.plan.classPlan.csv') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString('utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines.length).toBe(plan.students.length + 1);
    expect(csv).toContain(minority.name);
  });

  it("opens Abel's page from the plan and plans the start-of-year conversation with the keyboard", async () => {
    await planTable().getByRole('link', { name: minority.name }).click();
    await page.getByRole('heading', { level: 1, name: minority.name }).waitFor();
    await settled(page);
    const section = page.getByRole('region', { name: t('conversations.title') });
    await section.getByText(t('conversations.meeting.sectionEmpty')).waitFor();
    await press(page, section.getByRole('button', { name: t('conversations.meeting.planTitle') }), 'Enter', 150);
    const form = page.getByRole('form', { name: t('conversations.meeting.planTitle') });
    await form.waitFor();
    await chooseByKeyboard(page, form.getByLabel(t('conversations.meeting.planKind')), t('conversations.kinds.startOfYear'));
    await tabTo(page, form.getByLabel(t('conversations.meeting.date')), 5);
    await typeDate(page, APP_TODAY);
    await tabTo(page, form.getByLabel(t('conversations.meeting.time')), 5);
    await typeTime(page, '14:00');
    await tabTo(page, form.getByLabel(t('conversations.meeting.place')), 5);
    await page.keyboard.type('Grupperom 2');
    await check(page, 'plan-conversation-form');
    await press(page, form.getByRole('button', { name: exact(t('conversations.meeting.plan')) }), 'Enter', 10);
    await page.waitForURL(/\/conversations\/[0-9a-f-]{36}$/);
    conversationId = page.url().split('/').pop()!;
  });

  it('the meeting view has page 2 for minority-language students with at most 6 years of residence: bring the residence card', async () => {
    await page.getByRole('heading', { level: 1, name: t('conversations.meeting.title', { kind: t('conversations.kinds.startOfYear'), name: minority.name }) }).waitFor();
    await settled(page);
    const section = page.getByRole('region', { name: templateText(lang, page2.title) });
    await section.getByText(templateText(lang, residenceCard.text)).waitFor();
    await section.getByText(t('conversations.meeting.badgeMinority', { count: 6 })).waitFor();
    expect(await section.getByText(templateText(lang, residenceCard.text)).isVisible()).toBe(true);
    await check(page, 'meeting-start-of-year-minority');
  });

  it('sets a Teams link for the meeting', async () => {
    const facts = page.getByRole('region', { name: t('conversations.meeting.facts') });
    await press(page, facts.getByText(t('conversations.meeting.editPlanning')), 'Enter', 60);
    const form = page.getByRole('form', { name: t('conversations.meeting.planning') });
    await form.waitFor();
    await tabTo(page, form.getByLabel(t('conversations.meeting.videoLink')), 10);
    await page.keyboard.type('https://teams.microsoft.com/l/meetup-join/19%3ameeting_elevlos');
    await press(page, form.getByRole('button', { name: t('conversations.meeting.save') }), 'Enter', 5);
    await page.getByRole('status').filter({ hasText: t('conversations.meeting.planningSaved') }).waitFor();
    const link = facts.getByRole('link', { name: t('conversations.meeting.joinVideo') });
    expect(await link.getAttribute('href')).toBe('https://teams.microsoft.com/l/meetup-join/19%3ameeting_elevlos');
  });

  const notes = [
    { key: 'start', text: 'Trives i klassen, men synes overgangen fra ungdomsskolen har vært stor.' },
    { key: 'learning', text: 'Liker naturfag. Trenger mer tid på lange tekster i samfunnsfag.' },
    { key: 'wellbeing', text: 'Ønsker en samtale med skolehelsetjenesten. Avtalt at kontaktlærer ordner det.', visibility: 'authorOnly' },
    { key: 'minorityLanguage', text: 'Oppholdskortet er sjekket. Har bodd i Norge i 3 år. Snakker tigrinja hjemme; ønsker særskilt språkopplæring i norsk.' },
  ] as const;

  it('writes a note in the sections with the keyboard only, and narrows one to "only me"', async () => {
    for (const n of notes) {
      const title = templateText(lang, sectionOf(n.key).title);
      const form = page.getByRole('form', { name: t('conversations.meeting.noteFor', { section: title }) });
      await tabTo(page, form.getByRole('textbox'), 120);
      await page.keyboard.type(n.text);
      if ('visibility' in n) {
        await chooseByKeyboard(page, form.getByLabel(t('conversations.meeting.visibility')), t('conversations.meeting.visibilityAuthorOnly'));
      }
      await press(page, form.getByRole('button', { name: t('conversations.meeting.saveNoteFor', { section: title }) }), 'Enter', 10);
      await form.getByRole('status').filter({ hasText: /\d/ }).waitFor();
    }
    await check(page, 'meeting-notes-written');
    const detail = await getJson<Detail>(page, `/api/conversations/${conversationId}`);
    expect(detail.notes.map((n) => [n.sectionKey, n.text, n.visibility]).sort()).toEqual(
      notes.map((n) => [n.key, n.text, 'visibility' in n ? n.visibility : 'contactTeacherAndLeaders']).sort(),
    );
  });

  it('adds a follow-up: the school, a named person, and a due date', async () => {
    const region = page.getByRole('region', { name: t('conversations.meeting.followUps') });
    const form = region.getByRole('form', { name: t('conversations.meeting.addFollowUp') });
    const what = 'Søke om særskilt språkopplæring i norsk';
    await tabTo(page, form.getByLabel(t('conversations.meeting.fuDescription')), 30);
    await page.keyboard.type(what);
    await tabTo(page, form.getByRole('radio', { name: t('conversations.meeting.respStudent') }), 5);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await form.getByRole('radio', { name: t('conversations.meeting.respSchool') }).isChecked()).toBe(true);
    await chooseByKeyboard(page, form.getByLabel(t('conversations.meeting.fuPerson')), demo.staff.counsellor);
    await tabTo(page, form.getByLabel(t('conversations.meeting.fuDue')), 5);
    await typeDate(page, '2026-12-11');
    // a task for the school: not shown to the family
    await tabTo(page, form.getByRole('checkbox', { name: t('conversations.meeting.fuShared') }), 5);
    await page.keyboard.press('Space');
    await check(page, 'meeting-follow-up-form');
    await press(page, form.getByRole('button', { name: t('conversations.meeting.addFollowUp') }), 'Enter', 5);
    await region.getByRole('status').filter({ hasText: t('conversations.meeting.fuAdded') }).waitFor();
    const item = region.getByRole('list', { name: t('conversations.meeting.followUpList') }).getByRole('listitem').filter({ hasText: what });
    await item.getByText(t('conversations.meeting.fuResponsibleLine', { who: `${t('conversations.meeting.respSchool')} (${demo.staff.counsellor})` })).waitFor();
    await item.getByText(t('conversations.meeting.fuNotShared')).waitFor();
    // ready for the next one: the description field has the focus again
    expect(await hasFocus(form.getByLabel(t('conversations.meeting.fuDescription')))).toBe(true);
    const detail = await getJson<Detail>(page, `/api/conversations/${conversationId}`);
    expect(detail.followUps).toEqual([expect.objectContaining({
      description: what, responsible: 'school', responsiblePerson: expect.objectContaining({ name: demo.staff.counsellor }), dueOn: '2026-12-11', sharedWithFamily: false,
    })]);
  });

  it('checks "new important information" and marks the conversation held', async () => {
    const actions = page.getByRole('region', { name: t('conversations.meeting.actions') });
    await press(page, actions.getByRole('checkbox', { name: t('conversations.meeting.newInfo') }), 'Space', 30);
    await check(page, 'meeting-mark-held');
    await press(page, actions.getByRole('button', { name: t('conversations.meeting.markHeld') }), 'Enter', 5);
    await page.getByRole('status').filter({ hasText: t('conversations.meeting.markedHeld') }).waitFor();
    const facts = page.getByRole('region', { name: t('conversations.meeting.facts') });
    await facts.getByText(t('conversations.meeting.statusHeld'), { exact: true }).waitFor();
    await facts.getByText(t('conversations.meeting.newInfoFlag')).waitFor();
    const detail = await getJson<Detail>(page, `/api/conversations/${conversationId}`);
    expect(detail.conversation).toMatchObject({ status: 'held', newImportantInformation: true });
    importantConversationId = conversationId;
    await check(page, 'meeting-held');
  });

  it('page 2 is not there for a student who is not minority-language', async () => {
    await page.goto(`/conversations/${h.elevStartOfYearConversationId}`);
    await page.getByRole('heading', { level: 1, name: t('conversations.meeting.title', { kind: t('conversations.kinds.startOfYear'), name: demo.elev.name }) }).waitFor();
    await settled(page);
    await page.getByRole('region', { name: templateText(lang, sectionOf('learning').title) }).waitFor();
    expect(await page.getByText(templateText(lang, page2.title)).count()).toBe(0);
    expect(await page.getByText(templateText(lang, residenceCard.text)).count()).toBe(0);
    await check(page, 'meeting-start-of-year-not-minority');
  });
});

describe('2 · the student prepares on a phone, and the contact teacher reads the answers in the meeting view (nn)', () => {
  const lang: Lang = 'nn';
  const t = texts(lang);
  const answers = {
    pleasedWith: 'At eg har kome i gang med trening på fritida, og at eg leverer innleveringane i tide.',
    wantToImprove: 'Munnleg norsk. Eg vil tore å seie meir i timane.',
    needHelpWith: 'Matte – vi går for fort fram i likningar.',
    raiseWithGuardians: 'At eg vil byte til praktisk matematikk neste år.',
    notCovered: 'Bussen kjem ofte for seint om morgonen.',
  };
  const labels = {
    pleasedWith: 'PleasedWith', wantToImprove: 'WantToImprove', needHelpWith: 'NeedHelpWith', raiseWithGuardians: 'RaiseWithGuardians', notCovered: 'NotCovered',
  } as const;

  describe('the student, on a phone', () => {
    let page: Page;
    journey(browser, lang, { mobile: true }, (p) => { page = p; });

    it('finds the planned student conversation under "Mine samtalar" in the menu', async () => {
      await login(page, 'elev');
      await menu(page, lang, exact(t('conversations.meeting.myTitle')), 'menu-open-student');
      await page.getByRole('heading', { level: 1, name: t('conversations.meeting.myTitle') }).waitFor();
      const upcoming = page.getByRole('region', { name: t('conversations.meeting.upcoming') });
      const card = upcoming.getByRole('listitem').filter({ has: page.getByRole('heading', { name: exact(t('conversations.kinds.student')) }) });
      await card.waitFor();
      await check(page, 'my-conversations-student');
      await card.getByRole('link', { name: new RegExp(`^(${t('conversations.meeting.prepare')}|${t('conversations.meeting.prepareContinue')})$`) }).click();
      await page.waitForURL(`**/conversations/${h.elevPlannedConversationId}`);
      await page.getByRole('heading', { level: 1, name: t('conversations.meeting.title', { kind: t('conversations.kinds.student'), name: demo.elev.name }) }).waitFor();
      await settled(page);
      // the teacher's template and notes are not the student's to read
      expect(await page.getByRole('textbox', { name: new RegExp(`^${t('conversations.meeting.note')}`) }).count()).toBe(0);
      await check(page, 'prepare-student-phone');
    });

    it('answers the five questions, saves, and finds the answers again after a reload', async () => {
      const form = page.getByRole('form', { name: t('conversations.meeting.prepareTitle') });
      for (const [field, answer] of Object.entries(answers)) {
        await form.getByLabel(t(`conversations.meeting.prep${labels[field as keyof typeof labels]}`)).fill(answer);
      }
      await form.getByRole('button', { name: t('conversations.meeting.savePreparation') }).tap();
      await form.getByRole('status').filter({ hasText: t('conversations.meeting.preparationSaved') }).waitFor();
      await check(page, 'prepare-student-phone-saved');
      await page.reload();
      await settled(page);
      for (const [field, answer] of Object.entries(answers)) {
        expect(await form.getByLabel(t(`conversations.meeting.prep${labels[field as keyof typeof labels]}`)).inputValue()).toBe(answer);
      }
    });
  });

  describe('the contact teacher', () => {
    let page: Page;
    journey(browser, lang, {}, (p) => { page = p; });

    it('opens the conversation from "Mine samtalar" and reads the answers first in the meeting view', async () => {
      await login(page, 'kontaktlarer');
      await menu(page, lang, exact(t('conversations.meeting.myTitle')));
      const upcoming = page.getByRole('region', { name: t('conversations.meeting.upcoming') });
      const row = upcoming.getByRole('row').filter({ hasText: t('conversations.kinds.student') }).filter({ has: page.getByRole('link', { name: demo.elev.name }) });
      await check(page, 'my-conversations-staff');
      await row.getByRole('link', { name: demo.elev.name }).click();
      await page.waitForURL(`**/conversations/${h.elevPlannedConversationId}`);
      await settled(page);
      const prep = page.getByRole('region', { name: t('conversations.meeting.preparationTitle') });
      for (const [field, answer] of Object.entries(answers)) {
        const label = t(`conversations.meeting.answer${labels[field as keyof typeof labels]}`);
        await prep.getByText(answer).waitFor();
        expect(await prep.innerText()).toContain(label);
      }
      // the answers come before the template's sections
      const order = await page.locator('main h2').allInnerTexts();
      expect(order.indexOf(t('conversations.meeting.preparationTitle'))).toBeLessThan(order.findIndex((x) => x.startsWith('Elevsamtale')));
      await check(page, 'meeting-with-preparation');
    });
  });
});

describe('3 · the department head: a notification with only a link, what the policy allows, the compliance per class, and a refusal outside the department (en)', () => {
  const lang: Lang = 'en';
  const t = texts(lang);
  let page: Page;
  journey(browser, lang, {}, (p) => { page = p; });

  // Run alone (-t), journey 1 has not made the conversation: set the same stage through the API.
  beforeAll(async () => {
    if (importantConversationId) return;
    const teacher = await apiAs('kontaktlarer', lang);
    const { id } = (await post(teacher, `/api/students/${minority.id}/conversations`, { kind: 'adHoc' })) as { id: string };
    const put = async (key: string, text: string, visibility: string) => {
      const me = (await (await teacher.get('/api/me')).json()) as { csrfToken: string };
      await teacher.put(`/api/conversations/${id}/notes/${key}`, { data: { text, visibility, sharedWithFamily: false }, headers: { 'x-csrf-token': me.csrfToken } });
    };
    await put('reason', 'Trives i klassen, men synes overgangen fra ungdomsskolen har vært stor.', 'contactTeacherAndLeaders');
    await put('studentView', 'Ønsker en samtale med skolehelsetjenesten. Avtalt at kontaktlærer ordner det.', 'authorOnly');
    await post(teacher, `/api/conversations/${id}/held`, { newImportantInformation: true });
    await teacher.dispose();
    importantConversationId = id;
  });

  it('sees the notification on the home page: that there is new important information, and a link – no name, no content', async () => {
    await login(page, 'avdelingsleder');
    const region = page.getByRole('region', { name: new RegExp(`^${t('conversations.plan.home.notifications')}`) });
    const link = region.getByRole('link', { name: t('conversations.plan.home.notificationImportant') });
    await link.first().waitFor();
    expect(await region.locator(`a[href="/conversations/${importantConversationId}"]`).count()).toBe(1);
    const text = await region.innerText();
    for (const secret of [minority.name, 'Trives', 'skolehelsetjenesten', 'Oppholdskortet']) expect(text).not.toContain(secret);
    const { notifications } = await getJson<{ notifications: Record<string, unknown>[] }>(page, '/api/me/notifications');
    for (const n of notifications) expect(Object.keys(n).sort()).toEqual(['createdAt', 'id', 'kind', 'link', 'readAt']);
    await check(page, 'home-department-head');
  });

  it('opens it: the conversation and the notes a leader may read, but not the note kept to its author, nor the student\'s preparation, and nothing to edit', async () => {
    const region = page.getByRole('region', { name: new RegExp(`^${t('conversations.plan.home.notifications')}`) });
    await region.locator(`a[href="/conversations/${importantConversationId}"]`).click();
    await page.waitForURL(`**/conversations/${importantConversationId}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(minority.name) }).waitFor();
    await settled(page);
    await page.getByText(t('common.accessReason', { reason: reasons.departmentHead.en })).waitFor();
    await page.getByText('Trives i klassen, men synes overgangen fra ungdomsskolen har vært stor.').waitFor();
    expect(await page.getByText(/skolehelsetjenesten/).count()).toBe(0);
    expect(await page.getByRole('region', { name: t('conversations.meeting.preparationTitle') }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: t('conversations.meeting.markHeld') }).count()).toBe(0);
    await page.getByText(t('conversations.meeting.newInfoFlag')).first().waitFor();
    await check(page, 'meeting-department-head');
  });

  it('sees the compliance view with one row per class of the department, and opens 2STA\'s plan from it', async () => {
    await menu(page, lang, exact(t('nav.conversationCompliance')));
    await page.getByRole('heading', { level: 1, name: t('conversations.plan.compliance.title') }).waitFor();
    const data = await getJson<{ title: string; rows: { id: string; name: string; scope: string; students: number }[] }>(page, '/api/conversation-compliance');
    expect(data.rows.every((r) => r.scope === 'basisGroup')).toBe(true);
    const table = page.getByRole('table', { name: t('conversations.plan.compliance.caption', { title: data.title }) });
    expect(await table.locator('tbody tr').count()).toBe(data.rows.length);
    const row2STA = table.getByRole('row').filter({ has: page.getByRole('link', { name: exact('2STA') }) });
    expect(await row2STA.innerText()).toContain(String(data.rows.find((r) => r.name === '2STA')!.students));
    await check(page, 'compliance-department');
    await row2STA.getByRole('link', { name: exact('2STA') }).click();
    await page.getByRole('heading', { level: 1, name: t('conversations.plan.classPlan.title', { name: '2STA' }) }).waitFor();
    await page.getByText(t('common.accessReason', { reason: reasons.departmentHead.en })).waitFor();
    await check(page, 'class-plan-department-head');
  });

  it('is shown a not-found page, not an error, for a conversation and a student outside the department', async () => {
    await page.goto(`/conversations/${otherDepartment.conversationId}`);
    await page.getByRole('heading', { level: 1, name: t('errors.notFoundTitle') }).waitFor();
    await check(page, 'conversation-outside-department');
    await page.goto(`/students/${otherDepartment.studentId}`);
    await page.getByRole('heading', { level: 1, name: t('errors.notFoundTitle') }).waitFor();
  });
});

describe('4 · the contact teacher delegates a student conversation; the subject teacher sees only subject conversations and the delegated one (nn)', () => {
  const lang: Lang = 'nn';
  const t = texts(lang);
  let delegatedId = '';

  describe('the contact teacher', () => {
    let page: Page;
    journey(browser, lang, {}, (p) => { page = p; });

    it('plans a student conversation for a student in 2STA-MAT and delegates it to the maths teacher', async () => {
      await login(page, 'kontaktlarer');
      await page.goto(`/students/${mathsStudent.id}`);
      await page.getByRole('heading', { level: 1, name: mathsStudent.name }).waitFor();
      await settled(page);
      const section = page.getByRole('region', { name: t('conversations.title') });
      await press(page, section.getByRole('button', { name: t('conversations.meeting.planTitle') }), 'Enter', 150);
      const form = page.getByRole('form', { name: t('conversations.meeting.planTitle') });
      await chooseByKeyboard(page, form.getByLabel(t('conversations.meeting.planKind')), t('conversations.kinds.student'));
      // past the date and time fields (and their segments): no time is agreed yet
      await press(page, form.getByRole('button', { name: exact(t('conversations.meeting.plan')) }), 'Enter', 20);
      await page.waitForURL(/\/conversations\/[0-9a-f-]{36}$/);
      delegatedId = page.url().split('/').pop()!;
      await settled(page);

      const actions = page.getByRole('region', { name: t('conversations.meeting.actions') });
      const delegate = actions.getByRole('form', { name: t('conversations.meeting.delegateTitle') });
      await chooseByKeyboard(page, delegate.getByLabel(t('conversations.meeting.delegateTo')), new RegExp(`^${demo.staff.subjectTeacher} \\(`), 20);
      await check(page, 'meeting-delegate');
      await press(page, delegate.getByRole('button', { name: exact(t('conversations.meeting.delegate')) }), 'Enter', 5);
      await page.getByRole('status').filter({ hasText: t('conversations.meeting.delegatedTo', { name: demo.staff.subjectTeacher }) }).waitFor();
      const facts = page.getByRole('region', { name: t('conversations.meeting.facts') });
      await facts.getByText(`${demo.staff.subjectTeacher} – ${t('conversations.meeting.delegated')}`).waitFor();
      const detail = await getJson<Detail>(page, `/api/conversations/${delegatedId}`);
      expect(detail.conversation).toMatchObject({ delegated: true, holder: { name: demo.staff.subjectTeacher } });
      await check(page, 'meeting-delegated');
    });
  });

  describe('the subject teacher', () => {
    let page: Page;
    journey(browser, lang, {}, (p) => { page = p; });

    it('finds the delegated conversation under "Mine samtalar", among the subject conversations of their own groups', async () => {
      await login(page, 'faglarer');
      await menu(page, lang, exact(t('conversations.meeting.myTitle')));
      await page.getByRole('heading', { level: 1, name: t('conversations.meeting.myTitle') }).waitFor();
      const upcoming = page.getByRole('region', { name: t('conversations.meeting.upcoming') });
      const row = upcoming.getByRole('row').filter({ has: page.getByRole('link', { name: mathsStudent.name }) });
      await row.getByText(t('conversations.meeting.delegated')).waitFor();
      const mine = await getJson<{ conversations: { kind: string; delegated: boolean }[] }>(page, '/api/me/conversations');
      expect(mine.conversations.every((c) => c.kind === 'subject' || c.delegated)).toBe(true);
      await check(page, 'my-conversations-subject-teacher');
      await row.getByRole('link', { name: mathsStudent.name }).click();
      await page.waitForURL(`**/conversations/${delegatedId}`);
      await settled(page);
      await page.getByText(t('common.accessReason', { reason: reasons.delegatedHolder.nn })).waitFor();
      // they hold it now: notes and the check-off, but no delegating on
      await page.getByRole('button', { name: t('conversations.meeting.markHeld') }).waitFor();
      expect(await page.getByRole('form', { name: t('conversations.meeting.delegateTitle') }).count()).toBe(0);
      await check(page, 'meeting-subject-teacher-delegated');
    });

    it("on the student's page, sees the maths conversations and the delegated one – not the start-of-year conversation", async () => {
      await page.getByRole('region', { name: t('conversations.meeting.facts') }).getByRole('link', { name: new RegExp(mathsStudent.name) }).click();
      await page.getByRole('heading', { level: 1, name: mathsStudent.name }).waitFor();
      await settled(page);
      const section = page.getByRole('region', { name: t('conversations.title') });
      const table = section.getByRole('table', { name: t('conversations.meeting.sectionCaption', { name: mathsStudent.name }) });
      await table.waitFor();
      const list = await getJson<StudentConversations>(page, `/api/students/${mathsStudent.id}/conversations`);
      const own = new Set(demoDataset.subjectTeacherAssignment.filter((a) => a.staffMemberId === h.subjectTeacherStaffMemberId).map((a) => a.teachingGroupId));
      expect(list.conversations.every((c) => c.delegated || (c.kind === 'subject' && own.has(c.subject!.teachingGroupId)))).toBe(true);
      // … while the student has others: the start-of-year conversation, and subject conversations with other teachers
      const hidden = demoDataset.conversation.filter((c) => c.studentId === mathsStudent.id && !list.conversations.some((x) => x.id === c.id));
      expect(hidden.some((c) => c.kind === 'startOfYear')).toBe(true);
      expect(list.conversations.some((c) => c.id === delegatedId)).toBe(true);
      expect(await table.locator('tbody tr').count()).toBe(list.conversations.length);
      expect(await table.getByText(t('conversations.kinds.startOfYear')).count()).toBe(0);
      await check(page, 'student-conversations-subject-teacher');
    });

    it("is refused the student's start-of-year conversation by its address", async () => {
      const startOfYearId = demoDataset.conversation.find((c) => c.studentId === mathsStudent.id && c.kind === 'startOfYear')!.id;
      await page.goto(`/conversations/${startOfYearId}`);
      await page.getByRole('heading', { level: 1, name: t('errors.forbiddenTitle') }).waitFor();
      await check(page, 'conversation-forbidden-subject-teacher');
    });
  });
});

/** a family in 2STA not offered the conference yet (not the adult student's: journey 5b declines that one) */
const firstNotOffered = (data: Conferences) => data.rows.find((r) => r.status === 'notOffered' && r.guardians.length > 0 && r.studentId !== demo.adult.id)!;

describe("5 · the guardian conferences of 2STA: offered, booked, held, declined, and who was not offered by the deadline (en)", () => {
  const lang: Lang = 'en';
  const t = texts(lang);
  let page: Page;
  let data: Conferences;
  journey(browser, lang, {}, (p) => { page = p; });
  const table = () => page.getByRole('table', { name: t('conversations.plan.conferences.caption', { name: '2STA' }) });

  it('shows each student\'s status and the guardians with insight; the ones not offered by the deadline stand out', async () => {
    await login(page, 'kontaktlarer');
    await classPage(page, lang, '2STA', 'classSections.guardianConferences');
    await page.getByRole('heading', { level: 1, name: t('conversations.plan.conferences.title', { name: '2STA' }) }).waitFor();
    await settled(page);
    data = await getJson<Conferences>(page, `/api/basis-groups/${h.basisGroup2STAId}/guardian-conferences`);
    await table().waitFor();
    expect(await table().locator('tbody tr').count()).toBe(data.rows.length);
    const statusCells = table().locator(`td[data-label="${t('conversations.plan.conferences.status')}"]`);
    const statuses = [...new Set(data.rows.map((r) => r.status))];
    expect(statuses).toEqual(expect.arrayContaining(['offered', 'held', 'notOffered']));
    for (const status of statuses) {
      const n = data.rows.filter((r) => r.status === status).length;
      expect(await statusCells.filter({ hasText: new RegExp(`^${t(`conversations.plan.conference.${status}`)}`) }).count(), status).toBe(n);
    }
    const late = data.rows.filter((r) => r.notOfferedByDeadline).length;
    expect(late).toBeGreaterThan(0);
    await page.locator('.plan-figures').getByText(t('conversations.plan.conferences.lateFigure', { count: late })).waitFor();
    expect(await table().getByText(t('conversations.plan.conferences.late')).count()).toBe(late);
    await check(page, 'guardian-conferences');
  });

  it('narrows the list to those not offered', async () => {
    const notOffered = data.rows.filter((r) => r.status === 'notOffered' || r.notOfferedByDeadline).length;
    await press(page, page.getByRole('checkbox', { name: t('conversations.plan.conferences.onlyNotOffered') }), 'Space', 80);
    await page.getByText(t('conversations.plan.classPlan.showing', { shown: notOffered, count: data.rows.length })).waitFor();
    expect(await table().locator('tbody tr').count()).toBe(notOffered);
    await check(page, 'guardian-conferences-not-offered');
  });

  it('offers the conference to one family by keyboard, with "told of the right" recorded', async () => {
    // back to all students, so the row stays in view once it has its offer
    await page.keyboard.press('Space');
    await page.getByText(t('conversations.plan.classPlan.showing', { shown: data.rows.length, count: data.rows.length })).waitFor();
    const row = firstNotOffered(data);
    const told = page.getByRole('checkbox', { name: t('conversations.plan.conferences.toldOfRight') });
    expect(await told.isChecked()).toBe(true);
    await press(page, table().getByRole('button', { name: t('conversations.plan.conferences.offerOneLabel', { name: row.name }) }), 'Enter', 80);
    await page.getByRole('status').filter({ hasText: t('conversations.plan.conferences.offeredOne', { name: row.name }) }).waitFor();
    const after = await getJson<Conferences>(page, `/api/basis-groups/${h.basisGroup2STAId}/guardian-conferences`);
    const now = after.rows.find((r) => r.studentId === row.studentId)!;
    expect(now.status).toBe('offered');
    expect(now.guardians.every((g) => g.offeredAt !== null && g.toldOfRight)).toBe(true);
    const tr = table().getByRole('row').filter({ has: page.getByRole('link', { name: row.name }) });
    await tr.getByText(t('conversations.plan.conference.offered'), { exact: true }).waitFor();
    expect(await tr.getByText(t('conversations.plan.conferences.toldYes')).count()).toBe(row.guardians.length);
    await check(page, 'guardian-conferences-offered');
  });

  it("records, for each guardian, that they declined: the student's status becomes declined", async () => {
    const row = firstNotOffered(data);
    const detail = await getJson<{ rows: { studentId: string; guardians: { personId: string; name: string }[] }[] }>(page, `/api/basis-groups/${h.basisGroup2STAId}/guardian-conferences`);
    for (const g of detail.rows.find((r) => r.studentId === row.studentId)!.guardians) {
      await press(page, table().getByRole('button', { name: t('conversations.plan.conferences.recordDeclinedLabel', { name: g.name }) }), 'Enter', 120);
      await page.getByRole('status').filter({ hasText: t('conversations.plan.conferences.declinedSaved', { name: g.name }) }).waitFor();
    }
    const tr = table().getByRole('row').filter({ has: page.getByRole('link', { name: row.name }) });
    await tr.getByText(t('conversations.plan.conference.declined'), { exact: true }).waitFor();
    const after = await getJson<Conferences>(page, `/api/basis-groups/${h.basisGroup2STAId}/guardian-conferences`);
    expect(after.rows.find((r) => r.studentId === row.studentId)!.status).toBe('declined');
  });
});

describe('5b · a guardian sees the offer of the guardian conference on a phone and declines it (nb)', () => {
  const lang: Lang = 'nb';
  const t = texts(lang);
  let page: Page;
  journey(browser, lang, { mobile: true }, (p) => { page = p; });

  // The adult student consented to this guardian's insight, so the guardian is offered the conference too.
  beforeAll(async () => {
    const teacher = await apiAs('kontaktlarer', lang);
    await post(teacher, `/api/students/${demo.adult.id}/guardian-conference/offers`, { guardianPersonIds: [demo.adultConsentGuardian.id], toldOfRight: true });
    await teacher.dispose();
  });

  it('sees on the child page that the school offered the conference, and declines it after a confirmation', async () => {
    await login(page, 'foresatt.myndig');
    await page.goto(`/children/${demo.adult.id}`);
    await page.getByRole('heading', { level: 1, name: demo.adult.name }).waitFor();
    await settled(page);
    const family = page.getByRole('region', { name: t('conversations.meeting.familyTitle') });
    await family.getByText(new RegExp(`^${t('conversations.meeting.conferenceOffered', { date: 'X' }).split('X')[0]}`)).waitFor();
    await check(page, 'child-conference-offered');
    await family.getByRole('button', { name: t('conversations.meeting.decline') }).tap();
    // the answer that keeps the offer has the focus
    expect(await hasFocus(family.getByRole('button', { name: t('conversations.meeting.declineNo') }))).toBe(true);
    await family.getByRole('button', { name: t('conversations.meeting.declineYes') }).tap();
    await family.getByText(new RegExp(`^${t('conversations.meeting.conferenceDeclined', { date: 'X' }).split('X')[0]}`)).waitFor();
    const mine = await getJson<{ offer: { declinedAt: string | null } }>(page, `/api/students/${demo.adult.id}/guardian-conference`);
    expect(mine.offer.declinedAt).not.toBeNull();
    await check(page, 'child-conference-declined');
  });
});

// ---------------------------------------------------------------------------------------------
// A tour of every conversation page as its users see it: screenshots, axe and the language check on
// each. By default the staff's pages are seen in nynorsk on a desktop and every page in English on a
// phone (the journeys above show bokmål); E2E_TOUR=full shows every page in nb, nn and en at both widths.

interface Stop { name: string; path: (page: Page) => Promise<string> }
const id = (x: string) => async () => x;
const staffStops: Stop[] = [
  { name: 'home', path: id('/') },
  { name: 'class-plan', path: id(`/classes/${h.basisGroup2STAId}/conversations`) },
  { name: 'guardian-conferences', path: id(`/classes/${h.basisGroup2STAId}/guardian-conferences`) },
  { name: 'my-conversations', path: id('/me/conversations') },
  { name: 'student-conversations', path: id(`/students/${h.elevStudentId}`) },
  { name: 'meeting-held', path: id(`/conversations/${h.elevStartOfYearConversationId}`) },
  { name: 'meeting-planned', path: id(`/conversations/${h.elevPlannedConversationId}`) },
  { name: 'plan-settings', path: id('/settings/conversation-plan') },
  { name: 'templates', path: id('/conversation-templates') },
  {
    name: 'template',
    path: async (page) => {
      const { templates } = await getJson<{ templates: { id: string; kind: string }[] }>(page, '/api/conversation-templates');
      return `/conversation-templates/${templates.find((x) => x.kind === 'startOfYear')!.id}`;
    },
  },
];
const leaderStops: Stop[] = [
  { name: 'compliance-school', path: id('/conversation-compliance') },
  { name: 'compliance-department', path: id(`/conversation-compliance?departmentId=${h.studiespesialiseringDepartmentId}`) },
  { name: 'plan-settings-principal', path: id('/settings/conversation-plan') },
  { name: 'template-new', path: id('/conversation-templates/new') },
];
const studentStops: Stop[] = [
  { name: 'my-page', path: id('/me') },
  { name: 'my-conversations', path: id('/me/conversations') },
  { name: 'meeting-prepare', path: id(`/conversations/${h.elevPlannedConversationId}`) },
  { name: 'meeting-held', path: id(`/conversations/${h.elevStartOfYearConversationId}`) },
];
const guardianStops: Stop[] = [{ name: 'child', path: id(`/children/${h.elevStudentId}`) }];

const tours: { lang: Lang; phone: boolean }[] = process.env.E2E_TOUR === 'full'
  ? (['nb', 'nn', 'en'] as const).flatMap((lang) => [{ lang, phone: false }, { lang, phone: true }])
  : [{ lang: 'nn', phone: false }, { lang: 'en', phone: true }];

describe.each(tours)('tour of the conversation pages ($lang, phone: $phone)', ({ lang, phone }) => {
  const who: [string, string, Stop[]][] = [
    ['kontaktlarer', 'contact-teacher', staffStops],
    ['rektor', 'principal', leaderStops],
    ['elev', 'student', studentStops],
    ['foresatt', 'guardian', guardianStops],
  ];
  const people = process.env.E2E_TOUR === 'full' || phone ? who : who.filter(([user]) => ['kontaktlarer', 'rektor'].includes(user));

  describe.each(people)('%s', (user, role, stops) => {
    let page: Page;
    journey(browser, lang, { mobile: phone }, (p) => { page = p; });

    beforeAll(async () => { await login(page, user); });

    it.each(stops)('sees $name without axe violations or text in another language', async (stop) => {
      await page.goto(await stop.path(page));
      await settled(page);
      await check(page, `tour-${phone ? 'phone' : 'desktop'}-${role}-${stop.name}`);
    });
  });
});
