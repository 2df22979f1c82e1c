/**
 * The home page's "this week and overdue" (R-30…R-33): one line per routine across the person's classes and
 * groups, overdue first; every student named on it decided by the policy (student.read) and put on record —
 * including when the task engine hands out a student the person no longer has. "Today" is 2026-11-25.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testApp, type Client, type TestApp } from '../../test/harness.js';
import { NIL_UUID } from '../../core/evidence/sources.js';
import { MY_TASKS_ACTION } from './homeTasks.js';
import type { TaskRow } from './queries/tasks.js';
import { tasksOf } from './service.js';

// the engine as it is, but a test may hand the route one extra task row (a stale or too generous engine)
vi.mock('./service.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('./service.js')>();
  return { ...real, tasksOf: vi.fn(real.tasksOf) };
});
const realTasksOf = (await vi.importActual<typeof import('./service.js')>('./service.js')).tasksOf;

let t: TestApp;
let kt: Client;
let kt2: Client;
let fag: Client;
let rektor: Client;
const h = () => t.demo.hardCases;
const TODAY = '2026-11-25';

interface Line {
  routineId: string; title: string; scope: string; closesOn: string; basisGroup: { id: string; name: string } | null; basisGroups: { id: string; name: string }[];
  total: number; done: number; overdue: number; pending: { subjectId: string; teacherId: string | null; name: string; detail: string | null; status: string }[];
}
const studentScopes = new Set(['eachStudent', 'eachSubjectTeacherOfStudent']);

async function myTasks(c: Client): Promise<Line[]> {
  const res = await c.get('/api/annual-cycle/my-tasks');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().groups;
}
const namedStudents = (lines: Line[]) => new Set(lines.filter((l) => studentScopes.has(l.scope)).flatMap((l) => l.pending.map((p) => p.subjectId)));
async function routineId(key: string): Promise<string> {
  const res = await rektor.get('/api/annual-cycle');
  return (res.json().routines as { id: string; builtinKey: string | null }[]).find((r) => r.builtinKey === key)!.id;
}
const personOf = (username: string) => t.demo.logins.find((l) => l.username === username)!.personId;
/** The home-list entries of the audit log written after `since` (an audit_log id from `mark()`). */
async function auditedSince(username: string, since: number) {
  return t.database.query<{ student_id: string; reason_code: string; decision: string }>(
    'select student_id, reason_code, decision from audit_log where action = $1 and actor_person_id = $2 and id > $3', [MY_TASKS_ACTION, personOf(username), since]);
}
/** The rows the engine computes for `c`'s next list request, kept to be handed back later as a stale engine's. */
async function engineRowsOf(c: Client): Promise<TaskRow[]> {
  let rows: TaskRow[] = [];
  vi.mocked(tasksOf).mockImplementationOnce(async (...args) => (rows = await realTasksOf(...args)));
  await myTasks(c);
  return rows;
}
/** The next list request gets these rows from the engine, whatever the data says now. */
const replayOnce = (rows: TaskRow[]) => vi.mocked(tasksOf).mockImplementationOnce(async () => rows);
const mark = async () => (await t.database.query<{ id: number }>('select coalesce(max(id), 0)::int as id from audit_log'))[0]!.id;

