/** Every statement of screening and class-team meetings. */
import type { QueryFn } from '../../core/db/client.js';
import type { ScreeningTest } from './tables.js';

const CURRENT = (e: string, day: string) => `${e}.starts_on <= ${day}::date and (${e}.ends_on is null or ${e}.ends_on > ${day}::date)`;

/** The class's facts beyond core's: the teaching groups of its current students, and the school's list recipients. */
export async function classTeamExtras(q: QueryFn, ownerId: string, basisGroupId: string, schoolId: string, today: string): Promise<{ teachingGroupIds: string[]; noticeDepartmentIds: string[] }> {
  const [row] = await q<{ tg: string[] | null; deps: string[] | null }>(
    `select array(select distinct t.teaching_group_id from enrolment b join enrolment t on t.owner_id = b.owner_id and t.student_id = b.student_id
        and t.teaching_group_id is not null and ${CURRENT('t', '$4')}
        where b.owner_id = $1 and b.basis_group_id = $2 and ${CURRENT('b', '$4')}) as tg,
      array(select distinct notice_department_id from screening_setting where owner_id = $1 and school_id = $3 and notice_department_id is not null) as deps`,
    [ownerId, basisGroupId, schoolId, today]);
  return { teachingGroupIds: row?.tg ?? [], noticeDepartmentIds: row?.deps ?? [] };
}

export interface SettingRow { test: ScreeningTest; concern_threshold: number; max_score: number; notice_department_id: string | null }

export async function screeningSettings(q: QueryFn, ownerId: string, schoolId: string): Promise<SettingRow[]> {
  return q<SettingRow>('select test, concern_threshold, max_score, notice_department_id from screening_setting where owner_id = $1 and school_id = $2', [ownerId, schoolId]);
}

export async function meetingWeeks(q: QueryFn, ownerId: string, schoolId: string): Promise<number[] | null> {
  const [row] = await q<{ weeks: number[] }>('select weeks from class_team_meeting_setting where owner_id = $1 and school_id = $2', [ownerId, schoolId]);
  return row ? row.weeks.map(Number) : null;
}

export async function saveSettings(q: QueryFn, ownerId: string, schoolId: string, personId: string,
  tests: readonly { test: ScreeningTest; concernThreshold: number; maxScore: number; noticeDepartmentId: string | null }[], weeks: readonly number[]): Promise<void> {
  await q(
    `insert into screening_setting (owner_id, school_id, test, concern_threshold, max_score, notice_department_id, updated_by_person_id)
     select $1, $2, t, c, m, d, $3 from unnest($4::text[], $5::int[], $6::int[], $7::uuid[]) as x(t, c, m, d)
     on conflict (owner_id, school_id, test) do update set concern_threshold = excluded.concern_threshold, max_score = excluded.max_score,
       notice_department_id = excluded.notice_department_id, updated_by_person_id = excluded.updated_by_person_id, updated_at = now()`,
    [ownerId, schoolId, personId, tests.map((t) => t.test), tests.map((t) => t.concernThreshold), tests.map((t) => t.maxScore), tests.map((t) => t.noticeDepartmentId)]);
  await q(
    `insert into class_team_meeting_setting (owner_id, school_id, weeks, updated_by_person_id) values ($1, $2, $3::smallint[], $4)
     on conflict (owner_id, school_id) do update set weeks = excluded.weeks, updated_by_person_id = excluded.updated_by_person_id, updated_at = now()`,
    [ownerId, schoolId, weeks, personId]);
}

export async function departmentsOf(q: QueryFn, ownerId: string, schoolId: string): Promise<{ id: string; name: string }[]> {
  return q('select id, name from department where owner_id = $1 and school_id = $2 order by name', [ownerId, schoolId]);
}

export interface ClassStudentRow { id: string; given_name: string; family_name: string; programme: 'general' | 'vocational' | null; national_identity_number: string | null; feide_id: string | null }

/** extra columns for core's group-students statement: names, programme and the keys an import names a student by */
export const CLASS_STUDENT_COLUMNS = `, p.given_name, p.family_name, s.programme, p.national_identity_number,
  (select lower(a.oidc_subject) from account a where a.owner_id = s.owner_id and a.person_id = s.person_id and a.oidc_subject is not null limit 1) as feide_id`;

