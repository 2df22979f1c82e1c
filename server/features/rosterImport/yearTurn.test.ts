/**
 * The school year's turn through the import (issue 13): the administrative system's export for 2027/28
 * arrives in June, while 2026/27 still runs. This year's classes keep their students and teachers until
 * the summer; then they close, their memberships ended at the year's end and nothing deleted. The new
 * year gets the school's annual cycle as a copy. After the summer the class's new contact teacher reads
 * the student's conversations and contact log from last year, and last year's contact teacher — with no
 * group of the student this year — reads nothing of them any more (R-60: only those who need it). A
 * student missing from the new year has left; the principal still reads all they had.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { can } from '../../core/policy/can.js';
import { loadActor, loadStudentFacts } from '../../core/policy/facts.js';
import { DEMO_SCHOOL_NAME } from '../../seed/demo.js';
import { addLogin, testApp, type Client, type TestApp } from '../../test/harness.js';
import { writeCsvSet } from './adapters/csv/write.js';
import { nextYearRoster, smallSchoolRoster, syntheticNin, type SmallSchoolOptions } from './fixtures.js';
import { NIGHTLY_JOB, rosterImportJobs } from './jobs.js';
import { apply, kindOf, uploadFiles } from './syncTesting.js';

const FIXTURE: SmallSchoolOptions = { schoolName: DEMO_SCHOOL_NAME, prefix: 'YT', className: '1IMP' };
const JUNE = '2027-06-10';
const AUGUST = '2027-08-20';
/** What Elevlos records about students, which no import may touch. */
const FOLLOW_UP = [
  'conversation', 'conversation_note', 'conversation_follow_up', 'contact_log_entry', 'absence', 'warning_notice', 'warning_letter',
  'conduct_grade', 'formative_assessment', 'disciplinary_case', 'accommodation_need',
] as const;

let t: TestApp;
let admin: Client;
let lastYearsTeacher: Client;
let newTeacher: Client;
let rektor: Client;
const ids = { staying: '', leaving: '', lastYearsTeacher: '', conversation: '', leaversConversation: '' };
let followUpBefore: Record<string, number>;

async function idOf(sql: string, nin: string): Promise<string> {
  const [row] = await t.database.query<{ id: string }>(sql, [t.demo.ownerId, nin]);
  expect(row, nin).toBeTruthy();
  return row!.id;
}
const personByNin = (nin: string) => idOf('select id from person where owner_id = $1 and national_identity_number = $2', nin);
const studentByNin = (nin: string) => idOf(
  'select s.id from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id where s.owner_id = $1 and p.national_identity_number = $2', nin);

async function followUpCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of FOLLOW_UP) out[table] = (await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
  return out;
}

async function importRoster(files: ReturnType<typeof writeCsvSet>) {
  const read = await uploadFiles(t, admin, files);
  expect(read.status, JSON.stringify(read.errors)).toBe('ready');
  return { read, applied: await apply(t, admin, read.id) };
}

async function statusOf(studentId: string): Promise<string> {
  const [row] = await t.database.query<{ status: string }>('select status from student where id = $1', [studentId]);
  return row!.status;
}

async function guardiansOf(studentId: string): Promise<{ guardian_person_id: string; parental_responsibility: boolean }[]> {
  return t.database.query('select guardian_person_id, parental_responsibility from guardianship where student_id = $1 order by 1', [studentId]);
}

async function enrolmentsOf(studentId: string): Promise<{ group: string; starts_on: string; ends_on: string | null }[]> {
  return t.database.query(
    `select coalesce(bg.name, tg.name) as "group", e.starts_on::text as starts_on, e.ends_on::text as ends_on from enrolment e
     left join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
     left join teaching_group tg on tg.owner_id = e.owner_id and tg.id = e.teaching_group_id
     where e.owner_id = $1 and e.student_id = $2 order by e.starts_on, 1`, [t.demo.ownerId, studentId]);
}

async function cyclesOfDemoSchool(): Promise<{ year: string; copied_from: string | null; routines: number }[]> {
  return t.database.query(
    `select y.name as year, (select fy.name from annual_cycle f join school_year fy on fy.owner_id = f.owner_id and fy.id = f.school_year_id
        where f.owner_id = c.owner_id and f.id = c.copied_from_cycle_id) as copied_from,
       (select count(*)::int from routine r where r.owner_id = c.owner_id and r.cycle_id = c.id) as routines
     from annual_cycle c join school_year y on y.owner_id = c.owner_id and y.id = c.school_year_id
     where c.owner_id = $1 and c.school_id = $2 order by y.starts_on`, [t.demo.ownerId, t.demo.schoolId]);
}

