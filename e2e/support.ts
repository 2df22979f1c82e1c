/** Browser helpers: Debian's chromium via playwright-core, login, and axe on every page visited. */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');
export const PASSWORD = 'demo1234';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

export type Lang = 'nb' | 'nn' | 'en';

/** A fresh context whose stored language is `lang` (the app remembers the choice in localStorage). */
export async function newContext(browser: Browser, lang: Lang, mobile = false): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    baseURL: baseUrl(),
    locale: lang === 'en' ? 'en-GB' : 'nb-NO',
    viewport: mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
  });
  await ctx.addInitScript((l) => { if (!localStorage.getItem('elevlos.lang')) localStorage.setItem('elevlos.lang', l); }, lang);
  return ctx;
}

/** axe (WCAG 2.1 A/AA) must report no violations on the page as it stands. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, `axe on ${what}`).toEqual([]);
}

export async function login(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
