/**
 * R-53 meetings of the four kinds: who sees them (R-60), minutes saved as they are typed, actions that
 * carry over until done, minutes shared with the family on purpose (R-62) and only within the consent
 * given for an interdisciplinary meeting, the resource team's fixed members, and the guardians' choice
 * of who takes part in a responsibility group.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outsiderTeacher, testApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let kt: Client, fag: Client, avd: Client, rektor: Client, radgiver: Client, elev: Client, foresatt: Client, utenInnsyn: Client, outsider: Client;
let studentId: string;
let guardianPersonId: string;
let counsellorStaff: string;
let subjectTeacherStaff: string;

const personOf = async (username: string) => (await t.database.query<{ person_id: string }>('select person_id from account where username = $1', [username]))[0]!.person_id;
const staffMemberOf = async (username: string) => (await t.database.query<{ id: string }>(
  `select sm.id from account a join staff_member sm on sm.owner_id = a.owner_id and sm.person_id = a.person_id
   join student s on s.owner_id = sm.owner_id and s.school_id = sm.school_id and s.id = $2 where a.username = $1`, [username, studentId]))[0]!.id;

interface Meeting {
  id: string; kind: string; participants: { id: string; kind: string; name: string; organisation: string; personId: string | null }[];
  actions: { id: string; description: string; done: boolean; fromMeeting: { id: string } | null; responsibleName: string }[];
  decisions: { id: string; measureId: string | null }[]; minutes: { text: string; updatedAt: string | null };
  shares: { recipient: string; sharedBy: string }[]; consent: { guardians: boolean } | null; canEdit: boolean; students: { id: string }[];
}

async function plan(c: Client, kind: string, startsAt: string, participants: object[] = []): Promise<Meeting> {
  const res = await c.request('POST', `/api/students/${studentId}/meetings`, { kind, startsAt, place: 'Møterom 1', participants });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await testApp();
  studentId = t.demo.hardCases.elevStudentId;
  const logins: Client[] = [];
  for (const u of ['kontaktlarer', 'faglarer', 'avdelingsleder', 'rektor', 'radgiver', 'elev', 'foresatt', 'foresatt.uten']) logins.push(await t.login(u));
  [kt, fag, avd, rektor, radgiver, elev, foresatt, utenInnsyn] = logins as [Client, Client, Client, Client, Client, Client, Client, Client];
  outsider = await outsiderTeacher(t, studentId);
  guardianPersonId = await personOf('foresatt');
  counsellorStaff = await staffMemberOf('radgiver');
  subjectTeacherStaff = await staffMemberOf('faglarer');
}, 120_000);
afterAll(async () => t?.close());

describe('R-53: a collaboration meeting with the guardians, its minutes and its actions', () => {
  let first: Meeting;

  it('the contact teacher plans a collaboration meeting with a guardian and the counsellor, and takes part in it themself', async () => {
    first = await plan(kt, 'collaboration', '2026-11-26T14:00:00+01:00', [
      { kind: 'guardian', personId: guardianPersonId }, { kind: 'staff', staffMemberId: counsellorStaff },
    ]);
    expect(first.participants.map((p) => p.kind)).toEqual(['staff', 'staff', 'guardian']);
    expect(first.canEdit).toBe(true);
  });

  it('the minutes are saved as they are typed, and say when', async () => {
    const res = await kt.request('PUT', `/api/meetings/${first.id}/minutes`, { text: 'Eleven trives bedre. Vi avtalte ukentlige samtaler.' });
    expect(res.statusCode, res.body).toBe(200);
    const m = (await kt.get(`/api/meetings/${first.id}`)).json();
    expect(m.minutes).toMatchObject({ text: 'Eleven trives bedre. Vi avtalte ukentlige samtaler.' });
    expect(m.minutes.updatedAt).toBe(res.json().updatedAt);
  });

  it('an open action carries over to the next collaboration meeting about the student, and leaves once marked done there', async () => {
    const guardianP = first.participants.find((p) => p.kind === 'guardian')!;
    const added = await kt.request('POST', `/api/meetings/${first.id}/actions`,
      { description: 'Sende timeplan for leksehjelp hjem.', responsibleParticipantId: guardianP.id, dueOn: '2026-12-01' });
    expect(added.statusCode, added.body).toBe(201);
    const action = added.json().actions[0];
    expect(action).toMatchObject({ done: false, fromMeeting: null, responsibleName: guardianP.name });

    const second = await plan(kt, 'collaboration', '2026-12-10T14:00:00+01:00');
    const carried = (await kt.get(`/api/meetings/${second.id}`)).json().actions;
    expect(carried).toEqual([expect.objectContaining({ id: action.id, done: false, fromMeeting: expect.objectContaining({ id: first.id }) })]);
    // another kind of meeting is another series
    const other = await plan(kt, 'responsibilityGroup', '2026-12-11T09:00:00+01:00');
    expect((await kt.get(`/api/meetings/${other.id}`)).json().actions).toEqual([]);

    const done = await kt.request('PATCH', `/api/meetings/${second.id}/actions/${action.id}`, { done: true });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().actions[0]).toMatchObject({ id: action.id, done: true });
    const third = await plan(kt, 'collaboration', '2027-01-14T14:00:00+01:00');
    expect((await kt.get(`/api/meetings/${third.id}`)).json().actions).toEqual([]);
  });

  it('a decision becomes a measure (R-55) that the meeting links to', async () => {
    const d = (await kt.request('POST', `/api/meetings/${first.id}/decisions`, { text: 'Eleven får ukentlig samtale med kontaktlærer.' })).json().decisions[0];
    const measure = (await kt.request('POST', `/api/students/${studentId}/measures`,
      { goal: 'Eleven har en voksen å snakke med.', actions: 'Ukentlig samtale.', startsOn: '2026-11-30', evaluateOn: '2027-01-29' })).json();
    const linked = await kt.request('PUT', `/api/meetings/${first.id}/decisions/${d.id}/measure`, { measureId: measure.id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().decisions[0]).toMatchObject({ id: d.id, measureId: measure.id });
    const bad = await kt.request('PUT', `/api/meetings/${first.id}/decisions/${d.id}/measure`, { measureId: '7e0f4c1a-1111-4222-8333-944455556666' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('measureId');
  });

  it('"Mine møter" lists the meetings the counsellor takes part in, upcoming and past', async () => {
    const mine = (await radgiver.get('/api/me/meetings')).json();
    expect(mine.upcoming.map((m: { id: string }) => m.id)).toContain(first.id);
    expect(mine.upcoming.every((m: { startsAt: string }) => m.startsAt >= '2026-11-25')).toBe(true);
    expect((await fag.get('/api/me/meetings')).json()).toEqual({ upcoming: [], past: [] });
  });
});

describe('R-60: who sees a meeting about a student', () => {
  let meetingId: string;
  beforeAll(async () => {
    meetingId = (await plan(kt, 'collaboration', '2026-11-27T10:00:00+01:00', [{ kind: 'staff', staffMemberId: counsellorStaff }])).id;
  });

  it('a subject teacher of the student who does not take part is refused the meeting and finds none in the student\'s list', async () => {
    expect((await fag.get(`/api/meetings/${meetingId}`)).statusCode).toBe(403);
    const list = await fag.get(`/api/students/${studentId}/meetings`);
    expect(list.statusCode).toBe(200);
    expect(list.json().meetings).toEqual([]);
    expect(list.json().canCreate).toBe(false);
  });

  it('once taking part, the subject teacher sees and writes it', async () => {
    expect((await kt.request('POST', `/api/meetings/${meetingId}/participants`, { kind: 'staff', staffMemberId: subjectTeacherStaff })).statusCode).toBe(201);
    expect((await fag.get(`/api/meetings/${meetingId}`)).json().canEdit).toBe(true);
    expect((await fag.get(`/api/students/${studentId}/meetings`)).json().meetings.map((m: { id: string }) => m.id)).toContain(meetingId);
  });

  it('the department head reads the meeting but, not taking part, does not write it', async () => {
    const m = await avd.get(`/api/meetings/${meetingId}`);
    expect(m.statusCode).toBe(200);
    expect(m.json().canEdit).toBe(false);
    expect((await avd.request('PUT', `/api/meetings/${meetingId}/minutes`, { text: 'x' })).statusCode).toBe(403);
  });

  it('a teacher with no tie to the student is told nothing (404), and the student and guardians never read the meeting itself', async () => {
    expect((await outsider.get(`/api/meetings/${meetingId}`)).statusCode).toBe(404);
    for (const c of [elev, foresatt]) {
      const res = await c.get(`/api/meetings/${meetingId}`);
      expect([403, 404]).toContain(res.statusCode);
      expect(res.body).not.toContain('Møterom');
    }
  });

  it('every read of the meeting is in the student\'s access log with the reader\'s relationship', async () => {
    const log = (await elev.get(`/api/students/${studentId}/access-log`)).json();
    const actions = log.entries.map((e: { action: string }) => e.action);
    expect(actions).toContain('meeting.read');
    expect(actions).toContain('meetings.list');
  });
});

describe('R-62: minutes shared with the family on purpose', () => {
  let meetingId: string;
  beforeAll(async () => {
    meetingId = (await plan(kt, 'collaboration', '2026-11-24T14:00:00+01:00')).id;
    await kt.request('PUT', `/api/meetings/${meetingId}/minutes`, { text: 'Vi ble enige om leksehjelp to dager i uka.' });
  });

  it('nothing reaches the guardian until the minutes are shared; then the guardian reads them as they were shared', async () => {
    expect((await foresatt.get(`/api/students/${studentId}/shared-minutes`)).json().minutes.some((m: { meetingId: string }) => m.meetingId === meetingId)).toBe(false);
    const shared = await kt.request('POST', `/api/meetings/${meetingId}/shares`, { recipient: 'guardians' });
    expect(shared.statusCode, shared.body).toBe(201);
    expect(shared.json().shares).toEqual([expect.objectContaining({ recipient: 'guardians', sharedBy: expect.any(String) })]);
    await kt.request('PUT', `/api/meetings/${meetingId}/minutes`, { text: 'Vi ble enige om leksehjelp to dager i uka. Intern merknad.' });
    const mine = (await foresatt.get(`/api/students/${studentId}/shared-minutes`)).json().minutes.find((m: { meetingId: string }) => m.meetingId === meetingId);
    expect(mine).toMatchObject({ kind: 'collaboration', text: 'Vi ble enige om leksehjelp to dager i uka.' });
  });

  it('a parent without insight is refused the shared minutes', async () => {
    const res = await utenInnsyn.get(`/api/students/${studentId}/shared-minutes`);
    expect([403, 404]).toContain(res.statusCode);
    expect(res.body).not.toContain('leksehjelp');
  });

  it('empty minutes are not shared, and the refusal names the minutes', async () => {
    const empty = await plan(kt, 'collaboration', '2026-11-23T14:00:00+01:00');
    const res = await kt.request('POST', `/api/meetings/${empty.id}/shares`, { recipient: 'guardians' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'minutes', message: 'The minutes are empty. Write them before sharing.' }]);
  });
});

describe('R-53, R-62: an interdisciplinary meeting follows the consent given for it', () => {
  let m: Meeting;
  let bup: { id: string };
  beforeAll(async () => {
    m = await plan(radgiver, 'interdisciplinary', '2026-11-20T12:00:00+01:00',
      [{ kind: 'external', name: 'Kari Nordmann', organisation: 'BUP', role: 'psykolog' }, { kind: 'guardian', personId: guardianPersonId }]);
    bup = m.participants.find((p) => p.organisation === 'BUP')!;
    await radgiver.request('PUT', `/api/meetings/${m.id}/minutes`, { text: 'BUP orienterte om utredningen. Skolen følger opp.' });
  });

  it('the external participant is a name and an agency, not an account', () => {
    expect(bup).toMatchObject({ kind: 'external', name: 'Kari Nordmann', personId: null });
  });

  it('without a recorded consent the minutes are shared with no one, and the refusal says why in nb, nn and en', async () => {
    const nb = await radgiver.request('POST', `/api/meetings/${m.id}/shares`, { recipient: 'guardians' });
    expect(nb.statusCode).toBe(400);
    expect(nb.json().errors).toEqual([{ field: 'recipient', message: 'Det er ikke registrert samtykke for dette tverrfaglige møtet, så referatet kan ikke deles.' }]);
    const nn = await radgiver.request('POST', `/api/meetings/${m.id}/shares`, { recipient: 'guardians' }, { 'accept-language': 'nn' });
    expect(nn.json().errors[0].message).toBe('Det er ikkje registrert samtykke for dette tverrfaglege møtet, så referatet kan ikkje delast.');
    const en = await radgiver.request('POST', `/api/meetings/${m.id}/shares`, { recipient: 'external', participantId: bup.id }, { 'accept-language': 'en' });
    expect(en.json().errors).toEqual([{ field: 'participantId', message: 'No consent is recorded for this interdisciplinary meeting, so the minutes cannot be shared.' }]);
  });

  it('a consent can only be given by a guardian with parental responsibility (or the adult student), naming givenByPersonId', async () => {
    const res = await radgiver.request('PUT', `/api/meetings/${m.id}/consent`, { givenByPersonId: await personOf('radgiver'), givenOn: '2026-11-18', guardians: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('givenByPersonId');
  });

  it('with the guardian\'s consent covering the guardians but not BUP, sharing with BUP is refused naming BUP, and the guardians get the minutes', async () => {
    const consent = await radgiver.request('PUT', `/api/meetings/${m.id}/consent`,
      { givenByPersonId: guardianPersonId, givenOn: '2026-11-18', guardians: true, externalParticipantIds: [], note: 'Muntlig samtykke i møtet.' });
    expect(consent.statusCode, consent.body).toBe(200);
    expect(consent.json().consent).toMatchObject({ guardians: true, note: 'Muntlig samtykke i møtet.' });
    const toBup = await radgiver.request('POST', `/api/meetings/${m.id}/shares`, { recipient: 'external', participantId: bup.id });
    expect(toBup.statusCode).toBe(400);
    expect(toBup.json().errors).toEqual([{ field: 'participantId', message: 'Samtykket for møtet dekker ikke deling med Kari Nordmann (BUP).' }]);
    expect((await radgiver.request('POST', `/api/meetings/${m.id}/shares`, { recipient: 'guardians' })).statusCode).toBe(201);
    expect((await foresatt.get(`/api/students/${studentId}/shared-minutes`)).json().minutes.some((x: { meetingId: string }) => x.meetingId === m.id)).toBe(true);
  });

  it('once the consent covers BUP, the minutes are recorded as sent to BUP', async () => {
    await radgiver.request('PUT', `/api/meetings/${m.id}/consent`, { givenByPersonId: guardianPersonId, givenOn: '2026-11-18', guardians: true, externalParticipantIds: [bup.id] });
    const res = await radgiver.request('POST', `/api/meetings/${m.id}/shares`, { recipient: 'external', participantId: bup.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().shares.map((s: { recipient: string }) => s.recipient)).toEqual(['guardians', 'external']);
  });
});

describe('R-53: the responsibility group and the resource team', () => {
  it('the guardians\' decision on who takes part in the responsibility group is recorded; a staff member cannot be named as deciding', async () => {
    const g = await plan(kt, 'responsibilityGroup', '2026-12-03T09:00:00+01:00');
    const wrong = await kt.request('PUT', `/api/meetings/${g.id}/participation-decision`, { decidedByPersonId: await personOf('kontaktlarer'), decidedOn: '2026-11-20' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('decidedByPersonId');
    const ok = await kt.request('PUT', `/api/meetings/${g.id}/participation-decision`,
      { decidedByPersonId: guardianPersonId, decidedOn: '2026-11-20', note: 'Foresatte ønsker PPT og helsesykepleier med.' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().participationDecision).toMatchObject({ decidedByPersonId: guardianPersonId, decidedOn: '2026-11-20' });
  });

  it('the resource team\'s fixed members take part in its meeting; its agenda items name students and registered cases; the contact teacher outside the team is told nothing', async () => {
    expect((await rektor.request('PUT', '/api/resource-team/members', { staffMemberIds: [counsellorStaff] })).statusCode).toBe(200);
    const team = (await rektor.get('/api/resource-team')).json();
    expect(team.members.map((x: { staffMemberId: string }) => x.staffMemberId)).toEqual([counsellorStaff]);
    const created = await rektor.request('POST', '/api/resource-team/meetings', { startsAt: '2026-12-02T14:00:00+01:00', place: 'Rektors kontor' });
    expect(created.statusCode, created.body).toBe(201);
    const meetingId = created.json().id;
    const noStudent = await radgiver.request('POST', `/api/meetings/${meetingId}/agenda-items`, { title: 'Faglige utfordringer' });
    expect(noStudent.statusCode).toBe(400);
    expect(noStudent.json().errors[0].field).toBe('studentId');
    const item = await radgiver.request('POST', `/api/meetings/${meetingId}/agenda-items`, { title: 'Faglige utfordringer', studentId });
    expect(item.statusCode, item.body).toBe(201);
    expect(item.json().students.map((s: { id: string }) => s.id)).toEqual([studentId]);
    expect((await kt.get(`/api/meetings/${meetingId}`)).statusCode).toBe(404);
    // a case registered for the resource team goes on the agenda, pointing at the case
    const raised = await kt.request('POST', `/api/students/${studentId}/cases`,
      { title: 'Faglige utfordringer i matematikk', background: 'Eleven strever med å komme i gang.', raisedOn: '2026-11-20', registerForResourceTeam: true });
    expect(raised.statusCode, raised.body).toBe(201);
    const caseId = raised.json().id;
    const withCase = await radgiver.request('POST', `/api/meetings/${meetingId}/agenda-items`, { title: 'Faglige utfordringer i matematikk', studentId, caseId });
    expect(withCase.statusCode, withCase.body).toBe(201);
    expect(withCase.json().agenda.find((a: { caseId: string | null }) => a.caseId === caseId)).toMatchObject({ studentId });
    const noCase = await radgiver.request('POST', `/api/meetings/${meetingId}/agenda-items`, { title: 'Ukjent', studentId, caseId: '7e0f4c1a-1111-4222-8333-944455556666' });
    expect(noCase.statusCode).toBe(400);
    expect(noCase.json().errors[0].field).toBe('caseId');
    // the team's minutes name several students' matters: they are never shared with one family
    await radgiver.request('PUT', `/api/meetings/${meetingId}/minutes`, { text: 'Drøftet.' });
    const share = await radgiver.request('POST', `/api/meetings/${meetingId}/shares`, { recipient: 'guardians' });
    expect(share.statusCode).toBe(400);
    expect(share.json().errors[0].field).toBe('recipient');
  });
});

describe('R-53: bad input is refused naming the field, and nothing is saved', () => {
  it('an unknown field, a time that is no time and an external participant without an agency are each refused with 400', async () => {
    const before = (await kt.get(`/api/students/${studentId}/meetings`)).json().meetings.length;
    const url = `/api/students/${studentId}/meetings`;
    const unknown = await kt.request('POST', url, { kind: 'collaboration', startsAt: '2026-12-01T10:00:00+01:00', secret: true });
    expect(unknown.statusCode).toBe(400);
    const badTime = await kt.request('POST', url, { kind: 'collaboration', startsAt: '1. desember' });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().errors[0].field).toBe('startsAt');
    const noAgency = await kt.request('POST', url, { kind: 'interdisciplinary', startsAt: '2026-12-01T10:00:00+01:00', participants: [{ kind: 'external', name: 'Ola' }] });
    expect(noAgency.statusCode).toBe(400);
    expect(noAgency.json().errors[0].field).toBe('participants.0.organisation');
    expect((await kt.get(url)).json().meetings.length).toBe(before);
  });
});
