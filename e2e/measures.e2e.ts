/**
 * Measures (tiltak, R-55) in the browser, from the class-team meeting's follow-up list: the contact
 * teacher of 2STA has a measure proposed for `elev` at the meeting, makes a measure of it on the student's
 * page (a date before the start is refused in the form, and typing is not lost when leaving), sees the
 * overdue evaluation on the home page the next time, and evaluates it. axe on every page.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from './demo';
import { apiAs, check, expectNoPageErrors, login, newContext, settled, texts, useBrowser } from './support';

const browser = useBrowser();
const t = texts('nb');
const studentPage = `/students/${demo.elev.id}`;
const elevName = demo.elev.name;
const PROPOSED = 'Ukentlig samtale med kontaktlærer om skolearbeidet.';

describe('R-55 with R-32: a measure from the class-team follow-up list, evaluated when it is due (nb)', () => {
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    // the stage: the class-team meeting for 2STA put elev on the follow-up list with a proposed measure
    const api = await apiAs('kontaktlarer');
    const me = await (await api.get('/api/me')).json() as { csrfToken: string };
    const headers = { 'x-csrf-token': me.csrfToken };
    const meeting = `/api/basis-groups/${demo.class2STA.id}/class-team-meeting`;
    expect((await api.put(meeting, { data: { week: 40, heldOn: '2026-10-01', learningEnvironment: 'Godt miljø.' }, headers })).status()).toBe(200);
    expect((await api.put(`${meeting}/students/${demo.elev.id}`, {
      data: { academic: true, social: false, mental: false, physical: false, followUpByStaffMemberId: null, proposedMeasures: PROPOSED }, headers,
    })).status()).toBe(200);
    await api.dispose();
    ctx = await newContext(browser(), 'nb');
    page = await ctx.newPage();
  });
  afterAll(async () => {
    expectNoPageErrors(ctx);
    await ctx.close();
  });

  it('the contact teacher makes a measure of the proposal; an evaluation date before the start is refused, naming the field', async () => {
    await login(page, 'kontaktlarer');
    await page.goto(studentPage);
    await settled(page);
    const section = page.getByRole('region', { name: t('measures.title') });
    await section.getByText(PROPOSED).waitFor();
    await check(page, 'measures-proposal');
    await section.getByRole('button', { name: t('measures.useProposal') }).click();
    const form = section.getByRole('form', { name: t('measures.add') });
    expect(await form.getByLabel(t('measures.actions'), { exact: true }).inputValue()).toBe(PROPOSED);
    await form.getByLabel(t('measures.goal'), { exact: true }).fill('Eleven har en voksen å snakke med.');
    await form.getByLabel(t('measures.startsOn'), { exact: true }).fill('2026-10-05');
    await form.getByLabel(t('measures.evaluateOn'), { exact: true }).fill('2026-10-01');
    await form.getByRole('button', { name: t('measures.save') }).click();
    await form.getByText(t('measures.beforeStart')).first().waitFor();
    await check(page, 'measures-date-refused');
    await form.getByLabel(t('measures.evaluateOn'), { exact: true }).fill('2026-11-16');
    await form.getByRole('button', { name: t('measures.save') }).click();
    await page.getByRole('status').filter({ hasText: t('measures.added') }).waitFor();
    const list = section.getByRole('list', { name: t('measures.list') });
    await list.getByRole('heading', { name: 'Eleven har en voksen å snakke med.' }).waitFor();
    await list.getByRole('link', { name: t('measures.fromMeeting', { group: '2STA', week: 40 }) }).waitFor();
    await list.getByText(t('measures.overdue')).waitFor();
    await check(page, 'measures-added');
  });

  it('typing in a new measure is not lost: leaving the page asks first, and staying keeps the text', async () => {
    const section = page.getByRole('region', { name: t('measures.title') });
    await section.getByRole('button', { name: t('measures.add') }).click();
    const goal = section.getByRole('form', { name: t('measures.add') }).getByLabel(t('measures.goal'), { exact: true });
    await goal.fill('Halvskrevet mål');
    await page.getByRole('link', { name: t('measures.fromMeeting', { group: '2STA', week: 40 }) }).click();
    await page.getByRole('button', { name: t('common.unsaved.stay') }).click();
    expect(await goal.inputValue()).toBe('Halvskrevet mål');
    await section.getByRole('button', { name: t('common.cancel') }).click();
  });

  it('the owner sees the overdue evaluation on the home page, opens the student and evaluates "how did it work?"; it leaves the home page', async () => {
    await page.goto('/');
    await settled(page);
    const home = page.getByRole('region', { name: t('measures.homeTitle') });
    const item = home.getByRole('link', { name: new RegExp(`^${elevName}: Eleven har en voksen å snakke med\\.`) });
    await item.waitFor();
    await check(page, 'measures-home-overdue');
    await item.click();
    await settled(page);
    const section = page.getByRole('region', { name: t('measures.title') });
    // the student may have other measures (a case's, a meeting's): evaluate this one
    await section.getByRole('listitem').filter({ hasText: 'Eleven har en voksen å snakke med.' }).getByRole('button', { name: t('measures.evaluate') }).click();
    const form = section.getByRole('form', { name: t('measures.evaluateTitle', { goal: 'Eleven har en voksen å snakke med.' }) });
    await form.getByLabel(t('measures.evaluation'), { exact: true }).fill('Eleven bruker samtalene og har levert alt siden oktober.');
    await form.getByLabel(t('measures.nextStep'), { exact: true }).fill('Avsluttes; eleven tar kontakt ved behov.');
    await form.getByLabel(t('measures.ended'), { exact: true }).check();
    await check(page, 'measures-evaluate');
    await form.getByRole('button', { name: t('measures.saveEvaluation') }).click();
    await page.getByRole('status').filter({ hasText: t('measures.evaluated') }).waitFor();
    await section.getByText(t('measures.status.ended')).waitFor();
    await page.goto('/');
    await settled(page);
    await page.getByRole('region', { name: t('measures.homeTitle') }).getByText(t('measures.homeEmpty')).waitFor();
    await check(page, 'measures-home-done');
  });
});
