/** The school's side of absence: its own holidays, its emerging-absence rules and the timetable import. */
import type { QueryFn } from '../../../core/db/client.js';
import type { EmergingRule } from '../rules.js';

export interface SchoolHolidayRow {
  name: string;
  starts_on: string;
  ends_on: string;
}

/** The owner's breaks that touch the days between two dates, in order. */
export async function schoolHolidays(q: QueryFn, ownerId: string, from: string, to: string): Promise<SchoolHolidayRow[]> {
  return q<SchoolHolidayRow>(
    'select name, starts_on::text, ends_on::text from school_holiday where owner_id = $1 and ends_on >= $2::date and starts_on <= $3::date order by starts_on',
    [ownerId, from, to]);
}

export interface EmergingRuleRow {
  kind: EmergingRule['kind'];
  enabled: boolean;
  threshold: number;
  window_weeks: number;
}

/** The rules the school has set; a kind without a row has none. */
export async function emergingAbsenceRules(q: QueryFn, ownerId: string, schoolId: string): Promise<EmergingRuleRow[]> {
  return q<EmergingRuleRow>(
    'select kind, enabled, threshold, window_weeks from emerging_absence_rule where owner_id = $1 and school_id = $2', [ownerId, schoolId]);
}

export async function upsertEmergingAbsenceRule(q: QueryFn, ownerId: string, schoolId: string, rule: EmergingRule, byPersonId: string): Promise<void> {
  await q(
    `insert into emerging_absence_rule (owner_id, school_id, kind, enabled, threshold, window_weeks, updated_by_person_id)
           values ($1, $2, $3, $4, $5, $6, $7)
           on conflict (owner_id, school_id, kind) do update set enabled = excluded.enabled, threshold = excluded.threshold,
             window_weeks = excluded.window_weeks, updated_by_person_id = excluded.updated_by_person_id, updated_at = now()`,
    [ownerId, schoolId, rule.kind, rule.enabled, rule.threshold, rule.windowWeeks, byPersonId]);
}

/** The school's teaching groups of the year with one of the names. */
export async function teachingGroupsNamed(q: QueryFn, ownerId: string, schoolId: string, schoolYearId: string, names: readonly string[]): Promise<{ id: string; name: string }[]> {
  return q<{ id: string; name: string }>(
    'select id, name from teaching_group where owner_id = $1 and school_id = $2 and school_year_id = $3 and name = any($4::text[])',
    [ownerId, schoolId, schoolYearId, names]);
}

/** One of the groups that has absence registered on or after a day, if any: its timetable cannot change from then. */
export async function groupWithAbsenceFrom(q: QueryFn, ownerId: string, teachingGroupIds: readonly string[], from: string): Promise<{ name: string } | undefined> {
  const [blocked] = await q<{ name: string }>(
    `select tg.name from absence a join lesson l on l.owner_id = a.owner_id and l.id = a.lesson_id
       join teaching_group tg on tg.owner_id = l.owner_id and tg.id = l.teaching_group_id
       where a.owner_id = $1 and l.teaching_group_id = any($2::uuid[]) and a.day >= $3::date limit 1`,
    [ownerId, teachingGroupIds, from]);
  return blocked;
}

export async function deleteLessonsFrom(q: QueryFn, ownerId: string, teachingGroupIds: readonly string[], from: string): Promise<void> {
  await q('delete from lesson where owner_id = $1 and teaching_group_id = any($2::uuid[]) and starts_on >= $3::date', [ownerId, teachingGroupIds, from]);
}

/** The lessons still valid on `from` end there (`ends_on` is the first day without them). */
export async function endLessonsOn(q: QueryFn, ownerId: string, teachingGroupIds: readonly string[], from: string): Promise<void> {
  await q(`update lesson set ends_on = $3::date where owner_id = $1 and teaching_group_id = any($2::uuid[])
        and (ends_on is null or ends_on > $3::date)`, [ownerId, teachingGroupIds, from]);
}

export interface NewLesson {
  id: string;
  teachingGroupId: string;
  weekday: number;
  startsAt: string;
  minutes: number;
}

export async function insertLessons(q: QueryFn, ownerId: string, lessons: readonly NewLesson[], startsOn: string): Promise<void> {
  await q(
    `insert into lesson (owner_id, id, teaching_group_id, weekday, starts_at, minutes, starts_on)
         select $1, * , $7::date from unnest($2::uuid[], $3::uuid[], $4::smallint[], $5::time[], $6::smallint[])`,
    [ownerId, lessons.map((l) => l.id), lessons.map((l) => l.teachingGroupId), lessons.map((l) => l.weekday),
      lessons.map((l) => l.startsAt), lessons.map((l) => l.minutes), startsOn]);
}
