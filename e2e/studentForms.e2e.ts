/**
 * Accommodation needs, forms and parent meetings: a contact teacher checks a class's
 * forms by keyboard; the principal changes a form (a level the school does not have refused at the field),
 * retires it (gone from the class checklist) and takes it into use again;
 * a reminder reaches a subject teacher as a link-only notice; a subject teacher confirms a student's need
 * and drops off the contact teacher's not-confirmed list; the contact teacher records and corrects a parent
 * meeting (a future date refused at the field) and sends it to the absent; the guardian follows the notice
 * on a phone. axe runs on every page visited.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formMessages } from '../server/features/forms/messages.js';
import { parentMeetingMessages } from '../server/features/parentMeeting/messages.js';
import { buildDemo } from '../server/seed/demo.js';
import { APP_TODAY, check, classPage, getJson, hasFocus, journey, login, settled, tabTo, texts, typeDate, useBrowser } from './support';

const { dataset: ds, info } = buildDemo('not-a-real-hash');
const h = info.hardCases;
const browser = useBrowser();
const in2STA = new Set(ds.enrolment.filter((e) => e.basisGroupId === h.basisGroup2STAId && e.endsOn === null).map((e) => e.studentId));

interface ClassForms { forms: { id: string; nameNb: string; missing: { id: string; givenName: string; familyName: string }[] }[]; students: { id: string; cells: { formId: string; status: string }[] }[] }
interface MyNeeds { students: { student: { id: string; givenName: string; familyName: string } }[] }
interface ClassNeeds { students: { student: { id: string; givenName: string; familyName: string }; teachers: { personId: string; name: string; confirmedAt: string | null }[] }[] }
interface Me { person: { givenName: string; familyName: string } }
interface SchoolForms { forms: { id: string; nameNb: string; nameNn: string; level: string | null; dueOn: string }[] }
interface ClassMeetings {
  families: { studentId: string; givenName: string; familyName: string; guardians: { personId: string; name: string }[] }[];
  meetings: { id: string; heldOn: string; topic: string; information: string; attendance: { studentId: string; guardianPersonId: string; present: boolean }[] }[];
}

describe('R-05 forms (nb)', () => {
  const t = texts('nb');
  let page: Page;
  journey(browser, 'nb', {}, (p) => { page = p; });

  it('the contact teacher marks a missing consent as received for a student by keyboard, and the checklist counts it', async () => {
    await login(page, 'kontaktlarer');
    await classPage(page, 'nb', '2STA', 'forms.classSection');
    await page.getByRole('heading', { level: 1, name: t('forms.class.title', { group: '2STA' }) }).waitFor();
    await check(page, 'forms-class');
    const before = await getJson<ClassForms>(page, `/api/basis-groups/${h.basisGroup2STAId}/forms`);
    const form = before.forms.find((f) => f.nameNb === 'Samtykke til bilder på skolens nettsider')!;
    const s = form.missing.find((m) => m.id !== h.elevStudentId)!;
    const select = page.getByLabel(t('forms.class.statusFor', { form: form.nameNb, name: `${s.givenName} ${s.familyName}` }));
    await tabTo(page, select, 400);
    await page.keyboard.press('ArrowDown');
    await expect(select.inputValue()).resolves.toBe('received');
    await tabTo(page, page.getByRole('button', { name: new RegExp(t('forms.class.save')) }), 400);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: t('forms.class.saved', { count: 1 }) }).waitFor();
    const after = await getJson<ClassForms>(page, `/api/basis-groups/${h.basisGroup2STAId}/forms`);
    expect(after.students.find((x) => x.id === s.id)!.cells.find((c) => c.formId === form.id)!.status).toBe('received');
    expect(after.forms.find((f) => f.id === form.id)!.missing.length).toBe(form.missing.length - 1);
    await check(page, 'forms-class-saved');
  });

  it('the principal sees the school\'s forms with the figures', async () => {
    await page.context().clearCookies();
    await login(page, 'rektor');
    await page.goto('/forms');
    await page.getByRole('heading', { level: 1, name: t('forms.school.title') }).waitFor();
    await check(page, 'forms-school');
  });

  it('the principal changes a form\'s nynorsk name and due date and sees them after a reload; a level the school does not have is refused at the field, the typed values kept', async () => {
    const photo = 'Samtykke til bilder på skolens nettsider';
    const edit = page.getByRole('button', { name: t('forms.school.editFor', { name: photo }) });
    const editor = page.getByRole('form', { name: t('forms.school.editHeading', { name: photo }) });
    const nameNb = editor.getByLabel(t('forms.school.nameNb'));
    const nameNn = editor.getByLabel(t('forms.school.nameNn'));
    const dueOn = editor.getByLabel(t('forms.school.dueOn'));
    const level = editor.getByLabel(t('forms.school.level'));
    await edit.click();
    await expect.poll(() => hasFocus(nameNb)).toBe(true);
    await nameNn.fill('Samtykke til bilete på nettsidene');
    await dueOn.focus();
    await typeDate(page, '2026-09-18');
    await check(page, 'forms-school-edit');
    await editor.getByRole('button', { name: t('forms.school.save') }).click();
    await page.getByRole('status').filter({ hasText: t('forms.school.updated', { name: photo }) }).waitFor();
    await expect.poll(() => hasFocus(edit)).toBe(true);

    await page.reload();
    await settled(page);
    const saved = (await getJson<SchoolForms>(page, '/api/forms')).forms.find((f) => f.nameNb === photo);
    expect(saved).toMatchObject({ nameNn: 'Samtykke til bilete på nettsidene', level: null, dueOn: '2026-09-18' });
    await edit.click();
    await expect(nameNn.inputValue()).resolves.toBe('Samtykke til bilete på nettsidene');
    await expect(dueOn.inputValue()).resolves.toBe('2026-09-18');

    // the demo school is an upper secondary school: a form for grade 5 would apply to nobody
    await nameNb.fill('Samtykke til bilder og film');
    await level.selectOption('grade5');
    await editor.getByRole('button', { name: t('forms.school.save') }).click();
    await editor.getByRole('link', { name: formMessages.nb['form.levelMismatch'] }).waitFor();
    await expect(level.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(nameNb.inputValue()).resolves.toBe('Samtykke til bilder og film');
    await expect(level.inputValue()).resolves.toBe('grade5');
    // the table keeps what was saved
    await page.getByRole('rowheader', { name: photo, exact: true }).waitFor();
    await expect(page.getByRole('rowheader', { name: 'Samtykke til bilder og film' }).count()).resolves.toBe(0);
    await check(page, 'forms-school-edit-refused');
    await editor.getByRole('button', { name: t('forms.school.cancel') }).click();
    await expect.poll(() => hasFocus(edit)).toBe(true);
    expect((await getJson<SchoolForms>(page, '/api/forms')).forms.find((f) => f.id === saved!.id)).toEqual(expect.objectContaining({ nameNb: photo, level: null }));
  });

  it('the principal retires a form after an in-place confirmation; it is gone from the contact teacher\'s class checklist with its statuses kept, and the principal takes it into use again', async () => {
    const photo = 'Samtykke til bilder på skolens nettsider';
    const formsUrl = `/api/basis-groups/${h.basisGroup2STAId}/forms`;
    const received = (l: ClassForms, formId: string) => l.students.flatMap((x) => x.cells).filter((c) => c.formId === formId && c.status !== 'missing').length;
    const before = await getJson<ClassForms>(page, formsUrl);
    const form = before.forms.find((f) => f.nameNb === photo)!;
    const ask = page.getByRole('button', { name: t('forms.school.retireFor', { name: photo }) });
    await ask.click();
    const no = page.getByRole('button', { name: t('forms.school.retireNo') });
    await expect.poll(() => hasFocus(no)).toBe(true);
    await page.getByText(t('forms.school.retireQuestion', { name: photo })).waitFor();
    await check(page, 'forms-school-retire-confirm');
    await page.getByRole('button', { name: t('forms.school.retireYes') }).click();
    await page.getByRole('status').filter({ hasText: t('forms.school.retiredDone', { name: photo }) }).waitFor();
    const reinstate = page.getByRole('button', { name: t('forms.school.reinstateFor', { name: photo }) });
    await expect.poll(() => hasFocus(reinstate)).toBe(true);
    const retiredList = page.getByRole('region', { name: t('forms.school.retiredHeading') });
    await retiredList.getByRole('rowheader', { name: photo, exact: true }).waitFor();
    await expect(page.getByRole('button', { name: t('forms.school.editFor', { name: photo }) }).count()).resolves.toBe(0);
    await check(page, 'forms-school-retired');

    await page.context().clearCookies();
    await login(page, 'kontaktlarer');
    await classPage(page, 'nb', '2STA', 'forms.classSection');
    await page.getByRole('heading', { level: 1, name: t('forms.class.title', { group: '2STA' }) }).waitFor();
    await settled(page);
    await expect(page.getByRole('rowheader', { name: photo }).count()).resolves.toBe(0);
    await expect(page.getByText(photo).count()).resolves.toBe(0);
    expect((await getJson<ClassForms>(page, formsUrl)).forms.some((f) => f.id === form.id)).toBe(false);
    await check(page, 'forms-class-without-retired');

    await page.context().clearCookies();
    await login(page, 'rektor');
    await page.goto('/forms');
    await page.getByRole('heading', { level: 1, name: t('forms.school.title') }).waitFor();
    await reinstate.click();
    await page.getByRole('status').filter({ hasText: t('forms.school.reinstated', { name: photo }) }).waitFor();
    await expect.poll(() => hasFocus(page.getByRole('button', { name: t('forms.school.editFor', { name: photo }) }))).toBe(true);
    await expect(page.getByRole('region', { name: t('forms.school.retiredHeading') }).count()).resolves.toBe(0);
    await check(page, 'forms-school-reinstated');
    const after = await getJson<ClassForms>(page, formsUrl);
    expect(after.forms.some((f) => f.id === form.id)).toBe(true);
    expect(received(after, form.id)).toBe(received(before, form.id));
  });
});

describe('R-04 a reminder reaches the subject teacher as a notice with a link only (en)', () => {
  const t = texts('en');
  let page: Page;
  journey(browser, 'en', {}, (p) => { page = p; });

  it('the contact teacher reminds about one student; the subject teacher\'s home page names neither the student nor the need, and the link opens the student\'s needs', async () => {
    const fag = info.logins.find((l) => l.username === 'faglarer')!;
    await login(page, 'kontaktlarer');
    await classPage(page, 'en', '2STA', 'accommodationNeeds.classSection');
    const list = await getJson<ClassNeeds>(page, `/api/basis-groups/${h.basisGroup2STAId}/accommodation-needs`);
    const s = list.students.find((x) => x.teachers.some((y) => y.personId === fag.personId && y.confirmedAt === null))!.student;
    await page.getByRole('button', { name: t('accommodationNeeds.class.remindOne', { name: `${s.givenName} ${s.familyName}` }) }).click();
    await page.getByRole('status').filter({ hasText: /Reminder sent to/ }).waitFor();

    await page.context().clearCookies();
    await login(page, 'faglarer');
    const notice = page.getByRole('link', { name: t('accommodationNeeds.notice.reminder') }).first();
    await notice.waitFor();
    const section = page.getByRole('region', { name: t('conversations.plan.home.notifications') });
    await expect(section.textContent()).resolves.not.toContain(s.familyName);
    await check(page, 'home-needs-reminder');
    await notice.click();
    await page.waitForURL((u) => u.pathname === `/students/${s.id}/accommodation-needs`);
    await page.getByRole('heading', { level: 1, name: t('accommodationNeeds.student.title', { name: `${s.givenName} ${s.familyName}` }) }).waitFor();
  });
});

describe('R-04 accommodation needs (nb)', () => {
  const t = texts('nb');
  let page: Page;
  journey(browser, 'nb', {}, (p) => { page = p; });

  it('a subject teacher confirms a need from "needs I must confirm", and disappears from the contact teacher\'s not-confirmed list', async () => {
    await login(page, 'faglarer');
    const me = await getJson<Me>(page, '/api/me');
    const teacherName = `${me.person.givenName} ${me.person.familyName}`;
    await page.goto('/me/accommodation-needs');
    await page.getByRole('heading', { level: 1, name: t('accommodationNeeds.mine.title') }).waitFor();
    await check(page, 'needs-mine');
    const mine = await getJson<MyNeeds>(page, '/api/me/accommodation-needs');
    const s = mine.students.find((x) => in2STA.has(x.student.id))!.student;
    const name = `${s.givenName} ${s.familyName}`;
    await page.getByRole('button', { name: `${t('accommodationNeeds.student.confirm')}: ${name}` }).click();
    await page.getByRole('heading', { level: 2, name: new RegExp(name) }).waitFor({ state: 'detached' });
    await check(page, 'needs-mine-confirmed');

    await page.context().clearCookies();
    await login(page, 'kontaktlarer');
    await classPage(page, 'nb', '2STA', 'accommodationNeeds.classSection');
    await page.getByRole('heading', { level: 1, name: t('accommodationNeeds.class.title', { group: '2STA' }) }).waitFor();
    const list = await getJson<ClassNeeds>(page, `/api/basis-groups/${h.basisGroup2STAId}/accommodation-needs`);
    const row = list.students.find((x) => x.student.id === s.id)!;
    expect(row.teachers.find((x) => x.name === teacherName)?.confirmedAt).not.toBeNull();
    const cell = page.getByRole('row').filter({ hasText: `${s.familyName}, ${s.givenName}` });
    await expect(cell.textContent()).resolves.not.toContain(teacherName);
    await check(page, 'needs-class');
    await page.getByRole('link', { name: `${s.familyName}, ${s.givenName}` }).click();
    await page.getByRole('heading', { level: 1, name: t('accommodationNeeds.student.title', { name }) }).waitFor();
    await check(page, 'needs-student');
  });
});

describe('R-30 parent meetings (nn)', () => {
  const t = texts('nn');
  let page: Page;
  journey(browser, 'nn', {}, (p) => { page = p; });

  it('the contact teacher sends the information to the absent guardians of the September meeting', async () => {
    await login(page, 'kontaktlarer');
    await classPage(page, 'nn', '2STA', 'parentMeeting.classSection');
    await page.getByRole('heading', { level: 1, name: t('parentMeeting.class.title', { group: '2STA' }) }).waitFor();
    await check(page, 'parent-meetings-class');
    await page.getByRole('button', { name: /Send informasjonen til/ }).first().click();
    await page.getByRole('status').filter({ hasText: /Send til/ }).waitFor();
    await page.getByText(t('parentMeeting.class.allInformed')).first().waitFor();
    await check(page, 'parent-meetings-informed');
  });
});

describe('R-30 the contact teacher corrects a parent meeting (nb)', () => {
  const t = texts('nb');
  let page: Page;
  journey(browser, 'nb', {}, (p) => { page = p; });
  const url = `/api/basis-groups/${h.basisGroup2STAId}/parent-meetings`;

  it('records a meeting, corrects its date, topic, information and attendance, sees them after a reload, is refused a date in the future at the field with the saved meeting kept, and sends the information to the absent', async () => {
    await login(page, 'kontaktlarer');
    await classPage(page, 'nb', '2STA', 'parentMeeting.classSection');
    await page.getByRole('heading', { level: 1, name: t('parentMeeting.class.title', { group: '2STA' }) }).waitFor();
    const record = page.getByRole('form', { name: t('parentMeeting.class.newHeading') });
    await record.getByLabel(t('parentMeeting.class.topic')).fill('Foreldremøte om eksamen');
    await record.getByLabel(t('parentMeeting.class.information')).fill('Eksamen for Vg2 er i juni.');
    await record.getByRole('button', { name: t('parentMeeting.class.save') }).click();
    await page.getByRole('status').filter({ hasText: t('parentMeeting.class.saved') }).waitFor();

    const families = (await getJson<ClassMeetings>(page, url)).families;
    const elev = families.find((f) => f.studentId === h.elevStudentId)!;
    const other = elev.guardians.find((g) => g.personId === h.elevGuardianPersonIds[1])!;
    const edit = page.getByRole('button', { name: t('parentMeeting.class.editFor', { topic: 'Foreldremøte om eksamen' }) });
    await edit.click();
    const editor = page.getByRole('form', { name: t('parentMeeting.class.editHeading') });
    const heldOn = editor.getByLabel(t('parentMeeting.class.heldOn'));
    const topic = editor.getByLabel(t('parentMeeting.class.topic'));
    await expect.poll(() => hasFocus(heldOn)).toBe(true);
    await typeDate(page, '2026-11-24');
    await topic.fill('Foreldremøte om eksamen og terminprøver');
    await editor.getByLabel(t('parentMeeting.class.information')).fill('Eksamen for Vg2 er i juni. Terminprøver i uke 50.');
    await editor.getByLabel(t('parentMeeting.class.presentLabel', { guardian: other.name, student: `${elev.givenName} ${elev.familyName}` })).check();
    await check(page, 'parent-meetings-edit');
    await editor.getByRole('button', { name: t('parentMeeting.class.saveChanges') }).click();
    await page.getByRole('status').filter({ hasText: t('parentMeeting.class.corrected') }).waitFor();
    const corrected = page.getByRole('button', { name: t('parentMeeting.class.editFor', { topic: 'Foreldremøte om eksamen og terminprøver' }) });
    await expect.poll(() => hasFocus(corrected)).toBe(true);

    await page.reload();
    await settled(page);
    const card = page.getByRole('region', { name: 'Foreldremøte om eksamen og terminprøver' });
    await card.getByText('Eksamen for Vg2 er i juni. Terminprøver i uke 50.').waitFor();
    const m = (await getJson<ClassMeetings>(page, url)).meetings.find((x) => x.topic === 'Foreldremøte om eksamen og terminprøver')!;
    expect(m.heldOn).toBe('2026-11-24');
    expect(m.attendance.find((a) => a.studentId === h.elevStudentId && a.guardianPersonId === other.personId)?.present).toBe(true);
    expect(m.attendance.find((a) => a.studentId === h.elevStudentId && a.guardianPersonId === h.elevGuardianPersonIds[0])?.present).toBe(false);

    await corrected.click();
    await expect(heldOn.inputValue()).resolves.toBe('2026-11-24');
    await typeDate(page, '2026-12-01');
    await topic.fill('Endret tema');
    await editor.getByRole('button', { name: t('parentMeeting.class.saveChanges') }).click();
    await editor.getByRole('link', { name: parentMeetingMessages.nb['parentMeeting.inFuture'].replace('{today}', APP_TODAY) }).waitFor();
    await expect(heldOn.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(heldOn.inputValue()).resolves.toBe('2026-12-01');
    await expect(topic.inputValue()).resolves.toBe('Endret tema');
    await expect(card.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Foreldremøte om eksamen og terminprøver');
    await check(page, 'parent-meetings-edit-refused');
    await editor.getByRole('button', { name: t('parentMeeting.class.cancel') }).click();
    await expect.poll(() => hasFocus(corrected)).toBe(true);

    await card.getByRole('button', { name: /Send informasjonen til/ }).click();
    await card.getByRole('status').filter({ hasText: /Sendt til/ }).waitFor();
    await check(page, 'parent-meetings-corrected');
  });
});

describe('R-30 the guardian reads the information on a phone (nb)', () => {
  const t = texts('nb');
  let page: Page;
  journey(browser, 'nb', { mobile: true }, (p) => { page = p; });

  it('opens the link from the notice and reads the meeting information; the student sees their outstanding forms', async () => {
    await login(page, 'foresatt');
    const notice = page.getByRole('link', { name: t('parentMeeting.notice.information') }).first();
    await notice.waitFor();
    await check(page, 'home-guardian-notice-phone');
    await notice.click();
    await page.waitForURL((u) => u.pathname === `/children/${h.elevStudentId}/parent-meetings`);
    await settled(page);
    await page.getByText('Foreldremøte Vg2 – høsten').waitFor();
    await page.getByText('Eksamen for Vg2 er i juni. Terminprøver i uke 50.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await check(page, 'parent-meetings-guardian-phone');
    await page.context().clearCookies();
    await login(page, 'elev');
    await page.goto('/me/forms');
    await page.getByRole('heading', { level: 1, name: t('forms.student.myTitle') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await check(page, 'forms-student-phone');
  });
});
