/**
 * Browser helpers for the journeys: the shared browser (started once in global-setup), contexts per
 * language and viewport, login, keyboard navigation, screenshots, and axe on every page visited.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  chromium, request, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { resources, type AllMessages } from '../web/src/app/resources';

export const baseUrl = () => inject('baseUrl');
export const PASSWORD = 'demo1234';
/** The app's "today" (ELEVLOS_TODAY in global-setup): the server rejects contact dates after it. */
export const APP_TODAY = '2026-11-25';
export const SHOTS = process.env.E2E_SHOTS ?? '/tmp/e2e-shots';
/** Generous but finite: a 2-core machine running the app, the browser and axe at once is slow. */
export const TIMEOUT = 15_000;

/** The one browser of the run (global-setup started it); closing what this returns only disconnects. */
export async function launch(): Promise<Browser> {
  return chromium.connect(inject('browserWsEndpoint'));
}

export type Lang = 'nb' | 'nn' | 'en';
/** the web app's localStorage key for the language chosen on this device (web/src/core/i18n/i18n.ts) */
export const LOCALE_KEY = 'elevlos.locale';

export const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const pageErrors = new WeakMap<BrowserContext, string[]>();

/**
 * A fresh context whose stored language is `lang` (null: nothing stored, as on a new device), on a
 * desktop or a phone viewport. Uncaught errors in its pages are collected for expectNoPageErrors.
 */
export async function newContext(browser: Browser, lang: Lang | null, mobile = false, base = baseUrl()): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    baseURL: base,
    locale: lang === 'en' ? 'en-GB' : 'nb-NO',
    timezoneId: 'Europe/Oslo',
    viewport: mobile ? PHONE : DESKTOP,
    isMobile: mobile,
    hasTouch: mobile,
  });
  ctx.setDefaultTimeout(TIMEOUT);
  ctx.setDefaultNavigationTimeout(TIMEOUT);
  if (lang) {
    // Only when nothing is stored yet, so a choice made in the test survives reloads.
    await ctx.addInitScript(([key, l]) => {
      try {
        if (!localStorage.getItem(key)) localStorage.setItem(key, l);
      } catch {
        // about:blank and the like have no storage
      }
    }, [LOCALE_KEY, lang] as const);
  }
  const errors: string[] = [];
  pageErrors.set(ctx, errors);
  ctx.on('page', (p) => p.on('pageerror', (e) => errors.push(`${p.url()}: ${e.message}`)));
  return ctx;
}

export function expectNoPageErrors(ctx: BrowserContext): void {
  expect(pageErrors.get(ctx) ?? [], 'uncaught errors in the page').toEqual([]);
}

/** One chromium for a test file: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => { browser = await launch(); });
  afterAll(async () => { await browser?.close(); });
  return () => browser!;
}

/**
 * One journey (a describe block): a fresh context and page before it, and after it the check that the
 * page threw nothing, then the context closed. `use` hands the page to the journey's tests.
 */
export function journey(browser: () => Browser, lang: Lang | null, opts: { mobile?: boolean }, use: (page: Page) => void): void {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await newContext(browser(), lang, opts.mobile ?? false);
    use(await ctx.newPage());
  });
  afterAll(async () => {
    expectNoPageErrors(ctx);
    await ctx.close();
  });
}

// ---------------------------------------------------------------------------------------------
// The web app's own texts, so that the journeys follow wording changes; the server's access
// reasons ("kontaktlærer for 2STA") are checked literally in the journeys.

const catalogues: Record<Lang, AllMessages> = { nb: resources.nb.translation, nn: resources.nn.translation, en: resources.en.translation };

type Vars = Record<string, string | number>;

/** A message of the web app in `lang`, with {{vars}} filled in and _one/_other chosen by `count`. */
export function text(lang: Lang, key: string, vars: Vars = {}): string {
  let node: unknown = catalogues[lang];
  const parts = key.split('.');
  const last = parts.pop()!;
  for (const p of parts) node = (node as Record<string, unknown>)[p];
  const obj = node as Record<string, string>;
  const plural = typeof vars.count === 'number' ? `${last}_${vars.count === 1 ? 'one' : 'other'}` : undefined;
  const raw = (plural && obj[plural]) ?? obj[last];
  if (typeof raw !== 'string') throw new Error(`no text ${key} in ${lang}`);
  return raw.replace(/\{\{(\w+)\}\}/g, (_, v: string) => String(vars[v] ?? ''));
}

/** text() bound to one language: `const t = texts('nn'); t('home.title', { name })` */
export const texts = (lang: Lang) => (key: string, vars?: Vars) => text(lang, key, vars);

