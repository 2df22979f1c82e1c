/**
 * The login page by keyboard only (and its message for a wrong password), in bokmål and nynorsk; and
 * the language picker: nb → nn → en, remembered after a reload, with <html lang> following the choice.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from './demo';
import {
  check, getJson, LOCALE_KEY, PASSWORD, settled, tabTo, text, texts, type Lang, journey,
  useBrowser,
} from './support';

const browser = useBrowser();

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

describe.each(['nb', 'nn'] as const)('the login page (%s)', (lang) => {
  const t = texts(lang);
  let page: Page;
  journey(browser, lang, {}, (p) => { page = p; });

  it('works with the keyboard only and says so when the password is wrong', async () => {
    await page.goto('/');
    // a visitor without a session is sent to the login page, which remembers where they were going
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByRole('heading', { level: 1, name: t('auth.title') }).waitFor();
    await check(page, 'login');

    const username = page.getByLabel(t('auth.username'));
    const password = page.getByLabel(t('auth.password'), { exact: true });
    await tabTo(page, username, 10);
    await page.keyboard.type('kontaktlarer');
    await tabTo(page, password, 3);
    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');

    const alert = page.getByRole('alert').filter({ hasText: t('auth.wrongCredentials') });
    await alert.waitFor();
    expect(await password.inputValue()).toBe('');
    expect(page.url()).toContain('/login');
    await check(page, 'login-wrong-password');

    await tabTo(page, password, 10);
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByRole('heading', { level: 1, name: t('home.title', { name: demo.staff.contactTeacher.split(' ')[0]! }) }).waitFor();
    await settled(page);
  });
});

describe('the language picker', () => {
  let page: Page;
  // a device that has not chosen a language yet
  journey(browser, null, {}, (p) => { page = p; });

  async function expectLanguage(l: Lang, heading: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    expect(await htmlLang(page)).toBe(l);
    expect(await page.title()).toBe(text(l, 'app.pageTitle', { title: heading }));
  }

  async function choose(from: Lang, to: Lang): Promise<void> {
    await page.getByLabel(text(from, 'shell.language')).first().selectOption(to);
  }

  it('switches the login page from bokmål to nynorsk and remembers it after a reload', async () => {
    await page.goto('/login');
    await expectLanguage('nb', text('nb', 'auth.title'));
    await page.getByLabel(text('nb', 'auth.username')).waitFor();

    await choose('nb', 'nn');
    await expectLanguage('nn', text('nn', 'auth.title'));
    await page.getByLabel(text('nn', 'auth.username')).waitFor();
    expect(await page.evaluate((key) => localStorage.getItem(key), LOCALE_KEY)).toBe('nn');

    await page.reload();
    await expectLanguage('nn', text('nn', 'auth.title'));
    await page.getByLabel(text('nn', 'auth.username')).waitFor();
    await check(page, 'login-after-switch');
  });

  it('keeps nynorsk after login, switches to English from the menu, and English survives a reload', async () => {
    await page.getByLabel(text('nn', 'auth.username')).fill('rektor');
    await page.getByLabel(text('nn', 'auth.password'), { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: text('nn', 'auth.submit') }).click();
    const nnHome = text('nn', 'home.title', { name: demo.staff.principal.split(' ')[0]! });
    await expectLanguage('nn', nnHome);
    await settled(page);

    await choose('nn', 'en');
    const enHome = text('en', 'home.title', { name: demo.staff.principal.split(' ')[0]! });
    await expectLanguage('en', enHome);
    await page.getByRole('navigation', { name: text('en', 'shell.mainNav') }).waitFor();
    // the profile keeps the choice too, for the next device
    await expect.poll(async () => (await getJson<{ person: { locale: string } }>(page, '/api/me')).person.locale).toBe('en');

    await page.reload();
    await expectLanguage('en', enHome);
    await settled(page);
    await check(page, 'home-after-switch');

    // texts from the server follow as well: the access reason on a class overview
    await page.goto(`/classes/${demo.class2STA.id}`);
    await page.getByRole('heading', { level: 1, name: text('en', 'classes.title', { name: '2STA' }) }).waitFor();
    await page.getByText(/principal of /).first().waitFor();
    expect(await htmlLang(page)).toBe('en');
    await check(page, 'class-overview-principal');
  });
});
