/**
 * Disciplinary cases (R-23, R-73; L-30…L-32): the suspension procedure (advance notice, hearing, the
 * principal's decision within the caps by stage, appeal), a teacher's removal from their own lesson,
 * physical interventions, who sees what — on PGlite (`npm test`) and PostgreSQL (`npm run test:pg`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../../test/harness.js';
import { assertSuspensionWithinCaps, stageOf } from './rules.js';

let t: TestApp;
let kt: Client;
let fag: Client;
let rektor: Client;
const h = () => t.demo.hardCases;

const incident = { occurredOn: '2026-11-16', place: 'Gangen ved 2STA', description: 'Dyttet en medelev ned trappa.', rule: 'Ordensreglementet § 2: vold og trusler' };

/** Opens a case about a student as `c`; optionally sets the student's level first (the demo is upper secondary). */
async function openCase(c: Client, studentId: string): Promise<string> {
  const res = await c.request('POST', `/api/students/${studentId}/disciplinary-cases`, { incident });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** A 2STA student (not one of the demo's hard cases) at the given level. */
async function studentAt(level: string, offset: number): Promise<string> {
  const [row] = await t.database.query<{ student_id: string }>(
    `select e.student_id from enrolment e where e.basis_group_id = $1 and e.ends_on is null and e.student_id <> all($2::uuid[])
     order by e.student_id offset $3 limit 1`, [h().basisGroup2STAId, Object.values(h()).filter((v) => typeof v === 'string'), offset]);
  await t.database.query('update student set level = $2 where id = $1', [row!.student_id, level]);
  return row!.student_id;
}

/** Notice on 2026-11-17 and the student heard on 2026-11-18: ready for a decision. */
async function readyForDecision(caseId: string): Promise<void> {
  expect((await rektor.request('PUT', `/api/disciplinary-cases/${caseId}/suspension/notice`, { noticeSentOn: '2026-11-17' })).statusCode).toBe(200);
  expect((await kt.request('POST', `/api/disciplinary-cases/${caseId}/hearings`, { heardOn: '2026-11-18', studentView: 'Eleven sier det var et uhell.' })).statusCode).toBe(201);
}

const decision = (extra: Record<string, unknown>) => ({
  decidedOn: '2026-11-19', startsOn: '2026-11-20', reasons: 'Alvorlig vold mot medelev.', milderMeasures: 'Samtale og skriftlig refs er prøvd tidligere i høst.', notifiedOn: '2026-11-19', ...extra,
});
const decide = (caseId: string, body: Record<string, unknown>, c: Client = rektor) => c.request('PUT', `/api/disciplinary-cases/${caseId}/suspension/decision`, body);

beforeAll(async () => {
  t = await testApp();
  [kt, fag, rektor] = await Promise.all([t.login('kontaktlarer'), t.login('faglarer'), t.login('rektor')]);
});
afterAll(async () => t?.close());

describe('L-31: suspension caps by stage', () => {
  it('grades 1–7 single lessons or the rest of the day with parents told first; 8–10 up to 3 days; upper secondary up to 5 days', () => {
    const field = (f: () => void) => { try { f(); return null; } catch (e) { return (e as { fields: { field: string }[] }).fields[0]!.field; } };
    expect(field(() => assertSuspensionWithinCaps(stageOf('grade5'), { scope: 'days', days: 1, guardiansToldOn: '2026-11-19' }))).toBe('scope');
    expect(field(() => assertSuspensionWithinCaps(stageOf('grade5'), { scope: 'restOfDay' }))).toBe('guardiansToldOn');
    expect(field(() => assertSuspensionWithinCaps(stageOf('grade5'), { scope: 'lessons', lessons: 2, guardiansToldOn: '2026-11-19' }))).toBeNull();
    expect(field(() => assertSuspensionWithinCaps(stageOf('grade9'), { scope: 'days', days: 4 }))).toBe('days');
    expect(field(() => assertSuspensionWithinCaps(stageOf('grade9'), { scope: 'days', days: 3 }))).toBeNull();
    expect(field(() => assertSuspensionWithinCaps(stageOf('vg2'), { scope: 'days', days: 6 }))).toBe('days');
    expect(field(() => assertSuspensionWithinCaps(stageOf('vg2'), { scope: 'days', days: 5 }))).toBeNull();
  });

  it('the decision route refuses 4 days in grade 9 with 400 naming days, and nothing is decided; 3 days is accepted', async () => {
    const caseId = await openCase(kt, await studentAt('grade9', 0));
    await readyForDecision(caseId);
    const over = await decide(caseId, decision({ scope: 'days', days: 4 }));
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0]).toMatchObject({ field: 'days', message: expect.stringContaining('3 dager') });
    expect((await kt.get(`/api/disciplinary-cases/${caseId}`)).json().suspension.decidedOn).toBeNull();
    const ok = await decide(caseId, decision({ scope: 'days', days: 3 }));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().suspension).toMatchObject({ decidedOn: '2026-11-19', scope: 'days', days: 3 });
    expect(ok.json().measures).toContainEqual(expect.objectContaining({ kind: 'suspension', addressedToFamily: true }));
  });

  it('in grade 4 a suspension for days is refused (scope), the rest of the day with the parents told first is accepted', async () => {
    const caseId = await openCase(kt, await studentAt('grade4', 1));
    await readyForDecision(caseId);
    expect((await decide(caseId, decision({ scope: 'days', days: 1, guardiansToldOn: '2026-11-19' }))).json().errors[0].field).toBe('scope');
    expect((await decide(caseId, decision({ scope: 'restOfDay' }))).json().errors[0].field).toBe('guardiansToldOn');
    expect((await decide(caseId, decision({ scope: 'restOfDay', guardiansToldOn: '2026-11-19' }))).statusCode).toBe(200);
  });
});

