/**
 * Screening and class-team meetings, in the browser: the principal sets the concern thresholds;
 * the contact teacher of the Vg1 class 1STA imports the screening tool's CSV for most of the class and types
 * the last rows in the grid by keyboard; the students below the threshold are marked; the department head
 * gets a link-only notice and opens the list; at the class-team meeting the team records the learning
 * environment and the follow-up list. axe on every page (desktop 1366×768), and the pages on a phone.
 * Its own server: the demo has no login for 1STA's contact teacher, so one is added before it starts.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../server/core/auth/password.js';
import { openDatabase } from '../server/core/db/client.js';
import { seedDemo } from '../server/seed/demo.js';
import { startAppServer, type AppServer } from './appServer';
import { demoDataset, demoHardCases as h } from './demo';
import { APP_TODAY, PASSWORD, check, expectNoPageErrors, login, newContext, settled, texts, useBrowser } from './support';

const browser = useBrowser();
const t = texts('nb');
let app: AppServer;

/** 1STA's current students by name, as the class list sorts them */
const collator = new Intl.Collator('nb');
const members = demoDataset.enrolment.filter((e) => e.basisGroupId === h.basisGroup1STAId && e.endsOn === null)
  .map((e) => demoDataset.student.find((s) => s.id === e.studentId)!)
  .filter((s) => s.status === 'active')
  .map((s) => demoDataset.person.find((p) => p.id === s.personId)!)
  .sort((a, b) => collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName));
/** every third student is below the Norwegian threshold (20) */
const norwegian = (i: number) => (i % 3 === 0 ? 12 : 31);
const lastTwo = members.slice(-2);

beforeAll(async () => {
  app = await startAppServer(APP_TODAY, {
    prepare: async (dataDir) => {
      const database = await openDatabase({ dataDir });
      const info = await seedDemo(database);
      const [ct] = await database.query<{ person_id: string }>(
        `select sm.person_id from contact_teacher_assignment c join staff_member sm on sm.owner_id = c.owner_id and sm.id = c.staff_member_id
         where c.basis_group_id = $1 order by sm.person_id limit 1`, [h.basisGroup1STAId]);
      await database.query('insert into account (owner_id, id, person_id, username, password_hash) values ($1, gen_random_uuid(), $2, $3, $4)',
        [info.ownerId, ct!.person_id, 'kontaktlarer.1sta', await hashPassword(PASSWORD)]);
      await database.close();
    },
  });
}, 180_000);

afterAll(async () => app?.stop());

