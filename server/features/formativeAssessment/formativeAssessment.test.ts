/**
 * Formative assessment (R-34; L-05, L-06): who records and who reads, the contact teacher's summary on
 * hand-counted data, and the CSV exchange with another register — on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLogin, testApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let kt: Client;
let fag: Client;
const h = () => t.demo.hardCases;
const count = async () => Number((await t.database.query<{ n: string }>('select count(*) as n from formative_assessment'))[0]!.n);
const record = (c: Client, groupId: string, body: unknown) => c.request('POST', `/api/teaching-groups/${groupId}/formative-assessments`, body);

/** Current members of a class who take a subject (by the code's prefix). */
async function classTaking(basisGroupId: string, groupId: string): Promise<string[]> {
  const rows = await t.database.query<{ student_id: string }>(
    `select e.student_id from enrolment e where e.basis_group_id = $1 and e.ends_on is null
       and e.student_id in (select student_id from enrolment where teaching_group_id = $2 and ends_on is null) order by e.student_id`,
    [basisGroupId, groupId]);
  return rows.map((r) => r.student_id);
}

beforeAll(async () => {
  t = await testApp();
  [kt, fag] = await Promise.all([t.login('kontaktlarer'), t.login('faglarer')]);
});
afterAll(async () => t?.close());

