/**
 * The IOP (R-51, R-75, L-40) and the adapted arrangement (R-50) in the browser, in one context: the contact
 * teacher of 2STA records `elev`'s special-education decision and makes a plan with a maths and a Norwegian
 * part; the maths teacher writes the maths report and has no way into the Norwegian part; the contact teacher
 * sees what is missing, is refused while it is, and finalises; the contact teacher records an adapted
 * arrangement and the maths teacher sees it on the student's page; the guardian reads the finalised report
 * on a 390 px phone (nb, then nn) and never the draft written after it. axe on every page.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, demoDataset, demoHardCases as h } from './demo';
import { LOCALE_KEY, PHONE, check, expectNoPageErrors, login, newContext, settled, texts, useBrowser } from './support';

const browser = useBrowser();
const t = texts('nb');
const tn = texts('nn');
const planPage = `/students/${demo.elev.id}/individual-plan`;
const subjectName = (groupId: string) => {
  const g = demoDataset.teachingGroup.find((x) => x.id === groupId)!;
  return demoDataset.subject.find((s) => s.id === g.subjectId)!.name;
};
const MATHS = subjectName(h.teachingGroup2STAMATId);
const NORWEGIAN = subjectName(h.teachingGroup2STANORId);
const SUMMARY = 'Eleven har fått opplæringen planen beskriver og nærmer seg målene i begge fagene.';
const DRAFT = 'Utkast til våren: mer lesetrening.';

/** Type into an autosaved text and wait until the page says it is stored. */
async function typeAndWaitSaved(page: Page, region: ReturnType<Page['getByRole']>, label: string, value: string) {
  const field = region.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.blur();
  await region.getByText(/^Lagret kl\./).first().waitFor();
}

