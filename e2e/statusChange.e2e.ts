/**
 * Status change (R-52) in the browser: the contact teacher starts a leaving case for `elev`, records the
 * meeting with the student, the guardians and the counsellor, and a document; a subject teacher of the
 * student is refused it; the principal finds it on the home page and decides with reasons — the enrolment
 * ends and the student shows as left; the guardian reads the decision letter with the appeal deadline on a
 * phone (390x844), and in nynorsk. The decision ends `elev`'s enrolment, which the suite's other files rely
 * on, so this file has an app server of its own. axe and a screenshot on every page.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './appServer';
import { demo } from './demo';
import { APP_TODAY, LOCALE_KEY, PHONE, check, expectNoPageErrors, getJson, login, newContext, settled, texts, useBrowser } from './support';

const browser = useBrowser();
const t = texts('nb');
const nn = texts('nn');
const studentPage = `/students/${demo.elev.id}`;
const BACKGROUND = 'Eleven har fått læreplass og ønsker å slutte på skolen før jul.';
const REASONS = 'Eleven har læreplass fra desember og har selv, med foresattes støtte, bedt om å slutte.';

describe('R-52: a student leaves — prepared, decided by the principal, read by the guardian (nb, one page nn)', () => {
  let app: AppServer;
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    app = await startAppServer(APP_TODAY);
    ctx = await newContext(browser(), 'nb', false, app.base);
    // this file's own server runs beside the suite's on the same cores: its pages get more time than the default
    ctx.setDefaultTimeout(45_000);
    ctx.setDefaultNavigationTimeout(45_000);
    page = await ctx.newPage();
    await page.goto('/login');
    await page.locator('input[name="username"]').waitFor({ timeout: 120_000 });
  }, 300_000);
  afterAll(async () => {
    expectNoPageErrors(ctx);
    await ctx.close();
    await app?.stop();
  });

  it('the contact teacher starts a leaving case and records the meeting and a document; the checklist follows', async () => {
    await login(page, 'kontaktlarer');
    await page.goto(studentPage);
    await settled(page);
    const section = page.getByRole('region', { name: t('statusChange.title') });
    await section.getByRole('button', { name: t('statusChange.start') }).click();
    const start = section.getByRole('form', { name: t('statusChange.start') });
    await start.getByRole('button', { name: t('statusChange.startSave') }).click();
    await start.getByText(t('statusChange.required')).first().waitFor();
    await check(page, 'status-change-start-refused');
    await start.getByLabel(t('statusChange.kind.leaving'), { exact: true }).check();
    await start.getByLabel(t('statusChange.background'), { exact: true }).fill(BACKGROUND);
    await start.getByLabel(t('statusChange.proposedOn'), { exact: true }).fill('2026-12-01');
    await start.getByRole('button', { name: t('statusChange.startSave') }).click();
    await page.getByRole('status').filter({ hasText: t('statusChange.started') }).waitFor();

    const item = section.getByRole('list', { name: t('statusChange.list') }).getByRole('listitem').filter({ hasText: BACKGROUND });
    await item.getByRole('button', { name: t('statusChange.addMeeting') }).click();
    const meeting = item.getByRole('form', { name: t('statusChange.addMeeting') });
    await meeting.getByLabel(t('statusChange.heldOn'), { exact: true }).fill('2026-11-20');
    for (const p of ['student', 'guardians', 'counsellor'] as const) await meeting.getByLabel(t(`statusChange.participant.${p}`), { exact: true }).check();
    await meeting.getByLabel(t('statusChange.note'), { exact: true }).fill('Eleven fortalte om læreplassen; foresatte støtter valget.');
    await meeting.getByRole('button', { name: t('statusChange.meetingSave') }).click();
    await page.getByRole('status').filter({ hasText: t('statusChange.meetingSaved') }).waitFor();

    await item.getByRole('button', { name: t('statusChange.addDocument') }).click();
    const document = item.getByRole('form', { name: t('statusChange.addDocument') });
    await document.getByLabel(t('statusChange.docTitle'), { exact: true }).fill('Lærekontrakt');
    await document.getByLabel(t('statusChange.receivedOn'), { exact: true }).fill('2026-11-23');
    await document.getByLabel(t('statusChange.receivedFrom'), { exact: true }).fill('Opplæringskontoret');
    await document.getByRole('button', { name: t('statusChange.documentSave') }).click();
    await page.getByRole('status').filter({ hasText: t('statusChange.documentSaved') }).waitFor();
    const checklist = item.getByRole('list', { name: t('statusChange.checklist') });
    for (const k of ['meetingWithStudent', 'meetingWithGuardians', 'meetingWithCounsellor', 'documents'] as const) {
      await checklist.getByText(`${t(`statusChange.check.${k}`)}: ${t('statusChange.checkState.done')}`).waitFor();
    }
    await check(page, 'status-change-prepared');
  });

  it('a subject teacher of the student sees no status change on the student\'s page, and the server refuses it', async () => {
    await ctx.clearCookies();
    await login(page, 'faglarer');
    await page.goto(studentPage);
    await settled(page);
    await page.getByRole('heading', { level: 1, name: demo.elev.name }).waitFor();
    expect(await page.getByRole('region', { name: t('statusChange.title') }).count()).toBe(0);
    expect(await page.getByText(BACKGROUND).count()).toBe(0);
    await getJson(page, `/api/students/${demo.elev.id}/status-changes`, 403);
    await check(page, 'status-change-subject-teacher');
  });

  it('the principal finds it on the home page, decides with reasons; the enrolment ends and the student shows as left', async () => {
    await ctx.clearCookies();
    await login(page, 'rektor');
    const home = page.getByRole('region', { name: t('statusChange.homeTitle') });
    const link = home.getByRole('link', { name: new RegExp(`^${demo.elev.name}: ${t('statusChange.kind.leaving')}`) });
    await link.waitFor();
    await check(page, 'status-change-home-pending');
    await link.click();
    await settled(page);
    const section = page.getByRole('region', { name: t('statusChange.title') });
    const item = section.getByRole('listitem').filter({ hasText: BACKGROUND });
    await item.getByRole('button', { name: t('statusChange.decide') }).click();
    const form = item.getByRole('form', { name: t('statusChange.decisionTitle') });
    await form.getByLabel(t('statusChange.grant'), { exact: true }).check();
    await form.getByRole('button', { name: t('statusChange.decisionSave') }).click();
    await form.getByText(t('statusChange.required')).first().waitFor();
    await form.getByLabel(t('statusChange.reasons'), { exact: true }).fill(REASONS);
    await form.getByLabel(t('statusChange.effectiveOn'), { exact: true }).fill(APP_TODAY);
    await check(page, 'status-change-decision-form');
    await form.getByRole('button', { name: t('statusChange.decisionSave') }).click();
    await page.getByRole('status').filter({ hasText: t('statusChange.decided') }).waitFor();
    await item.getByText(REASONS).waitFor();
    await page.getByText(t('students.statusLeft'), { exact: true }).waitFor();
    const groups = await getJson<{ student: { basisGroups?: unknown[] } }>(page, `/api/students/${demo.elev.id}`);
    expect(groups.student.basisGroups ?? []).toEqual([]);
    await check(page, 'status-change-decided');
    await page.goto('/');
    await settled(page);
    await page.getByRole('region', { name: t('statusChange.homeTitle') }).getByText(t('statusChange.homeEmpty')).waitFor();
  });

  it('the guardian reads the decision letter on a phone: reasons, the date it takes effect, the appeal right and deadline — never the preparation', async () => {
    await ctx.clearCookies();
    await page.setViewportSize(PHONE);
    await login(page, 'foresatt');
    await page.goto(`/children/${demo.elev.id}`);
    await settled(page);
    const letter = page.getByRole('region', { name: t('statusChange.letterTitle') });
    await letter.getByText(REASONS).waitFor();
    // three weeks from the notice on 25 November (forvaltningsloven § 29)
    await letter.getByText(/^Du kan klage på vedtaket innen 16\.\s?des\.?\s?2026/).waitFor();
    expect(await page.getByText(BACKGROUND).count()).toBe(0);
    expect(await page.getByText('Lærekontrakt').count()).toBe(0);
    await check(page, 'status-change-letter-phone');

    await page.evaluate(([key]) => localStorage.setItem(key!, 'nn'), [LOCALE_KEY]);
    await page.reload();
    await settled(page);
    await page.getByRole('region', { name: nn('statusChange.letterTitle') }).getByText(/^Du kan klage på vedtaket innan 16\.\s?des\.?\s?2026/).waitFor();
    await check(page, 'status-change-letter-phone-nn');
  });
});
