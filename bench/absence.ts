/**
 * The absence scenarios: the contact teacher's class absence overview and the county-wide
 * recomputation of every student's subject percentages (the nightly job, server/features/absence/recompute.ts).
 *
 * The floors compute the same answer. The overview's is ONE prepared statement per request that reads,
 * for each student of the class, the year's absence rows, the planned and held minutes and the counting
 * minutes per subject (planned from the timetable over the school days, written apart from the app's
 * stats.ts), and the last follow-up; then the app's own pure rules (server/features/absence/rules.ts:
 * percentage, status, emerging-absence signals) make the answer. The recomputation's floor is one
 * statement that computes only what the per-school counts need. The app's answers are compared with the
 * floor's before the floor is timed.
 */
import { currentSchoolYear, loadCalendar, type SchoolCalendar } from '../server/core/calendar/calendar.js';
import type { AbsenceRecomputation } from '../server/features/absence/recompute.js';
import {
  ABSENCE_LIMIT_PERCENT, DEFAULT_RULES, NEAR_LIMIT_PERCENT, emergingSignals, followedUp, isAbsence, percentOf, subjectStatus,
  type AbsenceRowFacts, type EmergingRule,
} from '../server/features/absence/rules.js';
import type { SchoolAbsenceSummary } from '../server/features/absence/queries/stats.js';
import type { BenchUser } from './dataset.js';
import type { Query } from './floor.js';

/** what the floors need of the school year: its id, dates and school days (as the app's calendar says) */
export interface YearFacts { id: string; startsOn: string; endsOn: string; calendar: SchoolCalendar }

export async function yearFacts(q: Query, ownerId: string, today: string): Promise<YearFacts> {
  const query = (async (text: string, params?: unknown[]) => q(text, params ?? [])) as never;
  const year = await currentSchoolYear(query, ownerId, today);
  if (!year) throw new Error(`no school year for ${today}`);
  return { id: year.id, startsOn: year.startsOn, endsOn: year.endsOn, calendar: await loadCalendar(query, ownerId, year) };
}

/**
 * Planned and held minutes per student and subject for the students of `students` (a CTE of student_id):
 * each enrolment in a teaching group of the year, clipped to the year, over the group's lessons on the
 * school days ($days) of their weekday; windows shared by many students are expanded once.
 * Parameters: $1 owner, $days, $start, $end, $today, $year. `byKey`: teaching groups looked up by key
 * (a class: a few hundred enrolments), not hashed whole (the county).
 */
const plannedCtes = (students: string, days: string, start: string, end: string, today: string, year: string, byKey: boolean) => `
  days as (select d::date as day, extract(isodow from d)::int as wd from unnest(${days}::date[]) d),
  enr as (
    select e.student_id, tg.subject_id, e.teaching_group_id,
      greatest(e.starts_on, ${start}::date) as a, least(coalesce(e.ends_on, ${end}::date + 1), ${end}::date + 1) as b
    from ${students} x
    join enrolment e on e.owner_id = $1 and e.student_id = x.student_id and e.teaching_group_id is not null
    ${byKey ? 'cross join lateral (select tg.subject_id from teaching_group tg where tg.owner_id = e.owner_id and tg.id = e.teaching_group_id and tg.school_year_id = ' + year + ' offset 0) tg'
      : 'join teaching_group tg on tg.owner_id = e.owner_id and tg.id = e.teaching_group_id and tg.school_year_id = ' + year}),
  win as (
    select w.teaching_group_id, w.a, w.b, coalesce(sum(l.minutes) filter (where d.day is not null), 0)::int as planned,
      coalesce(sum(l.minutes) filter (where d.day <= ${today}::date), 0)::int as held
    from (select distinct teaching_group_id, a, b from enr where a < b) w
    join lesson l on l.owner_id = $1 and l.teaching_group_id = w.teaching_group_id
    left join days d on d.wd = l.weekday and d.day >= greatest(w.a, l.starts_on) and d.day < least(w.b, coalesce(l.ends_on, w.b))
    group by 1, 2, 3),
  planned as (
    select enr.student_id, enr.subject_id, sum(win.planned)::int as planned, sum(win.held)::int as held
    from enr join win on win.teaching_group_id = enr.teaching_group_id and win.a = enr.a and win.b = enr.b
    group by 1, 2)`;

/**
 * The class absence overview: per student of the basis group today, the year's absence rows (with the
 * lesson's start and subject), the subjects (planned, held, counting and self-certified minutes), and the
 * last follow-up the caller may see (a contact-log entry or a held conversation); the school's rules.
 * $1 owner, $2 basis group, $3 caller's person id, $4 today, $5 school days, $6 year start, $7 year end, $8 school year
 */
