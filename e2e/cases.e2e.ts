/**
 * Cases (sak, R-53, R-54, R-55, R-60) in the browser: the contact teacher raises a case about `elev` from
 * the student's page, adds to its chronology (typing is not lost when leaving) and registers it for the
 * resource team; the counsellor finds it on the resource team's list, sets the outcome "proposed
 * measures" and creates a measure linked to it, which the student's page links back; a subject teacher of
 * the student, who is not among the case's readers, is told the case does not exist. One page in nynorsk.
 * axe on every page.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from './demo';
import { LOCALE_KEY, PHONE, check, expectNoPageErrors, login, menu, newContext, putJson, settled, texts, useBrowser } from './support';

const browser = useBrowser();
const t = texts('nb');
const nn = texts('nn');
const TITLE = 'Trekker seg unna i friminuttene';
const GOAL = 'Eleven har en trygg voksen i friminuttene.';

describe('R-53, R-54: a case from the student\'s page to the resource team and a measure (nb, one page nn)', () => {
  let ctx: BrowserContext;
  let page: Page;
  let caseUrl = '';
  beforeAll(async () => {
    ctx = await newContext(browser(), 'nb');
    page = await ctx.newPage();
  });
  afterAll(async () => {
    expectNoPageErrors(ctx);
    await ctx.close();
  });

  it('the contact teacher raises a case from the student\'s page, adds a chronology entry and registers it for the resource team', async () => {
    await login(page, 'kontaktlarer');
    await page.goto(`/students/${demo.elev.id}`);
    await settled(page);
    const section = page.getByRole('region', { name: t('cases.title'), exact: true });
    await section.getByRole('button', { name: t('cases.raise') }).click();
    const form = section.getByRole('form', { name: t('cases.raiseTitle') });
    await form.getByRole('button', { name: t('cases.save') }).click();
    await form.getByText(t('cases.required')).first().waitFor();
    await check(page, 'cases-raise-refused');
    await form.getByLabel(t('cases.caseTitle'), { exact: true }).fill(TITLE);
    await form.getByLabel(t('cases.background'), { exact: true }).fill('Sitter alene i friminuttene de siste tre ukene.');
    await form.getByLabel(t('cases.raisedOn'), { exact: true }).fill('2026-11-24');
    await form.getByRole('button', { name: t('cases.save') }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: t('cases.page.title', { title: TITLE }) }).waitFor();

    const entry = page.getByRole('form', { name: t('cases.page.addEvent') });
    await entry.getByLabel(t('cases.page.occurredOn'), { exact: true }).fill('2026-11-24');
    await entry.getByLabel(t('cases.page.description'), { exact: true }).fill('Samtale med eleven om friminuttene.');
    await entry.getByLabel(t('cases.page.doneByLabel'), { exact: true }).fill('Kontaktlærer');
    await entry.getByRole('button', { name: t('cases.page.saveEvent') }).click();
    await page.getByRole('status').filter({ hasText: t('cases.page.eventSaved') }).waitFor();
    const chronology = page.getByRole('list', { name: t('cases.page.chronology') });
    await chronology.getByText('Samtale med eleven om friminuttene.').waitFor();

    // half-typed text is not dropped: leaving asks first, and staying keeps it
    const description = page.getByRole('form', { name: t('cases.page.addEvent') }).getByLabel(t('cases.page.description'), { exact: true });
    await description.fill('Halvskrevet');
    await page.getByRole('link', { name: t('cases.page.about', { name: demo.elev.name }) }).click();
    await page.getByRole('button', { name: t('common.unsaved.stay') }).click();
    expect(await description.inputValue()).toBe('Halvskrevet');
    await description.fill('');

    await page.getByRole('button', { name: t('cases.page.register') }).click();
    await page.getByRole('status').filter({ hasText: t('cases.page.registeredStatus') }).waitFor();
    await page.getByText(t('cases.page.resourceTeamOn')).waitFor();
    await check(page, 'cases-case-raised');
  });

  it('the counsellor finds it on the resource team\'s list, sets the outcome "proposed measures" and creates a measure linked to it', async () => {
    await ctx.clearCookies();
    await login(page, 'radgiver');
    await menu(page, 'nb', t('cases.resourceTeam.nav'));
    await page.waitForURL(/\/resource-team-cases$/);
    await settled(page);
    const link = page.getByRole('link', { name: TITLE });
    await link.waitFor();
    await check(page, 'cases-resource-team');
    await link.click();
    await page.getByRole('heading', { level: 1, name: t('cases.page.title', { title: TITLE }) }).waitFor();

    const outcome = page.getByRole('form', { name: t('cases.page.setOutcome') });
    await outcome.getByLabel(t('cases.outcomes.proposedMeasures'), { exact: true }).check();
    await outcome.getByLabel(t('cases.page.reason'), { exact: true }).fill('Ressursteamet foreslår faste samtaler med sosiallærer.');
    await outcome.getByRole('button', { name: t('cases.page.saveOutcome') }).click();
    await page.getByRole('status').filter({ hasText: t('cases.page.outcomeSaved') }).waitFor();

    await page.getByRole('button', { name: t('cases.page.addMeasure') }).click();
    const measure = page.getByRole('form', { name: t('cases.page.addMeasure') });
    await measure.getByLabel(t('measures.goal'), { exact: true }).fill(GOAL);
    await measure.getByLabel(t('measures.actions'), { exact: true }).fill('Sosiallærer har en samtale med eleven hver uke.');
    await measure.getByLabel(t('measures.startsOn'), { exact: true }).fill('2026-11-25');
    await measure.getByLabel(t('measures.evaluateOn'), { exact: true }).fill('2027-01-15');
    await measure.getByRole('button', { name: t('measures.save') }).click();
    await page.getByRole('status').filter({ hasText: t('cases.page.measureSaved') }).waitFor();
    const measures = page.getByRole('list', { name: t('cases.page.measures') });
    await measures.getByRole('link', { name: GOAL }).waitFor();
    await page.getByRole('list', { name: t('cases.page.chronology') }).getByText(t('cases.page.kinds.measureCreated', { text: GOAL })).waitFor();
    await check(page, 'cases-case-outcome-measure');

    await measures.getByRole('link', { name: GOAL }).click();
    await settled(page);
    const item = page.getByRole('region', { name: t('measures.title') }).getByRole('listitem').filter({ hasText: GOAL });
    await item.getByRole('link', { name: t('measures.fromCase') }).waitFor();
    const cases = page.getByRole('region', { name: t('cases.title'), exact: true });
    await cases.getByRole('link', { name: TITLE }).waitFor();
    await check(page, 'cases-student-page');
  });

  it('the case page in nynorsk, on a phone', async () => {
    const desktop = page.viewportSize()!;
    await page.setViewportSize(PHONE);
    await page.evaluate(([key]) => localStorage.setItem(key!, 'nn'), [LOCALE_KEY]);
    await page.goto(caseUrl);
    await page.getByRole('heading', { level: 1, name: nn('cases.page.title', { title: TITLE }) }).waitFor();
    await page.getByRole('heading', { name: nn('cases.page.chronology') }).waitFor();
    await check(page, 'cases-case-nn-phone');
    // nothing on the page is wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize(desktop);
    // back to bokmål, saved on the counsellor's account too (the suite's other journeys log in as them)
    await page.evaluate(([key]) => localStorage.setItem(key!, 'nb'), [LOCALE_KEY]);
    await putJson(page, '/api/me/locale', { locale: 'nb' });
  });

  it('a subject teacher of the student who is not among the case\'s readers is told it does not exist (R-60)', async () => {
    await ctx.clearCookies();
    await login(page, 'faglarer');
    await page.goto(caseUrl);
    await page.getByRole('heading', { level: 1, name: t('errors.notFoundTitle') }).waitFor();
    expect(await page.getByText(TITLE).count()).toBe(0);
    await check(page, 'cases-not-found');
  });
});
