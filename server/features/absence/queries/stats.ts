/**
 * Absence per student and subject in one SQL statement each: the subject's planned hours from the
 * timetable over the school days (the calendar goes in as an array of dates), the hours held so far,
 * and the absence split the way the regulation counts it (rules.ts says the same in TypeScript).
 *
 * Planned minutes are computed once per distinct (teaching group, enrolment window) — nearly every
 * student of a group shares the full-year window — so the county-wide statement stays a scan of the
 * absence table plus a small join, whatever the number of students.
 */
import type { QueryFn } from '../../../core/db/client.js';
import type { AbsenceReason } from '../tables.js';
import type { AbsenceRowFacts } from '../rules.js';
import type { SchoolCalendar } from '../../../core/calendar/calendar.js';

export interface SubjectStats {
  studentId: string;
  subjectId: string;
  subjectCode: string;
  subjectName: string;
  plannedMinutes: number;
  heldMinutes: number;
  /** every absence but time with the school health service (L-15) */
  absenceMinutes: number;
  /** L-10/L-11: what counts toward the limit */
  countingMinutes: number;
  selfCertifiedMinutes: number;
  /** L-12: health-related plus undocumented */
  healthOrUndocumentedMinutes: number;
  lateCount: number;
}

/*
 * For some students (a class, a group, one student) the teaching groups and lessons are looked up by key
 * (lateral, `offset 0` so the planner cannot flatten it back into a join): a plain join was planned as a
 * hash of the owner's every lesson (59 000 at 100k students) and teaching group (27 000) on each request,
 * most of the class absence overview's database time. The county-wide statement joins everything by hash.
 */
const groupOf = (byKey: boolean) => byKey
  ? `cross join lateral (select tg.subject_id from teaching_group tg
       where tg.owner_id = e.owner_id and tg.id = e.teaching_group_id and tg.school_year_id = $2 offset 0) tg`
  : 'join teaching_group tg on tg.owner_id = e.owner_id and tg.id = e.teaching_group_id and tg.school_year_id = $2';

/** the absence of the year per student and subject; by key: summed per lesson first, each distinct lesson's subject looked up once */
const absentSql = (absenceFilter: string, byKey: boolean) => byKey ? `
per_lesson as (
  select a.student_id, a.lesson_id,
    coalesce(sum(a.minutes) filter (where a.reason <> 'schoolHealthService'), 0) as absence,
    coalesce(sum(a.minutes) filter (where a.reason <> 'schoolHealthService' and a.documented_on is null), 0) as counting,
    coalesce(sum(a.minutes) filter (where a.reason = 'selfCertification'), 0) as self_certified,
    coalesce(sum(a.minutes) filter (where a.reason <> 'schoolHealthService'
      and (a.reason in ('health', 'selfCertification') or a.documented_on is null)), 0) as health_or_undocumented,
    count(*) filter (where a.late and a.reason <> 'schoolHealthService') as late_count
  from absence a
  where a.owner_id = $1 and a.day between $4::date and $5::date${absenceFilter}
  group by 1, 2
), lesson_subject as (
  select x.lesson_id, ls.subject_id from (select distinct lesson_id from per_lesson) x
  cross join lateral (select tg.subject_id from lesson l join teaching_group tg on tg.owner_id = l.owner_id and tg.id = l.teaching_group_id
    where l.owner_id = $1 and l.id = x.lesson_id offset 0) ls
), absent as (
  select p.student_id, ls.subject_id, sum(p.absence)::int as absence, sum(p.counting)::int as counting, sum(p.self_certified)::int as self_certified,
    sum(p.health_or_undocumented)::int as health_or_undocumented, sum(p.late_count)::int as late_count
  from per_lesson p join lesson_subject ls on ls.lesson_id = p.lesson_id
  group by 1, 2
)` : `
absent as (
  select a.student_id, tg.subject_id,
    coalesce(sum(a.minutes) filter (where a.reason <> 'schoolHealthService'), 0)::int as absence,
    coalesce(sum(a.minutes) filter (where a.reason <> 'schoolHealthService' and a.documented_on is null), 0)::int as counting,
    coalesce(sum(a.minutes) filter (where a.reason = 'selfCertification'), 0)::int as self_certified,
    coalesce(sum(a.minutes) filter (where a.reason <> 'schoolHealthService'
      and (a.reason in ('health', 'selfCertification') or a.documented_on is null)), 0)::int as health_or_undocumented,
    (count(*) filter (where a.late and a.reason <> 'schoolHealthService'))::int as late_count
  from absence a
  join lesson l on l.owner_id = a.owner_id and l.id = a.lesson_id
  join teaching_group tg on tg.owner_id = l.owner_id and tg.id = l.teaching_group_id
  where a.owner_id = $1 and a.day between $4::date and $5::date${absenceFilter}
  group by 1, 2
)`;

