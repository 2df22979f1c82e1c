/** R-55 measures (tiltak): who sees them, dates that make sense, the owner's overdue evaluations, and the link to the class-team meeting. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outsiderTeacher, testApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let kt: Client, fag: Client, avd: Client, rektor: Client, radgiver: Client, elev: Client, foresatt: Client, outsider: Client;
let studentId: string;
let url: string;
let fagStaffMemberId: string;
let ktStaffMemberId: string;

const staffMemberOf = async (username: string) => (await t.database.query<{ id: string }>(
  `select sm.id from account a join staff_member sm on sm.owner_id = a.owner_id and sm.person_id = a.person_id
   join student s on s.owner_id = sm.owner_id and s.school_id = sm.school_id and s.id = $2 where a.username = $1`, [username, studentId]))[0]!.id;

const MEASURE = { goal: 'Jevnere oppmøte i matematikk.', actions: 'Faglærer sjekker inn med eleven hver mandag.', startsOn: '2026-09-07', evaluateOn: '2026-11-16' };

beforeAll(async () => {
  t = await testApp();
  studentId = t.demo.hardCases.elevStudentId;
  url = `/api/students/${studentId}/measures`;
  const logins: Client[] = [];
  for (const u of ['kontaktlarer', 'faglarer', 'avdelingsleder', 'rektor', 'radgiver', 'elev', 'foresatt']) logins.push(await t.login(u));
  [kt, fag, avd, rektor, radgiver, elev, foresatt] = logins as [Client, Client, Client, Client, Client, Client, Client];
  // a subject teacher at the school who teaches none of the student's groups
  outsider = await outsiderTeacher(t, studentId);
  fagStaffMemberId = await staffMemberOf('faglarer');
  ktStaffMemberId = await staffMemberOf('kontaktlarer');
}, 120_000);
afterAll(async () => t?.close());

describe('R-55: a measure about a student', () => {
  it('the contact teacher adds a measure owned by a subject teacher; the followers and the owner see it on the student\'s page', async () => {
    const res = await kt.request('POST', url, { ...MEASURE, ownerStaffMemberId: fagStaffMemberId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ...MEASURE, status: 'active', evaluation: '', owner: { staffMemberId: fagStaffMemberId }, source: null, canEdit: true });
    for (const c of [kt, avd, radgiver, rektor, fag]) {
      const list = await c.get(url);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().measures.map((m: { id: string }) => m.id)).toContain(res.json().id);
    }
  });

  it('a subject teacher of the student who owns none of the measures sees none of them, and cannot add one', async () => {
    await kt.request('POST', url, { ...MEASURE, goal: 'Trives i friminuttene.', ownerStaffMemberId: ktStaffMemberId });
    const tm = await t.login('faglarer');
    const list = (await tm.get(url)).json();
    expect(list.measures.every((m: { owner: { staffMemberId: string } }) => m.owner.staffMemberId === fagStaffMemberId)).toBe(true);
    expect(list.canAdd).toBe(false);
    expect((await fag.request('POST', url, MEASURE)).statusCode).toBe(403);
  });

  it('a subject teacher outside the student\'s groups is told nothing (404) — neither the list nor a measure', async () => {
    const id = (await kt.get(url)).json().measures[0].id;
    expect((await outsider.get(url)).statusCode).toBe(404);
    expect((await outsider.request('POST', `${url}/${id}/evaluation`, { evaluation: 'x', outcome: 'ended' })).statusCode).toBe(404);
    expect((await outsider.request('POST', url, MEASURE)).statusCode).toBe(404);
  });

  it('a guardian and the student themself are refused the measures, which are the school\'s working record', async () => {
    for (const c of [foresatt, elev]) {
      const res = await c.get(url);
      expect([403, 404]).toContain(res.statusCode);
      expect(res.body).not.toContain(MEASURE.goal);
    }
  });

  it('an evaluation date before the start is refused with 400 naming evaluateOn in nb, nn and en, and nothing is saved', async () => {
    const before = (await kt.get(url)).json().measures.length;
    const bad = { ...MEASURE, startsOn: '2026-11-20', evaluateOn: '2026-11-10' };
    const nb = await kt.request('POST', url, bad);
    expect(nb.statusCode).toBe(400);
    expect(nb.json().errors).toEqual([{ field: 'evaluateOn', message: 'Evalueringsdatoen kan ikke være før startdatoen.' }]);
    expect((await kt.request('POST', url, bad, { 'accept-language': 'nn' })).json().errors[0].message).toBe('Evalueringsdatoen kan ikkje vere før startdatoen.');
    expect((await kt.request('POST', url, bad, { 'accept-language': 'en' })).json().errors[0].message).toBe('The evaluation date cannot be before the start date.');
    const notADate = await kt.request('POST', url, { ...MEASURE, startsOn: '2026-13-40', goal: '  ' });
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['goal', 'startsOn']);
    expect((await kt.get(url)).json().measures.length).toBe(before);
  });

  it('moving the start after the evaluation date in a correction is refused too, and the measure is unchanged', async () => {
    const m = (await kt.get(url)).json().measures[0];
    const res = await kt.request('PATCH', `${url}/${m.id}`, { startsOn: '2026-12-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('startsOn');
    expect((await kt.get(url)).json().measures.find((x: { id: string }) => x.id === m.id).startsOn).toBe(m.startsOn);
  });
});

describe('R-55: the owner evaluates an overdue measure', () => {
  it('the owner finds the overdue evaluation on their home list, evaluates "how did it work?", and it leaves the list', async () => {
    const created = (await kt.request('POST', url, { ...MEASURE, goal: 'Leverer innleveringer i tide.', ownerStaffMemberId: fagStaffMemberId })).json();
    expect(created.overdue).toBe(true);
    const home = (await fag.get('/api/me/measures/overdue')).json().measures;
    expect(home.find((m: { id: string }) => m.id === created.id)).toMatchObject({ studentId, goal: 'Leverer innleveringer i tide.', evaluateOn: '2026-11-16' });
    expect((await kt.get('/api/me/measures/overdue')).json().measures.some((m: { id: string }) => m.id === created.id)).toBe(false);

    const noDate = await fag.request('POST', `${url}/${created.id}/evaluation`, { evaluation: 'Bedre.', outcome: 'continued' }, { 'accept-language': 'en' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().errors).toEqual([{ field: 'nextEvaluateOn', message: 'A measure that continues needs a new evaluation date.' }]);

    const done = await fag.request('POST', `${url}/${created.id}/evaluation`,
      { evaluation: 'Fire av fem innleveringer kom i tide.', nextStep: 'Fortsetter til jul.', outcome: 'continued', nextEvaluateOn: '2026-12-18' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'continued', evaluation: 'Fire av fem innleveringer kom i tide.', nextStep: 'Fortsetter til jul.', evaluatedOn: '2026-11-25', evaluateOn: '2026-12-18', overdue: false });
    expect((await fag.get('/api/me/measures/overdue')).json().measures.some((m: { id: string }) => m.id === created.id)).toBe(false);
  });

  it('every read of the measures is in the student\'s access log with the reader\'s relationship', async () => {
    const log = await elev.get(`/api/students/${studentId}/access-log`);
    expect(log.statusCode, log.body).toBe(200);
    const actions = log.json().entries.map((e: { action: string }) => e.action);
    expect(actions).toContain('measures.list');
    expect(actions).toContain('measure.read');
  });
});

describe('R-55 with R-32: a measure proposed at the class-team meeting', () => {
  it('the follow-up list\'s proposed measure is offered on the student\'s page; the measure made from it links back, and the offer goes away', async () => {
    const meeting = `/api/basis-groups/${t.demo.hardCases.basisGroup2STAId}/class-team-meeting`;
    expect((await kt.request('PUT', meeting, { week: 40, heldOn: '2026-10-01', learningEnvironment: 'Godt miljø.' })).statusCode).toBe(200);
    const marked = await kt.request('PUT', `${meeting}/students/${studentId}`,
      { academic: true, social: false, mental: false, physical: false, followUpByStaffMemberId: ktStaffMemberId, proposedMeasures: 'Ukentlig samtale med kontaktlærer.' });
    expect(marked.statusCode, marked.body).toBe(200);

    const proposal = (await kt.get(url)).json().proposals.find((p: { proposedMeasures: string }) => p.proposedMeasures === 'Ukentlig samtale med kontaktlærer.');
    expect(proposal).toMatchObject({ basisGroupId: t.demo.hardCases.basisGroup2STAId, week: 40, followUpByStaffMemberId: ktStaffMemberId });
    expect((await fag.get(url)).json().proposals).toEqual([]);

    const res = await kt.request('POST', url, { goal: 'Eleven har en voksen å snakke med.', actions: proposal.proposedMeasures, startsOn: '2026-10-05', evaluateOn: '2026-12-07', classTeamMeetingId: proposal.classTeamMeetingId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().source).toMatchObject({ classTeamMeetingId: proposal.classTeamMeetingId, basisGroupId: t.demo.hardCases.basisGroup2STAId, week: 40 });
    expect((await kt.get(url)).json().proposals.some((p: { classTeamMeetingId: string }) => p.classTeamMeetingId === proposal.classTeamMeetingId)).toBe(false);
  });

  it('a meeting that does not have the student on its follow-up list is refused, naming classTeamMeetingId', async () => {
    const res = await kt.request('POST', url, { ...MEASURE, classTeamMeetingId: '7e0f4c1a-1111-4222-8333-944455556666' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('classTeamMeetingId');
  });
});
