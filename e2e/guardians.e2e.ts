/**
 * Journeys of guardians on a phone, in bokmål and in nynorsk: a guardian with parental responsibility
 * sees their child (and only themself among the guardians); a parent without it sees no children.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from './demo';
import {
  check, getJson, login, menu, settled, texts, journey,
  useBrowser,
} from './support';

const browser = useBrowser();

describe.each(['nb', 'nn'] as const)('guardian journeys on a phone (%s)', (lang) => {
  const t = texts(lang);

  describe('the guardian with parental responsibility', () => {
    let page: Page;
    journey(browser, lang, { mobile: true }, (p) => { page = p; });

    it('sees the child on the home page and on the children page', async () => {
      await login(page, 'foresatt');
      await page.getByRole('region', { name: t('home.guardian') }).getByRole('link', { name: demo.elev.name }).waitFor();
      await check(page, 'home-guardian');
      await menu(page, lang, t('nav.children'), 'menu-open-guardian');
      await page.getByRole('heading', { level: 1, name: t('guardian.title') }).waitFor();
      await page.getByText(t('guardian.intro')).waitFor();
      await page.getByText(lang === 'nb' ? 'foresatt med foreldreansvar' : 'føresett med foreldreansvar').waitFor();
      await check(page, 'children-guardian');
    });

    it('opens the child page and sees only themself among the guardians', async () => {
      await page.getByRole('main').getByRole('link', { name: demo.elev.name }).click();
      await page.getByRole('heading', { level: 1, name: demo.elev.name }).waitFor();
      await settled(page);
      const guardians = page.getByRole('region', { name: t('students.guardians') });
      const names = await guardians.getByRole('heading', { level: 3 }).allInnerTexts();
      expect(names.map((n) => n.trim())).toEqual([demo.foresatt.name]);
      expect(await guardians.innerText()).not.toContain(demo.elevOtherGuardian.name);
      // staff-only parts are not shown to a guardian
      expect(await page.getByRole('heading', { name: t('contactLog.title') }).count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await check(page, 'child-guardian');
    });

    it("opens who has seen the child's data", async () => {
      await page.getByRole('link', { name: t('accessLog.childLink') }).click();
      await page.getByRole('heading', { level: 1, name: t('accessLog.childTitle', { name: demo.elev.name }) }).waitFor();
      await check(page, 'child-access-log-guardian');
    });
  });

  describe('the parent without parental responsibility', () => {
    let page: Page;
    journey(browser, lang, { mobile: true }, (p) => { page = p; });

    it('is told that there are no children to see', async () => {
      await login(page, 'foresatt.uten');
      await page.getByRole('region', { name: t('home.guardian') }).getByText(t('home.noChildren')).waitFor();
      await check(page, 'home-guardian-without-responsibility');
      await menu(page, lang, t('nav.children'));
      await page.getByRole('heading', { level: 1, name: t('guardian.title') }).waitFor();
      await page.getByText(t('guardian.empty')).waitFor();
      expect(await page.getByRole('main').getByRole('link', { name: demo.noResponsibilityStudent.name }).count()).toBe(0);
      const children = await getJson<{ children: unknown[] }>(page, '/api/guardian/children');
      expect(children.children).toEqual([]);
      await check(page, 'children-guardian-without-responsibility');
    });

    it("cannot open the child's page by its address: a not-found page", async () => {
      for (const path of [`/children/${demo.noResponsibilityStudent.id}`, `/students/${demo.noResponsibilityStudent.id}`]) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: t('errors.notFoundTitle') }).waitFor();
        await page.getByText(t('errors.notFoundText')).waitFor();
        expect(await page.locator('main').innerText()).not.toContain(demo.noResponsibilityStudent.name);
      }
      await check(page, 'not-found-guardian-without-responsibility');
    });
  });
});