/** $1 owner, $2 school year, $3 school days, $4 year start, $5 year end, $6 today, $7 students (when filtered) */
const statsSql = (studentFilter: string, absenceFilter: string, byKey: boolean) => `
with days as (
  select d::date as day, extract(isodow from d)::int as wd from unnest($3::date[]) as d
), enr as (
  select e.student_id, tg.subject_id, e.teaching_group_id,
    greatest(e.starts_on, $4::date) as a, least(coalesce(e.ends_on, $5::date + 1), $5::date + 1) as b
  from enrolment e
  ${groupOf(byKey)}
  where e.owner_id = $1 and e.teaching_group_id is not null${studentFilter}
), win as (
  select distinct teaching_group_id, a, b from enr where a < b
), win_minutes as (
  select w.teaching_group_id, w.a, w.b,
    sum(l.minutes * (select count(*) from days d where d.wd = l.weekday
      and d.day >= greatest(w.a, l.starts_on) and d.day < least(w.b, coalesce(l.ends_on, w.b))))::int as planned,
    sum(l.minutes * (select count(*) from days d where d.wd = l.weekday
      and d.day >= greatest(w.a, l.starts_on) and d.day < least(w.b, coalesce(l.ends_on, w.b), $6::date + 1)))::int as held
  from win w join lesson l on l.owner_id = $1 and l.teaching_group_id = w.teaching_group_id
  group by 1, 2, 3
), planned as (
  select enr.student_id, enr.subject_id, sum(wm.planned)::int as planned, sum(wm.held)::int as held
  from enr join win_minutes wm on wm.teaching_group_id = enr.teaching_group_id and wm.a = enr.a and wm.b = enr.b
  group by 1, 2
),${absentSql(absenceFilter, byKey)}
select coalesce(p.student_id, x.student_id) as student_id, su.id as subject_id, su.code, su.name,
  coalesce(p.planned, 0) as planned, coalesce(p.held, 0) as held, coalesce(x.absence, 0) as absence,
  coalesce(x.counting, 0) as counting, coalesce(x.self_certified, 0) as self_certified,
  coalesce(x.health_or_undocumented, 0) as health_or_undocumented, coalesce(x.late_count, 0) as late_count
from planned p
full join absent x on x.student_id = p.student_id and x.subject_id = p.subject_id
join subject su on su.owner_id = $1 and su.id = coalesce(p.subject_id, x.subject_id)`;

const STATS_FOR_STUDENTS = `${statsSql(' and e.student_id = any($7::uuid[])', ' and a.student_id = any($7::uuid[])', true)}
order by 1, su.code`;

interface StatsRow {
  student_id: string; subject_id: string; code: string; name: string; planned: number; held: number; absence: number;
  counting: number; self_certified: number; health_or_undocumented: number; late_count: number;
}

const toStats = (r: StatsRow): SubjectStats => ({
  studentId: r.student_id, subjectId: r.subject_id, subjectCode: r.code, subjectName: r.name,
  plannedMinutes: Number(r.planned), heldMinutes: Number(r.held), absenceMinutes: Number(r.absence), countingMinutes: Number(r.counting),
  selfCertifiedMinutes: Number(r.self_certified), healthOrUndocumentedMinutes: Number(r.health_or_undocumented), lateCount: Number(r.late_count),
});

const yearParams = (ownerId: string, calendar: SchoolCalendar, today: string) =>
  [ownerId, calendar.year.id, calendar.schoolDays, calendar.year.startsOn, calendar.year.endsOn, today];

/** Per student and subject, for the given students (a student page, a class, a teaching group). */
export async function subjectStats(q: QueryFn, ownerId: string, calendar: SchoolCalendar, today: string, studentIds: readonly string[]): Promise<SubjectStats[]> {
  if (studentIds.length === 0) return [];
  const rows = await q<StatsRow>(STATS_FOR_STUDENTS, [...yearParams(ownerId, calendar, today), studentIds]);
  return rows.map(toStats);
}

