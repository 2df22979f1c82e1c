/**
 * Every statement of the assessment plan. An entry is read through one select (ENTRY_SQL) with
 * the subject's and group's names; only its `where` differs between the ways in. A student's plan is the
 * union of the entries of their teaching groups, their basis group, their level and the whole school,
 * each counted while the student is enrolled on the entry's first day.
 */
import type { QueryFn } from '../../core/db/client.js';
import { levels, type Level } from '../../core/db/tables.js';
import type { SchoolYearFacts } from '../../core/calendar/calendar.js';
import type { AssessmentPlanEntryKind, AssessmentPlanRuleKind, assessmentPlanEntry, assessmentPlanRule } from './tables.js';
import type { RuleEntry } from './rules.js';

type Entry = typeof assessmentPlanEntry.$inferSelect;
type Rule = typeof assessmentPlanRule.$inferSelect;

/* ───────────── entries ───────────── */

export type EntryScope = 'teachingGroup' | 'basisGroup' | 'level' | 'school';

export interface PlanEntry extends RuleEntry {
  title: string;
  description: string;
  scope: EntryScope;
  schoolId: string;
  teachingGroupId: string | null;
  basisGroupId: string | null;
  level: string | null;
  subjectCode: string | null;
  subjectName: string | null;
  /** the teaching group's or the class's name; null for a level or the whole school */
  groupName: string | null;
  createdByPersonId: string;
}

interface EntryRow {
  id: Entry['id']; kind: AssessmentPlanEntryKind; title: Entry['title']; description: Entry['description']; starts_on: string; ends_on: string | null;
  teaching_group_id: Entry['teachingGroupId']; basis_group_id: Entry['basisGroupId']; level: Entry['level']; school_id: Entry['schoolId'];
  created_by_person_id: Entry['createdByPersonId']; subject_code: string | null; subject_name: string | null; group_name: string | null;
}

const ENTRY_SQL = (where: string) => `
  select p.id, p.kind, p.title, p.description, p.starts_on::text as starts_on, p.ends_on::text as ends_on,
         p.teaching_group_id, p.basis_group_id, p.level, p.school_id, p.created_by_person_id,
         sub.code as subject_code, sub.name as subject_name, coalesce(tg.name, bg.name) as group_name
  from assessment_plan_entry p
  left join subject sub on sub.owner_id = p.owner_id and sub.id = p.subject_id
  left join teaching_group tg on tg.owner_id = p.owner_id and tg.id = p.teaching_group_id
  left join basis_group bg on bg.owner_id = p.owner_id and bg.id = p.basis_group_id
  where ${where}
  order by p.starts_on, coalesce(p.ends_on, p.starts_on), p.title, p.id`;

const toEntry = (r: EntryRow): PlanEntry => ({
  id: r.id, kind: r.kind, title: r.title, description: r.description, startsOn: r.starts_on, endsOn: r.ends_on,
  scope: r.teaching_group_id ? 'teachingGroup' : r.basis_group_id ? 'basisGroup' : r.level ? 'level' : 'school',
  schoolId: r.school_id, teachingGroupId: r.teaching_group_id, basisGroupId: r.basis_group_id, level: r.level,
  subjectCode: r.subject_code, subjectName: r.subject_name, groupName: r.group_name, createdByPersonId: r.created_by_person_id,
});

/** Entries touching [from, to] (an entry over several days counts while it lasts). */
const overlaps = (from: number, to: number) => `p.starts_on <= $${to}::date and coalesce(p.ends_on, p.starts_on) >= $${from}::date`;

export async function entryById(q: QueryFn, ownerId: string, entryId: string): Promise<PlanEntry | null> {
  if (!/^[0-9a-f-]{36}$/i.test(entryId)) return null;
  const [row] = await q<EntryRow>(ENTRY_SQL('p.owner_id = $1 and p.id = $2'), [ownerId, entryId]);
  return row ? toEntry(row) : null;
}

/** In date order. */
export async function entriesByIds(q: QueryFn, ownerId: string, entryIds: readonly string[]): Promise<PlanEntry[]> {
  if (entryIds.length === 0) return [];
  return (await q<EntryRow>(ENTRY_SQL('p.owner_id = $1 and p.id = any($2::uuid[])'), [ownerId, entryIds])).map(toEntry);
}

export async function entriesOfTeachingGroup(q: QueryFn, ownerId: string, teachingGroupId: string, from: string, to: string): Promise<PlanEntry[]> {
  return (await q<EntryRow>(ENTRY_SQL(`p.owner_id = $1 and p.teaching_group_id = $2 and ${overlaps(3, 4)}`), [ownerId, teachingGroupId, from, to])).map(toEntry);
}