/** The policy's own answer, with its reason, as the actor would get it on the day. */
async function decision(personId: string, studentId: string, day: string) {
  const actor = (await loadActor(t.database, t.demo.ownerId, personId, day))!;
  const facts = (await loadStudentFacts(t.database, t.demo.ownerId, studentId, day))!;
  return can(actor, 'student.read', { type: 'student', student: facts }, day);
}

beforeAll(async () => {
  t = await testApp();
  admin = await t.login('skoleadmin');
  rektor = await t.login('rektor');
  await importRoster(writeCsvSet(smallSchoolRoster(FIXTURE)));
  ids.lastYearsTeacher = await personByNin(syntheticNin('1984-05-02', 1));
  await addLogin(t.database, t.demo.ownerId, ids.lastYearsTeacher, 'yt.kontaktlarer');
  await addLogin(t.database, t.demo.ownerId, await personByNin(syntheticNin('1979-11-20', 2)), 'yt.faglarer');
  lastYearsTeacher = await t.login('yt.kontaktlarer');
  newTeacher = await t.login('yt.faglarer');
  ids.staying = await studentByNin(syntheticNin('2010-01-10', 10));
  ids.leaving = await studentByNin(syntheticNin('2010-04-13', 13));

  // 2026/27: the contact teacher of 1IMP plans a conversation with two students and calls a home
  for (const [key, studentId] of [['conversation', ids.staying], ['leaversConversation', ids.leaving]] as const) {
    const res = await lastYearsTeacher.request('POST', `/api/students/${studentId}/conversations`, { kind: 'student', plannedAt: '2026-12-02T09:00:00+01:00' });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id as string;
  }
  const call = await lastYearsTeacher.request('POST', `/api/students/${ids.staying}/contact-log`, { occurredOn: '2026-11-20', channel: 'phone', summary: 'Ringte mor om oppstarten.' });
  expect(call.statusCode, call.body).toBe(201);
  followUpBefore = await followUpCounts();

  // June 2027: next year's export arrives before this year has ended
  vi.stubEnv('ELEVLOS_TODAY', JUNE);
}, 120_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await t?.close();
});