/** an exact, whole-string match for getByText / getByRole names */
export const exact = (s: string): RegExp => new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

// ---------------------------------------------------------------------------------------------

const loadingTexts = [...new Set((['nb', 'nn', 'en'] as const).map((l) => catalogues[l].common.loading))];

/** The page has rendered: its h1 is there, and no spinner or "Laster …" is left in it. */
export async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction((loading) => {
    const main = document.querySelector('main');
    if (!main || document.querySelector('.loading')) return false;
    const leaves = main.querySelectorAll('p, span, div');
    return ![...leaves].some((el) => el.childElementCount === 0 && loading.includes((el.textContent ?? '').trim()));
  }, loadingTexts, { timeout: TIMEOUT });
}

/** axe (WCAG 2.1 A/AA) must report no violations on the page as it stands. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // a dialog fading in has half its final contrast: axe measures what the person ends up seeing
  await page.waitForFunction(() => document.getAnimations().every((a) =>
    a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity), undefined, { timeout: TIMEOUT });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`).join(' | ')}`);
  expect(summary, `axe on ${what} (${page.url()})`).toEqual([]);
}

/** A screenshot in SHOTS named by the page's language, then axe: what every journey does on each page. */
export async function check(page: Page, name: string): Promise<void> {
  await settled(page);
  await screenshot(page, name);
  await expectAccessible(page, name);
  await expectOneLanguage(page, name);
}

function flatten(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) flatten(v, out);
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Messages of the other languages that this language does not share: a match on the page is a leak. */
const foreign = Object.fromEntries((['nb', 'nn', 'en'] as const).map((lang) => {
  const own = new Set(flatten(catalogues[lang]));
  const others = (['nb', 'nn', 'en'] as const).filter((l) => l !== lang).flatMap((l) => flatten(catalogues[l]).map((m) => ({ l, m })));
  const patterns = others
    .filter(({ m }) => !own.has(m) && m.replace(/\{\{\w+\}\}|%d/g, '').trim().length >= 6)
    .map(({ l, m }) => ({ l, m, re: new RegExp(`^${m.split(/\{\{\w+\}\}|%d/).map(escapeRe).join('.+?')}$`) }));
  return [lang, patterns];
})) as Record<Lang, { l: Lang; m: string; re: RegExp }[]>;