export interface ResultRow { student_id: string; test: ScreeningTest; score: number; given_by_person_id: string | null; given_by: string | null; recorded_at: string }

export async function resultsOf(q: QueryFn, ownerId: string, schoolYearId: string, studentIds: readonly string[]): Promise<ResultRow[]> {
  if (studentIds.length === 0) return [];
  return q<ResultRow>(
    `select r.student_id, r.test, r.score, r.given_by_person_id, case when p.id is null then null else p.given_name || ' ' || p.family_name end as given_by, r.recorded_at::text
     from screening_result r left join person p on p.owner_id = r.owner_id and p.id = r.given_by_person_id
     where r.owner_id = $1 and r.school_year_id = $2 and r.student_id = any($3::uuid[])`,
    [ownerId, schoolYearId, studentIds]);
}

/** One statement per save: a row of the grid, or every valid line of an import. A null score removes the result. */
export async function saveResults(q: QueryFn, ownerId: string, schoolYearId: string, recordedBy: string,
  rows: readonly { studentId: string; test: ScreeningTest; score: number | null; givenBy: string | null }[]): Promise<void> {
  const set = rows.filter((r) => r.score !== null);
  const cleared = rows.filter((r) => r.score === null);
  if (set.length) {
    await q(
      `insert into screening_result (owner_id, student_id, school_year_id, test, score, given_by_person_id, recorded_by_person_id)
       select $1, s, $2, t, v, g, $3 from unnest($4::uuid[], $5::text[], $6::int[], $7::uuid[]) as x(s, t, v, g)
       on conflict (owner_id, student_id, school_year_id, test) do update set score = excluded.score, given_by_person_id = excluded.given_by_person_id,
         recorded_by_person_id = excluded.recorded_by_person_id, recorded_at = now()
       where screening_result.score is distinct from excluded.score`,
      [ownerId, schoolYearId, recordedBy, set.map((r) => r.studentId), set.map((r) => r.test), set.map((r) => r.score), set.map((r) => r.givenBy)]);
  }
  if (cleared.length) {
    await q(
      `delete from screening_result r using unnest($3::uuid[], $4::text[]) as x(s, t)
       where r.owner_id = $1 and r.school_year_id = $2 and r.student_id = x.s and r.test = x.t`,
      [ownerId, schoolYearId, cleared.map((r) => r.studentId), cleared.map((r) => r.test)]);
  }
}

/**
 * Who gives each test to each student: the teacher of the student's group in the subject; on a
 * vocational programme Norwegian is given by the contact teacher (the caller passes the class's).
 */
export async function subjectTeachersOf(q: QueryFn, ownerId: string, studentIds: readonly string[], today: string): Promise<{ student_id: string; subject_code: string; person_id: string }[]> {
  if (studentIds.length === 0) return [];
  return q(
    `select distinct on (e.student_id, su.code) e.student_id, su.code as subject_code, sm.person_id
     from enrolment e join teaching_group tg on tg.owner_id = e.owner_id and tg.id = e.teaching_group_id
     join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id
     join subject_teacher_assignment sa on sa.owner_id = tg.owner_id and sa.teaching_group_id = tg.id
     join staff_member sm on sm.owner_id = sa.owner_id and sm.id = sa.staff_member_id
     where e.owner_id = $1 and e.student_id = any($2::uuid[]) and ${CURRENT('e', '$3')}
       and (su.code like 'NOR%' or su.code like 'ENG%' or su.code like 'MAT%')
     order by e.student_id, su.code, sm.person_id`,
    [ownerId, studentIds, today]);
}