describe("the school year's turn through the import", () => {
  let turn: Awaited<ReturnType<typeof importRoster>>;

  it('applies next year\'s export in June: the new year, its class and memberships are added, and the student missing from it finishes this year with their guardians', async () => {
    const guardiansBefore = await guardiansOf(ids.leaving);
    expect(guardiansBefore.length).toBeGreaterThan(0);
    turn = await importRoster(writeCsvSet(nextYearRoster(FIXTURE)));
    expect(turn.applied.status, JSON.stringify(turn.applied.log)).toBe('applied');
    expect(kindOf(turn.read, 'schoolYears').added).toBe(1);
    expect(kindOf(turn.read, 'basisGroups').added).toBe(1);
    expect(kindOf(turn.read, 'students').ended).toBe(1);
    // a leaver keeps their guardians: the preview says so, and the apply does so
    expect(kindOf(turn.read, 'guardianships').ended).toBe(0);
    expect(turn.applied.result!.kinds.guardianships).toMatchObject({ ended: 0 });
    expect(await guardiansOf(ids.leaving)).toEqual(guardiansBefore);
    // school is not over in June: the student is still in their class, active, until the last school day
    expect(await statusOf(ids.leaving)).toBe('active');
  });

  it("keeps this year's classes until the last school day: last year's memberships end at the year's end, not on the day of the import", async () => {
    expect(await enrolmentsOf(ids.staying)).toEqual([
      { group: '1IMP', starts_on: '2026-08-19', ends_on: '2027-06-19' },
      { group: '1IMP-MAT', starts_on: '2026-08-19', ends_on: '2027-06-19' },
      { group: '1IMP-NOR', starts_on: '2026-08-19', ends_on: '2027-06-19' },
      { group: '2IMP', starts_on: '2027-08-18', ends_on: null },
      { group: '2IMP-MAT', starts_on: '2027-08-18', ends_on: null },
      { group: '2IMP-NOR', starts_on: '2027-08-18', ends_on: null },
    ]);
    expect((await enrolmentsOf(ids.leaving)).map((e) => e.ends_on)).toEqual(['2027-06-19', '2027-06-19', '2027-06-19']);
    // the demo's own classes of 2026/27 close with the year too, and their lessons with them
    const [open] = await t.database.query<{ enrolments: number; lessons: number }>(
      `select (select count(*)::int from enrolment e join basis_group g on g.owner_id = e.owner_id and g.id = e.basis_group_id
               join school_year y on y.owner_id = g.owner_id and y.id = g.school_year_id where y.name = '2026/27' and (e.ends_on is null or e.ends_on > '2027-06-19')) as enrolments,
              (select count(*)::int from lesson l join teaching_group g on g.owner_id = l.owner_id and g.id = l.teaching_group_id
               join school_year y on y.owner_id = g.owner_id and y.id = g.school_year_id where y.name = '2026/27' and (l.ends_on is null or l.ends_on > '2027-06-19')) as lessons`);
    expect(open).toEqual({ enrolments: 0, lessons: 0 });

    const stillTheirs = await lastYearsTeacher.get(`/api/students/${ids.leaving}`);
    expect(stillTheirs.statusCode, stillTheirs.body).toBe(200);
    expect(stillTheirs.json().access.reasonCode).toBe('contactTeacher');
  });

  it("keeps last year's contact- and subject-teacher assignments as history", async () => {
    const [row] = await t.database.query<{ contact: number; subject: number }>(
      `select (select count(*)::int from contact_teacher_assignment a join basis_group g on g.owner_id = a.owner_id and g.id = a.basis_group_id where g.name = '1IMP') as contact,
              (select count(*)::int from subject_teacher_assignment a join teaching_group g on g.owner_id = a.owner_id and g.id = a.teaching_group_id where g.name like '1IMP-%') as subject`);
    expect(row).toEqual({ contact: 1, subject: 2 });
  });

  it('gives the new school year the annual cycle as a copy of the school\'s last one', async () => {
    const cycles = await cyclesOfDemoSchool();
    const last = cycles.find((c) => c.year === '2026/27')!;
    expect(cycles.find((c) => c.year === '2027/28')).toEqual({ year: '2027/28', copied_from: '2026/27', routines: last.routines });
  });

  it('loses none of what Elevlos recorded: conversations, notes, contact log, absence, warnings, letters and grades are all still there', async () => {
    expect(await followUpCounts()).toEqual(followUpBefore);
  });

  it('changes nothing when the same export is imported again, and makes no second cycle', async () => {
    const before = await enrolmentsOf(ids.staying);
    const again = await importRoster(writeCsvSet(nextYearRoster(FIXTURE)));
    for (const k of again.read.preview!.kinds) expect({ kind: k.kind, added: k.added, changed: k.changed, ended: k.ended }).toEqual({ kind: k.kind, added: 0, changed: 0, ended: 0 });
    expect(await enrolmentsOf(ids.staying)).toEqual(before);
    expect((await cyclesOfDemoSchool()).filter((c) => c.year === '2027/28')).toHaveLength(1);
  });

  describe('after the summer', () => {
    beforeAll(() => {
      vi.stubEnv('ELEVLOS_TODAY', AUGUST);
    });

    it("lets the class's new contact teacher read the student's conversations and contact log from last year", async () => {
      const conversations = await newTeacher.get(`/api/students/${ids.staying}/conversations`);
      expect(conversations.statusCode, conversations.body).toBe(200);
      expect(conversations.json().access).toMatchObject({ reasonCode: 'contactTeacher' });
      expect(conversations.json().access.reason).toContain('2IMP');
      expect((conversations.json().conversations as { id: string }[]).map((c) => c.id)).toContain(ids.conversation);
      const log = await newTeacher.get(`/api/students/${ids.staying}/contact-log`);
      expect(log.statusCode, log.body).toBe(200);
      expect(JSON.stringify(log.json())).toContain('Ringte mor om oppstarten.');
    });

    it("refuses last year's contact teacher, who has no group of the student this year, and says why", async () => {
      const student = await lastYearsTeacher.get(`/api/students/${ids.staying}`);
      expect(student.statusCode).toBe(404);
      expect((await lastYearsTeacher.get(`/api/conversations/${ids.conversation}`)).statusCode).toBe(404);
      expect(await decision(ids.lastYearsTeacher, ids.staying, AUGUST)).toEqual({ allow: false, reason: { code: 'noRelationship', params: {} }, hide: true });
      // the same teacher was allowed on the last school day, as the class's contact teacher
      expect(await decision(ids.lastYearsTeacher, ids.staying, '2027-06-18')).toMatchObject({ allow: true, reason: { code: 'contactTeacher', params: { group: '1IMP' } } });
    });

    it("no longer lists last year's class among the teacher's classes, and lists the new one for the new contact teacher", async () => {
      const old = (await lastYearsTeacher.get('/api/me')).json() as { basisGroups: { name: string }[]; teachingGroups: { name: string }[] };
      expect(old.basisGroups.map((g) => g.name)).not.toContain('1IMP');
      expect(old.teachingGroups.map((g) => g.name)).not.toContain('1IMP-NOR');
      const fresh = (await newTeacher.get('/api/me')).json() as { basisGroups: { name: string }[] };
      expect(fresh.basisGroups.map((g) => g.name)).toEqual(['2IMP']);
    });

    it('marks the student who finished the year as left once it is over (the hourly job), their guardians kept as they were', async () => {
      const guardians = await guardiansOf(ids.leaving);
      expect(await statusOf(ids.leaving)).toBe('active');
      await rosterImportJobs[NIGHTLY_JOB]!({}, t.database);
      expect(await statusOf(ids.leaving)).toBe('left');
      expect(await statusOf(ids.staying)).toBe('active');
      expect(await guardiansOf(ids.leaving)).toEqual(guardians);
    });

    it('lets the principal read the student who left, with everything recorded about them', async () => {
      const student = await rektor.get(`/api/students/${ids.leaving}`);
      expect(student.statusCode, student.body).toBe(200);
      expect(student.json().access.reasonCode).toBe('principal');
      const conversations = await rektor.get(`/api/students/${ids.leaving}/conversations`);
      expect((conversations.json().conversations as { id: string }[]).map((c) => c.id)).toContain(ids.leaversConversation);
      expect((await lastYearsTeacher.get(`/api/students/${ids.leaving}`)).statusCode).toBe(404);
    });

    it("closes last year's groups even when the export still lists their memberships and lessons as open", async () => {
      const last = smallSchoolRoster(FIXTURE);
      const both = nextYearRoster(FIXTURE);
      const staying = new Set(both.students.map((s) => s.sourceId));
      both.schoolYears.push(...last.schoolYears);
      both.terms.push(...last.terms);
      both.basisGroups.push(...last.basisGroups);
      both.teachingGroups.push(...last.teachingGroups);
      both.contactTeachers.push(...last.contactTeachers);
      both.subjectTeachers.push(...last.subjectTeachers);
      both.lessons.push(...last.lessons);
      both.enrolments.push(...last.enrolments.filter((e) => staying.has(e.studentId)));
      const before = await enrolmentsOf(ids.staying);
      const { applied } = await importRoster(writeCsvSet(both));
      expect(applied.status, JSON.stringify(applied.log)).toBe('applied');
      expect(await enrolmentsOf(ids.staying)).toEqual(before);
      const [lessons] = await t.database.query<{ ends_on: string | null }>(
        `select l.ends_on::text as ends_on from lesson l join teaching_group g on g.owner_id = l.owner_id and g.id = l.teaching_group_id where g.name = '1IMP-MAT'`);
      expect(lessons).toEqual({ ends_on: '2027-06-19' });
      expect(await decision(ids.lastYearsTeacher, ids.staying, AUGUST)).toMatchObject({ allow: false, reason: { code: 'noRelationship' } });

      // a later nightly sync that only changes one of last year's memberships (no new year, no new group) closes it again
      const moved = both.enrolments.find((e) => e.studentId === 'YT-E0' && e.group.id === 'YT-B1')!;
      moved.startsOn = '2026-08-20';
      const resync = await importRoster(writeCsvSet(both));
      expect(kindOf(resync.read, 'enrolments').changed).toBe(1);
      expect(kindOf(resync.read, 'basisGroups').changed + kindOf(resync.read, 'basisGroups').added).toBe(0);
      expect((await enrolmentsOf(ids.staying)).find((e) => e.group === '1IMP')).toEqual({ group: '1IMP', starts_on: '2026-08-20', ends_on: '2027-06-19' });
    });
  });
});
