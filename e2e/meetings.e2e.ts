/**
 * Meetings in the browser, in one context: the contact teacher of 2STA plans a
 * collaboration meeting about `elev` with a guardian, writes minutes that save as they are typed, records
 * an action and shares the minutes; the guardian reads them on a phone; the next meeting shows the open
 * action; an interdisciplinary meeting's minutes are refused to BUP, whom the consent does not cover.
 * axe on every page, one page in nynorsk.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from './demo';
import { PHONE, check, expectNoPageErrors, getJson, login, newContext, putJson, settled, texts, useBrowser } from './support';

const browser = useBrowser();
const t = texts('nb');
const tn = texts('nn');
const MINUTES = 'Eleven trives bedre i klassen. Vi avtalte leksehjelp to dager i uka.';
const ACTION = 'Sende timeplan for leksehjelp hjem';

describe('R-53, R-62: a collaboration meeting from planning to shared minutes, and an interdisciplinary meeting within its consent (nb)', () => {
  let ctx: BrowserContext;
  let page: Page;
  let meetingUrl = '';
  beforeAll(async () => {
    ctx = await newContext(browser(), 'nb');
    page = await ctx.newPage();
  });
  afterAll(async () => {
    expectNoPageErrors(ctx);
    await ctx.close();
  });

  it('the contact teacher plans a collaboration meeting from the student\'s page and adds a guardian', async () => {
    await login(page, 'kontaktlarer');
    await page.goto(`/students/${demo.elev.id}`);
    await settled(page);
    const section = page.getByRole('region', { name: t('meetings.sectionTitle'), exact: true });
    await section.getByRole('button', { name: t('meetings.plan') }).click();
    const form = section.getByRole('form', { name: t('meetings.planTitle') });
    await form.getByRole('radio', { name: t('meetings.kind.collaboration') }).check();
    await form.getByLabel(t('meetings.date'), { exact: true }).fill('2026-11-26');
    await form.getByLabel(t('meetings.time'), { exact: true }).fill('14:00');
    await form.getByLabel(t('meetings.place'), { exact: true }).fill('Møterom 1');
    await check(page, 'meetings-plan');
    await form.getByRole('button', { name: t('meetings.save') }).click();
    await page.waitForURL(/\/meetings\//);
    meetingUrl = new URL(page.url()).pathname;
    await settled(page);

    const add = page.getByRole('form', { name: t('meetings.addParticipant') });
    await add.getByLabel(t('meetings.addParticipant'), { exact: true }).selectOption('guardian');
    await add.getByLabel(t('meetings.addGuardian'), { exact: true }).selectOption({ label: demo.foresatt.name });
    await add.getByRole('button', { name: t('meetings.add') }).click();
    await page.getByRole('region', { name: t('meetings.participants'), exact: true }).getByText(demo.foresatt.name).waitFor();
  });

  it('the minutes save as they are typed ("Lagret kl."), an action is recorded, and the minutes are shared with the guardians', async () => {
    const minutes = page.getByRole('region', { name: t('meetings.minutes'), exact: true });
    await minutes.getByLabel(t('meetings.minutes'), { exact: true }).fill(MINUTES);
    await minutes.getByRole('status').filter({ hasText: /Lagret kl\. \d{2}[:.]\d{2}/ }).waitFor();

    const actions = page.getByRole('form', { name: t('meetings.addAction') });
    await actions.getByLabel(t('meetings.actionDescription'), { exact: true }).fill(ACTION);
    await actions.getByLabel(t('meetings.responsible'), { exact: true }).selectOption({ label: demo.foresatt.name });
    await actions.getByLabel(t('meetings.dueOn'), { exact: true }).fill('2026-12-01');
    await actions.getByRole('button', { name: t('meetings.addAction') }).click();
    await page.getByRole('list', { name: t('meetings.actions') }).getByText(ACTION, { exact: true }).waitFor();

    const sharing = page.getByRole('region', { name: t('meetings.share'), exact: true });
    await sharing.getByRole('button', { name: t('meetings.shareGuardians') }).click();
    await sharing.getByRole('status').filter({ hasText: t('meetings.sharedOk') }).waitFor();
    await check(page, 'meetings-collaboration');

    // the stored minutes are what was typed: a reload shows them
    await page.reload();
    await settled(page);
    expect(await page.getByRole('region', { name: t('meetings.minutes'), exact: true }).getByLabel(t('meetings.minutes'), { exact: true }).inputValue()).toBe(MINUTES);
  });

  it('the guardian reads the shared minutes on a 390×844 phone', async () => {
    await ctx.clearCookies();
    await page.setViewportSize(PHONE);
    await login(page, 'foresatt');
    await page.goto(`/children/${demo.elev.id}`);
    await settled(page);
    const shared = page.getByRole('region', { name: t('meetings.familyTitle'), exact: true });
    await shared.getByText(MINUTES).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await check(page, 'meetings-guardian-phone');
  });

  it('the next collaboration meeting shows the open action from before, and "Mine møter" lists both', async () => {
    await ctx.clearCookies();
    await page.setViewportSize({ width: 1366, height: 768 });
    await login(page, 'kontaktlarer');
    const me = await getJson<{ csrfToken: string }>(page, '/api/me');
    const next = await page.request.post(`/api/students/${demo.elev.id}/meetings`, {
      data: { kind: 'collaboration', startsAt: '2026-12-10T14:00:00+01:00', place: 'Møterom 1' }, headers: { 'x-csrf-token': me.csrfToken },
    });
    expect(next.status()).toBe(201);
    await page.goto(`/meetings/${(await next.json()).id}`);
    await settled(page);
    const list = page.getByRole('list', { name: t('meetings.actions') });
    await list.getByText(ACTION, { exact: true }).waitFor();
    await list.getByRole('link', { name: /Fra møtet/ }).waitFor();
    await check(page, 'meetings-carried-over');

    await page.goto('/me/meetings');
    await settled(page);
    await page.getByRole('list', { name: t('meetings.upcoming') }).getByRole('link').first().waitFor();
    await check(page, 'meetings-mine');
  });

  it('an interdisciplinary meeting\'s minutes are refused to BUP when the consent covers only the guardians, and the page says why', async () => {
    // the stage, set with the browser's own session
    const api = page.request;
    const { csrfToken } = await getJson<{ csrfToken: string }>(page, '/api/me');
    const headers = { 'x-csrf-token': csrfToken };
    const created = await api.post(`/api/students/${demo.elev.id}/meetings`, {
      data: { kind: 'interdisciplinary', startsAt: '2026-11-20T12:00:00+01:00', participants: [{ kind: 'external', name: 'Kari Nordmann', organisation: 'BUP', role: 'psykolog' }] }, headers,
    });
    expect(created.status()).toBe(201);
    const id = (await created.json()).id as string;
    expect((await api.put(`/api/meetings/${id}/minutes`, { data: { text: 'BUP orienterte. Skolen følger opp.' }, headers })).status()).toBe(200);
    const guardian = (await (await api.get(`/api/meetings/${id}`)).json()).familyOptions[0].personId as string;
    expect((await api.put(`/api/meetings/${id}/consent`, { data: { givenByPersonId: guardian, givenOn: '2026-11-18', guardians: true }, headers })).status()).toBe(200);

    await page.goto(`/meetings/${id}`);
    await settled(page);
    const sharing = page.getByRole('region', { name: t('meetings.share'), exact: true });
    await sharing.getByRole('button', { name: t('meetings.shareExternal', { name: 'Kari Nordmann (BUP)' }) }).click();
    await sharing.getByText('Samtykket for møtet dekker ikke deling med Kari Nordmann (BUP).').first().waitFor();
    await check(page, 'meetings-interdisciplinary-refused');
  });

  it('the meeting page in nynorsk', async () => {
    await putJson(page, '/api/me/locale', { locale: 'nn' });
    await page.evaluate(() => localStorage.setItem('elevlos.locale', 'nn'));
    await page.goto(meetingUrl);
    await settled(page);
    await page.getByRole('region', { name: tn('meetings.minutes'), exact: true }).waitFor();
    await check(page, 'meetings-nn');
    await putJson(page, '/api/me/locale', { locale: 'nb' });
  });
});