describe('R-51, R-75, L-40, R-50: from the plan to the guardian\'s phone (nb, one page in nn)', () => {
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ctx = await newContext(browser(), 'nb');
    page = await ctx.newPage();
  });
  afterAll(async () => {
    expectNoPageErrors(ctx);
    await ctx.close();
  });

  it('the contact teacher records the decision and makes the plan with a maths and a Norwegian part', async () => {
    await login(page, 'kontaktlarer');
    await page.goto(planPage);
    await settled(page);
    const form = page.getByRole('form', { name: t('individualPlan.recordDecision') });
    await form.getByRole('button', { name: t('individualPlan.saveDecision') }).click();
    await form.getByText(t('individualPlan.chooseSubject')).first().waitFor();
    await check(page, 'iop-decision-refused');
    await form.getByLabel(t('individualPlan.decidedOn'), { exact: true }).fill('2026-08-20');
    await form.getByLabel(t('individualPlan.reference'), { exact: true }).fill('2026/4711');
    await form.getByLabel(MATHS, { exact: true }).check();
    await form.getByLabel(NORWEGIAN, { exact: true }).check();
    await form.getByRole('button', { name: t('individualPlan.saveDecision') }).click();
    await page.getByRole('status').filter({ hasText: t('individualPlan.decisionSaved') }).waitFor();
    const norwegian = page.getByRole('region', { name: NORWEGIAN, exact: true });
    await typeAndWaitSaved(page, norwegian, t('individualPlan.goals'), 'Skrive sammenhengende tekster på en side.');
    await page.getByRole('region', { name: MATHS, exact: true }).waitFor();
    await check(page, 'iop-plan-created');
    await page.context().clearCookies();
  });

  it('the maths teacher writes the maths report and sees nothing of the Norwegian part', async () => {
    await login(page, 'faglarer');
    await page.goto(planPage);
    await settled(page);
    const maths = page.getByRole('region', { name: MATHS, exact: true });
    await typeAndWaitSaved(page, maths, t('individualPlan.goals'), 'Løse likninger av første grad.');
    await typeAndWaitSaved(page, maths, t('individualPlan.report'), 'Eleven har fått to timer i liten gruppe hver uke.');
    expect(await page.getByRole('region', { name: NORWEGIAN, exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: t('individualPlan.finalise') }).count()).toBe(0);
    await page.getByText(t('individualPlan.onlyYourSubjects')).waitFor();
    await check(page, 'iop-subject-teacher');
    await page.context().clearCookies();
  });

  it('the contact teacher sees the missing Norwegian report, is refused while it is missing, then finalises', async () => {
    await login(page, 'kontaktlarer');
    await page.goto(planPage);
    await settled(page);
    const missing = page.getByRole('list', { name: t('individualPlan.missingTitle') });
    await missing.getByText(NORWEGIAN).waitFor();
    expect(await missing.getByText(MATHS).count()).toBe(0);
    const finalise = page.getByRole('region', { name: t('individualPlan.finaliseTitle') });
    await typeAndWaitSaved(page, finalise, t('individualPlan.summary'), SUMMARY);
    await finalise.getByRole('button', { name: t('individualPlan.finalise') }).click();
    await page.getByText(new RegExp(`Rapporten mangler for: ${NORWEGIAN}`)).first().waitFor();
    await check(page, 'iop-missing-refused');
    const norwegian = page.getByRole('region', { name: NORWEGIAN, exact: true });
    await typeAndWaitSaved(page, norwegian, t('individualPlan.report'), 'Lesekurs i liten gruppe to ganger i uka.');
    await finalise.getByText(t('individualPlan.missingNone')).waitFor();
    await finalise.getByRole('button', { name: t('individualPlan.finalise') }).click();
    await page.getByRole('status').filter({ hasText: t('individualPlan.finalised', { version: 1 }) }).waitFor();
    const versions = page.getByRole('region', { name: t('individualPlan.versions') });
    await versions.getByRole('link', { name: /^Versjon 1:/ }).waitFor();
    // a draft for the spring, written after finalising, is not what the family reads
    await typeAndWaitSaved(page, page.getByRole('region', { name: t('individualPlan.finaliseTitle') }), t('individualPlan.summary'), DRAFT);
    await check(page, 'iop-finalised');
    await versions.getByRole('link', { name: /^Versjon 1:/ }).click();
    await settled(page);
    await page.getByText(SUMMARY).waitFor();
    await check(page, 'iop-version');
  });

  it('R-50: the contact teacher records the adapted arrangement; the maths teacher sees it on the student\'s page', async () => {
    await page.goto(`/students/${demo.elev.id}`);
    await settled(page);
    const section = page.getByRole('region', { name: t('individualPlan.arrangements.title') });
    await section.getByRole('button', { name: t('individualPlan.arrangements.add') }).click();
    const form = section.getByRole('form', { name: t('individualPlan.arrangements.add') });
    await form.getByLabel(t('individualPlan.arrangements.adaptation'), { exact: true }).fill('Kortere skriftlige oppgaver.');
    await form.getByLabel(t('individualPlan.arrangements.workPlan'), { exact: true }).fill('Halve oppgavesett i skriftlige fag.');
    await form.getByRole('button', { name: t('individualPlan.arrangements.save') }).click();
    await form.getByText(t('individualPlan.arrangements.nobodyAgreed')).first().waitFor();
    await form.getByLabel(t('individualPlan.arrangements.student'), { exact: true }).check();
    await form.getByLabel(t('individualPlan.arrangements.guardians'), { exact: true }).check();
    await form.getByLabel(t('individualPlan.arrangements.supportServices'), { exact: true }).fill('PPT');
    await check(page, 'adapted-arrangement-form');
    await form.getByRole('button', { name: t('individualPlan.arrangements.save') }).click();
    await page.getByRole('status').filter({ hasText: t('individualPlan.arrangements.saved') }).waitFor();
    await page.context().clearCookies();

    await login(page, 'faglarer');
    await page.goto(`/students/${demo.elev.id}`);
    await settled(page);
    const seen = page.getByRole('region', { name: t('individualPlan.arrangements.title') });
    await seen.getByText('Halve oppgavesett i skriftlige fag.').waitFor();
    expect(await seen.getByRole('button', { name: t('individualPlan.arrangements.add') }).count()).toBe(0);
    await check(page, 'adapted-arrangement-teacher');
    // where the maths teacher teaches: the group's list flags the student
    await page.goto(`/teaching-groups/${h.teachingGroup2STAMATId}`);
    await settled(page);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: new RegExp(demo.elev.name.split(' ').pop()!) }) });
    await row.getByText(t('individualPlan.arrangements.badge')).first().waitFor();
    await check(page, 'adapted-arrangement-badge');
    await page.context().clearCookies();
  });

  it('the guardian reads the finalised report on a phone, in bokmål and nynorsk, and never the draft', async () => {
    await page.setViewportSize(PHONE);
    await login(page, 'foresatt');
    await page.goto(`/children/${demo.elev.id}`);
    await settled(page);
    await page.getByRole('link', { name: t('individualPlan.link') }).click();
    await settled(page);
    await page.getByText(SUMMARY).waitFor();
    await page.getByText('Eleven har fått to timer i liten gruppe hver uke.').waitFor();
    expect(await page.getByText(DRAFT).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling').toBeLessThanOrEqual(PHONE.width);
    await check(page, 'iop-guardian-phone');

    await page.evaluate(([key]) => localStorage.setItem(key!, 'nn'), [LOCALE_KEY]);
    await page.reload();
    await settled(page);
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${tn('individualPlan.title').replace(/[()]/g, '\\$&')}`) }).waitFor();
    await page.getByText(tn('individualPlan.familyIntro')).waitFor();
    await check(page, 'iop-guardian-phone-nn');
  });
});
