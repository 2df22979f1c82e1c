/**
 * Absence (R-20, R-21, R-71…R-74; L-03, L-10…L-15): the percentage arithmetic on hand-computed cases,
 * self-certification's limit, the diploma, the register, the weekly check, emerging absence, the policy's
 * denials and bad input — on PGlite (`npm test`) and PostgreSQL (`npm run test:pg`).
 *
 * The hand-computed cases use a test subject "TST" whose timetable is known: group TST-A has one
 * 90-minute lesson on Mondays all year. 2026/27 has 43 Mondays from 24 August to 14 June; seven are
 * not school days (28 Sep autumn break, 21 and 28 Dec Christmas, 22 Feb winter break, 22 Mar Easter
 * break, 29 Mar Easter Monday, 17 May Constitution Day and Whit Monday), so TST-A has 36 × 90 = 3240
 * planned minutes (54 hours), and 10 % is 324 minutes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today as todayIso } from '../../core/time.js';
import { addLogin, testApp, type Client, type TestApp } from '../../test/harness.js';
import { yearContext } from './context.js';
import { recomputeAbsence } from './recompute.js';
import { subjectStats } from './queries/stats.js';

let t: TestApp;
let kt: Client;
let fag: Client;
let rektor: Client;
let owner: string;
const h = () => t.demo.hardCases;

interface Subject { subjectCode: string; plannedHours: number; absenceHours: number; countingHours: number; percent: number; status: string; selfCertificationAllowed: boolean; lateCount: number; limitPercent: number }
const subjectOf = (body: { subjects: Subject[] }, code: string) => body.subjects.find((s) => s.subjectCode === code)!;

/** A 2STA student with no absence of their own, so each case starts from nothing. */
async function cleanStudent(offset: number): Promise<string> {
  const rows = await t.database.query<{ student_id: string }>(
    `select e.student_id from enrolment e join student s on s.id = e.student_id where e.basis_group_id = $1 and e.ends_on is null and s.status = 'active'
       and e.student_id <> all($2::uuid[]) order by e.student_id offset $3 limit 1`,
    [h().basisGroup2STAId, Object.values(h()).filter((v) => typeof v === 'string'), offset]);
  const id = rows[0]!.student_id;
  await t.database.query('delete from absence where student_id = $1', [id]);
  return id;
}

/** Subject TST with groups A (Monday 08:15, 90 min) and B (Monday 12:15, 45 min), taught by `faglarer`. */
async function testSubject(): Promise<{ subjectId: string; groupA: string; groupB: string; lessonA: string; lessonB: string }> {
  const subjectId = randomUUID();
  const [groupA, groupB, lessonA, lessonB] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [year] = await t.database.query<{ id: string }>('select id from school_year where owner_id = $1', [owner]);
  await t.database.query('insert into subject (owner_id, id, code, name, annual_hours) values ($1, $2, $3, $4, 54)', [owner, subjectId, 'TST1000', 'Testfag']);
  for (const [id, name] of [[groupA, 'TST-A'], [groupB, 'TST-B']]) {
    await t.database.query('insert into teaching_group (owner_id, id, school_id, school_year_id, subject_id, name) values ($1, $2, $3, $4, $5, $6)', [owner, id, t.demo.schoolId, year!.id, subjectId, name]);
    await t.database.query('insert into subject_teacher_assignment (owner_id, teaching_group_id, staff_member_id) values ($1, $2, $3)', [owner, id, h().subjectTeacherStaffMemberId]);
  }
  await t.database.query(`insert into lesson (owner_id, id, teaching_group_id, weekday, starts_at, minutes, starts_on) values
    ($1, $2, $3, 1, '08:15', 90, '2026-08-19'), ($1, $4, $5, 1, '12:15', 45, '2026-08-19')`, [owner, lessonA, groupA, lessonB, groupB]);
  return { subjectId, groupA, groupB, lessonA, lessonB };
}

async function enrol(studentId: string, groupId: string, from: string, to: string | null) {
  await t.database.query('insert into enrolment (owner_id, id, student_id, teaching_group_id, starts_on, ends_on) values ($1, gen_random_uuid(), $2, $3, $4, $5)', [owner, studentId, groupId, from, to]);
}