export const ABSENCE_OVERVIEW_FLOOR_SQL = `
with cls as (
  select e.student_id from enrolment e
  where e.owner_id = $1 and e.basis_group_id = $2 and e.starts_on <= $4::date and (e.ends_on is null or e.ends_on > $4::date)),
${plannedCtes('cls', '$5', '$6', '$7', '$4', '$8', true)},
  raw as materialized (
    select a.student_id, a.day, a.lesson_id, a.minutes, a.late, a.full_day, a.reason, a.documented_on
    from cls join absence a on a.owner_id = $1 and a.student_id = cls.student_id and a.day between $6::date and $4::date),
  lessons as (
    select x.lesson_id, l.starts_at, l.subject_id from (select distinct lesson_id from raw) x
    cross join lateral (select l.starts_at, tg.subject_id from lesson l join teaching_group tg on tg.owner_id = l.owner_id and tg.id = l.teaching_group_id
      where l.owner_id = $1 and l.id = x.lesson_id offset 0) l),
  rows as (
    select r.student_id, r.day, l.starts_at, l.subject_id, r.minutes, r.late, r.full_day, r.reason, r.documented_on
    from raw r join lessons l on l.lesson_id = r.lesson_id),
  counted as (
    select student_id, subject_id,
      coalesce(sum(minutes) filter (where reason <> 'schoolHealthService' and documented_on is null), 0)::int as counting,
      coalesce(sum(minutes) filter (where reason = 'selfCertification'), 0)::int as self_certified
    from rows group by 1, 2),
  subjects as (
    select coalesce(p.student_id, c.student_id) as student_id, coalesce(p.subject_id, c.subject_id) as subject_id,
      coalesce(p.planned, 0) as planned, coalesce(p.held, 0) as held, coalesce(c.counting, 0) as counting, coalesce(c.self_certified, 0) as self_certified
    from planned p full join counted c on c.student_id = p.student_id and c.subject_id = p.subject_id)
select cls.student_id as id,
  (select json_agg(json_build_object('subjectId', s.subject_id, 'code', su.code, 'name', su.name, 'planned', s.planned, 'held', s.held,
      'counting', s.counting, 'selfCertified', s.self_certified) order by su.code)
    from subjects s join subject su on su.owner_id = $1 and su.id = s.subject_id where s.student_id = cls.student_id) as subjects,
  (select json_agg(json_build_object('day', r.day, 'startsAt', r.starts_at, 'subjectId', r.subject_id, 'minutes', r.minutes, 'late', r.late,
      'fullDay', r.full_day, 'reason', r.reason, 'documentedOn', r.documented_on))
    from rows r where r.student_id = cls.student_id) as rows,
  greatest(
    (select max(c.occurred_on) from contact_log_entry c where c.owner_id = $1 and c.student_id = cls.student_id
       and (c.visibility in ('staff', 'contactTeacherAndLeaders') or c.author_person_id = $3)),
    (select max((cv.held_at at time zone 'Europe/Oslo')::date) from conversation cv where cv.owner_id = $1 and cv.student_id = cls.student_id
       and cv.cancelled_at is null and cv.held_at is not null))::text as last_on,
  (select json_agg(json_build_object('kind', r.kind, 'enabled', r.enabled, 'threshold', r.threshold, 'windowWeeks', r.window_weeks))
    from emerging_absence_rule r where r.owner_id = $1 and r.school_id = (select school_id from basis_group where owner_id = $1 and id = $2)) as rules
from cls`;

interface FloorSubject { subjectId: string; code: string; name: string; planned: number; held: number; counting: number; selfCertified: number }

/** What the bench compares of one student's row of the overview (everything but the names). */
const comparable = (s: {
  studentId: string; absenceHours: number; fullDays: number; lateCount: number;
  highest: { subjectCode: string; subjectName: string; percent: number; status: string } | null;
  subjectsOverLimit: number; subjectsNearLimit: number;
  signals: Array<{ kind: string; raisedOn: string; subjectCode: string | null; weekday: number | null; value: number; followedUp: boolean }>;
  lastFollowUpOn: string | null; needsFollowUp: boolean;
}) => ({
  studentId: s.studentId, absenceHours: s.absenceHours, fullDays: s.fullDays, lateCount: s.lateCount, highest: s.highest,
  subjectsOverLimit: s.subjectsOverLimit, subjectsNearLimit: s.subjectsNearLimit,
  signals: s.signals.map((x) => ({ kind: x.kind, raisedOn: x.raisedOn, subjectCode: x.subjectCode, weekday: x.weekday, value: x.value, followedUp: x.followedUp })),
  lastFollowUpOn: s.lastFollowUpOn, needsFollowUp: s.needsFollowUp,
});
export type AbsenceOverviewAnswer = ReturnType<typeof comparable>[];

const hours = (minutes: number) => Math.round(minutes / 6) / 10;

