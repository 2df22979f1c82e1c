/**
 * R-70 (L-33, L-34) and R-61/R-76 (L-41) in the browser, in one context: a subject teacher reports a
 * school-environment concern in two clicks from the student's page and records a report to the child welfare
 * service with no approval step; the principal opens the notice, writes the activity plan's five parts,
 * records a measure carried out and its evaluation; the guardian on a phone sees the plan and when the
 * county governor may be asked; the "Jeg er bekymret" page once in nynorsk. axe on every page.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from './demo';
import { APP_TODAY, LOCALE_KEY, PHONE, check, expectNoPageErrors, login, newContext, settled, texts, useBrowser } from './support';

const browser = useBrowser();
const t = texts('nb');
const tn = texts('nn');
const CONCERN = 'Eleven sitter alene i storefri og blir ledd av i gangen.';
const PROBLEM = 'Eleven blir holdt utenfor i friminuttene og føler seg utrygg.';

describe('R-70, R-76: from a worried teacher to an activity plan the guardian sees (nb, one page in nn)', () => {
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

  it('a subject teacher reports a concern in two clicks from the student\'s page, and records a report to child welfare that waits for nobody', async () => {
    await login(page, 'faglarer');
    await page.goto(`/students/${demo.elev.id}`);
    await settled(page);
    await page.getByRole('link', { name: t('schoolEnvironment.worried') }).click(); // click 1
    await page.getByRole('heading', { level: 1, name: t('schoolEnvironment.concernTitle', { name: demo.elev.name }) }).waitFor();
    await settled(page);
    await check(page, 'concern-page');
    await page.getByLabel(t('schoolEnvironment.concern'), { exact: true }).fill(CONCERN);
    await page.getByRole('button', { name: t('schoolEnvironment.send') }).click(); // click 2
    await page.getByText(t('schoolEnvironment.sentPrincipal')).waitFor();

    // the duty to report: the procedure and the person's own record, saved as sent — no approval anywhere
    const duty = page.getByRole('region', { name: t('dutyToReport.heading') });
    await duty.getByText(t('dutyToReport.procedure')).first().waitFor();
    const form = duty.getByRole('form', { name: t('dutyToReport.record') });
    await form.getByLabel(t('dutyToReport.sentOn'), { exact: true }).fill(APP_TODAY);
    await form.getByLabel(t('dutyToReport.category'), { exact: true }).selectOption('seriousNeglect');
    await form.getByRole('button', { name: t('dutyToReport.save') }).click();
    await duty.getByRole('status').filter({ hasText: t('dutyToReport.recorded', { date: '' }).split('.')[0]! }).waitFor();
    expect(await page.getByText(/godkjenning venter|venter på godkjenning/i).count()).toBe(0);
    await check(page, 'concern-sent');
    const receipt = page.getByRole('link', { name: t('schoolEnvironment.openReceipt') });
    caseUrl = (await receipt.getAttribute('href'))!;
    await receipt.click();
    await page.getByText(t('schoolEnvironment.receiptIntro')).waitFor();
    await check(page, 'concern-receipt');
  });

  it('the principal opens the notice, writes the plan\'s five parts, records the measure carried out and its evaluation', async () => {
    await ctx.clearCookies();
    await login(page, 'rektor');
    await page.goto('/');
    await settled(page);
    await page.getByRole('link', { name: t('schoolEnvironment.notice.reported') }).first().click();
    await page.waitForURL((u) => u.pathname === caseUrl);
    await page.getByText(CONCERN).waitFor();
    await check(page, 'case-principal');
    await page.getByRole('button', { name: t('schoolEnvironment.writePlan') }).click();
    const plan = page.getByRole('form', { name: t('schoolEnvironment.plan') });
    await plan.getByLabel(t('schoolEnvironment.problem'), { exact: true }).fill(PROBLEM);
    await plan.getByLabel(t('schoolEnvironment.description'), { exact: true }).fill('En voksen er ute i storefri.');
    await plan.getByLabel(t('schoolEnvironment.startsOn'), { exact: true }).fill('2026-11-02');
    await plan.getByLabel(t('schoolEnvironment.responsible'), { exact: true }).fill('Kontaktlærer');
    await plan.getByLabel(t('schoolEnvironment.evaluateOn'), { exact: true }).fill('2026-11-20');
    await check(page, 'case-plan-form');
    await plan.getByRole('button', { name: t('schoolEnvironment.savePlan') }).click();
    await page.getByRole('status').filter({ hasText: t('schoolEnvironment.planSaved') }).waitFor();

    await page.getByRole('button', { name: t('schoolEnvironment.markCarriedOut') }).click();
    const carried = page.getByRole('form', { name: t('schoolEnvironment.markCarriedOut') });
    await carried.getByLabel(t('schoolEnvironment.on'), { exact: true }).fill('2026-11-03');
    await carried.getByRole('button', { name: t('schoolEnvironment.saveCarriedOut') }).click();
    await carried.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: t('schoolEnvironment.markEvaluated') }).click();
    const evaluated = page.getByRole('form', { name: t('schoolEnvironment.markEvaluated') });
    await evaluated.getByLabel(t('schoolEnvironment.on'), { exact: true }).fill('2026-11-20');
    await evaluated.getByLabel(t('schoolEnvironment.evaluation'), { exact: true }).fill('Eleven er med i leken igjen.');
    await evaluated.getByRole('button', { name: t('schoolEnvironment.saveEvaluation') }).click();
    await page.getByText('Eleven er med i leken igjen.').first().waitFor();
    const log = page.getByRole('region', { name: t('schoolEnvironment.log') });
    for (const kind of ['reported', 'planSaved', 'measureCarriedOut', 'measureEvaluated'] as const) {
      await log.getByText(t(`schoolEnvironment.kind.${kind}`)).first().waitFor();
    }
    await check(page, 'case-evaluated');
  });

  it('the guardian on a phone sees the activity plan and from which day the county governor may be asked', async () => {
    await ctx.clearCookies();
    await page.setViewportSize(PHONE);
    await login(page, 'foresatt');
    await page.goto(`/children/${demo.elev.id}`);
    await settled(page);
    const section = page.getByRole('region', { name: t('schoolEnvironment.section') });
    await section.getByRole('link', { name: new RegExp(t('schoolEnvironment.view.family')) }).first().waitFor();
    await check(page, 'guardian-child-phone');
    await section.getByRole('link', { name: new RegExp(t('schoolEnvironment.view.family')) }).first().click();
    await page.waitForURL((u) => u.pathname === caseUrl);
    await settled(page);
    await page.getByText(PROBLEM).waitFor();
    const from = await page.getByText(/Statsforvalteren/).first().textContent();
    expect(from).toMatch(/^Mener dere at skolen ikke har gjort nok\? Fra \d/);
    expect(await page.getByText(CONCERN).count(), 'the concern is the school\'s, not the family\'s').toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling').toBeLessThanOrEqual(PHONE.width);
    await check(page, 'guardian-plan-phone');
  });

  it('the "Jeg er bekymret" page in nynorsk', async () => {
    await ctx.clearCookies();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.evaluate((key) => localStorage.setItem(key, 'nn'), LOCALE_KEY);
    await login(page, 'kontaktlarer');
    await page.goto(`/students/${demo.elev.id}/concern`);
    await page.getByRole('heading', { level: 1, name: tn('schoolEnvironment.concernTitle', { name: demo.elev.name }) }).waitFor();
    await page.getByRole('heading', { name: tn('dutyToReport.heading') }).waitFor();
    await settled(page);
    await check(page, 'concern-page-nn');
    // back to bokmål, so the profile's language is as it was for the other journeys
    await page.evaluate((key) => localStorage.setItem(key, 'nb'), LOCALE_KEY);
    await page.reload();
    await settled(page);
  });
});