let tst: Awaited<ReturnType<typeof testSubject>>;

beforeAll(async () => {
  t = await testApp();
  owner = t.demo.ownerId;
  [kt, fag, rektor] = await Promise.all([t.login('kontaktlarer'), t.login('faglarer'), t.login('rektor')]);
  tst = await testSubject();
});
afterAll(async () => t?.close());

/** Registers a lesson's register as the subject teacher. */
const register = (groupId: string, day: string, lessonId: string, students: unknown[], lang = 'nb') =>
  fag.request('PUT', `/api/teaching-groups/${groupId}/register`, { day, lessonId, students }, { 'accept-language': lang });

describe('the percentage of a subject (L-10, L-11): hand-computed', () => {
  let student: string;
  beforeAll(async () => {
    student = await cleanStudent(0);
    await enrol(student, tst.groupA, '2026-08-19', null);
  });

  it('planned hours come from the timetable over the school days: 36 Mondays × 90 min = 54 h', async () => {
    const body = (await kt.get(`/api/students/${student}/absence`)).json();
    expect(subjectOf(body, 'TST1000')).toMatchObject({ plannedHours: 54, absenceHours: 0, percent: 0, status: 'ok' });
  });

  it('undocumented lessons and late minutes count; documented welfare does not; health awaiting documentation does: 285 of 3240 min = 8.8 %, near the limit', async () => {
    const mondays = ['2026-09-07', '2026-09-14', '2026-09-21', '2026-10-05', '2026-10-12'];
    for (const day of mondays.slice(0, 4)) expect((await register(tst.groupA, day, tst.lessonA, [{ studentId: student, status: 'absent' }])).statusCode).toBe(200);
    expect((await register(tst.groupA, mondays[4]!, tst.lessonA, [{ studentId: student, status: 'late', lateMinutes: 15 }])).statusCode).toBe(200);
    // 14 Sep: documented welfare (exempt); 21 Sep: health, documentation not yet received (still counts)
    expect((await kt.request('POST', `/api/students/${student}/absence/documentation`, { items: [{ day: '2026-09-14', lessonId: tst.lessonA }], reason: 'welfare', documentedOn: '2026-09-16' })).statusCode).toBe(200);
    const res = await kt.request('POST', `/api/students/${student}/absence/documentation`, { items: [{ day: '2026-09-21', lessonId: tst.lessonA }], reason: 'health', documentedOn: null });
    expect(res.statusCode, res.body).toBe(200);
    const s = subjectOf(res.json(), 'TST1000');
    // counting: 7 Sep 90 + 21 Sep 90 + 5 Oct 90 + 15 late = 285 min = 4.75 h → 4.8 h; 285 / 3240 = 8.796 % → 8.8 %
    expect(s).toMatchObject({ absenceHours: 6.3, countingHours: 4.8, percent: 8.8, status: 'nearLimit', lateCount: 1 });
  });

  it('one more undocumented lesson passes the limit: 375 of 3240 min = 11.6 %, over 10 %', async () => {
    await register(tst.groupA, '2026-10-19', tst.lessonA, [{ studentId: student, status: 'absent' }]);
    const s = subjectOf((await kt.get(`/api/students/${student}/absence`)).json(), 'TST1000');
    expect(s).toMatchObject({ countingHours: 6.3, percent: 11.6, status: 'overLimit', limitPercent: 10 });
  });

  it("the nightly county-wide recomputation (R-21) counts this student over the limit, and agrees with every student's own percentages", async () => {
    const today = todayIso();
    const job = await recomputeAbsence(t.database.query, owner, today);
    const students = await t.database.query<{ id: string; school_id: string }>('select id, school_id from student where owner_id = $1', [owner]);
    const schoolOf = new Map(students.map((s) => [s.id, s.school_id]));
    const ctx = await yearContext(t.database.query, owner, today);
    const stats = await subjectStats(t.database.query, owner, ctx.calendar, today, students.map((s) => s.id));
    const bySchool = new Map<string, { students: Set<string>; over: Set<string>; near: Set<string>; signal: Set<string>; subjects: number }>();
    for (const x of stats) {
      const id = schoolOf.get(x.studentId)!;
      const s = bySchool.get(id) ?? { students: new Set(), over: new Set(), near: new Set(), signal: new Set(), subjects: 0 };
      bySchool.set(id, s);
      s.students.add(x.studentId);
      s.subjects++;
      if (x.plannedMinutes > 0 && x.countingMinutes * 100 > 10 * x.plannedMinutes) s.over.add(x.studentId);
      if (x.plannedMinutes > 0 && x.countingMinutes * 100 >= 8 * x.plannedMinutes) s.near.add(x.studentId);
      if (x.heldMinutes > 0 && x.countingMinutes * 100 >= 5 * x.heldMinutes) s.signal.add(x.studentId);
    }
    expect(bySchool.get(t.demo.schoolId)!.over.has(student)).toBe(true);
    expect(job.schools).toEqual([...bySchool].sort(([a], [b]) => (a < b ? -1 : 1)).map(([schoolId, s]) => ({
      schoolId, students: s.students.size, overLimit: s.over.size, nearLimit: s.near.size, atSignal: s.signal.size, studentSubjects: s.subjects,
    })));
  });

  it("the principal's own decision (L-13) lets the student keep a grade up to 15 %; only the principal may make it", async () => {
    const body = { subjectId: tst.subjectId, granted: true, limitPercent: 15, ground: 'outsideStudentControl', reasons: 'Fraværet skyldes forhold eleven ikke rår over.' };
    expect((await kt.request('POST', `/api/students/${student}/absence/decisions`, body)).statusCode).toBe(403);
    expect((await rektor.request('POST', `/api/students/${student}/absence/decisions`, { ...body, limitPercent: undefined })).json().errors[0].field).toBe('limitPercent');
    expect((await rektor.request('POST', `/api/students/${student}/absence/decisions`, body)).statusCode).toBe(201);
    const s = subjectOf((await kt.get(`/api/students/${student}/absence`)).json(), 'TST1000');
    expect(s).toMatchObject({ status: 'gradeByDecision', limitPercent: 15 });
  });

  it('time with the school health service is not absence (L-15)', async () => {
    await register(tst.groupA, '2026-10-26', tst.lessonA, [{ studentId: student, status: 'absent' }]);
    await kt.request('POST', `/api/students/${student}/absence/documentation`, { items: [{ day: '2026-10-26' }], reason: 'schoolHealthService' });
    const s = subjectOf((await kt.get(`/api/students/${student}/absence`)).json(), 'TST1000');
    expect(s).toMatchObject({ countingHours: 6.3, percent: 11.6, absenceHours: 7.8 });
  });
});