/** The events for a level or the whole school touching [from, to], in date order. */
export async function schoolEventsOf(q: QueryFn, ownerId: string, schoolId: string, from: string, to: string): Promise<PlanEntry[]> {
  return (await q<EntryRow>(
    ENTRY_SQL(`p.owner_id = $1 and p.school_id = $2 and p.teaching_group_id is null and p.basis_group_id is null and ${overlaps(3, 4)}`),
    [ownerId, schoolId, from, to])).map(toEntry);
}

/** Which entries apply to which of the students, over [from, to]. */
export async function entryIdsOfStudents(q: QueryFn, ownerId: string, studentIds: readonly string[], from: string, to: string): Promise<{ student_id: string; entry_id: string }[]> {
  if (studentIds.length === 0) return [];
  const enrolled = 'e.starts_on <= p.starts_on and (e.ends_on is null or e.ends_on > p.starts_on)';
  return q<{ student_id: string; entry_id: string }>(
    `select e.student_id, p.id as entry_id from enrolment e
       join assessment_plan_entry p on p.owner_id = e.owner_id and p.teaching_group_id = e.teaching_group_id
       where e.owner_id = $1 and e.student_id = any($2::uuid[]) and ${overlaps(3, 4)} and ${enrolled}
     union
     select e.student_id, p.id from enrolment e
       join assessment_plan_entry p on p.owner_id = e.owner_id and p.basis_group_id = e.basis_group_id
       where e.owner_id = $1 and e.student_id = any($2::uuid[]) and ${overlaps(3, 4)} and ${enrolled}
     union
     select e.student_id, p.id from enrolment e
       join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
       join assessment_plan_entry p on p.owner_id = e.owner_id and p.school_id = bg.school_id and p.school_year_id = bg.school_year_id
         and p.teaching_group_id is null and p.basis_group_id is null and (p.level is null or p.level = bg.level)
       where e.owner_id = $1 and e.student_id = any($2::uuid[]) and ${overlaps(3, 4)} and ${enrolled}`,
    [ownerId, studentIds, from, to],
  );
}

/** Where a new entry goes and what it is: a group's (teaching or basis), a level's or the whole school's. */
export interface NewEntry {
  schoolId: string; schoolYearId: string; teachingGroupId: string | null; basisGroupId: string | null; level: string | null; subjectId: string | null;
  kind: AssessmentPlanEntryKind; title: string; description: string; startsOn: string; endsOn: string | null;
}