/**
 * The county-wide recomputation: every student and subject of the owner's school year, reduced per
 * school to how many students are over the limit, near it, and at the signal threshold.
 */
const COUNTY_SQL = `
with stats as (${statsSql('', '', false)})
select st.school_id,
  count(distinct stats.student_id)::int as students,
  count(distinct stats.student_id) filter (where stats.planned > 0 and stats.counting * 100 > $7::int * stats.planned)::int as over_limit,
  count(distinct stats.student_id) filter (where stats.planned > 0 and stats.counting * 100 >= $8::int * stats.planned)::int as near_limit,
  count(distinct stats.student_id) filter (where stats.held > 0 and stats.counting * 100 >= $9::int * stats.held)::int as at_signal,
  count(*)::int as student_subjects
from stats join student st on st.owner_id = $1 and st.id = stats.student_id
group by st.school_id order by st.school_id`;

export interface SchoolAbsenceSummary {
  schoolId: string; students: number; overLimit: number; nearLimit: number; atSignal: number; studentSubjects: number;
}

export async function countyAbsenceSummary(q: QueryFn, ownerId: string, calendar: SchoolCalendar, today: string,
  thresholds = { limit: 10, near: 8, signal: 5 }): Promise<SchoolAbsenceSummary[]> {
  const rows = await q<{ school_id: string; students: number; over_limit: number; near_limit: number; at_signal: number; student_subjects: number }>(
    COUNTY_SQL, [...yearParams(ownerId, calendar, today), thresholds.limit, thresholds.near, thresholds.signal]);
  return rows.map((r) => ({
    schoolId: r.school_id, students: r.students, overLimit: r.over_limit, nearLimit: r.near_limit, atSignal: r.at_signal, studentSubjects: r.student_subjects,
  }));
}

export interface AbsenceRow extends AbsenceRowFacts {
  studentId: string;
  lessonId: string;
  teachingGroupId: string;
  groupName: string;
  subjectCode: string;
  subjectName: string;
}

/* each distinct lesson's group and subject looked up by key once (see groupOf), not a hash of the owner's every lesson */
const ROWS_SQL = `
with rows as materialized (
  select a.student_id, a.day, a.lesson_id, a.minutes, a.late, a.full_day, a.reason, a.documented_on from absence a
  where a.owner_id = $1 and a.student_id = any($2::uuid[]) and a.day between $3::date and $4::date
), lessons as (
  select x.lesson_id, l.* from (select distinct lesson_id from rows) x
  cross join lateral (select l.starts_at, l.teaching_group_id, tg.name as group_name, tg.subject_id, su.code as subject_code, su.name as subject_name
    from lesson l
    join teaching_group tg on tg.owner_id = l.owner_id and tg.id = l.teaching_group_id
    join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id
    where l.owner_id = $1 and l.id = x.lesson_id offset 0) l
)
select r.student_id, r.day::text as day, r.lesson_id, l.starts_at::text as starts_at, l.teaching_group_id, l.group_name,
  l.subject_id, l.subject_code, l.subject_name, r.minutes, r.late, r.full_day, r.reason, r.documented_on::text as documented_on
from rows r join lessons l on l.lesson_id = r.lesson_id
order by r.student_id, r.day, l.starts_at`;

interface RawRow {
  student_id: string; day: string; lesson_id: string; starts_at: string; teaching_group_id: string; group_name: string; subject_id: string;
  subject_code: string; subject_name: string; minutes: number; late: boolean; full_day: boolean; reason: AbsenceReason; documented_on: string | null;
}

/** The absence rows of some students between two days (both inclusive), in time order. */
export async function absenceRows(q: QueryFn, ownerId: string, studentIds: readonly string[], from: string, to: string): Promise<AbsenceRow[]> {
  if (studentIds.length === 0) return [];
  const rows = await q<RawRow>(ROWS_SQL, [ownerId, studentIds, from, to]);
  return rows.map((r) => ({
    studentId: r.student_id, day: r.day, lessonId: r.lesson_id, startsAt: r.starts_at, teachingGroupId: r.teaching_group_id,
    groupName: r.group_name, subjectId: r.subject_id, subjectCode: r.subject_code, subjectName: r.subject_name,
    minutes: Number(r.minutes), late: r.late, fullDay: r.full_day, reason: r.reason, documentedOn: r.documented_on,
  }));
}