describe('L-31: the procedure — only the principal decides, after advance notice and the hearing', () => {
  it('the contact teacher and the department head cannot send notice or decide; the principal can', async () => {
    const caseId = await openCase(kt, h().elevStudentId);
    const avd = await t.login('avdelingsleder');
    for (const c of [kt, avd, fag]) {
      expect((await c.request('PUT', `/api/disciplinary-cases/${caseId}/suspension/notice`, { noticeSentOn: '2026-11-17' })).statusCode, c.username).toBe(403);
      expect((await decide(caseId, decision({ scope: 'days', days: 2 }), c)).statusCode, c.username).toBe(403);
    }
  });

  it('a decision without advance notice, or without a hearing after the notice, is refused with 409', async () => {
    const caseId = await openCase(kt, await studentAt('vg2', 2));
    const noNotice = await decide(caseId, decision({ scope: 'days', days: 2 }));
    expect(noNotice.statusCode).toBe(409);
    expect(noNotice.json().title).toMatch(/forhåndsvarsel/);
    // a hearing before the notice does not count: the student must be heard on what the notice says
    expect((await kt.request('POST', `/api/disciplinary-cases/${caseId}/hearings`, { heardOn: '2026-11-16', studentView: 'Vil ikke si noe.' })).statusCode).toBe(201);
    expect((await rektor.request('PUT', `/api/disciplinary-cases/${caseId}/suspension/notice`, { noticeSentOn: '2026-11-17' })).statusCode).toBe(200);
    const noHearing = await decide(caseId, decision({ scope: 'days', days: 2 }));
    expect(noHearing.statusCode).toBe(409);
    expect(noHearing.json().title).toMatch(/uttale seg/);
    expect((await kt.request('POST', `/api/disciplinary-cases/${caseId}/hearings`, { heardOn: '2026-11-18', studentView: 'Angrer.' })).statusCode).toBe(201);
    expect((await decide(caseId, decision({ scope: 'days', days: 2 }))).statusCode).toBe(200);
    expect((await decide(caseId, decision({ scope: 'days', days: 2 }))).statusCode).toBe(409);
    const appeal = await rektor.request('PUT', `/api/disciplinary-cases/${caseId}/suspension/appeal`, { receivedOn: '2026-11-20', outcome: 'upheld', decidedOn: '2026-11-24' });
    expect(appeal.statusCode, appeal.body).toBe(200);
    expect(appeal.json().suspension).toMatchObject({ appealReceivedOn: '2026-11-20', appealOutcome: 'upheld' });
  });
});