describe('exemptions from the limit (L-11): documented reasons that do not count, hand-computed', () => {
  let student: string;
  beforeAll(async () => {
    student = await cleanStudent(5);
    await enrol(student, tst.groupA, '2026-08-19', null);
    for (const day of ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']) {
      expect((await register(tst.groupA, day, tst.lessonA, [{ studentId: student, status: 'absent' }])).statusCode).toBe(200);
    }
  });
  const document = (day: string, reason: string, lang = 'nb') => kt.request('POST', `/api/students/${student}/absence/documentation`,
    { items: [{ day, lessonId: tst.lessonA }], reason, documentedOn: '2026-11-24' }, { 'accept-language': lang });

  it('four undocumented Mondays count in full: 4 × 90 = 360 of 3240 min = 11.1 %, over the limit', async () => {
    const s = subjectOf((await kt.get(`/api/students/${student}/absence`)).json(), 'TST1000');
    expect(s).toMatchObject({ absenceHours: 6, countingHours: 6, percent: 11.1, status: 'overLimit' });
  });

  it('two religious holidays (c) and a driving test (h), documented, leave one Monday: 90 of 3240 min = 2.8 %', async () => {
    expect((await document('2026-11-02', 'religiousHoliday')).statusCode).toBe(200);
    expect((await document('2026-11-09', 'religiousHoliday')).statusCode).toBe(200);
    const res = await document('2026-11-16', 'drivingTest');
    expect(res.statusCode, res.body).toBe(200);
    // the absence is still shown as absence (6 h); only 90 min counts toward the limit: 90 / 3240 = 2.78 %
    expect(subjectOf(res.json(), 'TST1000')).toMatchObject({ absenceHours: 6, countingHours: 1.5, percent: 2.8, status: 'ok' });
  });

  it('a third religious-holiday day in the school year is refused (at most 2 days), in the user\'s language, and the percentage stays', async () => {
    const nb = await document('2026-11-23', 'religiousHoliday');
    expect(nb.statusCode).toBe(400);
    expect(nb.json().errors).toEqual([expect.objectContaining({ field: 'reason', message: expect.stringMatching(/2 dager/) })]);
    const nn = await document('2026-11-23', 'religiousHoliday', 'nn');
    expect(nn.json().errors[0].message).toMatch(/2 dagar/);
    const s = subjectOf((await kt.get(`/api/students/${student}/absence`)).json(), 'TST1000');
    expect(s).toMatchObject({ countingHours: 1.5, percent: 2.8 });
  });
});