beforeAll(async () => {
  t = await testApp();
  [kt, kt2, fag, rektor] = await Promise.all(['kontaktlarer', 'kontaktlarer.2stb', 'faglarer', 'rektor'].map((u) => t.login(u))) as [Client, Client, Client, Client];
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('one line per routine, overdue first', () => {
  it('gives a subject teacher with several groups one line per routine, counted across them, with each student\'s class', async () => {
    const formative = await routineId('formativeAssessments');
    const lines = (await myTasks(fag)).filter((l) => l.routineId === formative);
    expect(lines).toHaveLength(1);
    const [line] = lines as [Line];
    expect(line.basisGroup).toBeNull();
    expect(line.basisGroups.length).toBeGreaterThan(1);
    expect(line.total - line.done).toBeGreaterThanOrEqual(line.pending.length);
    const classes = new Set(line.basisGroups.map((g) => g.name));
    expect(line.pending.every((p) => p.detail !== null && classes.has(p.detail))).toBe(true);
    // read class by class
    const order = line.pending.map((p) => p.detail!);
    expect(order).toEqual([...order].sort(new Intl.Collator('nb').compare));
  });

  it('puts the overdue routines first, the longest overdue first, and keeps a class\'s own tasks one line per class', async () => {
    const lines = await myTasks(kt);
    const overdue = lines.filter((l) => l.overdue > 0);
    expect(overdue.length).toBeGreaterThan(0);
    expect(lines.slice(0, overdue.length)).toEqual(overdue);
    expect(overdue.map((l) => l.closesOn)).toEqual([...overdue.map((l) => l.closesOn)].sort());
    expect(lines.slice(overdue.length).every((l) => l.closesOn >= TODAY)).toBe(true);
    const classLines = lines.filter((l) => l.scope === 'eachBasisGroup');
    expect(classLines.length).toBeGreaterThan(0);
    for (const l of classLines) expect(l.pending.map((p) => p.subjectId)).toEqual([l.basisGroup!.id]);
  });
});

describe('every student named is the policy\'s to allow, and on record', () => {
  it('puts one entry per student named on the list in the audit log, with the relationship, each time the list is read', async () => {
    const since = await mark();
    const named = namedStudents(await myTasks(kt));
    expect(named.size).toBeGreaterThan(0);
    const rows = await auditedSince('kontaktlarer', since);
    expect(rows.map((r) => r.student_id).sort()).toEqual([...named].sort());
    // the relationship the policy allowed on: their class's students as contact teacher, others as their subject teacher
    const conferencesId = await routineId('guardianConferences');
    const conferences = (await myTasks(kt)).find((l) => l.routineId === conferencesId)!; // the second read
    expect(rows.every((r) => r.decision === 'allow' && ['contactTeacher', 'subjectTeacher'].includes(r.reason_code))).toBe(true);
    expect(rows.filter((r) => conferences.pending.some((p) => p.subjectId === r.student_id)).every((r) => r.reason_code === 'contactTeacher')).toBe(true);
    expect(await auditedSince('kontaktlarer', since)).toHaveLength(2 * named.size);
  });

  it('drops a student the policy denies even when the task engine hands the task out, and counts and records nothing for them', async () => {
    const conferences = await routineId('guardianConferences');
    const before = await myTasks(kt);
    // a student of another class whom the contact teacher does not teach either: no relationship at all
    const [other] = await t.database.query<{ student_id: string; basis_group_id: string }>(
      `select e.student_id, e.basis_group_id from enrolment e
       where e.basis_group_id is not null and e.starts_on <= $2 and (e.ends_on is null or e.ends_on > $2)
         and e.basis_group_id not in (select c.basis_group_id from contact_teacher_assignment c where c.staff_member_id = $1)
         and not exists (select 1 from enrolment x join subject_teacher_assignment a on a.owner_id = x.owner_id and a.teaching_group_id = x.teaching_group_id
           where x.student_id = e.student_id and a.staff_member_id = $1)
       order by e.student_id limit 1`, [h().contactTeacherStaffMemberId, TODAY]);
    expect(other).toBeTruthy();
    const stale: TaskRow = {
      routine_id: conferences, responsible_role: 'contactTeacher', subject_kind: 'student', subject_id: other!.student_id, teacher_id: NIL_UUID,
      student_id: other!.student_id, basis_group_id: other!.basis_group_id, department_id: null, staff_id: null,
      opens_on: '2026-11-02', closes_on: '2026-12-04', done_on: null, hand_ticked: false,
    };
    vi.mocked(tasksOf).mockImplementationOnce(async (...args) => [...await realTasksOf(...args), stale]);
    const since = await mark();
    const after = await myTasks(kt);
    expect(after).toEqual(before);
    expect(namedStudents(after).has(other!.student_id)).toBe(false);
    expect((await auditedSince('kontaktlarer', since)).some((r) => r.student_id === other!.student_id)).toBe(false);
  });

  it('no longer shows a subject teacher who lost a teaching group the tasks of its students, even from an engine that has not caught up', async () => {
    const formative = await routineId('formativeAssessments');
    const yesterday = await engineRowsOf(fag);
    const target = (await myTasks(fag)).find((l) => l.routineId === formative)!.pending[0]!;
    const groups = await t.database.query<{ teaching_group_id: string }>(
      `select e.teaching_group_id from enrolment e join subject_teacher_assignment a on a.owner_id = e.owner_id and a.teaching_group_id = e.teaching_group_id
       where e.student_id = $1 and a.staff_member_id = $2 and e.starts_on <= $3 and (e.ends_on is null or e.ends_on > $3)`, [target.subjectId, h().subjectTeacherStaffMemberId, TODAY]);
    expect(groups.length).toBeGreaterThan(0);
    await t.database.query('delete from subject_teacher_assignment where staff_member_id = $1 and teaching_group_id = any($2::uuid[])',
      [h().subjectTeacherStaffMemberId, groups.map((g) => g.teaching_group_id)]);

    for (const stale of [false, true]) {
      if (stale) replayOnce(yesterday);
      const since = await mark();
      const lines = await myTasks(fag);
      expect(lines.flatMap((l) => l.pending).some((p) => p.subjectId === target.subjectId)).toBe(false);
      expect((await auditedSince('faglarer', since)).some((r) => r.student_id === target.subjectId)).toBe(false);
    }
    // the same policy closes the student's own page to them
    expect((await fag.get(`/api/students/${target.subjectId}/routine-tasks`)).statusCode).toBe(404);
  });

  it('moves a student who changed class from the old contact teacher\'s list to the new one\'s, even from an engine that has not caught up', async () => {
    const conferences = await routineId('guardianConferences');
    const mine = (await myTasks(kt)).find((l) => l.routineId === conferences)!;
    const moved = mine.pending[0]!;
    const yesterday = await engineRowsOf(kt);
    // to 2STB, and out of the groups the old contact teacher teaches: no relationship to them is left
    await t.database.query(`update enrolment set ends_on = $3 where student_id = $1 and basis_group_id = $2 and ends_on is null`, [moved.subjectId, h().basisGroup2STAId, TODAY]);
    await t.database.query(`insert into enrolment (owner_id, id, student_id, basis_group_id, starts_on) values ($1, gen_random_uuid(), $2, $3, $4)`,
      [t.demo.ownerId, moved.subjectId, h().basisGroup2STBId, TODAY]);
    await t.database.query(
      `update enrolment set ends_on = $3 where student_id = $1 and ends_on is null and starts_on < $3
         and teaching_group_id in (select a.teaching_group_id from subject_teacher_assignment a where a.staff_member_id = $2)`,
      [moved.subjectId, h().contactTeacherStaffMemberId, TODAY]);

    for (const stale of [false, true]) {
      if (stale) replayOnce(yesterday);
      const since = await mark();
      const list = await myTasks(kt);
      const old = list.find((l) => l.routineId === conferences);
      expect(old?.pending.some((p) => p.subjectId === moved.subjectId) ?? false).toBe(false);
      expect(old?.total ?? 0).toBe(mine.total - 1);
      expect(namedStudents(list).has(moved.subjectId)).toBe(false);
      expect((await auditedSince('kontaktlarer', since)).some((r) => r.student_id === moved.subjectId)).toBe(false);
    }
    const since = await mark();
    const now = (await myTasks(kt2)).find((l) => l.routineId === conferences)!;
    expect(now.pending.find((p) => p.subjectId === moved.subjectId)).toMatchObject({ name: moved.name, detail: '2STB' });
    expect((await auditedSince('kontaktlarer.2stb', since)).filter((r) => r.student_id === moved.subjectId).map((r) => r.reason_code)).toEqual(['contactTeacher']);
  });
});
