/**
 * Journeys of the school's staff, in bokmål and in nynorsk: the contact teacher (class overview,
 * student record, contact log by keyboard), the subject teacher, the department head, the counsellor
 * and the principal (audit search). axe runs on every page visited.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from './demo';
import {
  APP_TODAY, check, exact, getJson, login, menu, settled, tabTo, texts, typeDate, type Lang, journey,
  useBrowser,
} from './support';

interface Overview {
  students: { studentId: string; givenName: string; familyName: string; addressProtected: boolean }[];
}
interface ContactLog {
  entries: { summary: string; occurredOn: string }[];
}

const browser = useBrowser();

const reasons = {
  nb: { contactTeacher: 'kontaktlærer for 2STA', departmentHead: 'avdelingsleder for Studiespesialisering', counsellor: 'rådgiver ved' },
  nn: { contactTeacher: 'kontaktlærar for 2STA', departmentHead: 'avdelingsleiar for Studiespesialisering', counsellor: 'rådgivar ved' },
} as const;

/** A leader's home page lists the classes they can see (GET /api/basis-groups); 2STA is opened from there. */
async function open2STA(page: Page, lang: Lang): Promise<void> {
  const t = texts(lang);
  const classes = page.getByRole('region', { name: t('home.leadership') });
  await classes.getByRole('heading', { level: 3, name: t('home.leaderClasses') }).waitFor();
  await classes.getByRole('link', { name: new RegExp(`^${demo.class2STA.name}\\b`) }).click();
  await page.getByRole('heading', { level: 1, name: t('classes.title', { name: '2STA' }) }).waitFor();
}