describe('a mid-year change of group: the absence follows the subject', () => {
  it('A (Mon 90 min) until 5 Oct and B (Mon 45 min) after: 5 × 90 + 31 × 45 = 1845 planned; 90 + 2 × 45 absent = 180 → 9.8 %', async () => {
    const student = await cleanStudent(1);
    await enrol(student, tst.groupA, '2026-08-19', '2026-10-05');
    await enrol(student, tst.groupB, '2026-10-05', null);
    expect((await register(tst.groupA, '2026-09-14', tst.lessonA, [{ studentId: student, status: 'absent' }])).statusCode).toBe(200);
    for (const day of ['2026-10-12', '2026-11-16']) expect((await register(tst.groupB, day, tst.lessonB, [{ studentId: student, status: 'absent' }])).statusCode).toBe(200);
    // after the change the student is no longer in A: registering them there is refused
    const refused = await register(tst.groupA, '2026-10-12', tst.lessonA, [{ studentId: student, status: 'absent' }]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('students.0.studentId');
    const body = (await kt.get(`/api/students/${student}/absence`)).json();
    expect(body.subjects.filter((s: Subject) => s.subjectCode === 'TST1000')).toHaveLength(1);
    expect(subjectOf(body, 'TST1000')).toMatchObject({ plannedHours: 30.8, countingHours: 3, percent: 9.8, status: 'nearLimit' });
  });

  it("the demo's class change (2STB → 2STA on 5 Oct) shows one Norwegian subject with the lessons missed in both groups", async () => {
    const body = (await kt.get(`/api/students/${h().changedClassStudentId}/absence`)).json();
    const nor = body.entries.filter((e: { subjectCode: string }) => e.subjectCode === 'NOR1211');
    expect(new Set(nor.map((e: { groupName: string }) => e.groupName))).toEqual(new Set(['2STB-NOR', '2STA-NOR']));
    expect(body.subjects.filter((s: Subject) => s.subjectCode === 'NOR1211')).toHaveLength(1);
    expect(subjectOf(body, 'NOR1211').absenceHours).toBe(nor.reduce((m: number, e: { minutes: number }) => m + e.minutes, 0) / 60);
  });
});

describe('self-certification (L-12)', () => {
  let student: string;
  const days = ['2026-09-07', '2026-09-14', '2026-09-21', '2026-10-05', '2026-11-23'];
  beforeAll(async () => {
    student = await cleanStudent(2);
    await enrol(student, tst.groupA, '2026-08-19', null);
    for (const day of days) await register(tst.groupA, day, tst.lessonA, [{ studentId: student, status: 'absent' }]);
  });

  it('is allowed while health and undocumented absence before the lesson is under 10 % (324 min): the first four Mondays, 0–270 min before', async () => {
    const elev = await addLoginFor(student);
    const res = await elev.request('POST', `/api/students/${student}/absence/self-certification`, { items: days.slice(0, 4).map((day) => ({ day })) });
    expect(res.statusCode, res.body).toBe(200);
    const s = subjectOf(res.json(), 'TST1000');
    expect(s).toMatchObject({ selfCertifiedHours: 6, countingHours: 1.5, selfCertificationAllowed: false });
  });

  it('is refused for the fifth (360 min before it): further health absence needs documentation from health personnel', async () => {
    const elev = await t.login(`elev.${student.slice(0, 8)}`);
    const res = await elev.request('POST', `/api/students/${student}/absence/self-certification`, { items: [{ day: '2026-11-23' }] }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toEqual({ field: 'items.0', message: expect.stringMatching(/Self-certification is used up in TST1000/) });
    expect(subjectOf((await kt.get(`/api/students/${student}/absence`)).json(), 'TST1000').countingHours).toBe(1.5);
  });

  it('is allowed beyond 10 % once a higher-risk condition is documented; only the fact is kept', async () => {
    expect((await kt.request('PUT', `/api/students/${student}/absence/higher-risk`, { documentedOn: '2026-11-20' })).statusCode).toBe(204);
    const elev = await t.login(`elev.${student.slice(0, 8)}`);
    const res = await elev.request('POST', `/api/students/${student}/absence/self-certification`, { items: [{ day: '2026-11-23' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ higherRiskCondition: { documentedOn: '2026-11-20' } });
    expect(subjectOf(res.json(), 'TST1000')).toMatchObject({ countingHours: 0, selfCertifiedHours: 7.5, selfCertificationAllowed: true });
  });

  it('the demo has a student whose self-certification is used up in Norwegian, and one with a higher-risk condition who may go on', async () => {
    const usedUp = subjectOf((await kt.get(`/api/students/${h().selfCertificationUsedUpStudentId}/absence`)).json(), 'NOR1211');
    expect(usedUp).toMatchObject({ selfCertificationAllowed: false, countingHours: 0, status: 'ok' });
    const risk = (await kt.get(`/api/students/${h().higherRiskStudentId}/absence`)).json();
    expect(subjectOf(risk, 'NOR1211').selfCertificationAllowed).toBe(true);
    const nor = subjectOf(risk, 'NOR1211') as Subject & { selfCertifiedHours: number };
    expect(nor.selfCertifiedHours * 100).toBeGreaterThan(10 * nor.plannedHours);
  });
});

async function addLoginFor(studentId: string): Promise<Client> {
  const [p] = await t.database.query<{ person_id: string }>('select person_id from student where id = $1', [studentId]);
  const username = `elev.${studentId.slice(0, 8)}`;
  await addLogin(t.database, owner, p!.person_id, username);
  return t.login(username);
}

describe('the diploma (L-14)', () => {
  let student: string;
  beforeAll(async () => {
    student = await cleanStudent(3);
  });

  it('counts full days and single hours apart, and refuses to leave out more than 10 days', async () => {
    // 11 school days 2–16 Nov of documented welfare absence, and one single lesson
    const res = await kt.request('POST', `/api/students/${student}/absence/days`, { from: '2026-11-02', to: '2026-11-16', reason: 'welfare', documentedOn: '2026-11-20' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().totals.fullDays).toBe(11);
    const diploma = (await kt.get(`/api/students/${student}/absence/diploma`)).json();
    expect(diploma).toMatchObject({ days: 11, hours: 0, maxExcludedDays: 10 });
    expect(diploma.fullDays.every((d: { eligible: boolean }) => d.eligible)).toBe(true);
    const elev = await addLoginFor(student);
    const all = diploma.fullDays.map((d: { day: string }) => d.day);
    const tooMany = await elev.request('PUT', `/api/students/${student}/absence/diploma`, { excludedDays: all, reasonsAttached: true });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].field).toBe('excludedDays');
    const ok = await elev.request('PUT', `/api/students/${student}/absence/diploma`, { excludedDays: all.slice(0, 10), reasonsAttached: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ days: 1, reasonsAttached: true, byReason: [{ reason: 'welfare', days: 1, hours: 0 }] });
  });

  it('leaves health absence out only from day 4 of an absence of more than three days', async () => {
    const other = await cleanStudent(4);
    // Monday 19 Oct to Friday 23 Oct: five days of documented illness
    expect((await kt.request('POST', `/api/students/${other}/absence/days`, { from: '2026-10-19', to: '2026-10-23', reason: 'health', documentedOn: '2026-10-26' })).statusCode).toBe(200);
    const diploma = (await kt.get(`/api/students/${other}/absence/diploma`)).json();
    expect(diploma.fullDays.map((d: { day: string; eligible: boolean }) => [d.day, d.eligible])).toEqual([
      ['2026-10-19', false], ['2026-10-20', false], ['2026-10-21', false], ['2026-10-22', true], ['2026-10-23', true],
    ]);
    const refused = await kt.request('PUT', `/api/students/${other}/absence/diploma`, { excludedDays: ['2026-10-20'], reasonsAttached: false });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].message).toMatch(/fra dag 4/);
  });
});

describe('registering a lesson (R-20)', () => {
  it("the subject teacher sees the group with everyone present, marks two absent and one late in one call, and the register shows it", async () => {
    const url = `/api/teaching-groups/${h().teachingGroup2STAMATId}/register`;
    const view = (await fag.get(`${url}?day=2026-11-24`)).json();
    expect(view.lessons.length).toBeGreaterThan(0);
    const lesson = view.lesson;
    const clean = view.students.filter((s: { status: string }) => s.status === 'present').slice(0, 3);
    const res = await fag.request('PUT', url, { day: '2026-11-24', lessonId: lesson.id, students: [
      { studentId: clean[0].studentId, status: 'absent' }, { studentId: clean[1].studentId, status: 'absent' },
      { studentId: clean[2].studentId, status: 'late', lateMinutes: 12 },
    ] });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json().students;
    expect(after.find((s: { studentId: string }) => s.studentId === clean[0].studentId).status).toBe('absent');
    expect(after.find((s: { studentId: string }) => s.studentId === clean[2].studentId)).toMatchObject({ status: 'late', lateMinutes: 12 });
    // every change has a trail: who and when
    const trail = (await kt.get(`/api/students/${clean[2].studentId}/absence/changes`)).json().changes;
    expect(trail[0]).toMatchObject({ day: '2026-11-24', minutes: 12, late: true, by: t.demo.logins.find((l) => l.username === 'faglarer')!.name });
    // marking present again removes it
    await fag.request('PUT', url, { day: '2026-11-24', lessonId: lesson.id, students: [{ studentId: clean[1].studentId, status: 'present' }] });
    expect((await fag.get(`${url}?day=2026-11-24&lessonId=${lesson.id}`)).json().students.find((s: { studentId: string }) => s.studentId === clean[1].studentId).status).toBe('present');
  });

  it('guardians of an under-18 are told that absence was registered (L-03), by a notice with a link only', async () => {
    const rows = await t.database.query<{ kind: string; link: string }>(`select kind, link from notification where kind = 'absence.registered'`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^\/children\/[0-9a-f-]{36}\/absence$/.test(r.link))).toBe(true);
  });
});

