/**
 * Accommodation needs — skjemaelever: who registers, who reads (and who never does), a receipt per
 * subject teacher, the contact teacher's not-confirmed list after the first three school weeks, reminders
 * by notice and e-mail, and the evidence for the routine engine — on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../core/jobs/queue.js';
import { closeMailTransports, startMailCapture, type MailCapture } from '../../core/mail/mailer.js';
import { addLogin, testApp, type Client, type TestApp } from '../../test/harness.js';
import { accommodationNeedConfirmedEvidence } from './evidence.js';
import { today } from '../../core/time.js';
import { wholeSchool } from '../../core/evidence/sources.js';

let t: TestApp;
let capture: MailCapture;
let kt: Client;
let fag: Client;
let radgiver: Client;
const h = () => t.demo.hardCases;
let studentId: string;

interface Teacher { personId: string; name: string; confirmedAt: string | null; lastRemindedAt: string | null }
interface ClassRow { student: { id: string }; teachers: Teacher[]; notConfirmed: number; overdue: boolean; dueOn: string }

const personOf = async (username: string) => (await t.database.query<{ person_id: string }>('select person_id from account where username = $1', [username]))[0]!.person_id;
const classList = async () => (await kt.get(`/api/basis-groups/${h().basisGroup2STAId}/accommodation-needs`)).json() as { students: ClassRow[]; schoolStartDueOn: string };
const rowOf = async (id: string) => (await classList()).students.find((s) => s.student.id === id);

beforeAll(async () => {
  capture = await startMailCapture();
  t = await testApp({ smtp: { url: capture.url, from: 'Elevlos <ikke-svar@fjellvik.example>' }, publicUrl: 'https://elevlos.fjellvik.example' });
  [kt, fag, radgiver] = await Promise.all([t.login('kontaktlarer'), t.login('faglarer'), t.login('radgiver')]);
  // a 2STA student in 2STA-MAT whose needs faglarer has not confirmed (the demo guarantees one)
  const mine = (await fag.get('/api/me/accommodation-needs')).json() as { students: { student: { id: string } }[] };
  const classIds = new Set((await classList()).students.map((s) => s.student.id));
  const inMath = new Set((await t.database.query<{ student_id: string }>(
    'select student_id from enrolment where teaching_group_id = $1 and ends_on is null', [h().teachingGroup2STAMATId])).map((r) => r.student_id));
  studentId = mine.students.map((s) => s.student.id).find((id) => classIds.has(id) && inMath.has(id))!;
  expect(studentId).toBeTruthy();
}, 120_000);

afterAll(async () => {
  await t?.close();
  await capture?.close();
  closeMailTransports();
});

describe('R-04 registering a need', () => {
  it('the counsellor registers what the student needs and what teachers should do; every current subject teacher is asked to confirm', async () => {
    const before = Number((await t.database.query<{ n: string }>("select count(*) as n from notification where kind = 'accommodationNeed.toConfirm'"))[0]!.n);
    const res = await radgiver.request('POST', `/api/students/${h().elevStudentId}/accommodation-needs`, { description: 'Hørselshemmet', guidance: 'Snakk vendt mot klassen; bruk mikrofon.' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.needs.find((n: { description: string }) => n.description === 'Hørselshemmet')).toMatchObject({ guidance: 'Snakk vendt mot klassen; bruk mikrofon.', revision: 1 });
    expect(body.teachers.length).toBeGreaterThan(0);
    const after = Number((await t.database.query<{ n: string }>("select count(*) as n from notification where kind = 'accommodationNeed.toConfirm'"))[0]!.n);
    expect(after - before).toBe(body.teachers.length);
  });

  it('a subject teacher may not register a need, and an empty description is refused naming the field', async () => {
    expect((await fag.request('POST', `/api/students/${h().elevStudentId}/accommodation-needs`, { description: 'X', guidance: '' })).statusCode).toBe(403);
    const bad = await radgiver.request('POST', `/api/students/${h().elevStudentId}/accommodation-needs`, { description: '   ', guidance: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors ?? bad.json().invalidParams ?? bad.body).toBeTruthy();
    expect(bad.body).toContain('description');
  });
});

describe('R-04 only the student\'s teachers and leaders read a need', () => {
  it('the student, a guardian and the contact teacher of another class are denied, and each denial is audited', async () => {
    const [elev, foresatt, other] = await Promise.all([t.login('elev'), t.login('foresatt'), t.login('kontaktlarer.2stb')]);
    const url = `/api/students/${h().elevStudentId}/accommodation-needs`;
    expect((await elev.get(url)).statusCode).toBe(403);
    expect((await foresatt.get(url)).statusCode).toBe(403);
    expect((await other.get(url)).statusCode).toBe(404);
    const denials = await t.database.query<{ n: string }>(
      "select count(*) as n from audit_log where action = 'accommodationNeed.read' and decision = 'deny' and student_id = $1", [h().elevStudentId]);
    expect(Number(denials[0]!.n)).toBe(3);
  });

  it('every read is audited with the relationship as the reason', async () => {
    const res = await fag.get(`/api/students/${h().elevStudentId}/accommodation-needs`);
    expect(res.statusCode).toBe(200);
    expect(res.json().access.reasonCode).toBe('subjectTeacher');
    const [row] = await t.database.query<{ reason_code: string }>(
      "select reason_code from audit_log where action = 'accommodationNeed.read' and decision = 'allow' and actor_person_id = $1 and student_id = $2 order by id desc limit 1",
      [await personOf('faglarer'), h().elevStudentId]);
    expect(row?.reason_code).toBe('subjectTeacher');
  });
});

describe('R-04 receipts per subject teacher', () => {
  it('after the first three school weeks the contact teacher sees who has not confirmed, highlighted', async () => {
    const list = await classList();
    // the school year starts on a weekday in August; the 15th school day is three weeks on
    const [year] = await t.database.query<{ starts_on: string }>('select starts_on::text from school_year order by starts_on desc limit 1');
    let day = new Date(`${year!.starts_on}T00:00:00Z`);
    let n = 0;
    while (true) { if (day.getUTCDay() % 6 !== 0) n++; if (n === 15) break; day = new Date(day.getTime() + 86_400_000); }
    expect(list.schoolStartDueOn).toBe(day.toISOString().slice(0, 10));
    const row = (await rowOf(studentId))!;
    const faglarer = await personOf('faglarer');
    expect(row.teachers.find((x) => x.personId === faglarer)?.confirmedAt).toBeNull();
    expect(row.overdue).toBe(true);
  });

  it('a subject teacher confirms, and disappears from the contact teacher\'s not-confirmed list and from their own list', async () => {
    const faglarer = await personOf('faglarer');
    const before = (await rowOf(studentId))!;
    const countBefore = (await fag.get('/api/me/accommodation-needs/count')).json().count as number;
    const res = await fag.request('POST', `/api/students/${studentId}/accommodation-needs/receipts`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().confirmedByMe).toBe(true);
    const after = (await rowOf(studentId))!;
    expect(after.teachers.find((x) => x.personId === faglarer)?.confirmedAt).not.toBeNull();
    expect(after.notConfirmed).toBe(before.notConfirmed - 1);
    expect((await fag.get('/api/me/accommodation-needs/count')).json().count).toBe(countBefore - 1);
    const mine = (await fag.get('/api/me/accommodation-needs')).json() as { students: { student: { id: string } }[] };
    expect(mine.students.some((s) => s.student.id === studentId)).toBe(false);
  });

  it('a changed need must be confirmed again', async () => {
    const faglarer = await personOf('faglarer');
    const need = (await radgiver.get(`/api/students/${studentId}/accommodation-needs`)).json().needs[0] as { id: string; description: string; guidance: string };
    const res = await radgiver.request('PUT', `/api/students/${studentId}/accommodation-needs/${need.id}`, { description: need.description, guidance: `${need.guidance} Gi også skriftlige beskjeder.` });
    expect(res.statusCode, res.body).toBe(200);
    expect((await rowOf(studentId))!.teachers.find((x) => x.personId === faglarer)?.confirmedAt).toBeNull();
    await fag.request('POST', `/api/students/${studentId}/accommodation-needs/receipts`);
    expect((await rowOf(studentId))!.teachers.find((x) => x.personId === faglarer)?.confirmedAt).not.toBeNull();
  });

  it('a teacher who joins the student\'s group later must confirm too', async () => {
    const [staff] = await t.database.query<{ id: string; person_id: string }>(
      `select sm.id, sm.person_id from staff_member sm where sm.id not in (select staff_member_id from subject_teacher_assignment where teaching_group_id = $1)
         and sm.person_id not in (select teacher_person_id from accommodation_need_receipt)
         and sm.id not in (select staff_member_id from contact_teacher_assignment) and sm.id not in (select staff_member_id from staff_role where role <> 'teacher') limit 1`, [h().teachingGroup2STAMATId]);
    await t.database.query('insert into subject_teacher_assignment (owner_id, teaching_group_id, staff_member_id) values ($1, $2, $3)', [t.demo.ownerId, h().teachingGroup2STAMATId, staff!.id]);
    const row = (await rowOf(studentId))!;
    expect(row.teachers.find((x) => x.personId === staff!.person_id), JSON.stringify({ staff, row })).toMatchObject({ confirmedAt: null });
    await addLogin(t.database, t.demo.ownerId, staff!.person_id, 'ny.laerer');
    const ny = await t.login('ny.laerer');
    expect((await ny.get('/api/me/accommodation-needs')).json().students.some((s: { student: { id: string } }) => s.student.id === studentId)).toBe(true);
  });

  it('a subject teacher has nothing to confirm for a student without needs (409, nothing saved)', async () => {
    const [other] = await t.database.query<{ id: string }>(
      `select e.student_id as id from enrolment e where e.basis_group_id = $1 and e.ends_on is null
         and e.student_id in (select student_id from enrolment where teaching_group_id = $2 and ends_on is null)
         and not exists (select 1 from accommodation_need a where a.student_id = e.student_id and a.ended_at is null) limit 1`, [h().basisGroup2STAId, h().teachingGroup2STAMATId]);
    expect((await fag.request('POST', `/api/students/${other!.id}/accommodation-needs/receipts`)).statusCode).toBe(409);
  });
});

describe('R-04 reminders', () => {
  it('the contact teacher reminds those who have not confirmed: a notice and an e-mail each, recorded, with no student name in the mail', async () => {
    const row = (await rowOf(studentId))!;
    const pending = row.teachers.filter((x) => x.confirmedAt === null);
    expect(pending.length).toBeGreaterThan(0);
    const res = await kt.request('POST', `/api/basis-groups/${h().basisGroup2STAId}/accommodation-needs/reminders`, { studentIds: [studentId] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ reminded: pending.length, students: 1 });
    const after = (await rowOf(studentId))!;
    for (const p of pending) expect(after.teachers.find((x) => x.personId === p.personId)?.lastRemindedAt).not.toBeNull();
    await runDueJobs(t.database);
    const mails = await capture.messages();
    const emails = await t.database.query<{ email: string }>('select email from person where id = any($1::uuid[]) and email is not null', [pending.map((p) => p.personId)]);
    const reminders = mails.filter((m) => String(m.subject).startsWith('Påminnelse'));
    expect(reminders.length).toBe(emails.length);
    const [student] = await t.database.query<{ family_name: string }>('select p.family_name from student s join person p on p.id = s.person_id where s.id = $1', [studentId]);
    for (const m of reminders) {
      expect(m.text).toContain(`https://elevlos.fjellvik.example/students/${studentId}/accommodation-needs`);
      expect(m.text).not.toContain(student!.family_name);
    }
  });

  it('only the class\'s contact teacher reminds, and a student from another class is refused naming the field', async () => {
    const avd = await t.login('avdelingsleder');
    expect((await avd.request('POST', `/api/basis-groups/${h().basisGroup2STAId}/accommodation-needs/reminders`, {})).statusCode).toBe(403);
    const bad = await kt.request('POST', `/api/basis-groups/${h().basisGroup2STAId}/accommodation-needs/reminders`, { studentIds: [h().leftStudentId] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('studentIds.0');
  });
});

describe('R-04 evidence for the annual cycle', () => {
  it('a student counts as done once every current subject teacher has confirmed every need', async () => {
    const [year] = await t.database.query<{ id: string }>('select id from school_year order by starts_on desc limit 1');
    const run = async () => {
      const params: unknown[] = [];
      const sql = accommodationNeedConfirmedEvidence.sql!(wholeSchool({ ownerId: t.demo.ownerId, schoolId: t.demo.schoolId, schoolYearId: year!.id, subject: 'student', param: null, today: today() }),
        (v) => { params.push(v); return `$${params.length}`; });
      return (await t.database.query<{ subject_id: string }>(sql, params)).map((r) => r.subject_id);
    };
    expect(await run()).not.toContain(studentId);
    const teachers = (await rowOf(studentId))!.teachers.filter((x) => x.confirmedAt === null);
    for (const x of teachers) {
      const username = `t.${x.personId.slice(0, 8)}`;
      if (!(await t.database.query('select 1 from account where person_id = $1', [x.personId])).length) await addLogin(t.database, t.demo.ownerId, x.personId, username);
      const [acc] = await t.database.query<{ username: string }>('select username from account where person_id = $1', [x.personId]);
      expect((await (await t.login(acc!.username)).request('POST', `/api/students/${studentId}/accommodation-needs/receipts`)).statusCode).toBe(200);
    }
    expect(await run()).toContain(studentId);
  });
});