describe.each(['nb', 'nn'] as const)('staff journeys (%s)', (lang) => {
  const t = texts(lang);

  describe('the contact teacher', () => {
    let page: Page;
    journey(browser, lang, {}, (p) => { page = p; });

    it('logs in and finds 2STA on the home page', async () => {
      await login(page, 'kontaktlarer');
      await page.getByRole('heading', { level: 1, name: t('home.title', { name: demo.staff.contactTeacher.split(' ')[0]! }) }).waitFor();
      const classes = page.getByRole('region', { name: t('home.myClasses') });
      await classes.getByRole('link', { name: t('home.classLink', { name: '2STA', school: demo.schoolName }) }).waitFor();
      await check(page, 'home-contact-teacher');
    });

    it('opens the class overview: a table of all the students, and why the teacher may see it', async () => {
      await page.getByRole('region', { name: t('home.myClasses') }).getByRole('link', { name: /^2STA/ }).click();
      await page.getByRole('heading', { level: 1, name: t('classes.title', { name: '2STA' }) }).waitFor();
      await page.getByText(t('common.accessReason', { reason: reasons[lang].contactTeacher })).waitFor();
      const overview = await getJson<Overview>(page, `/api/basis-groups/${demo.class2STA.id}/overview`);
      const table = page.getByRole('table', { name: t('classes.caption', { name: '2STA' }) });
      await table.waitFor();
      expect(overview.students.length).toBeGreaterThan(15);
      expect(await table.locator('tbody tr').count()).toBe(overview.students.length);
      await page.getByText(t('classes.showing', { shown: overview.students.length, count: overview.students.length })).waitFor();
      for (const s of [demo.elev, demo.strict, demo.adult]) {
        await table.getByRole('link', { name: s.name.split(' ').reverse().join(', ') }).waitFor();
      }
      await check(page, 'class-overview-contact-teacher');
    });

    it('sees the shield, and no address, for a guardian with a strictly confidential address', async () => {
      const table = page.getByRole('table', { name: t('classes.caption', { name: '2STA' }) });
      const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: demo.strict.name.split(' ').reverse().join(', ') }) });
      await row.getByText(t('classes.protectedShort')).waitFor();
      await row.getByRole('link', { name: demo.strict.name.split(' ').reverse().join(', ') }).click();
      await page.getByRole('heading', { level: 1, name: demo.strict.name }).waitFor();
      await settled(page);

      const guardians = page.getByRole('region', { name: t('students.guardians') });
      const mother = guardians.getByRole('listitem').filter({ has: page.getByRole('heading', { name: demo.strictGuardian.name }) });
      await mother.getByText(t('common.protectedAddress'), { exact: true }).waitFor();
      await mother.getByText(t('students.protectedAddressHelp')).waitFor();
      const body = await page.locator('body').innerText();
      // neither the address itself nor a piece of it (street name) anywhere on the page
      for (const address of [demo.strictGuardian.streetAddress!, demo.strict.streetAddress!]) {
        expect(body).not.toContain(address);
      }
      expect(body).not.toContain(demo.strictGuardian.streetAddress!.replace(/\s+\S+$/, ' '));
      await check(page, 'student-strictly-confidential');
    });

    it('adds a contact-log entry with the keyboard only, and it appears in the log', async () => {
      await page.goto(`/students/${demo.elev.id}`);
      await page.getByRole('heading', { level: 1, name: demo.elev.name }).waitFor();
      await settled(page);
      await page.getByText(t('common.accessReason', { reason: reasons[lang].contactTeacher })).first().waitFor();
      const log = page.getByRole('region', { name: t('contactLog.title') });
      await log.waitFor();
      await check(page, 'student-contact-teacher');

      const summary = `Ringte heim om fråvær (${lang}, ${Date.now()})`;
      const addButton = log.getByRole('button', { name: t('contactLog.addTitle') });
      await tabTo(page, addButton, 120);
      await page.keyboard.press('Enter');
      const form = page.getByRole('form', { name: t('contactLog.addTitle') });
      await form.waitFor();
      const date = form.getByLabel(t('contactLog.occurredOn'));
      await tabTo(page, date, 3);
      // a date in the past of both the browser and the app (whose "today" is pinned)
      await typeDate(page, '2026-11-20');
      expect(await date.inputValue()).toBe('2026-11-20');
      const channel = form.getByLabel(t('contactLog.channel'));
      await tabTo(page, channel, 5);
      await page.keyboard.press('ArrowDown'); // the first channel: phone
      expect(await channel.inputValue()).toBe('phone');
      const text = form.getByLabel(t('contactLog.summary'));
      await tabTo(page, text, 3);
      await page.keyboard.type(summary);
      await check(page, 'contact-log-form');
      const submit = form.getByRole('button', { name: t('contactLog.add') });
      await tabTo(page, submit, 10);
      await page.keyboard.press('Enter');

      await log.getByRole('status').filter({ hasText: t('contactLog.added') }).waitFor();
      await form.waitFor({ state: 'detached' });
      const entries = log.getByRole('list', { name: t('contactLog.entries') });
      await entries.getByText(summary).waitFor();
      const saved = await getJson<ContactLog>(page, `/api/students/${demo.elev.id}/contact-log`);
      expect(saved.entries.filter((e) => e.summary === summary).map((e) => e.occurredOn)).toEqual(['2026-11-20']);
      // focus is back on the button, so the next entry can be started with Enter
      expect(await addButton.evaluate((el) => el === document.activeElement)).toBe(true);
      await check(page, 'student-contact-log-added');
    });

    it('gets a visible field error for a date in the future, and nothing is saved', async () => {
      const log = page.getByRole('region', { name: t('contactLog.title') });
      const addButton = log.getByRole('button', { name: t('contactLog.addTitle') });
      const before = await getJson<ContactLog>(page, `/api/students/${demo.elev.id}/contact-log`);
      const summary = `Framtidig kontakt (${lang}, ${Date.now()})`;
      const nextYear = new Date();
      nextYear.setFullYear(Math.max(nextYear.getFullYear(), Number(APP_TODAY.slice(0, 4))) + 1);
      const future = nextYear.toISOString().slice(0, 10);

      await addButton.focus(); // where the previous test left the focus
      await page.keyboard.press('Enter');
      const form = page.getByRole('form', { name: t('contactLog.addTitle') });
      await form.waitFor();
      await tabTo(page, form.getByLabel(t('contactLog.occurredOn')), 3);
      await typeDate(page, future);
      await tabTo(page, form.getByLabel(t('contactLog.channel')), 5);
      await page.keyboard.press('ArrowDown');
      await tabTo(page, form.getByLabel(t('contactLog.summary')), 3);
      await page.keyboard.type(summary);
      await tabTo(page, form.getByRole('button', { name: t('contactLog.add') }), 10);
      await page.keyboard.press('Enter');

      // the message is at the field (and in the summary above the form), and the field is marked invalid
      const date = form.getByLabel(t('contactLog.occurredOn'));
      await form.getByText(t('contactLog.occurredOnFuture')).first().waitFor();
      expect(await date.getAttribute('aria-invalid')).toBe('true');
      const described = await date.evaluate((el) =>
        (el.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
      expect(described).toContain(t('contactLog.occurredOnFuture'));
      await check(page, 'contact-log-future-date');

      const after = await getJson<ContactLog>(page, `/api/students/${demo.elev.id}/contact-log`);
      expect(after.entries.length).toBe(before.entries.length);
      expect(await log.getByText(summary).count()).toBe(1); // only the text still in the form field
      await tabTo(page, form.getByRole('button', { name: t('common.cancel') }), 10);
      await page.keyboard.press('Enter');
      await form.waitFor({ state: 'detached' });
      expect(await log.getByText(summary).count()).toBe(0);
    });
  });

  describe('the subject teacher', () => {
    let page: Page;
    journey(browser, lang, {}, (p) => { page = p; });

    it('sees the teaching groups on the home page, and no class to open', async () => {
      await login(page, 'faglarer');
      const groups = page.getByRole('region', { name: t('home.teachingGroups') });
      await groups.getByRole('link', { name: /^2STA-MAT \(/ }).waitFor();
      expect(await page.getByRole('region', { name: t('home.myClasses') }).count()).toBe(0);
      expect(await page.locator('main a[href^="/classes/"]').count()).toBe(0);
      await check(page, 'home-subject-teacher');
    });

    it('opens 2STA-MAT from the home page, sees its students, and opens one: the record, but no contact log and no guardian contact details', async () => {
      await page.getByRole('region', { name: t('home.teachingGroups') }).getByRole('link', { name: /^2STA-MAT \(/ }).click();
      await page.getByRole('heading', { level: 1, name: /2STA-MAT/ }).waitFor();
      await settled(page);
      await check(page, 'teaching-group-subject-teacher');
      await page.locator(`a[href="/students/${demo.elev.id}"]`).click();
      await page.getByRole('heading', { level: 1, name: demo.elev.name }).waitFor();
      await settled(page);
      await page.getByText(new RegExp(lang === 'nb' ? 'faglærer i .*2STA-MAT' : 'faglærar i .*2STA-MAT')).first().waitFor();
      await page.getByRole('region', { name: t('students.profile') }).getByText(/\(2STA-MAT\)/).waitFor();
      expect(await page.getByRole('heading', { name: t('contactLog.title') }).count()).toBe(0);
      const guardians = page.getByRole('region', { name: t('students.guardians') });
      await guardians.getByRole('heading', { name: demo.foresatt.name }).waitFor();
      const text = await guardians.innerText();
      for (const g of [demo.foresatt, demo.elevOtherGuardian]) {
        for (const detail of [g.email, g.phone, g.streetAddress]) if (detail) expect(text).not.toContain(detail);
      }
      for (const label of [t('students.email'), t('students.phone'), t('students.address')]) {
        expect(await guardians.getByText(exact(label)).count(), label).toBe(0);
      }
      expect(await guardians.locator('a[href^="mailto:"], a[href^="tel:"]').count()).toBe(0);
      await check(page, 'student-subject-teacher');
    });
  });

  for (const { who, shot, username, role, name } of [
    { who: 'department head', shot: 'department-head', username: 'avdelingsleder', role: 'departmentHead' as const, name: demo.staff.departmentHead },
    { who: 'counsellor', shot: 'counsellor', username: 'radgiver', role: 'counsellor' as const, name: demo.staff.counsellor },
  ]) describe(`the ${who}`, () => {
    let page: Page;
    journey(browser, lang, {}, (p) => { page = p; });

    it('finds the classes they can see on the home page and opens the class overview of 2STA', async () => {
      await login(page, username);
      await page.getByRole('heading', { level: 1, name: t('home.title', { name: name.split(' ')[0]! }) }).waitFor();
      await page.getByRole('region', { name: t('home.leadership') }).waitFor();
      await check(page, `home-${shot}`);
      await open2STA(page, lang);
      await page.getByText(new RegExp(reasons[lang][role])).first().waitFor();
      const overview = await getJson<Overview>(page, `/api/basis-groups/${demo.class2STA.id}/overview`);
      const table = page.getByRole('table', { name: t('classes.caption', { name: '2STA' }) });
      expect(await table.locator('tbody tr').count()).toBe(overview.students.length);
      await check(page, `class-overview-${shot}`);
    });

    if (role === 'departmentHead') {
      it('opens the audit search from the menu and finds entries', async () => {
        await menu(page, lang, t('nav.audit'));
        await page.getByRole('heading', { level: 1, name: t('audit.title') }).waitFor();
        const table = page.getByRole('table', { name: new RegExp(`^${t('audit.caption')}`) });
        await table.waitFor();
        expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
        // their own look at the class a moment ago is among the entries
        await table.getByRole('row').filter({ hasText: name }).filter({ hasText: t('actions.classOverviewRead') }).first().waitFor();
        await check(page, 'audit-department-head');
      });

      it('names the kind of every audit entry in words, not by an internal code', async () => {
        const table = page.getByRole('table', { name: new RegExp(`^${t('audit.caption')}`) });
        const headers = (await table.locator('thead th').allInnerTexts()).map((h) => h.trim());
        const columns = [t('audit.action'), t('audit.resourceType')].map((h) => headers.indexOf(h) + 1);
        expect(columns).not.toContain(0);
        const cells = new Set<string>();
        for (const c of columns) {
          for (const cell of await table.locator(`tbody tr td:nth-child(${c})`).allInnerTexts()) cells.add(cell.trim());
        }
        // "basisGroup", "student.read": what the log stores, not what a person reads
        const codes = [...cells].filter((cell) => /^[a-z]+([A-Z][a-z]*)+$|^[a-z]+(\.[a-zA-Z]+)+$/.test(cell));
        expect(codes).toEqual([]);
      });
    }
  });

  describe('the principal', () => {
    let page: Page;
    journey(browser, lang, {}, (p) => { page = p; });

    it("searches the audit log by a student's id and sees who read the student's data", async () => {
      await login(page, 'rektor');
      await check(page, 'home-principal');
      await menu(page, lang, t('nav.audit'));
      await page.getByRole('heading', { level: 1, name: t('audit.title') }).waitFor();
      await settled(page);
      const field = page.getByLabel(t('audit.studentId'));
      await field.fill(demo.elev.id);
      await field.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('studentId') === demo.elev.id);
      const table = page.getByRole('table', { name: new RegExp(`^${t('audit.caption')}`) });
      await table.waitFor();
      await settled(page);
      // the contact teacher's read from the journey above, with the reason the server gave
      const read = table.getByRole('row')
        .filter({ hasText: demo.staff.contactTeacher })
        .filter({ hasText: t('actions.studentRead') });
      await read.first().waitFor();
      expect(await read.first().innerText()).toContain(reasons[lang].contactTeacher);
      // every row is about this student
      const rows = await table.locator('tbody tr').allInnerTexts();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toContain(demo.elev.name);
      await check(page, 'audit-principal-student');
    });
  });
});
