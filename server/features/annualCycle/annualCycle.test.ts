/**
 * The annual cycle (R-30…R-33; R-04/R-05 only as evidence kinds): the default cycle, editing it, copying it
 * into a new school year, each person's tasks this week and overdue, hand ticks only where no data exists,
 * the leaders' compliance with drill-down, and the weekly digest — on PGlite and PostgreSQL.
 * "Today" is 2026-11-25 (week 48).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeMailTransports, startMailCapture, type MailCapture } from '../../core/mail/mailer.js';
import { testApp, type Client, type TestApp } from '../../test/harness.js';
import { DEFAULT_ROUTINES, moveByYears } from './defaults.js';
import { computeAllCompliance } from './compliance.js';
import { sendWeeklyDigests } from './digest.js';
import { ensureCycle } from './service.js';

let t: TestApp;
let capture: MailCapture;
let kt: Client;
let kt2: Client;
let fag: Client;
let avd: Client;
let rektor: Client;
let radgiver: Client;
const h = () => t.demo.hardCases;

interface Routine { id: string; builtinKey: string | null; excludeAdults: boolean; titleNb: string; titleNn: string; opensOn: string; closesOn: string; weeks: { from: number; to: number }; handTicked: boolean; evidenceKind: string }
interface Group { routineId: string; title: string; basisGroup: { id: string; name: string } | null; basisGroups: { id: string; name: string }[]; total: number; done: number; overdue: number; handTicked: boolean; pending: { subjectId: string; teacherId: string | null; name: string; status: string }[] }

async function cycle(c: Client, query = ''): Promise<{ routines: Routine[]; schoolYear: { id: string }; canManage: boolean }> {
  const res = await c.get(`/api/annual-cycle${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const routineByKey = async (key: string) => (await cycle(rektor)).routines.find((r) => r.builtinKey === key)!;
/**
 * Every default routine about a class has data behind it since R-31/R-32 (screening, class-team meetings); a
 * school's own routine with no data in Elevlos (a class meeting with the school nurse) is ticked by hand.
 */
const HAND = {
  titleNb: 'Klassemøte med helsesykepleier', titleNn: 'Klassemøte med helsesjukepleiar', descriptionNb: '', descriptionNn: '',
  scope: 'eachBasisGroup', level: null, programme: null, responsibleRole: 'departmentHead',
  opensOn: '2026-09-21', closesOn: '2026-10-23', evidenceKind: 'handTicked', evidenceParam: null,
};
const handRoutine = async () => (await cycle(rektor)).routines.find((r) => r.titleNb === HAND.titleNb)!;
async function myTasks(c: Client): Promise<Group[]> {
  const res = await c.get('/api/annual-cycle/my-tasks');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().groups;
}

beforeAll(async () => {
  capture = await startMailCapture();
  t = await testApp({ smtp: { url: capture.url, from: 'Elevlos <ikke-svar@fjellvik.example>' }, publicUrl: 'https://elevlos.fjellvik.example' });
  [kt, kt2, fag, avd, rektor, radgiver] = await Promise.all(['kontaktlarer', 'kontaktlarer.2stb', 'faglarer', 'avdelingsleder', 'rektor', 'radgiver'].map((u) => t.login(u))) as [Client, Client, Client, Client, Client, Client];
}, 120_000);

afterAll(async () => {
  await t?.close();
  await capture?.close();
  closeMailTransports();
});

