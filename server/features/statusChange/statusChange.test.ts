/**
 * R-52 status changes (endring av elevstatus): prepared by the student's contact teacher, department head
 * and counsellor; decided by the principal with reasons, the date it takes effect, the notice and the
 * appeal (R-73's pattern; forvaltningsloven §§ 24–29); the enrolment changes only when a decision grants
 * it; the family reads the decision letter, never the preparation (R-62 for adult students).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outsiderTeacher, testApp, type Client, type TestApp } from '../../test/harness.js';

const TODAY = '2026-11-25';
let t: TestApp;
let kt: Client, fag: Client, avd: Client, rektor: Client, radgiver: Client, admin: Client, elev: Client, foresatt: Client, utenInnsyn: Client, outsider: Client;
let studentId: string;
let url: string;

const START = { kind: 'leaving', background: 'Eleven har fått læreplass og vil slutte på skolen.', proposedOn: '2026-12-01' };
const MEETING_NOTE = 'Eleven fortalte om planene sine; mor var enig.';

/** What the student has in Elevlos besides the enrolment: none of it may go when the student leaves. */
const recordsOf = async (id: string) => (await t.database.query<Record<string, number>>(
  `select (select count(*)::int from conversation where student_id = $1) as conversations,
          (select count(*)::int from contact_log_entry where student_id = $1) as contact_log,
          (select count(*)::int from absence where student_id = $1) as absence,
          (select count(*)::int from warning_notice where student_id = $1) as warnings,
          (select count(*)::int from guardianship where student_id = $1) as guardians`, [id]))[0]!;

const enrolmentOf = async (id: string) => t.database.query<{ id: string; ends_on: string | null }>(
  'select id, ends_on::text as ends_on from enrolment where student_id = $1 order by id', [id]);
const statusOf = async (id: string) => (await t.database.query<{ status: string; programme: string | null }>('select status, programme from student where id = $1', [id]))[0]!;

beforeAll(async () => {
  t = await testApp();
  studentId = t.demo.hardCases.elevStudentId;
  url = `/api/students/${studentId}/status-changes`;
  const logins: Client[] = [];
  for (const u of ['kontaktlarer', 'faglarer', 'avdelingsleder', 'rektor', 'radgiver', 'skoleadmin', 'elev', 'foresatt', 'foresatt.uten']) logins.push(await t.login(u));
  [kt, fag, avd, rektor, radgiver, admin, elev, foresatt, utenInnsyn] = logins as [Client, Client, Client, Client, Client, Client, Client, Client, Client];
  outsider = await outsiderTeacher(t, studentId);
}, 120_000);
afterAll(async () => t?.close());

let caseId: string;

