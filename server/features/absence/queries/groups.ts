/**
 * Absence by group: a teaching group's timetable and subject for its register, the teacher's lessons of
 * a day, the limit decisions of a group's students, and the class's follow-ups and weekly checks.
 */
import type { QueryFn } from '../../../core/db/client.js';

export interface TimetableLessonRow {
  id: string;
  weekday: number;
  starts_at: string;
  minutes: number;
}

/** The group's lessons valid on a day, every weekday, in timetable order. */
export async function groupTimetable(q: QueryFn, ownerId: string, teachingGroupId: string, day: string): Promise<TimetableLessonRow[]> {
  return q<TimetableLessonRow>(
    `select id, weekday, starts_at::text as starts_at, minutes from lesson where owner_id = $1 and teaching_group_id = $2
       and starts_on <= $3::date and (ends_on is null or ends_on > $3::date) order by weekday, starts_at`,
    [ownerId, teachingGroupId, day],
  );
}

export async function teachingGroupSubjectName(q: QueryFn, ownerId: string, teachingGroupId: string): Promise<{ name: string } | undefined> {
  const [subject] = await q<{ name: string }>('select su.name from teaching_group tg join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id where tg.owner_id = $1 and tg.id = $2', [ownerId, teachingGroupId]);
  return subject;
}

export async function teachingGroupSubject(q: QueryFn, ownerId: string, teachingGroupId: string): Promise<{ id: string; name: string } | undefined> {
  const [subject] = await q<{ id: string; name: string }>('select su.id, su.name from teaching_group tg join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id where tg.owner_id = $1 and tg.id = $2', [ownerId, teachingGroupId]);
  return subject;
}

/** The teaching group a lesson belongs to. */
export async function lessonGroup(q: QueryFn, ownerId: string, lessonId: string): Promise<{ teaching_group_id: string } | undefined> {
  const [owner] = await q<{ teaching_group_id: string }>('select teaching_group_id from lesson where owner_id = $1 and id = $2', [ownerId, lessonId]);
  return owner;
}

export interface GroupLimitDecisionRow {
  student_id: string;
  granted: boolean;
  limit_percent: number | null;
}

/** The latest limit decision (L-13) in one subject for each of some students. */
export async function subjectLimitDecisions(q: QueryFn, ownerId: string, subjectId: string, schoolYearId: string, studentIds: readonly string[]): Promise<GroupLimitDecisionRow[]> {
  return q<GroupLimitDecisionRow>(
    `select distinct on (student_id) student_id, granted, limit_percent from absence_limit_decision
       where owner_id = $1 and subject_id = $2 and school_year_id = $3 and student_id = any($4::uuid[]) order by student_id, decided_at desc`,
    [ownerId, subjectId, schoolYearId, studentIds],
  );
}

/** How many students have absence registered in each of some lessons on a day. */
export async function absentCountsByLesson(q: QueryFn, ownerId: string, day: string, lessonIds: readonly string[]): Promise<{ lesson_id: string; n: number }[]> {
  return q<{ lesson_id: string; n: number }>(
    'select lesson_id, count(*)::int as n from absence where owner_id = $1 and day = $2::date and lesson_id = any($3::uuid[]) group by lesson_id',
    [ownerId, day, lessonIds]);
}

/** Each student's last follow-up the caller may see: a contact-log entry or a held conversation. */
export async function lastFollowUps(q: QueryFn, ownerId: string, studentIds: readonly string[], viewerPersonId: string): Promise<{ student_id: string; last_on: string | null }[]> {
  return q<{ student_id: string; last_on: string | null }>(
    `select s.id as student_id, greatest(
           (select max(c.occurred_on) from contact_log_entry c where c.owner_id = $1 and c.student_id = s.id
              and (c.visibility in ('staff', 'contactTeacherAndLeaders') or c.author_person_id = $3)),
           (select max((cv.held_at at time zone 'Europe/Oslo')::date) from conversation cv where cv.owner_id = $1 and cv.student_id = s.id
              and cv.cancelled_at is null and cv.held_at is not null)
         )::text as last_on
         from student s where s.owner_id = $1 and s.id = any($2::uuid[])`,
    [ownerId, studentIds, viewerPersonId]);
}

export interface WeeklyCheckRow {
  student_id: string;
  at: string;
  by: string;
}

/** R-20: who checked each of some students' absence for the week starting on a Monday, and when. */
export async function weeklyChecks(q: QueryFn, ownerId: string, weekStart: string, studentIds: readonly string[]): Promise<WeeklyCheckRow[]> {
  return q<WeeklyCheckRow>(
    `select w.student_id, w.checked_at as at, p.given_name || ' ' || p.family_name as by from weekly_check w
         join person p on p.owner_id = w.owner_id and p.id = w.checked_by_person_id
         where w.owner_id = $1 and w.week_start = $2::date and w.student_id = any($3::uuid[])`,
    [ownerId, weekStart, studentIds]);
}

export async function upsertWeeklyCheck(q: QueryFn, ownerId: string, studentId: string, weekStart: string, byPersonId: string): Promise<void> {
  await q(
    `insert into weekly_check (owner_id, student_id, week_start, checked_by_person_id) values ($1, $2, $3, $4)
         on conflict (owner_id, student_id, week_start) do update set checked_by_person_id = excluded.checked_by_person_id, checked_at = now()`,
    [ownerId, studentId, weekStart, byPersonId]);
}

export async function deleteWeeklyCheck(q: QueryFn, ownerId: string, studentId: string, weekStart: string): Promise<void> {
  await q('delete from weekly_check where owner_id = $1 and student_id = $2 and week_start = $3::date', [ownerId, studentId, weekStart]);
}
