/**
 * Accommodation needs, forms and parent meetings: a contact teacher checks a class's
 * forms by keyboard; a subject teacher confirms a student's need and drops off the contact teacher's
 * not-confirmed list; the parent meeting page and the guardian's phone page for the information.
 * axe runs on every page visited.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDemo } from '../server/seed/demo.js';
import { check, classPage, getJson, journey, login, settled, tabTo, texts, useBrowser } from './support';

const { dataset: ds, info } = buildDemo('not-a-real-hash');
const h = info.hardCases;
const browser = useBrowser();
const in2STA = new Set(ds.enrolment.filter((e) => e.basisGroupId === h.basisGroup2STAId && e.endsOn === null).map((e) => e.studentId));

interface ClassForms { forms: { id: string; nameNb: string; missing: { id: string; givenName: string; familyName: string }[] }[]; students: { id: string; cells: { formId: string; status: string }[] }[] }
interface MyNeeds { students: { student: { id: string; givenName: string; familyName: string } }[] }
interface ClassNeeds { students: { student: { id: string }; teachers: { name: string; confirmedAt: string | null }[] }[] }
interface Me { person: { givenName: string; familyName: string } }

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
    await expect(page.getByText(t('parentMeeting.class.allInformed')).first().isVisible()).resolves.toBe(true);
    await check(page, 'parent-meetings-informed');
  });
});

describe('R-30 the guardian reads the information on a phone (nb)', () => {
  const t = texts('nb');
  let page: Page;
  journey(browser, 'nb', { mobile: true }, (p) => { page = p; });

  it('opens the link from the notice and reads the meeting information; the student sees their outstanding forms', async () => {
    await login(page, 'foresatt');
    await page.goto(`/children/${h.elevStudentId}/parent-meetings`);
    await settled(page);
    await expect(page.getByText('Foreldremøte Vg2 – høsten').isVisible()).resolves.toBe(true);
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