/** No text of the page (element texts, labels, titles) is a message from another language's catalogue. */
export async function expectOneLanguage(page: Page, what: string): Promise<void> {
  const lang = (await page.evaluate(() => document.documentElement.lang)) as Lang;
  if (!foreign[lang]) return;
  const strings = await page.evaluate(() => {
    const out = new Set<string>();
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('[lang]:not(html)')) continue; // marked as another language on purpose (the picker's options)
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
      if (own) out.add(own.replace(/\s+/g, ' '));
      if (el.childElementCount === 0 && el.textContent?.trim()) out.add(el.textContent.trim().replace(/\s+/g, ' '));
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(attr);
        if (v?.trim()) out.add(v.trim());
      }
    }
    out.add(document.title);
    return [...out];
  });
  const leaks = strings.flatMap((s) => foreign[lang].filter((f) => f.re.test(s)).map((f) => `"${s}" is ${f.l}: "${f.m}"`));
  expect([...new Set(leaks)], `text in another language than ${lang} on ${what}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const lang = await page.evaluate(() => document.documentElement.lang);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, `${lang || 'xx'}-${name}.png`), fullPage: true });
}

// ---------------------------------------------------------------------------------------------

/**
 * Log in through the form, as a person would; ends on the page the app sends them to.
 * Mind the budget: the suite's server allows 300 login attempts per IP address in 15 minutes, successful
 * ones included (LOGIN_MAX_ATTEMPTS=30 in global-setup.ts, × 10), and the whole suite comes from 127.0.0.1.
 */
export async function login(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  // The next page's code comes in its own chunk: until it has loaded, the login form is still on screen.
  await page.locator('input[name="username"]').waitFor({ state: 'detached', timeout: TIMEOUT });
  await settled(page);
}

/** The test IdP's development login form and consent (server/core/auth/testIdp.ts: its pages, not ours, so no axe there). */
export async function signInAtIdp(page: Page, login: string): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('whatever');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();
}

/** A logged-in API client outside the browser (for setting the stage: "the contact teacher has read …"). */
export async function apiAs(username: string, lang: Lang = 'nb'): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { 'accept-language': lang } });
  const res = await api.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(res.status(), `API login as ${username}`).toBe(200);
  return api;
}

/** GET a JSON API path with the page's own session (its cookies), checking the status. */
export async function getJson<T>(page: Page, path: string, status = 200): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), `GET ${path}`).toBe(status);
  return (await res.json()) as T;
}

/** PUT with the page's session and its CSRF token (from /api/me). */
export async function putJson(page: Page, path: string, data: unknown): Promise<void> {
  const me = await getJson<{ csrfToken: string }>(page, '/api/me');
  const res = await page.request.put(path, { data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(res.status(), `PUT ${path}`).toBe(200);
}

export const hasFocus = (target: Locator): Promise<boolean> => target.evaluate((el) => el === document.activeElement);

/** Press Tab until `target` has focus (the way a keyboard user reaches it); fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  if (await hasFocus(target)) return;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await hasFocus(target)) return;
  }
  throw new Error(`Tab did not reach ${target} in ${max} presses`);
}

const dateOrders = new WeakMap<BrowserContext, 'dmy' | 'mdy' | 'ymd'>();

/**
 * The order of the day, month and year segments of <input type="date">, which follows the browser's
 * own UI language (Debian's chromium without chromium-l10n shows mm/dd/yyyy even for nb-NO pages).
 * Found once per context by typing into a scratch field, as a person would read it off the screen.
 */
async function dateOrder(ctx: BrowserContext): Promise<'dmy' | 'mdy' | 'ymd'> {
  const known = dateOrders.get(ctx);
  if (known) return known;
  const scratch = await ctx.newPage();
  try {
    await scratch.setContent('<input type="date" aria-label="probe">');
    await scratch.locator('input').focus();
    await scratch.keyboard.type('01022003');
    const value = await scratch.locator('input').inputValue();
    const order = value === '2003-02-01' ? 'dmy' : value === '2003-01-02' ? 'mdy' : 'ymd';
    dateOrders.set(ctx, order);
    return order;
  } finally {
    await scratch.close();
  }
}

/** Type an ISO date into the focused date field with the keyboard, in the field's segment order. */
export async function typeDate(page: Page, iso: string): Promise<void> {
  const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  const order = await dateOrder(page.context());
  await page.keyboard.type(order === 'dmy' ? d + m + y : order === 'mdy' ? m + d + y : y + m + d);
}

/**
 * Follow a link of the main menu; on a phone it sits behind the "Meny" button, which is opened first
 * (and, given `checkOpenMenu`, screenshotted and checked with axe while open).
 */
export async function menu(page: Page, lang: Lang, linkName: string | RegExp, checkOpenMenu?: string): Promise<void> {
  const toggle = page.getByRole('button', { name: text(lang, 'shell.menu') });
  if (await toggle.isVisible() && (await toggle.getAttribute('aria-expanded')) !== 'true') {
    await toggle.click();
    await page.getByRole('navigation', { name: text(lang, 'shell.mainNav') }).waitFor();
    if (checkOpenMenu) await check(page, checkOpenMenu);
  }
  await follow(page, page.getByRole('navigation', { name: text(lang, 'shell.mainNav') }).getByRole('link', { name: linkName }));
}

/**
 * Open one of a class's pages as a contact teacher does: the class from the main menu, then the page
 * from the class's own sub-menu (each feature's classSections, gathered in web/src/app/ClassSectionNav.tsx). `sectionKey` is its label key.
 */
export async function classPage(page: Page, lang: Lang, className: string, sectionKey: string): Promise<void> {
  await menu(page, lang, exact(className));
  await follow(page, page.getByRole('navigation', { name: text(lang, 'classSections.labelFor', { name: className }) })
    .getByRole('link', { name: exact(text(lang, sectionKey)) }));
}

/**
 * Click a link to another page of the app and wait for that page. The new address shows at once, but the
 * old page stays on screen until the new one's code (each page comes in its own chunk) and data are in:
 * so wait for the old page's heading to go (or, on the same kind of page, to change) before reading on.
 */
async function follow(page: Page, link: Locator): Promise<void> {
  const here = new URL(page.url());
  const leaving = (await link.getAttribute('href')) !== `${here.pathname}${here.search}`;
  const heading = page.locator('main h1').first();
  const old = leaving && (await heading.count()) > 0 ? await heading.elementHandle() : null;
  const oldText = old ? await old.textContent() : null;
  await link.click();
  if (old) {
    await page.waitForFunction(([h, text]) => !h.isConnected || h.textContent !== text, [old, oldText] as const, { timeout: TIMEOUT });
  }
  await settled(page);
}