describe('R-23: measures, removal from a lesson and physical interventions', () => {
  it("a subject teacher removes a student from their own lesson for at most 2 hours (L-31)", async () => {
    const caseId = await openCase(fag, h().elevStudentId);
    const long = await fag.request('POST', `/api/disciplinary-cases/${caseId}/removals`, { teachingGroupId: h().teachingGroup2STAMATId, on: '2026-11-24', minutes: 121, description: 'Bortvist resten av økta.' });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].field).toBe('minutes');
    const notOwn = await fag.request('POST', `/api/disciplinary-cases/${caseId}/removals`, { teachingGroupId: h().teachingGroup2STANORId, on: '2026-11-24', minutes: 45, description: 'Bortvist.' });
    expect(notOwn.statusCode).toBe(403);
    expect(notOwn.json().title).toMatch(/egne timer/);
    const notTheirs = await fag.request('POST', `/api/disciplinary-cases/${caseId}/removals`, { teachingGroupId: h().teachingGroup1STAMATId, on: '2026-11-24', minutes: 45, description: 'Bortvist.' });
    expect(notTheirs.json().errors[0].field).toBe('teachingGroupId');
    const ok = await fag.request('POST', `/api/disciplinary-cases/${caseId}/removals`, { teachingGroupId: h().teachingGroup2STAMATId, on: '2026-11-24', minutes: 90, description: 'Bortvist resten av økta.' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await rektor.request('POST', `/api/disciplinary-cases/${caseId}/removals`, { teachingGroupId: h().teachingGroup2STAMATId, on: '2026-11-24', minutes: 30, description: 'x' })).statusCode).toBe(403);
  });

  it('L-32: a physical intervention is documented with the account and the student\'s view; the principal records when the parents were told, once', async () => {
    const caseId = await openCase(kt, h().elevStudentId);
    const report = await fag.request('POST', `/api/disciplinary-cases/${caseId}/physical-interventions`, {
      occurredOn: '2026-11-23', incidentAccount: 'Slåsskamp i gangen.', interventionAccount: 'Holdt eleven i armen til det roet seg.', studentView: 'Eleven mener han ble holdt for hardt.', reportedToPrincipalOn: '2026-11-23',
    });
    expect(report.statusCode, report.body).toBe(201);
    const foresatt = await t.login('foresatt');
    expect((await foresatt.get(`/api/disciplinary-cases/${caseId}`)).json().interventions).toEqual([]);
    const url = `/api/disciplinary-cases/${caseId}/physical-interventions/${report.json().id}/parents-informed`;
    expect((await kt.request('PUT', url, { informedOn: '2026-11-23' })).statusCode).toBe(403);
    const informed = await rektor.request('PUT', url, { informedOn: '2026-11-24' });
    expect(informed.statusCode, informed.body).toBe(200);
    expect(informed.json().interventions[0]).toMatchObject({ parentsInformedOn: '2026-11-24', studentView: 'Eleven mener han ble holdt for hardt.' });
    expect((await rektor.request('PUT', url, { informedOn: '2026-11-24' })).statusCode).toBe(409);
    expect((await foresatt.get(`/api/disciplinary-cases/${caseId}`)).json().interventions).toHaveLength(1);
  });

  it('bad input is refused with 400 naming the field, in the caller\'s language', async () => {
    const res = await kt.request('POST', `/api/students/${h().elevStudentId}/disciplinary-cases`, { incident: { ...incident, place: '' } }, { 'accept-language': 'nn' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('incident.place');
    const future = await kt.request('POST', `/api/students/${h().elevStudentId}/disciplinary-cases`, { incident: { ...incident, occurredOn: '2026-12-24' } }, { 'accept-language': 'nn' });
    expect(future.json().errors[0]).toEqual({ field: 'incident.occurredOn', message: 'Datoen kan ikkje vere etter i dag.' });
  });
});

describe('R-23: who sees a disciplinary case', () => {
  it('guardians and the student see only the decisions addressed to them, never the incidents, hearings or internal notes', async () => {
    const caseId = await openCase(kt, h().elevStudentId);
    await kt.request('POST', `/api/disciplinary-cases/${caseId}/measures`, { kind: 'conversation', description: 'Intern: samtale med rådgiver om sinne.', decidedOn: '2026-11-17' });
    await kt.request('POST', `/api/disciplinary-cases/${caseId}/measures`, { kind: 'writtenReprimand', description: 'Skriftlig refs for dytting i trappa.', decidedOn: '2026-11-18', addressedToFamily: true });
    await kt.request('POST', `/api/disciplinary-cases/${caseId}/hearings`, { heardOn: '2026-11-17', studentView: 'Det var ikke meningen.' });
    for (const username of ['foresatt', 'elev']) {
      const res = await (await t.login(username)).get(`/api/disciplinary-cases/${caseId}`);
      expect(res.statusCode, username).toBe(200);
      expect(res.json()).toMatchObject({ view: 'family', incidents: [], hearings: [], reportedBy: null });
      expect(res.json().measures.map((m: { description: string }) => m.description)).toEqual(['Skriftlig refs for dytting i trappa.']);
      expect(res.body).not.toMatch(/Intern|Dyttet en medelev/);
    }
    const list = await (await t.login('foresatt')).get(`/api/students/${h().elevStudentId}/disciplinary-cases`);
    expect(list.json().cases.map((c: { id: string }) => c.id)).toContain(caseId);
    expect([403, 404]).toContain((await (await t.login('foresatt.uten')).get(`/api/disciplinary-cases/${caseId}`)).statusCode);
  });

  it('the reporting teacher sees their own report, not a case another teacher reported; the counsellor reads, and reads are audited', async () => {
    const own = await openCase(fag, h().elevStudentId);
    const other = await openCase(kt, h().elevStudentId);
    expect((await fag.get(`/api/disciplinary-cases/${own}`)).statusCode).toBe(200);
    expect((await fag.get(`/api/disciplinary-cases/${other}`)).statusCode).toBe(403);
    const mine = await fag.get(`/api/students/${h().elevStudentId}/disciplinary-cases`);
    expect(mine.json().cases.map((c: { id: string }) => c.id)).toContain(own);
    expect(mine.json().cases.map((c: { id: string }) => c.id)).not.toContain(other);
    const radgiver = await t.login('radgiver');
    const read = await radgiver.get(`/api/disciplinary-cases/${other}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().access.reasonCode).toBe('counsellor');
    expect(read.json().can).toMatchObject({ update: false, suspend: false });
    const audit = await t.database.query<{ reason_code: string }>(
      `select reason_code from audit_log where action = 'disciplinaryCase.read' and resource_type = 'disciplinaryCase' and resource_id = $1`, [other]);
    expect(audit.map((a) => a.reason_code)).toContain('counsellor');
  });
});
