/**
 * The leaders' side of the assessment plan (R-42) on PGlite and PostgreSQL: the school's rules refused
 * field by field with what was saved left as it was, the list of events for a level or the whole
 * school, changing one (checked again; refused as a whole), and the days in the server's conflict and date
 * messages written the Norwegian way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let rektor: Client;
let avd: Client;
let fag: Client;
const h = () => t.demo.hardCases;
const rulesOf = async (c: Client) => (await c.get('/api/assessment-plan/rules')).json().rules as { rule: string; enabled: boolean; maximum: number | null; warningOnly: boolean }[];
const week = (max: number | null) => ({ rule: 'maxTestsPerWeek', enabled: true, maximum: max, warningOnly: false });

beforeAll(async () => {
  t = await testApp();
  [rektor, avd, fag] = await Promise.all([t.login('rektor'), t.login('avdelingsleder'), t.login('faglarer')]);
});
afterAll(async () => t?.close());

describe('R-42 the school\'s rules', () => {
  it('a maximum outside 1–20, a fraction or none is refused naming that rule\'s field, in the user\'s language; the saved rules stay as they were', async () => {
    const before = await rulesOf(rektor);
    for (const bad of [0, 21, 2.5, null]) {
      const res = await rektor.request('PUT', '/api/assessment-plan/rules', { rules: [{ rule: 'maxTestsPerDay', enabled: true, maximum: 1, warningOnly: false }, week(bad)] });
      expect(res.statusCode, String(bad)).toBe(400);
      expect(res.json().errors).toEqual([{ field: 'rules.1.maximum', message: 'Skriv det høyeste antallet prøver regelen tillater (et helt tall fra 1 til 20).' }]);
    }
    const en = await rektor.request('PUT', '/api/assessment-plan/rules', { rules: [week(0)] }, { 'accept-language': 'en' });
    expect(en.json().errors[0].message).toBe('Enter the highest number of tests the rule allows (a whole number from 1 to 20).');
    expect(await rulesOf(rektor)).toEqual(before);
  });

  it('the principal sets two tests a week; every staff member reads the rule as words, and a teacher\'s check then holds to it', async () => {
    const set = await rektor.request('PUT', '/api/assessment-plan/rules', { rules: [week(2)] });
    expect(set.statusCode, set.body).toBe(200);
    const read = (await fag.get('/api/assessment-plan/rules')).json();
    expect(read.canManage).toBe(false);
    expect(read.rules.find((r: { rule: string }) => r.rule === 'maxTestsPerWeek')).toMatchObject({ maximum: 2, description: 'høyst 2 prøver per uke' });
    // 2STA-MAT has "Prøve i derivasjon" on Tuesday 1 December and 2STA-NOR "Prøve i sidemål" on Thursday 3 December (seed)
    const res = (await fag.request('POST', `/api/teaching-groups/${h().teachingGroup2STAMATId}/assessment-plan/check`, { kind: 'test', startsOn: '2026-12-02' })).json();
    expect(res.conflicts.map((c: { rule: string }) => c.rule)).toContain('maxTestsPerWeek');
    expect(res.conflicts.find((c: { rule: string }) => c.rule === 'maxTestsPerWeek').message).toContain('høyst 2 prøver per uke» i uke 49');
    await rektor.request('PUT', '/api/assessment-plan/rules', { rules: [week(3)] });
  });
});

describe('R-42 events for a level or the whole school', () => {
  it('the leaders list the school\'s events with the levels to choose from; a new Vg2 event is listed, reaches a Vg2 student\'s plan, and is gone when removed', async () => {
    const list = (await avd.get('/api/assessment-plan/school-events')).json();
    expect(list.levels).toEqual(expect.arrayContaining(['vg2']));
    expect(list.entries.map((e: { title: string; scope: string }) => [e.title, e.scope])).toContainEqual(['Juleavslutning i aulaen', 'school']);
    expect(list.entries.every((e: { teachingGroupId: string | null; basisGroupId: string | null }) => !e.teachingGroupId && !e.basisGroupId)).toBe(true);

    const saved = await avd.request('POST', '/api/assessment-plan/school-events', { kind: 'culturalEvent', title: 'Kulturdag for Vg2', startsOn: '2026-12-16', level: 'vg2' });
    expect(saved.statusCode, saved.body).toBe(201);
    const id = saved.json().entry.id as string;
    expect(saved.json().entry).toMatchObject({ scope: 'level', level: 'vg2', editable: true });
    expect((await rektor.get('/api/assessment-plan/school-events')).json().entries.map((e: { id: string }) => e.id)).toContain(id);
    const elev = await t.login('elev');
    const plan = async () => (await elev.get(`/api/students/${h().elevStudentId}/assessment-plan`)).json().entries.map((e: { id: string }) => e.id);
    expect(await plan()).toContain(id);

    // a subject teacher neither lists nor removes them
    expect((await fag.get('/api/assessment-plan/school-events')).statusCode).toBe(403);
    expect((await fag.request('DELETE', `/api/assessment-plan/school-events/${id}`)).statusCode).toBe(403);
    expect((await rektor.request('DELETE', `/api/assessment-plan/school-events/${id}`)).statusCode).toBe(204);
    expect(await plan()).not.toContain(id);
  });
});

describe('R-42 changing an event for a level or the whole school', () => {
  type Ev = { id: string; title: string; startsOn: string; endsOn: string | null; level: string | null; kind: string; description: string };
  const eventOf = async (id: string) => ((await rektor.get('/api/assessment-plan/school-events')).json().entries as Ev[]).find((e) => e.id === id);
  const url = (id: string) => `/api/assessment-plan/school-events/${id}`;
  let id: string;

  beforeAll(async () => {
    const saved = await avd.request('POST', '/api/assessment-plan/school-events', { kind: 'culturalEvent', title: 'Teaterbesøk', description: 'Vg2 i aulaen', startsOn: '2026-12-15', level: 'vg2' });
    expect(saved.statusCode, saved.body).toBe(201);
    id = saved.json().entry.id as string;
  });

  it("the principal moves a department head's Vg2 event to another day and the whole school; a Vg2 student's plan shows it on the new day", async () => {
    const res = await rektor.request('PUT', url(id), { kind: 'culturalEvent', title: 'Teaterbesøk for alle', description: 'I aulaen', startsOn: '2026-12-17', level: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().entry).toMatchObject({ id, title: 'Teaterbesøk for alle', startsOn: '2026-12-17', scope: 'school', level: null, editable: true });
    const elev = await t.login('elev');
    const plan = (await elev.get(`/api/students/${h().elevStudentId}/assessment-plan`)).json().entries as Ev[];
    expect(plan.find((e) => e.id === id)).toMatchObject({ title: 'Teaterbesøk for alle', startsOn: '2026-12-17' });
  });

  it("a holiday, an end before the start, an unknown level or a hard rule's breach is refused naming the field and why, in the user's language; the saved event stays as it was", async () => {
    const before = await eventOf(id);
    const body = { kind: 'culturalEvent', title: 'Flyttet', startsOn: '2026-12-17', level: null };

    const holiday = await rektor.request('PUT', url(id), { ...body, startsOn: '2026-12-21' });
    expect(holiday.statusCode).toBe(400);
    expect(holiday.json().errors).toEqual([{ field: 'startsOn', message: expect.stringMatching(/^21\. desember 2026 er en fridag \(Juleferie/) }]);
    const english = await rektor.request('PUT', url(id), { ...body, startsOn: '2026-12-21' }, { 'accept-language': 'en' });
    expect(english.json().errors[0].message).toMatch(/^21 December 2026 is a day off/);
    const nynorsk = await rektor.request('PUT', url(id), { ...body, endsOn: '2026-12-16' }, { 'accept-language': 'nn' });
    expect(nynorsk.json().errors).toEqual([{ field: 'endsOn', message: 'Sluttdatoen kan ikkje vere før startdatoen (17. desember 2026).' }]);
    const level = await rektor.request('PUT', url(id), { ...body, level: 'vg9' });
    expect(level.statusCode).toBe(400);
    expect(level.json().errors.map((e: { field: string }) => e.field)).toEqual(['level']);
    // a full-day test for Vg2 on the day of 2STA's Norwegian test breaks "at most 1 test a day" (a hard rule)
    const conflict = await rektor.request('PUT', url(id), { ...body, kind: 'fullDayTest', startsOn: '2026-12-03', level: 'vg2' });
    expect(conflict.statusCode).toBe(400);
    expect(conflict.json().errors[0]).toMatchObject({ field: 'startsOn', message: expect.stringContaining('høyst 1 prøve per dag» torsdag 3. desember') });

    expect(await eventOf(id)).toEqual(before);
  });

  it('a subject teacher may not change it (403); an unknown id, or a teaching group\'s entry, is not found (404) and nothing changes', async () => {
    const body = { kind: 'culturalEvent', title: 'Ikke lov', startsOn: '2026-12-17', level: null };
    const before = await eventOf(id);
    expect((await fag.request('PUT', url(id), body)).statusCode).toBe(403);
    expect(await eventOf(id)).toEqual(before);

    const unknown = await rektor.request('PUT', url('7e0f4c1a-1111-4222-8333-944455556666'), body);
    expect(unknown.statusCode).toBe(404);
    const test = await fag.request('POST', `/api/teaching-groups/${h().teachingGroup2STAMATId}/assessment-plan`, { kind: 'test', title: 'Gruppens prøve', startsOn: '2027-02-02' });
    expect(test.statusCode, test.body).toBe(201);
    const groupEntry = await rektor.request('PUT', url(test.json().entry.id), body);
    expect(groupEntry.statusCode).toBe(404);
    const kept = (await fag.get(`/api/teaching-groups/${h().teachingGroup2STAMATId}/assessment-plan`)).json().entries.find((e: { id: string }) => e.id === test.json().entry.id);
    expect(kept).toMatchObject({ title: 'Gruppens prøve', startsOn: '2027-02-02' });
  });

  it('the live check leaves out the event being changed, so it does not conflict with itself', async () => {
    await rektor.request('PUT', url(id), { kind: 'fullDayTest', title: 'Heldagsprøve Vg2', startsOn: '2027-02-03', level: 'vg2' });
    const self = (await rektor.request('POST', '/api/assessment-plan/school-events/check', { kind: 'fullDayTest', startsOn: '2027-02-03', level: 'vg2', entryId: id })).json();
    expect(self).toMatchObject({ conflicts: [], blocked: false });
    const another = (await rektor.request('POST', '/api/assessment-plan/school-events/check', { kind: 'fullDayTest', startsOn: '2027-02-03', level: 'vg2' })).json();
    expect(another.blocked).toBe(true);
    expect((await rektor.request('PUT', url(id), { kind: 'fullDayTest', title: 'Heldagsprøve Vg2, ny tittel', startsOn: '2027-02-03', level: 'vg2' })).statusCode).toBe(200);
    expect((await rektor.request('DELETE', url(id))).statusCode).toBe(204);
  });
});

describe('R-42 days in the server\'s messages are written the Norwegian way', () => {
  it('a conflict names the day as "mandag 25. januar" in bokmål, "måndag 25. januar" in nynorsk and "Monday 25 January" in English, never as an ISO date', async () => {
    const trip = await avd.request('POST', `/api/basis-groups/${h().basisGroup2STAId}/assessment-plan`, { kind: 'excursion', title: 'Skitur', startsOn: '2027-01-22' });
    expect(trip.statusCode, trip.body).toBe(201);
    const url = `/api/teaching-groups/${h().teachingGroup2STAMATId}/assessment-plan/check`;
    const messages = await Promise.all((['nb', 'nn', 'en'] as const).map(async (lang) =>
      (await fag.request('POST', url, { kind: 'test', startsOn: '2027-01-25' }, { 'accept-language': lang })).json().conflicts[0].message as string));
    expect(messages[0]).toContain('» mandag 25. januar for ');
    expect(messages[1]).toContain('» måndag 25. januar for ');
    expect(messages[2]).toContain('" on Monday 25 January for ');
    for (const m of messages) expect(m).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // the refusal on save says the same
    const refused = await fag.request('POST', `/api/teaching-groups/${h().teachingGroup2STAMATId}/assessment-plan`, { kind: 'test', title: 'Prøve etter skituren', startsOn: '2027-01-25' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].message).toContain('mandag 25. januar');
  });

  it('a date problem names the day with its year: "21. desember 2026 er en fridag (Juleferie)", "16 January 2027 is a Saturday or Sunday"', async () => {
    const url = `/api/teaching-groups/${h().teachingGroup2STAMATId}/assessment-plan/check`;
    const xmas = (await fag.request('POST', url, { kind: 'test', startsOn: '2026-12-21' })).json();
    expect(xmas.dateErrors[0].message).toMatch(/^21\. desember 2026 er en fridag \(Juleferie/);
    const saturday = (await fag.request('POST', url, { kind: 'test', startsOn: '2027-01-16' }, { 'accept-language': 'en' })).json();
    expect(saturday.dateErrors[0].message).toBe('16 January 2027 is a Saturday or Sunday.');
    const summer = await fag.request('POST', `/api/teaching-groups/${h().teachingGroup2STAMATId}/assessment-plan`, { kind: 'test', title: 'Sommerprøve', startsOn: '2027-07-12' }, { 'accept-language': 'nn' });
    expect(summer.json().errors[0].message).toBe('12. juli 2027 er utanfor skuleåret (19. august 2026–18. juni 2027).');
  });
});