describe('bad input is refused with 400 in the user\'s language, and nothing changes', () => {
  const count = async () => Number((await t.database.query<{ n: number }>('select count(*)::int as n from absence'))[0]!.n);

  it('a day outside the school year, a holiday, a weekend and a day not yet come', async () => {
    const before = await count();
    const url = `/api/students/${h().elevStudentId}/absence/days`;
    const cases: [string, RegExp][] = [
      ['2026-08-10', /utenfor skoleåret/], ['2026-09-28', /fridag \(Høstferie\)/], ['2026-05-17', /utenfor skoleåret/],
      ['2026-11-21', /helgedag/], ['2026-11-26', /ikke har vært ennå/],
    ];
    for (const [day, message] of cases) {
      const res = await kt.request('POST', url, { from: day });
      expect(res.statusCode, day).toBe(400);
      expect(res.json().errors[0]).toEqual({ field: 'from', message: expect.stringMatching(message) });
    }
    const nn = await kt.request('POST', url, { from: '2026-09-28' }, { 'accept-language': 'nn' });
    expect(nn.json().errors[0].message).toMatch(/er fridag \(Høstferie\), ikkje ein skuledag/);
    expect(await count()).toBe(before);
  });

  it('a student not in the group, a lesson of another group, and late minutes longer than the lesson', async () => {
    const before = await count();
    const url = `/api/teaching-groups/${h().teachingGroup2STAMATId}/register`;
    const view = (await fag.get(`${url}?day=2026-11-24`)).json();
    const stranger = await register(h().teachingGroup2STAMATId, '2026-11-24', view.lesson.id, [{ studentId: h().leftStudentId, status: 'absent' }], 'en');
    expect(stranger.json().errors[0]).toEqual({ field: 'students.0.studentId', message: 'The student is not in the group on 2026-11-24.' });
    const wrongLesson = await register(h().teachingGroup2STAMATId, '2026-11-24', tst.lessonA, []);
    expect(wrongLesson.json().errors[0].field).toBe('lessonId');
    const late = await register(h().teachingGroup2STAMATId, '2026-11-24', view.lesson.id, [{ studentId: view.students[5].studentId, status: 'late', lateMinutes: view.lesson.minutes }]);
    expect(late.json().errors[0].field).toBe('students.0.lateMinutes');
    const holiday = await register(h().teachingGroup2STAMATId, '2026-12-25', view.lesson.id, []);
    expect(holiday.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('an unknown reason code is refused with the codes that exist', async () => {
    const res = await kt.request('POST', `/api/students/${h().elevStudentId}/absence/documentation`, { items: [{ day: '2026-10-14' }], reason: 'sick' }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'reason', message: expect.stringMatching(/^Must be one of: undocumented, selfCertification, health/) });
  });

  it('a bad timetable CSV names the line and the field, and no lesson is saved', async () => {
    const before = Number((await t.database.query<{ n: number }>('select count(*)::int as n from lesson'))[0]!.n);
    const csv = 'gruppe;ukedag;start;minutter\nTST-A;2;08:15;90\nTST-A;lørdag;08:15;90\nFINNES-IKKE;3;25:00;90\n';
    const res = await rektor.request('POST', '/api/timetable/import?from=2026-11-26', csv, { 'content-type': 'text/csv' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['rows.3.weekday', 'rows.4.start', 'rows.4.group']));
    expect(Number((await t.database.query<{ n: number }>('select count(*)::int as n from lesson'))[0]!.n)).toBe(before);
    const good = await rektor.request('POST', '/api/timetable/import?from=2026-11-26', 'group,weekday,start,minutes\nTST-B,wednesday,09:00,45\n', { 'content-type': 'text/csv' });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ groups: 1, lessons: 1, from: '2026-11-26' });
  });
});