/** The overview from the floor statement and the app's pure rules. */
export async function floorAbsenceOverview(q: Query, ownerId: string, u: BenchUser, today: string, y: YearFacts): Promise<AbsenceOverviewAnswer> {
  const rows = (await q(ABSENCE_OVERVIEW_FLOOR_SQL,
    [ownerId, u.basisGroupId, u.personId, today, y.calendar.schoolDays, y.startsOn, y.endsOn, y.id])) as Array<{
    id: string; subjects: FloorSubject[] | null; rows: Array<AbsenceRowFacts> | null; last_on: string | null;
    rules: Array<EmergingRule> | null;
  }>;
  return rows.map((r) => {
    const stored = r.rules ?? [];
    const rules = DEFAULT_RULES.map((d) => stored.find((x) => x.kind === d.kind) ?? { ...d });
    const subjects = r.subjects ?? [];
    const myRows = r.rows ?? [];
    const absence = myRows.filter(isAbsence);
    const codeOf = new Map(subjects.map((s) => [s.subjectId, s.code]));
    const signals = emergingSignals(myRows, subjects.map((s) => ({ subjectId: s.subjectId, heldMinutes: s.held })), y.calendar, today, rules)
      .map((sig) => ({ kind: sig.kind, raisedOn: sig.raisedOn, subjectCode: sig.subjectId ? codeOf.get(sig.subjectId) ?? null : null, weekday: sig.weekday, value: sig.value, followedUp: followedUp(sig, r.last_on) }));
    const ranked = subjects.map((s) => {
      const m = { plannedMinutes: s.planned, countingMinutes: s.counting, selfCertifiedMinutes: s.selfCertified };
      return { s, percent: percentOf(s.counting, s.planned), status: subjectStatus(m, null) };
    }).sort((a, b) => b.percent - a.percent);
    const top = ranked[0];
    return comparable({
      studentId: r.id,
      absenceHours: hours(absence.reduce((m, x) => m + x.minutes, 0)),
      fullDays: new Set(absence.filter((x) => x.fullDay).map((x) => x.day)).size,
      lateCount: absence.filter((x) => x.late).length,
      highest: top && top.percent > 0 ? { subjectCode: top.s.code, subjectName: top.s.name, percent: top.percent, status: top.status } : null,
      subjectsOverLimit: ranked.filter((x) => x.status === 'overLimit').length,
      subjectsNearLimit: ranked.filter((x) => x.status === 'nearLimit').length,
      signals, lastFollowUpOn: r.last_on, needsFollowUp: signals.some((x) => !x.followedUp),
    });
  }).sort((a, b) => a.studentId.localeCompare(b.studentId));
}

/** The same from the app's JSON answer. */
export function appAbsenceOverview(body: unknown): AbsenceOverviewAnswer {
  const b = body as { students: Array<Parameters<typeof comparable>[0]> };
  return b.students.map(comparable).sort((a, c) => a.studentId.localeCompare(c.studentId));
}

/**
 * The county-wide recomputation, per school: students with absence or planned hours, and how many are over
 * the limit, near it and at the signal in some subject. Only the counting minutes are aggregated.
 * $1 owner, $2 school days, $3 year start, $4 year end, $5 today, $6 school year
 */
export const RECOMPUTE_FLOOR_SQL = `
with everyone as (select id as student_id from student where owner_id = $1),
${plannedCtes('everyone', '$2', '$3', '$4', '$5', '$6', false)},
  subject_of as (select l.id as lesson_id, tg.subject_id from lesson l join teaching_group tg on tg.owner_id = l.owner_id and tg.id = l.teaching_group_id where l.owner_id = $1),
  counted as (
    select a.student_id, s.subject_id, coalesce(sum(a.minutes) filter (where a.reason <> 'schoolHealthService' and a.documented_on is null), 0)::int as counting
    from absence a join subject_of s on s.lesson_id = a.lesson_id
    where a.owner_id = $1 and a.day between $3::date and $4::date
    group by 1, 2),
  per as (
    select coalesce(p.student_id, c.student_id) as student_id, coalesce(p.planned, 0) as planned, coalesce(p.held, 0) as held, coalesce(c.counting, 0) as counting
    from planned p full join counted c on c.student_id = p.student_id and c.subject_id = p.subject_id)
select st.school_id,
  count(distinct per.student_id)::int as students,
  count(distinct per.student_id) filter (where per.planned > 0 and per.counting * 100 > ${ABSENCE_LIMIT_PERCENT} * per.planned)::int as over_limit,
  count(distinct per.student_id) filter (where per.planned > 0 and per.counting * 100 >= ${NEAR_LIMIT_PERCENT} * per.planned)::int as near_limit,
  count(distinct per.student_id) filter (where per.held > 0 and per.counting * 100 >= ${DEFAULT_RULES.find((r) => r.kind === 'subjectPercent')!.threshold} * per.held)::int as at_signal,
  count(*)::int as student_subjects
from per join student st on st.owner_id = $1 and st.id = per.student_id
group by st.school_id order by st.school_id`;

export async function floorRecompute(q: Query, ownerId: string, today: string, y: YearFacts): Promise<SchoolAbsenceSummary[]> {
  const rows = (await q(RECOMPUTE_FLOOR_SQL, [ownerId, y.calendar.schoolDays, y.startsOn, y.endsOn, today, y.id])) as Array<{
    school_id: string; students: number; over_limit: number; near_limit: number; at_signal: number; student_subjects: number;
  }>;
  return rows.map((r) => ({
    schoolId: r.school_id, students: r.students, overLimit: r.over_limit, nearLimit: r.near_limit, atSignal: r.at_signal, studentSubjects: r.student_subjects,
  }));
}

export const appRecompute = (job: AbsenceRecomputation): SchoolAbsenceSummary[] => job.schools;