describe('R-30: the default annual cycle', () => {
  it('ships seed 003\'s August–November routine and the contact teacher\'s duties, in bokmål and nynorsk, with windows as ISO weeks', async () => {
    const c = await cycle(kt);
    expect(c.routines).toHaveLength(DEFAULT_ROUTINES.length);
    const meetings = c.routines.find((r) => r.builtinKey === 'classTeamMeetings')!;
    expect(meetings.weeks).toEqual({ from: 39, to: 42 });
    expect(meetings.titleNn).toContain('Klasselærarmøte');
    // the class-team meeting is recorded in Elevlos (features/screening): done from the data, not ticked
    expect(meetings).toMatchObject({ handTicked: false, evidenceKind: 'classTeamMeetingHeld' });
    const start = c.routines.find((r) => r.builtinKey === 'startOfYearConversations')!;
    expect(start).toMatchObject({ evidenceKind: 'conversationHeld', handTicked: false, opensOn: '2026-08-19' }); // week 34, from the first school day
    expect(c.canManage).toBe(false);
    expect((await cycle(rektor)).canManage).toBe(true);
  });

  it('gives a school that has none the default cycle the first time anyone opens it', async () => {
    await t.database.query('delete from annual_cycle where school_id = $1', [t.demo.schoolId]);
    expect((await cycle(rektor)).routines).toHaveLength(DEFAULT_ROUTINES.length);
    // the school's own hand-ticked class routine, with the department head's October ticks, for later tests
    expect((await rektor.request('POST', '/api/annual-cycle/routines', HAND)).statusCode).toBe(201);
    const meetings = await handRoutine();
    const rows = await t.database.query<{ id: string }>('select id from basis_group where department_id = $1 and id <> $2', [h().studiespesialiseringDepartmentId, h().basisGroup2STBId]);
    for (const g of rows) {
      await t.database.query(`insert into routine_hand_tick (owner_id, routine_id, subject_id, teacher_id, ticked_on, ticked_by_person_id)
        values ($1, $2, $3, '00000000-0000-0000-0000-000000000000', '2026-10-07', $4)`, [t.demo.ownerId, meetings.id, g.id, t.demo.logins.find((l) => l.username === 'avdelingsleder')!.personId]);
    }
  });
});

describe('R-30, L-02: the guardian conference is for students under 18', () => {
  it('gives no guardian-conference task for an adult student, while a student under 18 has one; only tasks about each student can be limited', async () => {
    const tasksOf = async (studentId: string) => {
      const res = await rektor.get(`/api/students/${studentId}/routine-tasks`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().tasks as { routineId: string }[]).map((x) => x.routineId);
    };
    const offered = await routineByKey('guardianConferenceOffered');
    const held = await routineByKey('guardianConferences');
    expect(offered).toMatchObject({ excludeAdults: true });
    const minor = await tasksOf(h().elevStudentId);
    expect(minor).toEqual(expect.arrayContaining([offered.id, held.id]));
    for (const adult of [h().adultWithConsentStudentId, h().adultWithoutConsentStudentId]) {
      const tasks = await tasksOf(adult);
      expect(tasks.length).toBeGreaterThan(0); // the start-of-year conversation is for everyone
      expect(tasks).not.toContain(offered.id);
      expect(tasks).not.toContain(held.id);
    }
    const classRoutine = await rektor.request('POST', '/api/annual-cycle/routines', {
      titleNb: 'Klassemøte', titleNn: 'Klassemøte', scope: 'eachBasisGroup', excludeAdults: true, responsibleRole: 'contactTeacher',
      opensOn: '2026-11-23', closesOn: '2026-12-04', evidenceKind: 'handTicked',
    }, { 'accept-language': 'nn' });
    expect(classRoutine.statusCode).toBe(400);
    expect(classRoutine.json().errors).toEqual([{ field: 'excludeAdults', message: 'Berre oppgåver om kvar elev kan gjelde elevar under 18 år.' }]);
  });
});