describe('R-34 recording formative assessments', () => {
  it('a subject teacher records feedback for the whole group at once, and is refused for a group they do not teach', async () => {
    const before = await count();
    const ok = await record(fag, h().teachingGroup2STAMATId, { assessedOn: '2026-11-24', kind: 'writtenFeedback', entries: [{ studentId: h().elevStudentId, feedback: 'Ryddig førsteutkast.' }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().students.find((s: { studentId: string }) => s.studentId === h().elevStudentId).assessments[0]).toMatchObject({ feedback: 'Ryddig førsteutkast.', mine: true });
    const denied = await record(fag, h().teachingGroup2STANORId, { assessedOn: '2026-11-24', kind: 'test', entries: [{ studentId: h().elevStudentId, feedback: 'Ikke min gruppe.' }] });
    expect(denied.statusCode).toBe(404);
    expect(await count()).toBe(before + 1);
  });

  it('bad input is refused with 400 naming the field, and nothing is saved', async () => {
    const before = await count();
    const future = await record(fag, h().teachingGroup2STAMATId, { assessedOn: '2026-12-01', kind: 'test', entries: [{ studentId: h().elevStudentId, feedback: 'x' }] });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('assessedOn');
    const outsider = await record(fag, h().teachingGroup2STAMATId, {
      assessedOn: '2026-11-24', kind: 'test', entries: [{ studentId: h().elevStudentId, feedback: 'Bra.' }, { studentId: h().leftStudentId, feedback: 'Bra.' }],
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().errors[0].field).toBe('entries.1.studentId');
    const blank = await record(fag, h().teachingGroup2STAMATId, { assessedOn: '2026-11-24', kind: 'quiz', entries: [{ studentId: h().elevStudentId, feedback: '   ' }] });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'entries.0.feedback'].sort());
    expect(await count()).toBe(before);
  });
});

describe('R-34 correcting a formative assessment', () => {
  const mat = () => `/api/teaching-groups/${h().teachingGroup2STAMATId}/formative-assessments`;
  let id: string;
  beforeAll(async () => {
    const res = await record(fag, h().teachingGroup2STAMATId, { assessedOn: '2026-11-10', kind: 'writtenFeedback', entries: [{ studentId: h().elevStudentId, feedback: 'Førsteutkast til fagartikkel.' }] });
    expect(res.statusCode, res.body).toBe(200);
    id = (await t.database.query<{ id: string }>('select id from formative_assessment where teaching_group_id = $1 and student_id = $2 and assessed_on = $3',
      [h().teachingGroup2STAMATId, h().elevStudentId, '2026-11-10']))[0]!.id;
  });

  it('the teacher who recorded it corrects the text, and the student reads the corrected text', async () => {
    const res = await fag.request('PATCH', `${mat()}/${id}`, { feedback: 'Førsteutkast til fagartikkel; husk kildelisten.' });
    expect(res.statusCode, res.body).toBe(200);
    const elev = (await (await t.login('elev')).get(`/api/students/${h().elevStudentId}/formative-assessments`)).json();
    expect(elev.assessments.map((a: { feedback: string }) => a.feedback)).toContain('Førsteutkast til fagartikkel; husk kildelisten.');
    expect(elev.assessments.map((a: { feedback: string }) => a.feedback)).not.toContain('Førsteutkast til fagartikkel.');
  });

  it('an empty text or a future date is refused with the field named, and the saved text stays', async () => {
    const blank = await fag.request('PATCH', `${mat()}/${id}`, { feedback: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].field).toBe('feedback');
    const future = await fag.request('PATCH', `${mat()}/${id}`, { feedback: 'Ny tekst', assessedOn: '2026-12-24' }, { 'accept-language': 'nn' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ field: 'assessedOn' });
    const [row] = await t.database.query<{ feedback: string }>('select feedback from formative_assessment where id = $1', [id]);
    expect(row!.feedback).toBe('Førsteutkast til fagartikkel; husk kildelisten.');
  });

  it('another teacher cannot change what a colleague wrote (403), even in a group they teach', async () => {
    const ktPerson = (await kt.get('/api/me')).json().person.id as string;
    await t.database.query('update formative_assessment set recorded_by_person_id = $2 where id = $1', [id, ktPerson]);
    const res = await fag.request('PATCH', `${mat()}/${id}`, { feedback: 'Overskrevet.' });
    expect(res.statusCode).toBe(403);
    const [row] = await t.database.query<{ feedback: string }>('select feedback from formative_assessment where id = $1', [id]);
    expect(row!.feedback).toBe('Førsteutkast til fagartikkel; husk kildelisten.');
  });
});

describe('R-34 reading formative assessments (L-05, L-06)', () => {
  it('the student sees their own feedback on their own page; a subject teacher sees only their own subjects', async () => {
    await record(kt, h().teachingGroup2STANORId, { assessedOn: '2026-11-23', kind: 'presentation', entries: [{ studentId: h().elevStudentId, feedback: 'Engasjerende framføring.' }] });
    const elev = await (await t.login('elev')).get(`/api/students/${h().elevStudentId}/formative-assessments`);
    expect(elev.statusCode).toBe(200);
    expect(elev.json().access.reasonCode).toBe('self');
    expect(elev.json().assessments.map((a: { feedback: string }) => a.feedback)).toEqual(expect.arrayContaining(['Engasjerende framføring.', 'Ryddig førsteutkast.']));
    const asFag = (await fag.get(`/api/students/${h().elevStudentId}/formative-assessments`)).json();
    expect(asFag.scope).toBe('ownGroups');
    expect(asFag.assessments.every((a: { groupName: string }) => a.groupName === '2STA-MAT')).toBe(true);
    const otherStudent = await (await t.login('elev.myndig')).get(`/api/students/${h().elevStudentId}/formative-assessments`);
    expect(otherStudent.statusCode).toBe(404);
  });

  it('a guardian without parental responsibility is refused (L-05)', async () => {
    const res = await (await t.login('foresatt.uten')).get(`/api/students/${h().noResponsibilityStudentId}/formative-assessments`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('feedback');
  });

  it('an adult student\'s guardian reads only with the student\'s consent (L-06)', async () => {
    await addLogin(t.database, t.demo.ownerId, h().adultNoConsentGuardianPersonId, 'foresatt.ikkesamtykke');
    const withConsent = await (await t.login('foresatt.myndig')).get(`/api/students/${h().adultWithConsentStudentId}/formative-assessments`);
    expect(withConsent.statusCode).toBe(200);
    expect(withConsent.json().access.reasonCode).toBe('guardianByConsent');
    const without = await (await t.login('foresatt.ikkesamtykke')).get(`/api/students/${h().adultWithConsentStudentId}/formative-assessments`);
    expect(without.statusCode).toBe(404);
  });
});

describe('R-34 the contact teacher\'s summary of the class', () => {
  it('counts this term\'s assessments per subject, names the latest date and lists who has none (hand-counted)', async () => {
    await t.database.query('delete from formative_assessment');
    const math = await classTaking(h().basisGroup2STAId, h().teachingGroup2STAMATId);
    const [a, b] = [h().elevStudentId, math.find((id) => id !== h().elevStudentId)!];
    expect(math).toContain(a);
    await record(fag, h().teachingGroup2STAMATId, { assessedOn: '2026-10-05', kind: 'test', entries: [{ studentId: a, feedback: 'Prøve 1' }, { studentId: b, feedback: 'Prøve 1' }] });
    await record(fag, h().teachingGroup2STAMATId, { assessedOn: '2026-11-20', kind: 'writtenFeedback', entries: [{ studentId: a, feedback: 'Innlevering' }] });
    await record(kt, h().teachingGroup2STANORId, { assessedOn: '2026-11-02', kind: 'conversation', entries: [{ studentId: a, feedback: 'Fagsamtale' }] });
    // before this term: not counted
    await t.database.query(`insert into formative_assessment (owner_id, id, student_id, teaching_group_id, subject_id, assessed_on, kind, feedback, recorded_by_person_id)
      select owner_id, gen_random_uuid(), student_id, teaching_group_id, subject_id, '2026-06-10', kind, 'I fjor', recorded_by_person_id from formative_assessment where teaching_group_id = $1`, [h().teachingGroup2STANORId]);

    const res = await kt.get(`/api/basis-groups/${h().basisGroup2STAId}/formative-assessments`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const mat = body.subjects.find((s: { subjectCode: string }) => s.subjectCode.startsWith('MAT'));
    expect(mat).toMatchObject({ students: math.length, count: 3, latestOn: '2026-11-20' });
    expect(mat.withoutAssessment.map((s: { studentId: string }) => s.studentId).sort()).toEqual(math.filter((id) => id !== a && id !== b).sort());
    const nor = body.subjects.find((s: { subjectCode: string }) => s.subjectCode.startsWith('NOR'));
    expect(nor).toMatchObject({ count: 1, latestOn: '2026-11-02' });
    expect(nor.withoutAssessment).toHaveLength(nor.students - 1);
    const audited = await t.database.query('select 1 from audit_log where action = $1 and student_id = $2', ['basisGroup.readFormativeSummary', a]);
    expect(audited.length).toBeGreaterThan(0);
    expect((await (await t.login('radgiver')).get(`/api/basis-groups/${h().basisGroup2STAId}/formative-assessments`)).statusCode).toBe(403);
  });
});

describe('R-34 CSV exchange with another register', () => {
  const url = () => `/api/teaching-groups/${h().teachingGroup2STAMATId}/formative-assessments`;

  it('exports a group and imports the same file back: a round trip that changes nothing and restores what was lost', async () => {
    const first = await fag.get(`${url()}.csv`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/text\/csv/);
    const lines = first.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('elev-id;elev;dato;type;tilbakemelding');
    expect(lines.length).toBe(1 + 3);
    const again = await fag.request('POST', `${url()}/import`, { csv: first.body });
    expect(again.json()).toEqual({ created: 0, unchanged: 3 });
    await t.database.query('delete from formative_assessment where teaching_group_id = $1', [h().teachingGroup2STAMATId]);
    const restored = await fag.request('POST', `${url()}/import`, { csv: first.body });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toEqual({ created: 3, unchanged: 0 });
    expect((await fag.get(`${url()}.csv`)).body).toBe(first.body);
  });

  it('a file with one bad line saves nothing and names each bad line and field', async () => {
    const before = await count();
    const csv = [
      'elev;dato;type;tilbakemelding',
      `${h().elevStudentId};25.11.2026;Prøve;Bra arbeid`,
      'Finnes, Ikke;2026-11-20;test;Hvem er dette?',
      `${h().elevStudentId};2026-02-30;muntlig;`,
    ].join('\n');
    const res = await fag.request('POST', `${url()}/import`, { csv: csv.replace('elev;', 'elev-id;') });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(['rows.3.studentId', 'rows.4.date', 'rows.4.kind', 'rows.4.feedback']);
    expect(res.json().errors[0].message).toContain('Finnes, Ikke');
    expect(await count()).toBe(before);
  });
});