/** The class's contact teachers and the other staff who make up its team (for "who follows up"). */
export async function teamOf(q: QueryFn, ownerId: string, basisGroupId: string, schoolId: string, departmentId: string | null, today: string): Promise<{ staff_member_id: string; person_id: string; given_name: string; family_name: string; role: 'contactTeacher' | 'subjectTeacher' | 'departmentHead' | 'counsellor' }[]> {
  return q(
    `select distinct on (sm.id) sm.id as staff_member_id, sm.person_id, p.given_name, p.family_name, x.role from (
       select c.staff_member_id, 'contactTeacher' as role, 1 as o from contact_teacher_assignment c where c.owner_id = $1 and c.basis_group_id = $2
       union all
       select sa.staff_member_id, 'subjectTeacher', 2 from enrolment b join enrolment t on t.owner_id = b.owner_id and t.student_id = b.student_id and t.teaching_group_id is not null and ${CURRENT('t', '$5')}
         join subject_teacher_assignment sa on sa.owner_id = t.owner_id and sa.teaching_group_id = t.teaching_group_id
         where b.owner_id = $1 and b.basis_group_id = $2 and ${CURRENT('b', '$5')}
       union all
       select r.staff_member_id, 'departmentHead', 3 from staff_role r join staff_member m on m.owner_id = r.owner_id and m.id = r.staff_member_id
         where r.owner_id = $1 and m.school_id = $3 and r.role = 'departmentHead' and r.department_id = $4
       union all
       select r.staff_member_id, 'counsellor', 4 from staff_role r join staff_member m on m.owner_id = r.owner_id and m.id = r.staff_member_id
         where r.owner_id = $1 and m.school_id = $3 and r.role = 'counsellor'
     ) x join staff_member sm on sm.owner_id = $1 and sm.id = x.staff_member_id join person p on p.owner_id = sm.owner_id and p.id = sm.person_id
     order by sm.id, x.o`,
    [ownerId, basisGroupId, schoolId, departmentId, today]);
}

/** Department heads of these departments at the school (the screening list's recipients). */
export async function departmentHeads(q: QueryFn, ownerId: string, schoolId: string, departmentIds: readonly string[]): Promise<string[]> {
  if (departmentIds.length === 0) return [];
  const rows = await q<{ person_id: string }>(
    `select distinct sm.person_id from staff_role r join staff_member sm on sm.owner_id = r.owner_id and sm.id = r.staff_member_id
     where r.owner_id = $1 and sm.school_id = $2 and r.role = 'departmentHead' and r.department_id = any($3::uuid[])`,
    [ownerId, schoolId, departmentIds]);
  return rows.map((r) => r.person_id);
}

export async function contactTeachersOf(q: QueryFn, ownerId: string, basisGroupId: string): Promise<string[]> {
  const rows = await q<{ person_id: string }>(
    `select sm.person_id from contact_teacher_assignment c join staff_member sm on sm.owner_id = c.owner_id and sm.id = c.staff_member_id
     where c.owner_id = $1 and c.basis_group_id = $2 order by sm.person_id`, [ownerId, basisGroupId]);
  return rows.map((r) => r.person_id);
}

/** Marks the class's list as sent; false when it was sent before (the notice goes once). */
export async function markNoticeSent(q: QueryFn, ownerId: string, basisGroupId: string): Promise<boolean> {
  const rows = await q('insert into screening_notice (owner_id, basis_group_id) values ($1, $2) on conflict do nothing returning basis_group_id', [ownerId, basisGroupId]);
  return rows.length > 0;
}

export async function noticeSentAt(q: QueryFn, ownerId: string, basisGroupId: string): Promise<string | null> {
  const [row] = await q<{ sent_at: string }>('select sent_at::text from screening_notice where owner_id = $1 and basis_group_id = $2', [ownerId, basisGroupId]);
  return row?.sent_at ?? null;
}

/** Link-only notices: no names, no scores; opening the link asks the policy again. */
export async function notify(q: QueryFn, ownerId: string, personIds: readonly string[], kind: string, link: string): Promise<void> {
  if (personIds.length === 0) return;
  await q(
    `insert into notification (owner_id, id, recipient_person_id, kind, link) select $1, gen_random_uuid(), p, $2, $3 from unnest($4::uuid[]) as x(p)`,
    [ownerId, kind, link, [...new Set(personIds)]]);
}

// ---- class-team meetings

export interface MeetingRow { id: string; week: number; held_on: string | null; learning_environment: string; updated_at: string }

export async function meetingOf(q: QueryFn, ownerId: string, basisGroupId: string): Promise<MeetingRow | null> {
  const [row] = await q<MeetingRow>(
    'select id, week, held_on::text, learning_environment, updated_at::text from class_team_meeting where owner_id = $1 and basis_group_id = $2', [ownerId, basisGroupId]);
  return row ?? null;
}

