/**
 * Class life: the contact teacher's class hour with live data and notes; the
 * start-of-year checklist, class rules and a duty rota that is fair over the term (counted); an election
 * where a student votes on a phone and cannot vote twice. axe runs on every page visited.
 */
import { request, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildDemo } from '../server/seed/demo.js';
import { PASSWORD, baseUrl, check, journey, login, menu, settled, texts, useBrowser } from './support';

const { info } = buildDemo('not-a-real-hash');
const h = info.hardCases;
const browser = useBrowser();
const base = `/api/basis-groups/${h.basisGroup2STAId}`;

/** A logged-in API client with its CSRF token, for setting the stage. */
async function as(username: string) {
  const api = await request.newContext({ baseURL: baseUrl(), extraHTTPHeaders: { 'accept-language': 'nb' } });
  const res = await api.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(res.status(), `login ${username}`).toBe(200);
  const csrf = (await res.json()).csrfToken as string;
  return {
    get: (path: string) => api.get(path),
    send: (method: 'post' | 'put', path: string, data?: unknown) => api[method](path, { data, headers: { 'x-csrf-token': csrf } }),
  };
}

describe('the contact teacher\'s class life (nb)', () => {
  const t = texts('nb');
  let page: Page;
  journey(browser, 'nb', {}, (p) => { page = p; });

  it('the class hour shows this week\'s agenda with the absence check and the topic, and saves notes shared with the class', async () => {
    await login(page, 'kontaktlarer');
    await page.goto(`/classes/${h.basisGroup2STAId}/class-hour`);
    await page.getByRole('heading', { level: 1, name: t('classLife.hour.title', { group: '2STA' }) }).waitFor();
    await settled(page);
    await page.getByText(t('classLife.standing.checkAbsence')).first().waitFor();
    await page.getByRole('link', { name: t('classLife.hour.absenceLink') }).waitFor();
    await check(page, 'classlife-hour');
    await page.getByRole('textbox', { name: t('classLife.hour.notes'), exact: true }).fill('Snakket om arbeidsmengden før jul. Tillitselevene tar opp prøveplanen i elevrådet.');
    await page.getByLabel(t('classLife.hour.share')).check();
    await page.getByRole('button', { name: t('classLife.hour.saveNotes') }).click();
    await page.getByRole('status').filter({ hasText: t('classLife.saved') }).waitFor();
    await page.getByText('Tillitselevene tar opp prøveplanen').first().waitFor();
    await check(page, 'classlife-hour-saved');
  });

  it('the start-of-year checklist and the class rules with the students\' proposals', async () => {
    await page.goto(`/classes/${h.basisGroup2STAId}/start-of-year`);
    await settled(page);
    await page.getByRole('rowheader', { name: t('classLife.start.items.complaintsAboutTeaching') }).waitFor();
    await check(page, 'classlife-start');
    await page.getByRole('button', { name: `${t('classLife.start.check')}: ${t('classLife.start.items.complaintsAboutTeaching')}` }).click();
    await page.getByRole('button', { name: `${t('classLife.start.undo')}: ${t('classLife.start.items.complaintsAboutTeaching')}` }).waitFor();
    await page.goto(`/classes/${h.basisGroup2STAId}/class-rules`);
    await settled(page);
    await page.getByText(/Mobilen ligger i sekken/).first().waitFor();
    await check(page, 'classlife-rules');
  });

  it('a duty rota for the spring term is fair: everyone on duty the same number of times ±1 (counted), and printable', async () => {
    const kt = await as('kontaktlarer');
    const made = await kt.send('post', `${base}/duty-rota`, { startsOn: '2027-01-04', endsOn: '2027-06-18', perWeek: 2 });
    expect(made.status()).toBe(201);
    const view = await (await kt.get(`${base}/duty-rota`)).json() as { rota: { weeks: unknown[]; counts: { count: number }[] } };
    const counts = view.rota.counts.map((c) => c.count);
    expect(Math.max(...counts) - Math.min(...counts), 'everyone the same number of times, ±1').toBeLessThanOrEqual(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(view.rota.weeks.length * 2);
    await page.goto(`/classes/${h.basisGroup2STAId}/duty-rota`);
    await settled(page);
    await expect(page.getByRole('table').locator('tbody tr').count()).resolves.toBe(view.rota.weeks.length);
    await check(page, 'classlife-rota');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: t('classLife.rota.print') }).isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('the duty rota in nynorsk', () => {
  const t = texts('nn');
  let page: Page;
  journey(browser, 'nn', {}, (p) => { page = p; });

  it('shows the rota and the tidying routines in nynorsk', async () => {
    await login(page, 'kontaktlarer');
    await page.goto(`/classes/${h.basisGroup2STAId}/duty-rota`);
    await page.getByRole('heading', { level: 1, name: t('classLife.rota.title', { group: '2STA' }) }).waitFor();
    await check(page, 'classlife-rota');
  });
});

describe('an election where a student cannot vote twice (nb, phone)', () => {
  const t = texts('nb');
  let page: Page;
  let electionId = '';
  journey(browser, 'nb', { mobile: true }, (p) => { page = p; });

  it('the student finds the election under "My class" and votes once', async () => {
    const kt = await as('kontaktlarer');
    const made = await kt.send('post', `${base}/student-representatives/elections`, { seats: 1, termStartsOn: '2026-12-01', termEndsOn: '2027-06-18' });
    expect(made.status()).toBe(201);
    electionId = (await made.json()).id;
    const mate = await as('elev.myndig');
    expect((await mate.send('put', `${base}/student-representatives/elections/${electionId}/candidacy`, { accept: true })).status()).toBe(204);
    expect((await kt.send('post', `${base}/student-representatives/elections/${electionId}/open`)).status()).toBe(204);

    await login(page, 'elev');
    await menu(page, 'nb', t('classLife.nav.myClass'));
    await check(page, 'classlife-myclass-phone');
    await page.getByRole('link', { name: t('classLife.sections.representatives') }).first().click();
    await settled(page);
    const card = page.getByRole('group', { name: t('classLife.reps.voteFor') });
    await card.getByRole('radio').first().check();
    await check(page, 'classlife-election-phone');
    await page.getByRole('button', { name: t('classLife.reps.vote') }).click();
    await page.getByText(t('classLife.reps.voted')).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, 'no sideways scrolling on a phone').toBeLessThanOrEqual(390);
    await check(page, 'classlife-election-voted-phone');
  });

  it('a second vote is refused (409) and the count still has one ballot from her', async () => {
    const me = await (await page.request.get('/api/me')).json() as { csrfToken: string };
    const again = await page.request.post(`${base}/student-representatives/elections/${electionId}/votes`,
      { data: { candidateStudentId: h.adultWithConsentStudentId }, headers: { 'x-csrf-token': me.csrfToken } });
    expect(again.status()).toBe(409);
    expect((await again.json()).detail).toMatch(/allerede stemt/);
    await page.reload();
    await settled(page);
    await expect(page.getByRole('button', { name: t('classLife.reps.vote') }).count()).resolves.toBe(0);
    const kt = await as('kontaktlarer');
    expect((await kt.send('post', `${base}/student-representatives/elections/${electionId}/close`)).status()).toBe(204);
    const view = await (await kt.get(`${base}/student-representatives`)).json() as { elections: { id: string; turnout: { voted: number }; candidates: { votes: number }[] }[] };
    const e = view.elections.find((x) => x.id === electionId)!;
    expect(e.turnout.voted).toBe(1);
    expect(e.candidates.reduce((n, c) => n + c.votes, 0)).toBe(1);
  });
});