export async function insertEntry(q: QueryFn, ownerId: string, id: string, e: NewEntry, personId: string): Promise<void> {
  await q(`insert into assessment_plan_entry (owner_id, id, school_id, school_year_id, teaching_group_id, basis_group_id, level, subject_id, kind, title, description, starts_on, ends_on, created_by_person_id)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
  [ownerId, id, e.schoolId, e.schoolYearId, e.teachingGroupId, e.basisGroupId, e.level, e.subjectId,
    e.kind, e.title, e.description, e.startsOn, e.endsOn, personId]);
}

export type EntryChange = Pick<NewEntry, 'kind' | 'title' | 'description' | 'startsOn' | 'endsOn' | 'level' | 'schoolYearId'>;

export async function updateEntry(q: QueryFn, ownerId: string, id: string, e: EntryChange): Promise<void> {
  await q(`update assessment_plan_entry set kind = $3, title = $4, description = $5, starts_on = $6, ends_on = $7, level = $8, school_year_id = $9, updated_at = now()
        where owner_id = $1 and id = $2`,
  [ownerId, id, e.kind, e.title, e.description, e.startsOn, e.endsOn, e.level, e.schoolYearId]);
}

export async function deleteEntry(q: QueryFn, ownerId: string, entryId: string): Promise<void> {
  await q('delete from assessment_plan_entry where owner_id = $1 and id = $2', [ownerId, entryId]);
}

/* ───────────── students ───────────── */

/** Students enrolled in a class over [from, to]. */
export async function studentsOfBasisGroupBetween(q: QueryFn, ownerId: string, basisGroupId: string, from: string, to: string): Promise<string[]> {
  return (await q<{ student_id: string }>(
    `select distinct student_id from enrolment where owner_id = $1 and basis_group_id = $2 and starts_on <= $4::date and (ends_on is null or ends_on > $3::date)`,
    [ownerId, basisGroupId, from, to])).map((r) => r.student_id);
}

const active = 'e.starts_on <= $2::date and (e.ends_on is null or e.ends_on > $2::date)';

/** The teaching group's students enrolled on `day`. */
export async function studentsOfTeachingGroupOn(q: QueryFn, ownerId: string, teachingGroupId: string, day: string): Promise<string[]> {
  return (await q<{ student_id: string }>(`select distinct e.student_id from enrolment e where e.owner_id = $1 and e.teaching_group_id = $3 and ${active}`,
    [ownerId, day, teachingGroupId])).map((r) => r.student_id);
}

/** The class's students enrolled on `day`. */
export async function studentsOfBasisGroupOn(q: QueryFn, ownerId: string, basisGroupId: string, day: string): Promise<string[]> {
  return (await q<{ student_id: string }>(`select distinct e.student_id from enrolment e where e.owner_id = $1 and e.basis_group_id = $3 and ${active}`,
    [ownerId, day, basisGroupId])).map((r) => r.student_id);
}

/** The students of a level (or, with `level` null, the whole school) in the school year, enrolled on `day`. */
export async function studentsOfSchoolOn(q: QueryFn, ownerId: string, schoolId: string, schoolYearId: string, level: string | null, day: string): Promise<string[]> {
  return (await q<{ student_id: string }>(
    `select distinct e.student_id from enrolment e join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
     where e.owner_id = $1 and bg.school_id = $3 and bg.school_year_id = $4 and ($5::text is null or bg.level = $5) and ${active}`,
    [ownerId, day, schoolId, schoolYearId, level])).map((r) => r.student_id);
}

export async function studentNames(q: QueryFn, ownerId: string, studentIds: readonly string[]): Promise<Map<string, { givenName: string; familyName: string }>> {
  if (studentIds.length === 0) return new Map();
  const rows = await q<{ id: string; given_name: string; family_name: string }>(
    `select s.id, p.given_name, p.family_name from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id
     where s.owner_id = $1 and s.id = any($2::uuid[])`, [ownerId, studentIds]);
  return new Map(rows.map((r) => [r.id, { givenName: r.given_name, familyName: r.family_name }]));
}

/* ───────────── groups, levels and school years ───────────── */

export interface GroupYearRow { school_year_id: string; school_id: string; subject_id?: string | null }

/** The teaching group's school year and school, and its subject. */
export async function teachingGroupYear(q: QueryFn, ownerId: string, teachingGroupId: string): Promise<GroupYearRow | undefined> {
  const [row] = await q<GroupYearRow>('select school_year_id, school_id, subject_id from teaching_group where owner_id = $1 and id = $2', [ownerId, teachingGroupId]);
  return row;
}

/** The class's school year and school. */
export async function basisGroupYear(q: QueryFn, ownerId: string, basisGroupId: string): Promise<GroupYearRow | undefined> {
  const [row] = await q<GroupYearRow>('select school_year_id, school_id from basis_group where owner_id = $1 and id = $2', [ownerId, basisGroupId]);
  return row;
}

/** The levels that have classes at the school in the school year: the choices for a level's event. */
export async function levelsOfSchool(q: QueryFn, ownerId: string, schoolId: string, schoolYearId: string): Promise<Level[]> {
  const rows = await q<{ level: Level }>('select distinct level from basis_group where owner_id = $1 and school_id = $2 and school_year_id = $3', [ownerId, schoolId, schoolYearId]);
  return rows.map((r) => r.level).sort((a, b) => levels.indexOf(a) - levels.indexOf(b));
}

export async function yearById(q: QueryFn, ownerId: string, schoolYearId: string): Promise<SchoolYearFacts | null> {
  const [row] = await q<{ id: string; name: string; starts_on: string; ends_on: string }>(
    'select id, name, starts_on::text, ends_on::text from school_year where owner_id = $1 and id = $2', [ownerId, schoolYearId]);
  return row ? { id: row.id, name: row.name, startsOn: row.starts_on, endsOn: row.ends_on } : null;
}

/* ───────────── the school's rules ───────────── */

export interface RuleRow { rule: AssessmentPlanRuleKind; enabled: Rule['enabled']; maximum: Rule['maximum']; warning_only: Rule['warningOnly'] }

/** The rules the school has set (a rule without a row keeps Elevlos's default). */
export async function ruleRowsOfSchool(q: QueryFn, ownerId: string, schoolId: string): Promise<RuleRow[]> {
  return q<RuleRow>('select rule, enabled, maximum, warning_only from assessment_plan_rule where owner_id = $1 and school_id = $2', [ownerId, schoolId]);
}

export interface RuleChange { rule: AssessmentPlanRuleKind; enabled: boolean; maximum: number | null; warningOnly: boolean }

export async function saveRule(q: QueryFn, ownerId: string, schoolId: string, personId: string, r: RuleChange): Promise<void> {
  await q(
    `insert into assessment_plan_rule (owner_id, school_id, rule, enabled, maximum, warning_only, updated_by_person_id, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, now())
       on conflict (owner_id, school_id, rule) do update set enabled = excluded.enabled, maximum = excluded.maximum,
         warning_only = excluded.warning_only, updated_by_person_id = excluded.updated_by_person_id, updated_at = now()`,
    [ownerId, schoolId, r.rule, r.enabled, r.maximum, r.warningOnly, personId],
  );
}