export async function saveMeeting(q: QueryFn, ownerId: string, basisGroupId: string, personId: string, m: { week: number; heldOn: string | null; learningEnvironment: string }): Promise<string> {
  const [row] = await q<{ id: string }>(
    `insert into class_team_meeting (owner_id, id, basis_group_id, week, held_on, learning_environment, updated_by_person_id)
     values ($1, gen_random_uuid(), $2, $3, $4::date, $5, $6)
     on conflict (owner_id, basis_group_id) do update set week = excluded.week, held_on = excluded.held_on, learning_environment = excluded.learning_environment,
       updated_by_person_id = excluded.updated_by_person_id, updated_at = now()
     returning id`,
    [ownerId, basisGroupId, m.week, m.heldOn, m.learningEnvironment, personId]);
  return row!.id;
}

export interface ConcernRow { student_id: string; academic: boolean; social: boolean; mental: boolean; physical: boolean; follow_up_by_staff_member_id: string | null; proposed_measures: string }

export async function concernsOf(q: QueryFn, ownerId: string, meetingId: string): Promise<ConcernRow[]> {
  return q<ConcernRow>(
    `select student_id, academic, social, mental, physical, follow_up_by_staff_member_id, proposed_measures
     from class_team_concern where owner_id = $1 and meeting_id = $2`, [ownerId, meetingId]);
}

export async function saveConcern(q: QueryFn, ownerId: string, meetingId: string, studentId: string, personId: string,
  c: { academic: boolean; social: boolean; mental: boolean; physical: boolean; followUpByStaffMemberId: string | null; proposedMeasures: string }): Promise<void> {
  await q(
    `insert into class_team_concern (owner_id, meeting_id, student_id, academic, social, mental, physical, follow_up_by_staff_member_id, proposed_measures, updated_by_person_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (owner_id, meeting_id, student_id) do update set academic = excluded.academic, social = excluded.social, mental = excluded.mental,
       physical = excluded.physical, follow_up_by_staff_member_id = excluded.follow_up_by_staff_member_id, proposed_measures = excluded.proposed_measures,
       updated_by_person_id = excluded.updated_by_person_id, updated_at = now()`,
    [ownerId, meetingId, studentId, c.academic, c.social, c.mental, c.physical, c.followUpByStaffMemberId, c.proposedMeasures, personId]);
}

export async function deleteConcern(q: QueryFn, ownerId: string, meetingId: string, studentId: string): Promise<void> {
  await q('delete from class_team_concern where owner_id = $1 and meeting_id = $2 and student_id = $3', [ownerId, meetingId, studentId]);
}

export interface NoteRow { id: string; student_id: string; author_person_id: string; author: string; text: string; created_at: string }

export async function notesOf(q: QueryFn, ownerId: string, basisGroupId: string): Promise<NoteRow[]> {
  return q<NoteRow>(
    `select n.id, n.student_id, n.author_person_id, p.given_name || ' ' || p.family_name as author, n.text, n.created_at::text
     from class_team_note n join person p on p.owner_id = n.owner_id and p.id = n.author_person_id
     where n.owner_id = $1 and n.basis_group_id = $2 order by n.created_at, n.id`, [ownerId, basisGroupId]);
}

export async function insertNote(q: QueryFn, ownerId: string, basisGroupId: string, studentId: string, personId: string, text: string): Promise<void> {
  await q(
    `insert into class_team_note (owner_id, id, basis_group_id, student_id, author_person_id, text) values ($1, gen_random_uuid(), $2, $3, $4, $5)`,
    [ownerId, basisGroupId, studentId, personId, text]);
}

export async function schoolYearName(q: QueryFn, ownerId: string, basisGroupId: string): Promise<{ school_year_id: string; name: string; starts_on: string; ends_on: string } | null> {
  const [row] = await q<{ school_year_id: string; name: string; starts_on: string; ends_on: string }>(
    `select y.id as school_year_id, y.name, y.starts_on::text, y.ends_on::text from basis_group bg join school_year y on y.owner_id = bg.owner_id and y.id = bg.school_year_id
     where bg.owner_id = $1 and bg.id = $2`, [ownerId, basisGroupId]);
  return row ?? null;
}