describe('R-31, R-32: from the September screening to the follow-up list (nb)', () => {
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ctx = await newContext(browser(), 'nb', false, app.base);
    page = await ctx.newPage();
  });
  afterAll(async () => {
    expectNoPageErrors(ctx);
    await ctx.close();
  });

  it('R-31: the principal sets the concern threshold per test', async () => {
    await login(page, 'rektor');
    await page.goto('/screening/settings');
    await settled(page);
    for (const [test, max, threshold] of [['norwegian', '40', '20'], ['english', '40', '18'], ['maths', '30', '15']] as const) {
      const set = page.getByRole('group', { name: t(`screening.tests.${test}`) });
      await set.getByLabel(t('screening.settings.maxScore')).fill(max);
      await set.getByLabel(t('screening.settings.threshold')).fill(threshold);
    }
    await page.getByRole('button', { name: t('screening.settings.save') }).click();
    await page.getByRole('status').filter({ hasText: t('screening.settings.saved') }).waitFor();
    await check(page, 'screening-settings');
    await page.context().clearCookies();
  });

  it('R-31: the contact teacher imports the screening tool\'s file, is told of a bad line, and saves only the valid lines', async () => {
    await login(page, 'kontaktlarer.1sta');
    await page.goto(`/classes/${h.basisGroup1STAId}/screening`);
    await settled(page);
    await check(page, 'screening-empty');
    const lines = members.slice(0, -2).flatMap((p, i) => [
      `${p.nationalIdentityNumber};norsk;${norwegian(i)}`, `${p.nationalIdentityNumber};engelsk;25`, `${p.nationalIdentityNumber};matematikk;22`]);
    const csv = `fødselsnummer;prøve;poeng\n${lines.join('\n')}\n${members[0]!.nationalIdentityNumber};fransk;10\n`;
    await page.getByLabel(t('screening.import.label')).fill(csv);
    await page.getByRole('button', { name: t('screening.import.submit'), exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: t('screening.import.errors') });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`Linje ${lines.length + 2}, prøve`);
    await check(page, 'screening-import-errors');
    await page.getByRole('button', { name: t('screening.import.onlyValid') }).click();
    await page.getByRole('status').filter({ hasText: t('screening.import.result', { saved: lines.length, skipped: 1 }) }).waitFor();
  });

  it('R-31: a score above the maximum is refused in the row, and leaving the page with it unsaved asks first; staying keeps the typing', async () => {
    const p = members[1]!;
    const cell = page.getByLabel(t('screening.page.scoreFor', { test: t('screening.tests.norwegian'), name: `${p.givenName} ${p.familyName}` }));
    await cell.fill('99');
    await cell.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.getByText(t('screening.page.badScore', { max: 40 })).first().waitFor();
    await page.getByRole('navigation', { name: t('classSections.labelFor', { name: '1STA' }) }).or(page.getByRole('navigation', { name: t('classSections.label') }))
      .first().getByRole('link', { name: t('classSections.overview') }).click();
    const dialog = page.getByRole('dialog', { name: t('common.unsaved.title') });
    await dialog.waitFor();
    await check(page, 'screening-unsaved-dialog');
    await dialog.getByRole('button', { name: t('common.unsaved.stay') }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await cell.inputValue()).toBe('99');
    await cell.fill(String(norwegian(1)));
    await cell.press('Enter');
    await page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`${p.familyName}, ${p.givenName}`) }) })
      .getByRole('cell').filter({ hasText: t('screening.page.saved') }).waitFor();
  });

  it('R-31: types the last two students\' rows in the grid by keyboard; each row says "Lagret" and those below the threshold are marked', async () => {
    for (const p of lastTwo) {
      const name = `${p.givenName} ${p.familyName}`;
      await page.getByLabel(t('screening.page.scoreFor', { test: t('screening.tests.norwegian'), name })).focus();
      await page.keyboard.type('9');
      await page.keyboard.press('Tab');
      await page.keyboard.type('30');
      await page.keyboard.press('Tab');
      await page.keyboard.type('21');
      await page.keyboard.press('Enter');
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`${p.familyName}, ${p.givenName}`) }) });
      await row.getByRole('cell').filter({ hasText: t('screening.page.saved') }).waitFor();
    }
    await page.getByText(t('screening.page.complete')).waitFor();
    await page.reload();
    await settled(page);
    const marked = page.getByRole('row').filter({ has: page.getByText(t('screening.page.concern'), { exact: true }) });
    expect(await marked.count()).toBe(members.filter((_, i) => i < members.length - 2 && norwegian(i) < 20).length + 2);
    await check(page, 'screening-complete');
    await page.context().clearCookies();
  });

  it('R-31: the department head gets a notice with only a link, and the list shows the marked students', async () => {
    await login(page, 'avdelingsleder');
    const notice = page.getByRole('link', { name: t('screening.notice.belowThreshold') });
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    for (const p of members) expect(text).not.toContain(p.familyName);
    await check(page, 'screening-notice-home');
    await notice.click();
    await page.getByRole('heading', { level: 1, name: t('screening.page.title', { group: '1STA' }) }).waitFor();
    await settled(page);
    await page.getByText(t('screening.page.complete')).waitFor();
    await check(page, 'screening-department-head');
    await page.context().clearCookies();
  });

  it('R-32: at the class-team meeting the team sees the marked students, assesses the environment and records the follow-up list', async () => {
    await login(page, 'kontaktlarer.1sta');
    await page.goto(`/classes/${h.basisGroup1STAId}/class-team-meeting`);
    await settled(page);
    await check(page, 'class-team-meeting');
    const target = members[0]!;
    const name = `${target.givenName} ${target.familyName}`;
    await page.getByLabel(t('screening.meeting.heldOn')).fill('2026-10-01');
    await page.getByLabel(t('screening.meeting.environment')).fill('Trygt miljø; litt uro i matematikktimene.');
    await page.getByRole('button', { name: t('screening.meeting.save') }).click();
    await page.getByRole('status').filter({ hasText: t('screening.meeting.saved') }).first().waitFor();

    await page.getByText(t('screening.meeting.edit', { name })).click();
    const form = page.getByRole('form', { name: t('screening.meeting.edit', { name }) });
    await form.getByLabel(t('screening.meeting.academic')).check();
    await form.getByLabel(t('screening.meeting.social')).check();
    await form.getByLabel(t('screening.meeting.followUpBy')).selectOption({ index: 1 });
    await form.getByLabel(t('screening.meeting.measures')).fill('Ekstra lesetrening to ganger i uka; samtale med rådgiver.');
    await form.getByRole('button', { name: t('screening.meeting.saveConcern') }).click();
    const list = page.getByRole('region', { name: t('screening.meeting.followUpHeading') }).first();
    await list.getByRole('rowheader', { name: `${target.familyName}, ${target.givenName}` }).waitFor();
    expect(await list.textContent()).toContain('Ekstra lesetrening');
    await check(page, 'class-team-meeting-follow-up');
  });
});

describe('R-31, R-32: the pages on a phone, in nynorsk (nn)', () => {
  const tn = texts('nn');
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ctx = await newContext(browser(), 'nn', true, app.base);
    page = await ctx.newPage();
  });
  afterAll(async () => {
    expectNoPageErrors(ctx);
    await ctx.close();
  });

  it('shows the screening list, the meeting and the settings on a 390 px screen, with no page wider than the screen', async () => {
    await login(page, 'kontaktlarer.1sta');
    for (const [path, name, heading] of [
      [`/classes/${h.basisGroup1STAId}/screening`, 'screening-phone', tn('screening.page.title', { group: '1STA' })],
      [`/classes/${h.basisGroup1STAId}/class-team-meeting`, 'class-team-meeting-phone', tn('screening.meeting.title', { group: '1STA' })],
      ['/screening/settings', 'screening-settings-phone', tn('screening.settings.title')],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name}: no sideways scrolling`).toBeLessThanOrEqual(390);
      await check(page, name);
    }
  });
});
