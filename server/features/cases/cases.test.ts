/** cases (sak): who raises and reads them, the append-only chronology, the resource team's list, the outcome and the measures it leads to. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outsiderTeacher, testApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let kt: Client, fag: Client, avd: Client, rektor: Client, radgiver: Client, elev: Client, foresatt: Client, outsider: Client;
let studentId: string;
let url: string;

const CASE = { title: 'Trekker seg unna i friminuttene', background: 'Sitter alene i friminuttene de siste tre ukene, og har vært stille i timene.', raisedOn: '2026-11-20' };

const staffMemberOf = async (username: string) => (await t.database.query<{ id: string }>(
  `select sm.id from account a join staff_member sm on sm.owner_id = a.owner_id and sm.person_id = a.person_id
   join student s on s.owner_id = sm.owner_id and s.school_id = sm.school_id and s.id = $2 where a.username = $1`, [username, studentId]))[0]!.id;

const ids = (list: { id: string }[]) => list.map((c) => c.id);

beforeAll(async () => {
  t = await testApp();
  studentId = t.demo.hardCases.elevStudentId;
  url = `/api/students/${studentId}/cases`;
  const logins: Client[] = [];
  for (const u of ['kontaktlarer', 'faglarer', 'avdelingsleder', 'rektor', 'radgiver', 'elev', 'foresatt']) logins.push(await t.login(u));
  [kt, fag, avd, rektor, radgiver, elev, foresatt] = logins as [Client, Client, Client, Client, Client, Client, Client];
  // a teacher at the school who teaches none of the student's groups
  outsider = await outsiderTeacher(t, studentId);
}, 120_000);
afterAll(async () => t?.close());

describe('R-54: a teacher raises a case for discussion with the counsellor and the leaders', () => {
  let caseId: string;

  it('a subject teacher of the student raises a case; the counsellor, the department head and the principal read it, the contact teacher does not', async () => {
    const res = await fag.request('POST', url, CASE);
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json().id;
    expect(res.json()).toMatchObject({ ...CASE, status: 'open', visibility: 'counsellorAndLeaders', outcome: null, resourceTeamRegisteredAt: null, canManage: true });
    expect(res.json().events.map((e: { kind: string }) => e.kind)).toEqual(['raised']);
    for (const c of [radgiver, avd, rektor, fag]) {
      expect((await c.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
      expect(ids((await c.get(url)).json().cases)).toContain(caseId);
    }
    expect((await kt.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect(ids((await kt.get(url)).json().cases)).not.toContain(caseId);
  });

  it('R-60: a teacher outside the student\'s groups, the student and a guardian are told nothing — no list, no case', async () => {
    expect((await outsider.get(url)).statusCode).toBe(404);
    expect((await outsider.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await outsider.request('POST', `/api/cases/${caseId}/events`, { occurredOn: '2026-11-21', description: 'x' })).statusCode).toBe(404);
    for (const c of [elev, foresatt]) {
      expect([403, 404]).toContain((await c.get(url)).statusCode);
      const one = await c.get(`/api/cases/${caseId}`);
      expect(one.statusCode).toBe(404);
      expect(one.body).not.toContain(CASE.title);
      expect((await c.request('POST', url, CASE)).statusCode).not.toBe(201);
    }
  });

  it('R-60: with the tier "participants" a subject teacher who does not take part no longer sees it; added as a participant, the contact teacher does', async () => {
    const own = await kt.request('POST', url, { ...CASE, title: 'Bekymring for hjemmesituasjonen', visibility: 'participants' });
    expect(own.statusCode, own.body).toBe(201);
    const id = own.json().id;
    for (const c of [fag, avd, rektor, radgiver]) expect((await c.get(`/api/cases/${id}`)).statusCode).toBe(404);
    const added = await kt.request('POST', `/api/cases/${id}/participants`, { staffMemberId: await staffMemberOf('radgiver'), role: 'sosiallærer' });
    expect(added.statusCode, added.body).toBe(201);
    expect((await radgiver.get(`/api/cases/${id}`)).statusCode).toBe(200);
    expect((await fag.get(`/api/cases/${id}`)).statusCode).toBe(404);
    expect(ids((await fag.get(url)).json().cases)).not.toContain(id);
  });

  it('an external person takes part by name and role only, never as an account; a staff member outside the student\'s groups cannot be added', async () => {
    const res = await fag.request('POST', `/api/cases/${caseId}/participants`, { externalName: 'Kari PP-rådgiver', role: 'PP-rådgiver' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().participants).toContainEqual(expect.objectContaining({ name: 'Kari PP-rådgiver', role: 'PP-rådgiver', external: true, staffMemberId: null }));
    const noRole = await fag.request('POST', `/api/cases/${caseId}/participants`, { externalName: 'Ola' }, { 'accept-language': 'en' });
    expect(noRole.statusCode).toBe(400);
    expect(noRole.json().errors).toEqual([{ field: 'role', message: 'An external participant needs a role (for example PPT advisor).' }]);
    const [outsiderStaff] = await t.database.query<{ id: string }>(
      `select sm.id from account a join staff_member sm on sm.owner_id = a.owner_id and sm.person_id = a.person_id where a.username = 'fag.utenfor'`);
    const notTheirs = await fag.request('POST', `/api/cases/${caseId}/participants`, { staffMemberId: outsiderStaff!.id });
    expect(notTheirs.statusCode).toBe(400);
    expect(notTheirs.json().errors[0].field).toBe('staffMemberId');
    expect((await outsider.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('bad input is refused with 400 naming the field in nb, nn and en, and nothing is saved', async () => {
    const before = (await fag.get(url)).json().cases.length;
    const future = await fag.request('POST', url, { ...CASE, raisedOn: '2027-01-05' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([{ field: 'raisedOn', message: 'Datoen saken ble meldt, kan ikke være fram i tid.' }]);
    expect((await fag.request('POST', url, { ...CASE, raisedOn: '2027-01-05' }, { 'accept-language': 'nn' })).json().errors[0].message).toBe('Datoen saka vart meld, kan ikkje vere fram i tid.');
    const blank = await fag.request('POST', url, { ...CASE, title: '  ', raisedOn: '2026-02-30' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['raisedOn', 'title']);
    const yearZero = await fag.request('POST', url, { ...CASE, raisedOn: '0000-01-01' }, { 'accept-language': 'en' });
    expect(yearZero.statusCode).toBe(400);
    expect(yearZero.json().errors).toEqual([{ field: 'raisedOn', message: 'The date is too far back in time.' }]);
    const unknown = await fag.request('POST', url, { ...CASE, studentName: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect((await fag.get(url)).json().cases.length).toBe(before);
  });
});

describe('R-60: the chronology is append-only', () => {
  it('an entry records what happened, who did what and when, and who entered it when; a correction is a new entry and the old one stays', async () => {
    const id = (await fag.request('POST', url, { ...CASE, title: 'Kronologi' })).json().id;
    const added = await fag.request('POST', `/api/cases/${id}/events`, { occurredOn: '2026-11-23', description: 'Samtale med eleven om friminuttene.', doneBy: 'Faglærer' });
    expect(added.statusCode, added.body).toBe(201);
    const entry = added.json().events.find((e: { kind: string }) => e.kind === 'entry');
    expect(entry).toMatchObject({ occurredOn: '2026-11-23', description: 'Samtale med eleven om friminuttene.', doneBy: 'Faglærer', correctedByEventId: null });
    expect(entry.enteredByName).not.toBe('');
    expect(entry.enteredAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const fixed = await radgiver.request('POST', `/api/cases/${id}/events`, { occurredOn: '2026-11-24', description: 'Samtalen var 24. november, ikke 23.', correctsEventId: entry.id });
    expect(fixed.statusCode, fixed.body).toBe(201);
    const events = fixed.json().events;
    expect(events.find((e: { id: string }) => e.id === entry.id)).toMatchObject({ description: 'Samtale med eleven om friminuttene.', occurredOn: '2026-11-23' });
    const correction = events.find((e: { kind: string }) => e.kind === 'correction');
    expect(correction.correctsEventId).toBe(entry.id);
    expect(events.find((e: { id: string }) => e.id === entry.id).correctedByEventId).toBe(correction.id);

    const elsewhere = await radgiver.request('POST', `/api/cases/${id}/events`, { occurredOn: '2026-11-24', description: 'x', correctsEventId: '7e0f4c1a-1111-4222-8333-944455556666' });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors[0].field).toBe('correctsEventId');
  });

  it('no route edits or removes an entry, and the table itself refuses an update or a delete', async () => {
    const id = (await fag.get(url)).json().cases[0].id;
    const event = (await fag.get(`/api/cases/${id}`)).json().events[0];
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      expect((await fag.request(method, `/api/cases/${id}/events/${event.id}`, method === 'DELETE' ? undefined : { description: 'x' })).statusCode).toBe(404);
    }
    await expect(t.database.query('update case_event set description = $1 where id = $2', ['endret', event.id])).rejects.toThrow(/cannot be changed/);
    await expect(t.database.query('delete from case_event where id = $1', [event.id])).rejects.toThrow(/cannot be changed/);
    expect((await fag.get(`/api/cases/${id}`)).json().events[0].description).toBe(event.description);
  });
});

describe('R-53: the resource team\'s list of cases to discuss', () => {
  let caseId: string;

  it('a teacher registers a case; the counsellor, the principal and the student\'s department head see it on the list, decided per student', async () => {
    caseId = (await fag.request('POST', url, { ...CASE, title: 'Til ressursteamet' })).json().id;
    const reg = await fag.request('PUT', `/api/cases/${caseId}/resource-team`, { registered: true });
    expect(reg.statusCode, reg.body).toBe(200);
    expect(reg.json().resourceTeamRegisteredAt).not.toBeNull();
    expect(reg.json().events.map((e: { kind: string }) => e.kind)).toContain('registeredForResourceTeam');
    for (const c of [radgiver, rektor, avd]) {
      const list = await c.get('/api/resource-team/cases');
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().cases.find((x: { id: string }) => x.id === caseId)).toMatchObject({ studentId, title: 'Til ressursteamet' });
    }
  });

  it('teachers are refused the list, and a registered case with the tier "participants" is on it only for its participants', async () => {
    for (const c of [fag, kt, outsider]) expect((await c.get('/api/resource-team/cases')).statusCode).toBe(403);
    const hidden = (await kt.request('POST', url, { ...CASE, title: 'Skjermet sak', visibility: 'participants', registerForResourceTeam: true })).json().id;
    expect(ids((await radgiver.get('/api/resource-team/cases')).json().cases)).not.toContain(hidden);
    await kt.request('POST', `/api/cases/${hidden}/participants`, { staffMemberId: await staffMemberOf('radgiver') });
    expect(ids((await radgiver.get('/api/resource-team/cases')).json().cases)).toContain(hidden);
    expect(ids((await rektor.get('/api/resource-team/cases')).json().cases)).not.toContain(hidden);
  });

  it('the counsellor sets the outcome "proposed measures" with a reason and creates a measure linked to the case; the link shows both ways', async () => {
    const missingReason = await radgiver.request('PUT', `/api/cases/${caseId}/outcome`, { outcome: 'proposedMeasures', reason: ' ' });
    expect(missingReason.statusCode).toBe(400);
    expect(missingReason.json().errors[0].field).toBe('reason');
    const out = await radgiver.request('PUT', `/api/cases/${caseId}/outcome`, { outcome: 'proposedMeasures', reason: 'Ressursteamet foreslår faste samtaler.' });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({ outcome: 'proposedMeasures', outcomeReason: 'Ressursteamet foreslår faste samtaler.', outcomeOn: '2026-11-25', status: 'open', canAddMeasure: true });

    const measure = await radgiver.request('POST', `/api/students/${studentId}/measures`,
      { goal: 'Eleven har en trygg voksen i friminuttene.', actions: 'Sosiallærer har samtale hver uke.', startsOn: '2026-11-25', evaluateOn: '2027-01-15', caseId });
    expect(measure.statusCode, measure.body).toBe(201);
    expect(measure.json().caseId).toBe(caseId);
    const after = (await radgiver.get(`/api/cases/${caseId}`)).json();
    expect(after.measures).toEqual([expect.objectContaining({ id: measure.json().id, goal: 'Eleven har en trygg voksen i friminuttene.' })]);
    expect(after.events.map((e: { kind: string }) => e.kind)).toContain('measureCreated');
    expect((await radgiver.get(`/api/students/${studentId}/measures`)).json().measures.find((m: { id: string }) => m.id === measure.json().id).caseId).toBe(caseId);
  });

  it('a measure cannot name a case about another student, or one the proposer cannot read', async () => {
    const hidden = (await kt.request('POST', url, { ...CASE, title: 'Bare kontaktlærer', visibility: 'participants' })).json().id;
    const res = await radgiver.request('POST', `/api/students/${studentId}/measures`,
      { goal: 'x', actions: 'y', startsOn: '2026-11-25', evaluateOn: '2027-01-15', caseId: hidden });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('caseId');
    const other = await kt.request('POST', `/api/students/${t.demo.hardCases.adultWithConsentStudentId}/measures`,
      { goal: 'x', actions: 'y', startsOn: '2026-11-25', evaluateOn: '2027-01-15', caseId });
    expect(other.statusCode).toBe(400);
  });

  it('a teacher who only reads a case cannot set its outcome or tier; the contact teacher who raised it closes it, and a closed case cannot be registered', async () => {
    const staffCase = (await kt.request('POST', url, { ...CASE, title: 'Alle ansatte', visibility: 'staff' })).json().id;
    expect((await fag.get(`/api/cases/${staffCase}`)).statusCode).toBe(200);
    expect((await fag.request('PUT', `/api/cases/${staffCase}/outcome`, { outcome: 'closed', reason: 'Ferdig.' })).statusCode).toBe(403);
    expect((await fag.request('PUT', `/api/cases/${staffCase}/visibility`, { visibility: 'participants' })).statusCode).toBe(403);
    const closed = await kt.request('PUT', `/api/cases/${staffCase}/outcome`, { outcome: 'closed', reason: 'Løst i samtale med eleven.' });
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'closed' });
    expect((await kt.request('PUT', `/api/cases/${staffCase}/resource-team`, { registered: true })).statusCode).toBe(409);
  });

  it('a closed case leaves the resource team\'s list', async () => {
    await radgiver.request('PUT', `/api/cases/${caseId}/outcome`, { outcome: 'closed', reason: 'Tiltak er satt i gang.' });
    expect(ids((await radgiver.get('/api/resource-team/cases')).json().cases)).not.toContain(caseId);
  });
});

describe('R-60: every read of a case is on record', () => {
  it('the case page, the student\'s list and the resource team\'s list each appear in the student\'s access log', async () => {
    const log = await elev.get(`/api/students/${studentId}/access-log`);
    expect(log.statusCode, log.body).toBe(200);
    const actions = log.json().entries.map((e: { action: string }) => e.action);
    expect(actions).toContain('case.read');
    expect(actions).toContain('cases.list');
    expect(actions).toContain('cases.resourceTeam');
  });

  it('a refused read is on record as a denial too', async () => {
    const [row] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where student_id = $1 and action = 'case.read' and decision = 'deny'`, [studentId]);
    expect(row!.n).toBeGreaterThan(0);
  });
});
