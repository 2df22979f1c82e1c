/**
 * Journeys of students on a phone, in bokmål and in nynorsk: the student under 18 (my page, consent,
 * who has seen my data) and the adult student who withdraws and grants a guardian's insight.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from './demo';
import {
  apiAs, check, expectNoPageErrors, getJson, login, menu, newContext, putJson, settled, texts, journey,
  useBrowser,
} from './support';

const browser = useBrowser();

const contactTeacherReason = { nb: 'kontaktlærer for 2STA', nn: 'kontaktlærar for 2STA' } as const;

describe.each(['nb', 'nn'] as const)('student journeys on a phone (%s)', (lang) => {
  const t = texts(lang);

  describe('the student under 18', () => {
    let page: Page;
    journey(browser, lang, { mobile: true }, (p) => { page = p; });

    it('finds their own pages on the home page and reads "my page"', async () => {
      await login(page, 'elev');
      const mine = page.getByRole('region', { name: t('home.student') });
      await mine.getByRole('link', { name: t('home.myProfile') }).waitFor();
      await check(page, 'home-student');
      await menu(page, lang, t('nav.myPage'), 'menu-open-student');
      await page.getByRole('heading', { level: 1, name: t('nav.myPage') }).waitFor();
      await page.getByRole('region', { name: t('students.profile') }).waitFor();
      // the student reads about themself, and is told so
      await page.getByText(t('common.accessReason', { reason: lang === 'nb' ? 'eleven selv' : 'eleven sjølv' })).waitFor();
      // nothing wider than the phone: no sideways scrolling of the page itself
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await check(page, 'my-page-student');
    });

    it('sees on the consent page that guardians with parental responsibility have insight until 18', async () => {
      await menu(page, lang, t('nav.consent'));
      await page.getByRole('heading', { level: 1, name: t('consent.title') }).waitFor();
      await page.getByText(t('consent.under18')).waitFor();
      expect(await page.getByRole('switch').count() + await page.getByRole('checkbox').count()).toBe(0);
      await check(page, 'consent-under-18');
    });

    it('sees the contact teacher\'s read of their data under "who has seen my data"', async () => {
      // the contact teacher opens the student's record first (outside this browser)
      const teacher = await apiAs('kontaktlarer', lang);
      try {
        expect((await teacher.get(`/api/students/${demo.elev.id}`)).status()).toBe(200);
      } finally {
        await teacher.dispose();
      }
      await menu(page, lang, t('nav.accessLog'));
      await page.getByRole('heading', { level: 1, name: t('accessLog.title') }).waitFor();
      const table = page.getByRole('table', { name: t('accessLog.caption') });
      const read = table.getByRole('row')
        .filter({ hasText: demo.staff.contactTeacher })
        .filter({ hasText: t('actions.studentRead') })
        .filter({ hasText: contactTeacherReason[lang] });
      await read.first().waitFor();
      await check(page, 'access-log-student');
    });
  });

  describe('the adult student and the guardian they consented to', () => {
    let studentCtx: BrowserContext;
    let guardianCtx: BrowserContext;
    let student: Page;
    let guardian: Page;
    const consentPath = `/api/students/${demo.adult.id}/consents/${demo.adultConsentGuardian.id}`;
    beforeAll(async () => {
      studentCtx = await newContext(browser(), lang, true);
      guardianCtx = await newContext(browser(), lang, true);
      student = await studentCtx.newPage();
      guardian = await guardianCtx.newPage();
    });
    afterAll(async () => {
      // whatever happened above, the demo's consent is in force again for the next run
      if (student) await putJson(student, consentPath, { granted: true }).catch(() => undefined);
      expectNoPageErrors(studentCtx);
      expectNoPageErrors(guardianCtx);
      await studentCtx.close();
      await guardianCtx.close();
    });

    const childCard = () => guardian.getByRole('main').getByRole('link', { name: demo.adult.name });

    it('the guardian first sees the adult child on the children page', async () => {
      await login(guardian, 'foresatt.myndig');
      await menu(guardian, lang, t('nav.children'));
      await guardian.getByRole('heading', { level: 1, name: t('guardian.title') }).waitFor();
      await childCard().waitFor();
      await guardian.getByText(lang === 'nb' ? 'foresatt med samtykke fra myndig elev' : 'føresett med samtykke frå myndig elev').waitFor();
      await check(guardian, 'children-consented-guardian');
    });

    it('the adult student withdraws the consent with the switch, and the guardian no longer sees the child', async () => {
      await login(student, 'elev.myndig');
      await menu(student, lang, t('nav.consent'));
      await student.getByRole('heading', { level: 1, name: t('consent.title') }).waitFor();
      await student.getByText(t('consent.adultIntro')).waitFor();
      const consent = student.getByRole('switch', { name: t('consent.grantLabel', { name: demo.adultConsentGuardian.name }) })
        .or(student.getByRole('checkbox', { name: t('consent.grantLabel', { name: demo.adultConsentGuardian.name }) }));
      expect(await consent.isChecked()).toBe(true);
      await check(student, 'consent-adult');

      await consent.click();
      await student.getByRole('status').filter({ hasText: t('consent.withdrawn', { name: demo.adultConsentGuardian.name }) }).waitFor();
      expect(await consent.isChecked()).toBe(false);
      await check(student, 'consent-adult-withdrawn');

      await guardian.reload();
      await settled(guardian);
      await guardian.getByText(t('guardian.empty')).waitFor();
      expect(await childCard().count()).toBe(0);
      // nor by its address
      await guardian.goto(`/children/${demo.adult.id}`);
      await guardian.getByRole('heading', { level: 1, name: t('errors.notFoundTitle') }).or(
        guardian.getByRole('heading', { level: 1, name: t('errors.forbiddenTitle') })).waitFor();
      await check(guardian, 'child-without-consent');
    });

    it('granting the consent again gives the guardian the child back', async () => {
      const consent = student.getByRole('switch', { name: t('consent.grantLabel', { name: demo.adultConsentGuardian.name }) })
        .or(student.getByRole('checkbox', { name: t('consent.grantLabel', { name: demo.adultConsentGuardian.name }) }));
      await consent.click();
      await student.getByRole('status').filter({ hasText: t('consent.granted', { name: demo.adultConsentGuardian.name }) }).waitFor();
      expect(await consent.isChecked()).toBe(true);
      const consents = await getJson<{ guardians: { guardianPersonId: string; active: boolean }[] }>(
        student, `/api/students/${demo.adult.id}/consents`);
      expect(consents.guardians.find((g) => g.guardianPersonId === demo.adultConsentGuardian.id)?.active).toBe(true);

      await guardian.goto('/children');
      await settled(guardian);
      await childCard().waitFor();
      await childCard().click();
      await guardian.getByRole('heading', { level: 1, name: demo.adult.name }).waitFor();
      await check(guardian, 'child-adult-with-consent');
    });
  });
});