describe('who sees absence (L-03, L-42, R-71): the policy with reasons', () => {
  it('a subject teacher sees only their own subject of a student, with the reason stated', async () => {
    const body = (await fag.get(`/api/students/${h().elevStudentId}/absence`)).json();
    expect(body.scope).toBe('ownSubject');
    expect(body.access.reason).toMatch(/faglærer i MAT1021/);
    expect(new Set(body.subjects.map((s: Subject) => s.subjectCode))).toEqual(new Set(['MAT1021']));
    expect(body.entries.every((e: { subjectCode: string }) => e.subjectCode === 'MAT1021')).toBe(true);
  });

  it('a subject teacher of another group and subject gets nothing (404, like a student that does not exist)', async () => {
    const [other] = await t.database.query<{ student_id: string }>(
      `select student_id from enrolment where basis_group_id = $1 and ends_on is null and student_id not in
        (select e.student_id from enrolment e join subject_teacher_assignment a on a.teaching_group_id = e.teaching_group_id where a.staff_member_id = $2) limit 1`,
      [h().basisGroup2STBId, h().subjectTeacherStaffMemberId]);
    expect((await fag.get(`/api/students/${other!.student_id}/absence`)).statusCode).toBe(404);
  });

  it('a guardian with parental responsibility of a student under 18 sees the absence, but not a decision\'s reasons', async () => {
    const foresatt = await t.login('foresatt');
    const res = await foresatt.get(`/api/students/${h().elevStudentId}/absence`);
    expect(res.statusCode).toBe(200);
    expect(res.json().access.reason).toBe('foresatt med foreldreansvar');
    expect(res.json().higherRiskCondition).toBeNull();
  });

  it('a parent without parental responsibility, and a guardian an adult student has not consented to, get nothing', async () => {
    const uten = await t.login('foresatt.uten');
    expect((await uten.get(`/api/students/${h().noResponsibilityStudentId}/absence`)).statusCode).toBe(404);
    await addLogin(t.database, owner, h().adultNoConsentGuardianPersonId, 'foresatt.utensamtykke');
    const noConsent = await t.login('foresatt.utensamtykke');
    expect((await noConsent.get(`/api/students/${h().adultWithConsentStudentId}/absence`)).statusCode).toBe(404);
    const consented = await t.login('foresatt.myndig');
    expect((await consented.get(`/api/students/${h().adultWithConsentStudentId}/absence`)).statusCode).toBe(200);
  });

  it('every read is in the audit log with its reason', async () => {
    const rows = await t.database.query<{ reason: string }>(
      `select reason from audit_log where action = 'absence.read' and student_id = $1 and decision = 'allow' order by id desc limit 1`, [h().elevStudentId]);
    expect(rows[0]!.reason).toBeTruthy();
    const denied = await t.database.query<{ reason_code: string }>(
      `select reason_code from audit_log where action = 'absence.read' and student_id = $1 and decision = 'deny'`, [h().noResponsibilityStudentId]);
    expect(denied.map((d) => d.reason_code)).toContain('guardianWithoutParentalResponsibility');
  });
});