describe('R-30: the school edits its cycle', () => {
  const body = {
    titleNb: 'Trivselsundersøkelse', titleNn: 'Trivselsundersøking', descriptionNb: '', descriptionNn: '',
    scope: 'eachBasisGroup', level: null, programme: null, responsibleRole: 'contactTeacher',
    opensOn: '2026-11-23', closesOn: '2026-12-04', evidenceKind: 'handTicked', evidenceParam: null,
  };

  it('lets the principal add, change and remove a routine, and names each bad field in the user\'s language', async () => {
    const bad = await rektor.request('POST', '/api/annual-cycle/routines', { ...body, closesOn: '2026-11-01', scope: 'eachTeacher', evidenceKind: 'conversationHeld', evidenceParam: null });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json().errors as { field: string; message: string }[]);
    expect(fields.map((f) => f.field).sort()).toEqual(['closesOn', 'evidenceKind', 'evidenceParam']);
    expect(fields.find((f) => f.field === 'closesOn')!.message).toContain('2026-11-23');

    const added = await rektor.request('POST', '/api/annual-cycle/routines', body);
    expect(added.statusCode, added.body).toBe(201);
    const routine = (added.json().routines as Routine[]).find((r) => r.titleNb === 'Trivselsundersøkelse')!;
    expect(routine.weeks).toEqual({ from: 48, to: 49 });

    const changed = await rektor.request('PUT', `/api/annual-cycle/routines/${routine.id}`, { ...body, titleNb: 'Trivselsundersøkelse høst', level: 'vg1' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((changed.json().routines as Routine[]).some((r) => r.titleNb === 'Trivselsundersøkelse høst')).toBe(true);

    expect((await rektor.request('DELETE', `/api/annual-cycle/routines/${routine.id}`)).statusCode).toBe(204);
    expect((await cycle(rektor)).routines.some((r) => r.id === routine.id)).toBe(false);
  });

  it('refuses the contact teacher and the department head who try to change the cycle', async () => {
    expect((await kt.request('POST', '/api/annual-cycle/routines', body)).statusCode).toBe(403);
    const any = await routineByKey('classRules');
    expect((await avd.request('DELETE', `/api/annual-cycle/routines/${any.id}`)).statusCode).toBe(403);
  });

  it('R-30: copies the cycle into a new school year with every window on the same ISO week and weekday', async () => {
    const [y] = await t.database.query<{ id: string }>(
      `insert into school_year (owner_id, id, name, starts_on, ends_on) values ($1, gen_random_uuid(), '2027/28', '2027-08-18', '2028-06-16') returning id`, [t.demo.ownerId]);
    const from = (await cycle(rektor)).schoolYear.id;
    const res = await rektor.request('POST', '/api/annual-cycle/copy', { fromSchoolYearId: from, toSchoolYearId: y!.id });
    expect(res.statusCode, res.body).toBe(201);
    const copied = res.json() as { routines: Routine[]; copiedFromSchoolYear: string };
    expect(copied.copiedFromSchoolYear).toBe('2026/27');
    const meetings = copied.routines.find((r) => r.builtinKey === 'classTeamMeetings')!;
    expect(meetings).toMatchObject({ opensOn: '2027-09-27', closesOn: '2027-10-22', weeks: { from: 39, to: 42 } });
    expect(moveByYears('2026-11-25', 1)).toBe('2027-12-01'); // Wednesday of week 48 → Wednesday of week 48
    const again = await rektor.request('POST', '/api/annual-cycle/copy', { fromSchoolYearId: from, toSchoolYearId: y!.id });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('toSchoolYearId');
  });

  it('R-30: a new year first met without a person (the morning job, a home page, a nightly import) gets a copy of the school\'s cycle, not the default', async () => {
    const [y] = await t.database.query<{ id: string }>(
      `insert into school_year (owner_id, id, name, starts_on, ends_on) values ($1, gen_random_uuid(), '2028/29', '2028-08-16', '2029-06-15') returning id`, [t.demo.ownerId]);
    const made = await ensureCycle(t.database, t.demo.ownerId, t.demo.schoolId, y!.id, null);
    expect(made.copiedFromCycleId).not.toBeNull();
    expect((await ensureCycle(t.database, t.demo.ownerId, t.demo.schoolId, y!.id, null)).id).toBe(made.id);
  });
});

describe('R-30…R-33: my tasks this week and overdue', () => {
  it('shows the contact teacher the guardian conferences due for 2STA, and a held conversation removes the task by itself', async () => {
    const groups = await myTasks(kt);
    const conferences = await routineByKey('guardianConferences');
    const mine = groups.find((g) => g.routineId === conferences.id)!;
    expect(mine).toBeTruthy();
    expect(groups.filter((g) => g.routineId === conferences.id).map((g) => g.basisGroups.map((b) => b.name))).toEqual([['2STA']]);
    const student = mine.pending[0]!;
    expect(student.status).toBe('open');

    const created = await kt.request('POST', `/api/students/${student.subjectId}/conversations`, { kind: 'guardian', plannedAt: '2026-11-24T10:00:00.000Z' });
    expect(created.statusCode, created.body).toBe(201);
    const held = await kt.request('POST', `/api/conversations/${created.json().id}/held`, {});
    expect(held.statusCode, held.body).toBe(200);

    const after = (await myTasks(kt)).find((g) => g.routineId === conferences.id);
    expect(after?.pending.some((p) => p.subjectId === student.subjectId) ?? false).toBe(false);
    expect(after ? after.done : mine.total).toBe(mine.done + 1);
  });

  it('shows a subject teacher only their own students\' formative-assessment tasks, and recording one removes it', async () => {
    const formative = await routineByKey('formativeAssessments');
    const groups = (await myTasks(fag)).filter((g) => g.routineId === formative.id);
    expect(groups.length).toBeGreaterThan(0);
    const [fagStaff] = await t.database.query<{ id: string }>('select id from staff_member where id = $1', [h().subjectTeacherStaffMemberId]);
    const all = groups.flatMap((g) => g.pending);
    expect(all.every((p) => p.teacherId === fagStaff!.id && p.status === 'overdue')).toBe(true);
    const target = all[0]!;
    const [tg] = await t.database.query<{ teaching_group_id: string }>(
      `select e.teaching_group_id from enrolment e join subject_teacher_assignment a on a.owner_id = e.owner_id and a.teaching_group_id = e.teaching_group_id
       where e.student_id = $1 and a.staff_member_id = $2 and e.ends_on is null limit 1`, [target.subjectId, fagStaff!.id]);
    const rec = await fag.request('POST', `/api/teaching-groups/${tg!.teaching_group_id}/formative-assessments`,
      { assessedOn: '2026-11-24', kind: 'test', entries: [{ studentId: target.subjectId, feedback: 'God innsats.' }] });
    expect(rec.statusCode, rec.body).toBe(200);
    const after = (await myTasks(fag)).filter((g) => g.routineId === formative.id).flatMap((g) => g.pending);
    expect(after.some((p) => p.subjectId === target.subjectId)).toBe(false);
  });

  it('answers a student and a guardian with no tasks', async () => {
    for (const u of ['elev', 'foresatt']) expect(await myTasks(await t.login(u))).toEqual([]);
  });
});

describe('R-30: hand-ticked only where no data exists, and only by the one responsible', () => {
  it('lets the department head tick the school\'s own class meeting of 2STB and shows who ticked it and when', async () => {
    const meetings = await handRoutine();
    const pending = (await myTasks(avd)).find((g) => g.routineId === meetings.id && g.basisGroup?.id === h().basisGroup2STBId);
    expect(pending?.handTicked).toBe(true);
    expect(pending?.pending.map((p) => p.subjectId)).toEqual([h().basisGroup2STBId]);
    const res = await avd.request('POST', `/api/annual-cycle/routines/${meetings.id}/ticks`, { subjectId: h().basisGroup2STBId });
    expect(res.statusCode, res.body).toBe(204);
    expect((await myTasks(avd)).some((g) => g.routineId === meetings.id && g.basisGroup?.id === h().basisGroup2STBId)).toBe(false);
    const drill = await avd.get(`/api/annual-cycle/compliance/classes/${h().basisGroup2STBId}`);
    const task = (drill.json().classTasks as { routineId: string; status: string; tickedBy: string | null; doneOn: string }[]).find((x) => x.routineId === meetings.id)!;
    expect(task).toMatchObject({ status: 'doneLate', doneOn: '2026-11-25' });
    expect(task.tickedBy).toBe(t.demo.logins.find((l) => l.username === 'avdelingsleder')!.name);
  });

  it('refuses to tick a routine that has data behind it, and a task that is someone else\'s', async () => {
    const start = await routineByKey('startOfYearConversations');
    const notHand = await kt.request('POST', `/api/annual-cycle/routines/${start.id}/ticks`, { subjectId: h().elevStudentId });
    expect(notHand.statusCode).toBe(400);
    expect(notHand.json().errors[0].field).toBe('routineId');
    const meetings = await handRoutine();
    expect((await kt.request('POST', `/api/annual-cycle/routines/${meetings.id}/ticks`, { subjectId: h().basisGroup2STAId })).statusCode).toBe(403);
    // a routine with no data in Elevlos: the department head ticks it, with who and when
    expect((await avd.request('POST', `/api/annual-cycle/routines/${meetings.id}/ticks`, { subjectId: h().basisGroup2STAId })).statusCode).toBe(204);
    expect((await kt2.request('POST', `/api/annual-cycle/routines/${meetings.id}/ticks`, { subjectId: h().basisGroup2STAId })).statusCode).toBe(403);
    // class rules are published in Elevlos (classLife): evidence, not a tick
    const rules = await routineByKey('classRules');
    expect((await kt.request('POST', `/api/annual-cycle/routines/${rules.id}/ticks`, { subjectId: h().basisGroup2STAId })).statusCode).toBe(400);
  });
});

describe('R-30…R-33: the leaders\' compliance', () => {
  interface C { routines: { routineId: string; total: number; done: number; overdue: number }[]; classes: { basisGroupId: string; name: string; total: number }[]; teachers: { staffMemberId: string; name: string; total: number }[]; scope: string }

  it('shows the principal every class of the school, and the department head only their department, per routine, class and teacher', async () => {
    const school = (await rektor.get('/api/annual-cycle/compliance')).json() as C;
    const dept = (await avd.get('/api/annual-cycle/compliance')).json() as C;
    expect(school.scope).toBe('school');
    expect(dept.scope).toBe('department');
    const [{ n: classes }] = await t.database.query<{ n: number }>('select count(*)::int as n from basis_group where school_id = $1', [t.demo.schoolId]) as [{ n: number }];
    expect(school.classes).toHaveLength(classes);
    const deptGroups = new Set((await t.database.query<{ id: string }>('select id from basis_group where department_id = $1', [h().studiespesialiseringDepartmentId])).map((x) => x.id));
    expect(dept.classes.length).toBeGreaterThan(0);
    expect(dept.classes.every((c) => deptGroups.has(c.basisGroupId))).toBe(true);
    expect(dept.classes.length).toBeLessThan(school.classes.length);
    const start = await routineByKey('startOfYearConversations');
    const startCounts = school.routines.find((r) => r.routineId === start.id)!;
    const [{ n: students }] = await t.database.query<{ n: number }>(
      `select count(distinct e.student_id)::int as n from enrolment e join student s on s.id = e.student_id where e.basis_group_id is not null and e.starts_on <= '2026-11-25' and (e.ends_on is null or e.ends_on > '2026-11-25') and s.status = 'active'`) as [{ n: number }];
    expect(startCounts.total).toBe(students);
    expect(startCounts.done + startCounts.overdue).toBe(students);
    expect(school.teachers.some((x) => x.staffMemberId === h().contactTeacherStaffMemberId)).toBe(true);
    const audited = await t.database.query('select 1 from audit_log where action = $1', ['annualCycle.readCompliance']);
    expect(audited.length).toBe(2);
  });

  it('has every school\'s counts computed by the morning job, so the first leader of the day is answered from them', async () => {
    await t.database.query('delete from routine_compliance_run');
    expect(await computeAllCompliance(t.database, '2026-11-25')).toBeGreaterThan(0);
    const [run] = await t.database.query<{ at: string }>(`select to_json(computed_at)#>>'{}' as at from routine_compliance_run where computed_for = '2026-11-25'`);
    const res = await avd.get('/api/annual-cycle/compliance');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().computedAt).toBe(run!.at);
  });

  it('keeps the counts a few minutes and says when they were computed: a task done after a read shows when the principal asks for fresh counts, a hand tick at once', async () => {
    type K = Omit<C, 'classes'> & { computedAt: string; keptForSeconds: number; classes: { basisGroupId: string; byRoutine: { routineId: string; done: number }[] }[] };
    const read = async (query = '') => {
      const res = await rektor.get(`/api/annual-cycle/compliance${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as K;
    };
    const doneIn = (c: K, routineId: string, groupId: string) => c.classes.find((x) => x.basisGroupId === groupId)!.byRoutine.find((r) => r.routineId === routineId)?.done ?? 0;
    const checklist = await routineByKey('startOfYearChecklist');
    const before = await read();
    expect(Number.isNaN(Date.parse(before.computedAt))).toBe(false);
    expect(before.keptForSeconds).toBe(300); // COMPLIANCE_MAX_AGE_SECONDS' default
    expect(doneIn(before, checklist.id, h().basisGroup2STAId)).toBe(0); // the demo's 2STA has three of four items
    expect((await kt.request('PUT', `/api/basis-groups/${h().basisGroup2STAId}/start-of-year/complaintsAboutTeaching`, { checked: true, checkedOn: '2026-09-03' })).statusCode).toBe(200);
    const kept = await read();
    expect(kept.computedAt).toBe(before.computedAt);
    expect(doneIn(kept, checklist.id, h().basisGroup2STAId)).toBe(0);
    const fresh = await read('?refresh=true');
    expect(Date.parse(fresh.computedAt)).toBeGreaterThanOrEqual(Date.parse(before.computedAt));
    expect(doneIn(fresh, checklist.id, h().basisGroup2STAId)).toBe(1);
    // a hand tick changes what only the tick can tell: the kept counts are dropped and computed on the next read
    const meetings = await handRoutine();
    expect((await avd.request('DELETE', `/api/annual-cycle/routines/${meetings.id}/ticks/${h().basisGroup2STAId}`)).statusCode).toBe(204);
    const unticked = doneIn(await read(), meetings.id, h().basisGroup2STAId);
    expect((await avd.request('POST', `/api/annual-cycle/routines/${meetings.id}/ticks`, { subjectId: h().basisGroup2STAId })).statusCode).toBe(204);
    expect(doneIn(await read(), meetings.id, h().basisGroup2STAId)).toBe(unticked + 1);
    expect((await rektor.get('/api/annual-cycle/compliance?refresh=maybe')).statusCode).toBe(400);
  });

  it('drills down to the class per student and to one student\'s tasks, audited; the counsellor and another class\'s contact teacher are refused', async () => {
    const cls = await rektor.get(`/api/annual-cycle/compliance/classes/${h().basisGroup2STAId}`);
    expect(cls.statusCode, cls.body).toBe(200);
    const students = cls.json().students as { studentId: string; tasks: { routineId: string; status: string }[] }[];
    expect(students.some((s) => s.studentId === h().elevStudentId)).toBe(true);
    const logged = await t.database.query('select 1 from audit_log where action = $1 and student_id = $2', ['basisGroup.readRoutineCompliance', h().elevStudentId]);
    expect(logged.length).toBe(1);
    expect((await radgiver.get(`/api/annual-cycle/compliance/classes/${h().basisGroup2STAId}`)).statusCode).toBe(403);
    expect((await kt2.get(`/api/annual-cycle/compliance/classes/${h().basisGroup2STAId}`)).statusCode).toBe(404);
    const one = await kt.get(`/api/students/${h().elevStudentId}/routine-tasks`);
    expect(one.statusCode, one.body).toBe(200);
    const tasks = one.json().tasks as { title: string; status: string; doneOn: string | null }[];
    // elev's start-of-year conversation is in the demo, held
    expect(tasks.find((x) => x.title === 'Oppstartsamtale med hver elev')!.status).toMatch(/^done/);
    expect((await radgiver.get(`/api/students/${h().elevStudentId}/routine-tasks`)).statusCode).toBe(403);
  });
});

describe('R-30…R-33: the weekly digest of overdue tasks', () => {
  it('e-mails one user their overdue counts with a link and no student names; not a user who turned it off; never twice a week', async () => {
    const off = await kt2.request('PUT', '/api/annual-cycle/digest-preference', { weeklyDigest: false });
    expect(off.statusCode).toBe(200);
    expect((await kt2.get('/api/annual-cycle/digest-preference')).json()).toEqual({ weeklyDigest: false });
    const before = (await capture.messages()).length;
    const sent = await sendWeeklyDigests(t.database, '2026-11-30');
    const login = (u: string) => t.demo.logins.find((l) => l.username === u)!;
    expect(sent).toContain(login('kontaktlarer').personId);
    expect(sent).not.toContain(login('kontaktlarer.2stb').personId);
    const mails = (await capture.messages()).slice(before);
    expect(mails).toHaveLength(sent.length);
    const [ktEmail] = await t.database.query<{ email: string }>('select email from person where id = $1', [login('kontaktlarer').personId]);
    const mine = mails.filter((m) => m.to && JSON.stringify(m.to).includes(ktEmail!.email));
    expect(mine).toHaveLength(1);
    const text = mine[0]!.text ?? '';
    expect(mine[0]!.subject).toMatch(/forfalte oppgaver/);
    expect(text).toContain('https://elevlos.fjellvik.example/');
    expect(text).toMatch(/Oppstartsamtale med hver elev: \d+/);
    const names = await t.database.query<{ given_name: string; family_name: string }>(
      `select p.given_name, p.family_name from enrolment e join student s on s.id = e.student_id join person p on p.id = s.person_id where e.basis_group_id = $1`, [h().basisGroup2STAId]);
    for (const n of names) expect(text).not.toContain(`${n.given_name} ${n.family_name}`);
    expect(await sendWeeklyDigests(t.database, '2026-12-02')).toEqual([]);
  });
});