describe('R-52: the status change is prepared by the contact teacher, the department head and the counsellor', () => {
  it('the contact teacher starts a leaving case with the background and the proposed date; it is on the principal\'s pending list', async () => {
    const res = await kt.request('POST', url, START);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ...START, decision: null, canPrepare: true, canDecide: false, meetings: [], documents: [] });
    caseId = res.json().id;
    expect(res.json().checklist).toEqual({ meetingWithStudent: 'missing', meetingWithGuardians: 'missing', meetingWithCounsellor: 'missing', documents: 'missing' });
    const pending = (await rektor.get('/api/status-changes/pending')).json().statusChanges;
    expect(pending).toContainEqual(expect.objectContaining({ id: caseId, studentId, kind: 'leaving', proposedOn: '2026-12-01' }));
  });

  it('the counsellor records the meeting with the student, the guardians and the counsellor; the department head a document; the checklist follows', async () => {
    const met = await radgiver.request('POST', `${url}/${caseId}/meetings`, { heldOn: '2026-11-20', participants: ['student', 'guardians', 'counsellor'], others: 'Læremester', note: MEETING_NOTE });
    expect(met.statusCode, met.body).toBe(201);
    const doc = await avd.request('POST', `${url}/${caseId}/documents`, { title: 'Lærekontrakt', receivedOn: '2026-11-22', receivedFrom: 'Opplæringskontoret' });
    expect(doc.statusCode, doc.body).toBe(201);
    expect(doc.json().meetings).toEqual([expect.objectContaining({ heldOn: '2026-11-20', participants: ['student', 'guardians', 'counsellor'], others: 'Læremester', note: MEETING_NOTE })]);
    expect(doc.json().documents).toEqual([expect.objectContaining({ title: 'Lærekontrakt', receivedOn: '2026-11-22', receivedFrom: 'Opplæringskontoret' })]);
    expect(doc.json().checklist).toEqual({ meetingWithStudent: 'done', meetingWithGuardians: 'done', meetingWithCounsellor: 'done', documents: 'done' });
  });

  it('a meeting only called (a date ahead) is not counted as held', async () => {
    const other = (await kt.request('POST', url, { ...START, kind: 'changingSchool' })).json().id;
    const res = await kt.request('POST', `${url}/${other}/meetings`, { heldOn: '2026-12-02', participants: ['student'] });
    expect(res.statusCode).toBe(201);
    expect(res.json().checklist.meetingWithStudent).toBe('missing');
    const decide = await rektor.request('POST', `${url}/${other}/decision`, { granted: true, reasons: 'Flytter.', effectiveOn: '2026-12-14', appealTo: 'Rektor' });
    expect(decide.statusCode).toBe(409);
    expect(decide.body).toContain('Før vedtaket må det være holdt et møte med eleven.');
  });

  it('bad input is refused with 400 naming the field in nb, nn and en, unknown fields too, and nothing is saved', async () => {
    const before = (await kt.get(url)).json().statusChanges.length;
    const nb = await kt.request('POST', url, { ...START, newProgramme: 'vocational' });
    expect(nb.statusCode).toBe(400);
    expect(nb.json().errors).toEqual([{ field: 'newProgramme', message: 'Nytt utdanningsprogram gjelder bare når eleven bytter utdanningsprogram.' }]);
    expect((await kt.request('POST', url, { ...START, newProgramme: 'vocational' }, { 'accept-language': 'nn' })).json().errors[0].message)
      .toBe('Nytt utdanningsprogram gjeld berre når eleven byter utdanningsprogram.');
    expect((await kt.request('POST', url, { ...START, newProgramme: 'vocational' }, { 'accept-language': 'en' })).json().errors[0].message)
      .toBe('A new programme applies only when the student changes programme.');
    const missing = await kt.request('POST', url, { kind: 'quitting', background: ' ', proposedOn: '2026-02-30' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['background', 'kind', 'proposedOn']);
    const unknown = await kt.request('POST', url, { ...START, decidedBy: 'meg' });
    expect(unknown.statusCode).toBe(400);
    const future = await kt.request('POST', `${url}/${caseId}/documents`, { title: 'Brev', receivedOn: '2026-12-01', receivedFrom: 'Mor' }, { 'accept-language': 'en' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([{ field: 'receivedOn', message: `The date cannot be after today (${TODAY}).` }]);
    expect((await kt.get(url)).json().statusChanges.length).toBe(before);
    expect((await kt.get(url)).json().statusChanges.find((c: { id: string }) => c.id === caseId).documents).toHaveLength(1);
  });
});

describe('R-52: who may prepare, decide and read', () => {
  it('a subject teacher of the student, the school admin and a guardian are refused the preparation; a teacher outside the student\'s groups is told nothing', async () => {
    for (const c of [fag, admin, foresatt, elev]) {
      const res = await c.get(url);
      expect(res.statusCode, c.username).toBe(403);
      expect(res.body).not.toContain(START.background);
      expect((await c.request('POST', url, START)).statusCode, c.username).toBe(403);
      expect((await c.request('POST', `${url}/${caseId}/meetings`, { heldOn: '2026-11-24', participants: ['student'] })).statusCode).toBe(403);
    }
    expect((await outsider.get(url)).statusCode).toBe(404);
    expect((await utenInnsyn.get(`/api/students/${studentId}/status-decisions`)).statusCode).toBe(404);
  });

  it('only the principal decides: the contact teacher, the department head and the counsellor are refused, and nothing changes', async () => {
    for (const c of [kt, avd, radgiver]) {
      const res = await c.request('POST', `${url}/${caseId}/decision`, { granted: true, reasons: 'Ja.', effectiveOn: '2026-12-01', appealTo: 'Rektor' });
      expect(res.statusCode, c.username).toBe(403);
    }
    expect((await rektor.get(`${url}`)).json().statusChanges.find((c: { id: string }) => c.id === caseId).decision).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/status-changes/pending', headers: { cookie: kt.cookie } })).statusCode).toBe(403);
  });

  it('before the decision nothing about the enrolment changes: the student is still active in the same groups', async () => {
    const enrolment = await enrolmentOf(studentId);
    expect(enrolment.length).toBeGreaterThan(0);
    expect(enrolment.every((e) => e.ends_on === null)).toBe(true);
    expect((await statusOf(studentId)).status).toBe('active');
    expect((await elev.get(`/api/students/${studentId}/status-decisions`)).json().decisions).toEqual([]);
  });
});

describe('R-52 with R-73: the principal\'s decision (vedtak)', () => {
  it('a granted decision needs reasons and the date it takes effect, not before today — 400 naming each field', async () => {
    const noReasons = await rektor.request('POST', `${url}/${caseId}/decision`, { granted: true, reasons: '', effectiveOn: '2026-12-01', appealTo: 'Rektor' });
    expect(noReasons.statusCode).toBe(400);
    expect(noReasons.json().errors[0].field).toBe('reasons');
    const noDate = await rektor.request('POST', `${url}/${caseId}/decision`, { granted: true, reasons: 'Læreplass.', appealTo: 'Rektor' }, { 'accept-language': 'nn' });
    expect(noDate.json().errors).toEqual([{ field: 'effectiveOn', message: 'Når vedtaket innvilgar endringa, må det ha ein dato det gjeld frå.' }]);
    const past = await rektor.request('POST', `${url}/${caseId}/decision`, { granted: true, reasons: 'Læreplass.', effectiveOn: '2026-11-01', appealTo: 'Rektor' });
    expect(past.json().errors).toEqual([{ field: 'effectiveOn', message: `Datoen vedtaket gjelder fra, kan ikke være før i dag (${TODAY}).` }]);
    expect((await enrolmentOf(studentId)).every((e) => e.ends_on === null)).toBe(true);
  });

  it('granted leaving ends every enrolment on the effective date and sets the status to left; nothing the student has is deleted; the notice is link-only', async () => {
    const before = await recordsOf(studentId);
    const enrolmentBefore = await enrolmentOf(studentId);
    const res = await rektor.request('POST', `${url}/${caseId}/decision`,
      { granted: true, reasons: 'Eleven har fått læreplass og har selv bedt om å slutte.', effectiveOn: '2026-12-01', appealTo: 'Rektor ved Fjellvik videregående skole' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().decision).toMatchObject({
      granted: true, effectiveOn: '2026-12-01', decidedOn: TODAY, notifiedOn: TODAY, appealDeadline: '2026-12-16', appealTo: 'Rektor ved Fjellvik videregående skole', appeal: null,
    });
    expect(res.json().canDecide).toBe(false);
    expect(res.json().canPrepare).toBe(false);
    const after = await enrolmentOf(studentId);
    expect(after.map((e) => e.id)).toEqual(enrolmentBefore.map((e) => e.id));
    expect(after.every((e) => e.ends_on === '2026-12-01')).toBe(true);
    expect((await statusOf(studentId)).status).toBe('left');
    expect(await recordsOf(studentId)).toEqual(before);
    const notices = await t.database.query<{ recipient_person_id: string; link: string }>(
      "select recipient_person_id, link from notification where kind = 'statusChange.decision'");
    const [elevPerson] = await t.database.query<{ person_id: string }>('select person_id from student where id = $1', [studentId]);
    expect(notices.map((n) => n.recipient_person_id).sort()).toEqual([elevPerson!.person_id, ...t.demo.hardCases.elevGuardianPersonIds].sort());
    expect(notices.every((n) => n.link === '/me' || n.link === `/children/${studentId}`)).toBe(true);
    expect((await rektor.get('/api/status-changes/pending')).json().statusChanges.some((c: { id: string }) => c.id === caseId)).toBe(false);
  });

  it('a decided case cannot be prepared or decided again (409), and the principal records the appeal within the rules', async () => {
    expect((await avd.request('POST', `${url}/${caseId}/meetings`, { heldOn: '2026-11-24', participants: ['student'] })).statusCode).toBe(409);
    expect((await rektor.request('POST', `${url}/${caseId}/decision`, { granted: false, reasons: 'Nei.', appealTo: 'Rektor' })).statusCode).toBe(409);
    const early = await rektor.request('PUT', `${url}/${caseId}/appeal`, { receivedOn: '2026-11-24' }, { 'accept-language': 'en' });
    expect(early.json().errors).toEqual([{ field: 'receivedOn', message: `The date cannot be before the decision (${TODAY}).` }]);
    const noDate = await rektor.request('PUT', `${url}/${caseId}/appeal`, { receivedOn: TODAY, outcome: 'upheld' });
    expect(noDate.json().errors[0].field).toBe('decidedOn');
    expect((await kt.request('PUT', `${url}/${caseId}/appeal`, { receivedOn: TODAY })).statusCode).toBe(403);
    const ok = await rektor.request('PUT', `${url}/${caseId}/appeal`, { receivedOn: TODAY, note: 'Far klager på vedtaket.' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().decision.appeal).toEqual({ receivedOn: TODAY, outcome: null, decidedOn: null });
  });

  it('the student and the guardian read the decision letter with reasons, effective date and appeal deadline — never the preparation notes', async () => {
    for (const c of [elev, foresatt]) {
      const res = await c.get(`/api/students/${studentId}/status-decisions`);
      expect(res.statusCode, c.username).toBe(200);
      expect(res.json().decisions).toEqual([expect.objectContaining({
        kind: 'leaving', granted: true, reasons: 'Eleven har fått læreplass og har selv bedt om å slutte.', effectiveOn: '2026-12-01', appealDeadline: '2026-12-16',
        schoolName: expect.any(String), decidedBy: expect.any(String),
      })]);
      expect(res.body).not.toContain(START.background);
      expect(res.body).not.toContain(MEETING_NOTE);
      expect(res.body).not.toContain('Lærekontrakt');
    }
  });

  it('every read is in the student\'s access log, the principal\'s pending list included', async () => {
    const log = await elev.get(`/api/students/${studentId}/access-log`);
    expect(log.statusCode, log.body).toBe(200);
    const actions = log.json().entries.map((e: { action: string }) => e.action);
    for (const a of ['statusChange.read', 'statusChange.listPending', 'statusDecision.read']) expect(actions).toContain(a);
  });
});

describe('R-52 with R-62: an adult student decides which guardian reads the decision', () => {
  it('a refused decision about an adult student changes nothing; only the guardian the student consented to is notified and reads it', async () => {
    const adultId = t.demo.hardCases.adultWithConsentStudentId;
    const base = `/api/students/${adultId}/status-changes`;
    const started = await kt.request('POST', base, { kind: 'changingSchool', background: 'Eleven vil flytte til byen.', proposedOn: '2027-01-04' });
    expect(started.json().checklist.meetingWithGuardians).toBe('notNeeded');
    const id = started.json().id;
    await kt.request('POST', `${base}/${id}/meetings`, { heldOn: '2026-11-24', participants: ['student', 'counsellor'] });
    const enrolmentBefore = await enrolmentOf(adultId);
    const res = await rektor.request('POST', `${base}/${id}/decision`, { granted: false, reasons: 'Skolen i byen har ikke plass før høsten.', appealTo: 'Rektor' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().decision).toMatchObject({ granted: false, effectiveOn: null, appealDeadline: '2026-12-16' });
    expect(await enrolmentOf(adultId)).toEqual(enrolmentBefore);
    expect((await statusOf(adultId)).status).toBe('active');
    const notified = (await t.database.query<{ recipient_person_id: string }>(
      "select recipient_person_id from notification where kind = 'statusChange.decision' and link = $1", [`/children/${adultId}`])).map((n) => n.recipient_person_id);
    expect(notified).toEqual([t.demo.hardCases.adultConsentGuardianPersonId]);
    const consented = await t.login('foresatt.myndig');
    expect((await consented.get(`/api/students/${adultId}/status-decisions`)).json().decisions).toHaveLength(1);
  });
});

describe('R-52: changing programme', () => {
  it('a granted change of programme sets the status to changed and the new programme; the enrolment stays for the roster to move', async () => {
    const id2 = t.demo.hardCases.minorityLanguageStudentId;
    const base = `/api/students/${id2}/status-changes`;
    const preparer = radgiver;
    const started = await preparer.request('POST', base, { kind: 'changingProgramme', background: 'Eleven ønsker yrkesfag.', proposedOn: '2027-01-04', newProgramme: 'vocational' });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().id;
    await preparer.request('POST', `${base}/${id}/meetings`, { heldOn: '2026-11-24', participants: ['student', 'guardians', 'counsellor'] });
    const enrolmentBefore = await enrolmentOf(id2);
    const res = await rektor.request('POST', `${base}/${id}/decision`, { granted: true, reasons: 'Eleven har rett til å bytte.', effectiveOn: '2027-01-04', appealTo: 'Rektor' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await statusOf(id2)).toEqual({ status: 'changed', programme: 'vocational' });
    expect(await enrolmentOf(id2)).toEqual(enrolmentBefore);
  });
});