describe('the class: emerging absence (R-21) and the weekly check (R-20)', () => {
  const classUrl = () => `/api/basis-groups/${h().basisGroup2STAId}/absence`;
  type Row = { studentId: string; signals: { kind: string; raisedOn: string; followedUp: boolean }[]; needsFollowUp: boolean; highest: { percent: number; status: string } | null };

  it('raises signals for late arrivals, full days and a subject at 5 % or more, and lists who has had no follow-up', async () => {
    const body = (await kt.get(classUrl())).json();
    const row = (id: string) => body.students.find((s: Row) => s.studentId === id) as Row;
    expect(row(h().lateArrivalsStudentId).signals.map((s) => s.kind)).toContain('lateArrivals');
    expect(row(h().fullDaysStudentId).signals).toContainEqual(expect.objectContaining({ kind: 'fullDays', raisedOn: '2026-11-24', value: 3, followedUp: false }));
    expect(row(h().fullDaysStudentId).needsFollowUp).toBe(true);
    expect(row(h().absenceOverLimitStudentId).highest).toMatchObject({ status: 'overLimit' });
    expect(row(h().absenceNearLimitStudentId).highest).toMatchObject({ status: 'nearLimit' });
  });

  it('the list empties for a student once a contact-log entry is recorded after the signal', async () => {
    const res = await kt.request('POST', `/api/students/${h().fullDaysStudentId}/contact-log`, { occurredOn: '2026-11-25', channel: 'phone', summary: 'Ringte hjem om fraværet.' });
    expect(res.statusCode).toBe(201);
    const row = (await kt.get(classUrl())).json().students.find((s: Row) => s.studentId === h().fullDaysStudentId) as Row;
    expect(row.needsFollowUp).toBe(false);
  });

  it('the counsellor may not read the class absence; the department head may', async () => {
    expect((await (await t.login('radgiver')).get(classUrl())).statusCode).toBe(403);
    expect((await (await t.login('avdelingsleder')).get(classUrl())).statusCode).toBe(200);
  });

  it("the contact teacher's week view shows this week's undocumented absence and is checked per student", async () => {
    const week = (await kt.get(`${classUrl()}/week`)).json();
    expect(week).toMatchObject({ week: '2026-W48', weekStart: '2026-11-23', weekEnd: '2026-11-29' });
    const full = week.students.find((s: { studentId: string }) => s.studentId === h().fullDaysStudentId);
    expect(full.items.every((i: { fullDay: boolean }) => i.fullDay)).toBe(true);
    expect(full.checked).toBeNull();
    expect((await kt.request('PUT', `${classUrl()}/week/2026-11-23/students/${h().fullDaysStudentId}`, { checked: true })).statusCode).toBe(204);
    const again = (await kt.get(`${classUrl()}/week?week=2026-W48`)).json();
    expect(again.students.find((s: { studentId: string }) => s.studentId === h().fullDaysStudentId).checked).toMatchObject({ by: t.demo.logins.find((l) => l.username === 'kontaktlarer')!.name });
    // last week was checked in the class hour
    const last = (await kt.get(`${classUrl()}/week?week=2026-W47`)).json();
    expect(last.students.filter((s: { checked: unknown }) => s.checked).length).toBeGreaterThan(10);
    expect((await kt.request('PUT', `${classUrl()}/week/2026-11-24/students/${h().fullDaysStudentId}`, { checked: true })).statusCode).toBe(400);
  });
});
