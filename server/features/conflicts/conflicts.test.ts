/**
 * Conflicts between students, across classes. Privacy decision under test: a contact teacher sees
 * the conflict, its description and the shared steps, and their OWN student's part; every other involved
 * student appears only as "another student in <class>" unless the viewer has a relationship to them.
 * Leaders and whoever recorded it see it all; students and guardians never see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLogin, testApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let kt: Client;
let ktB: Client;
let conflictId: string;
let stbStudent: string;
const h = () => t.demo.hardCases;

/** Gives the (first) contact teacher of a class a login. */
async function contactTeacherOf(basisGroupId: string, username: string): Promise<Client> {
  const [row] = await t.database.query<{ person_id: string }>(
    `select sm.person_id from contact_teacher_assignment c join staff_member sm on sm.owner_id = c.owner_id and sm.id = c.staff_member_id
     where c.basis_group_id = $1 and sm.id <> $2 order by sm.id limit 1`, [basisGroupId, h().contactTeacherStaffMemberId]);
  await addLogin(t.database, t.demo.ownerId, row!.person_id, username);
  return t.login(username);
}

beforeAll(async () => {
  t = await testApp();
  kt = await t.login('kontaktlarer');
  ktB = await contactTeacherOf(h().basisGroup2STBId, 'kontakt.2stb');
  const [row] = await t.database.query<{ student_id: string }>(
    `select e.student_id from enrolment e join student s on s.id = e.student_id where e.basis_group_id = $1 and e.ends_on is null and s.status = 'active'
       and e.student_id not in (select student_id from conflict_student) order by e.student_id limit 1`, [h().basisGroup2STBId]);
  stbStudent = row!.student_id;
  const res = await kt.request('POST', '/api/conflicts', {
    occurredOn: '2026-11-19', description: 'Ordveksling i kantina som endte med dytting.',
    students: [{ studentId: h().elevStudentId, note: 'Eleven sier hun ble provosert over tid.' }, { studentId: stbStudent, note: 'Eleven innrømmer dyttingen.' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  conflictId = res.json().id;
  await kt.request('POST', `/api/conflicts/${conflictId}/steps`, { takenOn: '2026-11-20', description: 'Samtale med eleven alene.', studentId: h().elevStudentId });
  await kt.request('POST', `/api/conflicts/${conflictId}/steps`, { takenOn: '2026-11-23', description: 'Meklingsmøte med begge elevene.' });
});
afterAll(async () => t?.close());

interface Involved { known: boolean; studentId: string | null; groupName: string | null; note: string | null }

describe('R-24 a conflict across two classes: each contact teacher sees their own student\'s part only', () => {
  it('the other class\'s contact teacher sees their own student by name and elev only as "another student in 2STA"', async () => {
    const res = await ktB.get(`/api/conflicts/${conflictId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.scope).toBe('ownStudents');
    expect(body.access.reasonCode).toBe('contactTeacher');
    expect(body.students).toEqual([
      expect.objectContaining({ known: true, studentId: stbStudent, groupName: '2STB', note: 'Eleven innrømmer dyttingen.' }),
      { known: false, studentId: null, givenName: null, familyName: null, groupName: '2STA', note: null },
    ]);
    expect(res.body).not.toContain(h().elevStudentId);
    expect(res.body).not.toContain('provosert');
    // the step with elev alone concerns elev; the mediation meeting is shared
    expect(body.steps.map((s: { description: string }) => s.description)).toEqual(['Meklingsmøte med begge elevene.']);
  });

  it('the contact teacher who recorded it sees the whole record', async () => {
    const body = (await kt.get(`/api/conflicts/${conflictId}`)).json();
    expect(body.scope).toBe('full');
    expect(body.students.every((s: Involved) => s.known)).toBe(true);
    expect(body.steps).toHaveLength(2);
  });

  it('reads are audited for the students seen by name only', async () => {
    const [ktBPerson] = await t.database.query<{ person_id: string }>('select person_id from account where username = $1', ['kontakt.2stb']);
    const rows = await t.database.query<{ student_id: string }>(
      `select student_id from audit_log where action = 'conflict.read' and actor_person_id = $1 and resource_id = $2`, [ktBPerson!.person_id, conflictId]);
    expect(rows.map((r) => r.student_id)).toEqual([stbStudent]);
  });

  it('the other contact teacher cannot write about elev: 400 naming studentId, and nothing saved', async () => {
    const res = await ktB.request('POST', `/api/conflicts/${conflictId}/steps`, { takenOn: '2026-11-24', description: 'Ringte hjem.', studentId: h().elevStudentId });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('studentId');
    expect((await kt.get(`/api/conflicts/${conflictId}`)).json().steps).toHaveLength(2);
    const note = await ktB.request('PUT', `/api/conflicts/${conflictId}/students/${h().elevStudentId}/note`, { note: 'x' });
    expect(note.statusCode).toBe(400);
  });

  it('a contact teacher of a class with no student involved gets 404, and the conflict is not in their list', async () => {
    const other = await contactTeacherOf(h().basisGroup1STAId, 'kontakt.1sta');
    const res = await other.get(`/api/conflicts/${conflictId}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).toBe((await other.get('/api/conflicts/7e0f4c1a-1111-4222-8333-944455556666')).body);
    expect((await other.get('/api/conflicts')).json().conflicts.map((c: { id: string }) => c.id)).not.toContain(conflictId);
  });

  it('the department head and the counsellor see every student by name', async () => {
    for (const who of ['avdelingsleder', 'radgiver']) {
      const body = (await (await t.login(who)).get(`/api/conflicts/${conflictId}`)).json();
      expect(body.scope, who).toBe('full');
      expect(body.students.map((s: Involved) => s.studentId).sort(), who).toEqual([h().elevStudentId, stbStudent].sort());
    }
  });

  it('it is internal: the student and a guardian get nothing', async () => {
    for (const who of ['elev', 'foresatt']) {
      const c = await t.login(who);
      expect((await c.get(`/api/conflicts/${conflictId}`)).statusCode, who).toBe(404);
      expect([403, 404], who).toContain((await c.get(`/api/students/${h().elevStudentId}/conflicts`)).statusCode);
    }
  });

  it('the student page lists the conflict with the other student by class only', async () => {
    const list = (await ktB.get(`/api/students/${stbStudent}/conflicts`)).json().conflicts;
    expect(list).toHaveLength(1);
    expect(list[0].students.map((s: Involved) => (s.known ? s.studentId : `another in ${s.groupName}`))).toEqual([stbStudent, 'another in 2STA']);
  });
});

describe('R-24 recording and resolving: bad input is refused with the field named', () => {
  it('a subject teacher with no contact-teacher relationship cannot record a conflict', async () => {
    const res = await (await t.login('faglarer')).request('POST', '/api/conflicts', {
      occurredOn: '2026-11-20', description: 'Krangel.', students: [{ studentId: h().elevStudentId }, { studentId: stbStudent }],
    });
    expect(res.statusCode).toBe(403);
  });

  it('one student, a future date or a missing description give 400 with the field', async () => {
    const count = async () => (await t.database.query('select id from conflict')).length;
    const before = await count();
    const one = await kt.request('POST', '/api/conflicts', { occurredOn: '2026-11-20', description: 'Krangel.', students: [{ studentId: h().elevStudentId }] });
    expect(one.statusCode).toBe(400);
    expect(one.json().errors[0].field).toMatch(/students/);
    const future = await kt.request('POST', '/api/conflicts', { occurredOn: '2026-12-20', description: 'Krangel.', students: [{ studentId: h().elevStudentId }, { studentId: stbStudent }] });
    expect(future.json().errors[0].field).toBe('occurredOn');
    const blank = await kt.request('POST', '/api/conflicts', { occurredOn: '2026-11-20', description: '  ', students: [{ studentId: h().elevStudentId }, { studentId: stbStudent }] });
    expect(blank.json().errors[0].field).toBe('description');
    expect(await count()).toBe(before);
  });

  it('resolving needs a date on or after the day it happened; then both contact teachers see it resolved', async () => {
    const missing = await ktB.request('PUT', `/api/conflicts/${conflictId}/status`, { status: 'resolved' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('resolvedOn');
    const early = await ktB.request('PUT', `/api/conflicts/${conflictId}/status`, { status: 'resolved', resolvedOn: '2026-11-10' });
    expect(early.json().errors[0].field).toBe('resolvedOn');
    const ok = await ktB.request('PUT', `/api/conflicts/${conflictId}/status`, { status: 'resolved', resolvedOn: '2026-11-24' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await kt.get(`/api/conflicts/${conflictId}`)).json()).toMatchObject({ status: 'resolved', resolvedOn: '2026-11-24' });
  });
});
