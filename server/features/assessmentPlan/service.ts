/**
 * The assessment plan: loading the plans of students and groups, the conflict check a form
 * calls while the teacher types (and again on save), the class-hour export and the school's rules.
 * A student's plan is the union of the entries of their teaching groups, their basis group, their
 * level and the whole school, each counted while the student is enrolled on the entry's first day.
 */
import type { Database, QueryFn } from '../../core/db/client.js';
import type { FieldError } from '../../core/http/errors.js';
import { assessmentPlanRuleKinds, type AssessmentPlanEntryKind, type AssessmentPlanRuleKind } from './tables.js';
import { levels, type Level } from '../../core/db/tables.js';
import { addDays, loadCalendar, schoolYearOf, type SchoolCalendar, type SchoolYearFacts } from '../../core/calendar/calendar.js';
import { DEFAULT_RULES, violationKey, violationsOf, type RuleEntry, type RuleSetting, type Violation } from './rules.js';

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
  id: string; kind: AssessmentPlanEntryKind; title: string; description: string; starts_on: string; ends_on: string | null;
  teaching_group_id: string | null; basis_group_id: string | null; level: string | null; school_id: string; created_by_person_id: string;
  subject_code: string | null; subject_name: string | null; group_name: string | null;
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

export async function entriesOfTeachingGroup(q: QueryFn, ownerId: string, teachingGroupId: string, from: string, to: string): Promise<PlanEntry[]> {
  return (await q<EntryRow>(ENTRY_SQL(`p.owner_id = $1 and p.teaching_group_id = $2 and ${overlaps(3, 4)}`), [ownerId, teachingGroupId, from, to])).map(toEntry);
}

/** The events for a level or the whole school touching [from, to], in date order. */
export async function schoolEventsOf(q: QueryFn, ownerId: string, schoolId: string, from: string, to: string): Promise<PlanEntry[]> {
  return (await q<EntryRow>(
    ENTRY_SQL(`p.owner_id = $1 and p.school_id = $2 and p.teaching_group_id is null and p.basis_group_id is null and ${overlaps(3, 4)}`),
    [ownerId, schoolId, from, to])).map(toEntry);
}

/** The levels that have classes at the school in the school year: the choices for a level's event. */
export async function levelsOfSchool(q: QueryFn, ownerId: string, schoolId: string, schoolYearId: string): Promise<Level[]> {
  const rows = await q<{ level: Level }>('select distinct level from basis_group where owner_id = $1 and school_id = $2 and school_year_id = $3', [ownerId, schoolId, schoolYearId]);
  return rows.map((r) => r.level).sort((a, b) => levels.indexOf(a) - levels.indexOf(b));
}

/** Which entries apply to which of the students, over [from, to]. */
async function planRows(q: QueryFn, ownerId: string, studentIds: readonly string[], from: string, to: string): Promise<{ student_id: string; entry_id: string }[]> {
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

export interface Plans {
  entries: Map<string, PlanEntry>;
  /** entry ids per student */
  byStudent: Map<string, string[]>;
}

export async function plansOfStudents(q: QueryFn, ownerId: string, studentIds: readonly string[], from: string, to: string): Promise<Plans> {
  const rows = await planRows(q, ownerId, studentIds, from, to);
  const ids = [...new Set(rows.map((r) => r.entry_id))];
  const entries = new Map<string, PlanEntry>();
  if (ids.length > 0) {
    for (const r of await q<EntryRow>(ENTRY_SQL('p.owner_id = $1 and p.id = any($2::uuid[])'), [ownerId, ids])) entries.set(r.id, toEntry(r));
  }
  const byStudent = new Map<string, string[]>(studentIds.map((id) => [id, []]));
  for (const r of rows) byStudent.get(r.student_id)?.push(r.entry_id);
  return { entries, byStudent };
}

/** In date order. */
export function planOf(plans: Plans, studentId: string): PlanEntry[] {
  return (plans.byStudent.get(studentId) ?? []).map((id) => plans.entries.get(id)!).sort(byDate);
}

export const byDate = (a: PlanEntry, b: PlanEntry) =>
  a.startsOn.localeCompare(b.startsOn) || (a.endsOn ?? a.startsOn).localeCompare(b.endsOn ?? b.startsOn) || a.title.localeCompare(b.title, 'nb') || a.id.localeCompare(b.id);

/** Students enrolled in a class over [from, to]. */
async function studentsOfBasisGroup(q: QueryFn, ownerId: string, basisGroupId: string, from: string, to: string): Promise<string[]> {
  return (await q<{ student_id: string }>(
    `select distinct student_id from enrolment where owner_id = $1 and basis_group_id = $2 and starts_on <= $4::date and (ends_on is null or ends_on > $3::date)`,
    [ownerId, basisGroupId, from, to])).map((r) => r.student_id);
}

export interface ClassHourAssessment {
  id: string;
  title: string;
  kind: AssessmentPlanEntryKind;
  startsOn: string;
  endsOn: string | null;
  subjectCode: string | null;
  subjectName: string | null;
  /** the teaching group's or the class's name; null for a level or the whole school */
  groupName: string | null;
}

/**
 * For the class hour (R-35): every test, project, full-day test, trip day and cultural event of the
 * class's students over [from, to] — the union of their groups' plans, in date order.
 */
export async function assessmentsForBasisGroup(db: Database, ownerId: string, basisGroupId: string, from: string, to: string): Promise<ClassHourAssessment[]> {
  const students = await studentsOfBasisGroup(db.query, ownerId, basisGroupId, from, to);
  const plans = await plansOfStudents(db.query, ownerId, students, from, to);
  return [...plans.entries.values()].sort(byDate).map((e) => ({
    id: e.id, title: e.title, kind: e.kind, startsOn: e.startsOn, endsOn: e.endsOn, subjectCode: e.subjectCode, subjectName: e.subjectName, groupName: e.groupName,
  }));
}

/* ───────────── the school's rules ───────────── */

export async function rulesOf(q: QueryFn, ownerId: string, schoolId: string): Promise<RuleSetting[]> {
  const rows = await q<{ rule: AssessmentPlanRuleKind; enabled: boolean; maximum: number | null; warning_only: boolean }>(
    'select rule, enabled, maximum, warning_only from assessment_plan_rule where owner_id = $1 and school_id = $2', [ownerId, schoolId]);
  return DEFAULT_RULES.map((d) => {
    const r = rows.find((x) => x.rule === d.rule);
    return r ? { rule: d.rule, enabled: r.enabled, maximum: d.maximum === null ? null : (r.maximum ?? d.maximum), warningOnly: r.warning_only } : { ...d };
  });
}

export async function saveRules(q: QueryFn, ownerId: string, schoolId: string, personId: string, rules: readonly RuleSetting[]): Promise<void> {
  for (const r of rules) {
    if (!assessmentPlanRuleKinds.includes(r.rule)) continue;
    await q(
      `insert into assessment_plan_rule (owner_id, school_id, rule, enabled, maximum, warning_only, updated_by_person_id, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, now())
       on conflict (owner_id, school_id, rule) do update set enabled = excluded.enabled, maximum = excluded.maximum,
         warning_only = excluded.warning_only, updated_by_person_id = excluded.updated_by_person_id, updated_at = now()`,
      [ownerId, schoolId, r.rule, r.enabled, r.rule === 'noTestAfterExcursion' ? null : r.maximum, r.warningOnly, personId],
    );
  }
}

/* ───────────── dates and the calendar ───────────── */

export async function yearById(q: QueryFn, ownerId: string, schoolYearId: string): Promise<SchoolYearFacts | null> {
  const [row] = await q<{ id: string; name: string; starts_on: string; ends_on: string }>(
    'select id, name, starts_on::text, ends_on::text from school_year where owner_id = $1 and id = $2', [ownerId, schoolYearId]);
  return row ? { id: row.id, name: row.name, startsOn: row.starts_on, endsOn: row.ends_on } : null;
}

export async function calendarOfYear(q: QueryFn, ownerId: string, year: SchoolYearFacts): Promise<SchoolCalendar> {
  return loadCalendar(q, ownerId, year);
}

export async function calendarOn(q: QueryFn, ownerId: string, day: string): Promise<SchoolCalendar | null> {
  const year = await schoolYearOf(q, ownerId, day);
  return year ? loadCalendar(q, ownerId, year) : null;
}

/** The first school day after `day`, or null at the end of the school year. */
export function nextSchoolDay(calendar: SchoolCalendar): (day: string) => string | null {
  return (day) => calendar.schoolDays[calendar.schoolDaysUpTo(day)] ?? null;
}

const ONE_DAY_KINDS: readonly AssessmentPlanEntryKind[] = ['test', 'fullDayTest'];

/** Bad dates: holidays, weekends, outside the group's school year; a test is one day; a project has a due date. */
export function dateProblems(calendar: SchoolCalendar, kind: AssessmentPlanEntryKind, startsOn: string, endsOn: string | null): FieldError[] {
  const out: FieldError[] = [];
  const check = (field: string, day: string) => {
    const k = calendar.kindOf(day);
    if (k === 'outsideSchoolYear') out.push({ field, key: 'assessmentPlan.outsideSchoolYear', params: { day, from: calendar.year.startsOn, to: calendar.year.endsOn } });
    else if (k === 'weekend') out.push({ field, key: 'assessmentPlan.weekend', params: { day } });
    else if (k === 'publicHoliday' || k === 'schoolHoliday') out.push({ field, key: 'assessmentPlan.holiday', params: { day, name: calendar.holidayName(day) ?? '' } });
  };
  check('startsOn', startsOn);
  if (endsOn !== null) {
    if (ONE_DAY_KINDS.includes(kind) && endsOn !== startsOn) out.push({ field: 'endsOn', key: 'assessmentPlan.oneDay' });
    else if (endsOn < startsOn) out.push({ field: 'endsOn', key: 'assessmentPlan.endsBeforeStarts', params: { startsOn } });
    else if (endsOn !== startsOn) check('endsOn', endsOn);
  } else if (kind === 'project') {
    out.push({ field: 'endsOn', key: 'assessmentPlan.dueRequired' });
  }
  return out;
}

/* ───────────── conflicts ───────────── */

export interface Target {
  ownerId: string;
  schoolId: string;
  schoolYearId: string;
  teachingGroupId: string | null;
  basisGroupId: string | null;
  level: string | null;
}

/** The students an entry of this target applies to, enrolled on `day`. */
export async function studentsOfTarget(q: QueryFn, t: Target, day: string): Promise<string[]> {
  const active = 'e.starts_on <= $2::date and (e.ends_on is null or e.ends_on > $2::date)';
  if (t.teachingGroupId) {
    return (await q<{ student_id: string }>(`select distinct e.student_id from enrolment e where e.owner_id = $1 and e.teaching_group_id = $3 and ${active}`,
      [t.ownerId, day, t.teachingGroupId])).map((r) => r.student_id);
  }
  if (t.basisGroupId) {
    return (await q<{ student_id: string }>(`select distinct e.student_id from enrolment e where e.owner_id = $1 and e.basis_group_id = $3 and ${active}`,
      [t.ownerId, day, t.basisGroupId])).map((r) => r.student_id);
  }
  return (await q<{ student_id: string }>(
    `select distinct e.student_id from enrolment e join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
     where e.owner_id = $1 and bg.school_id = $3 and bg.school_year_id = $4 and ($5::text is null or bg.level = $5) and ${active}`,
    [t.ownerId, day, t.schoolId, t.schoolYearId, t.level])).map((r) => r.student_id);
}

export interface Conflict extends Violation {
  studentIds: string[];
}

/** Violations per student grouped into conflicts (same rule, day/week and entries), with the students affected. */
export function groupViolations(perStudent: Iterable<[string, Violation[]]>): Conflict[] {
  const m = new Map<string, Conflict>();
  for (const [studentId, vs] of perStudent) {
    for (const v of vs) {
      const k = violationKey(v);
      const c = m.get(k) ?? { ...v, studentIds: [] };
      c.studentIds.push(studentId);
      m.set(k, c);
    }
  }
  return [...m.values()].sort((a, b) => (a.day ?? a.week ?? '').localeCompare(b.day ?? b.week ?? '') || a.rule.localeCompare(b.rule));
}

/** Every conflict in the combined plans of these students over [from, to]. */
export async function conflictsAmong(q: QueryFn, ownerId: string, studentIds: readonly string[], from: string, to: string, rules: readonly RuleSetting[], calendar: SchoolCalendar): Promise<{ plans: Plans; conflicts: Conflict[] }> {
  // the week rule needs the whole ISO weeks, the excursion rule the days before a break
  const plans = await plansOfStudents(q, ownerId, studentIds, addDays(from, -21), addDays(to, 21));
  const next = nextSchoolDay(calendar);
  const conflicts = groupViolations(studentIds.map((id) => [id, violationsOf(planOf(plans, id), rules, next)]))
    .filter((c) => c.entryIds.some((e) => {
      const x = plans.entries.get(e)!;
      return x.startsOn <= to && (x.endsOn ?? x.startsOn) >= from;
    }));
  return { plans, conflicts };
}

export const PROPOSED_ID = 'proposed';

export interface Proposal extends Target {
  /** the entry being changed, or null for a new one */
  entryId: string | null;
  kind: AssessmentPlanEntryKind;
  title: string;
  startsOn: string;
  endsOn: string | null;
}

/** The conflicts the proposed (new or changed) entry would take part in, per the school's rules. */
export async function conflictsOfProposal(q: QueryFn, p: Proposal, rules: readonly RuleSetting[], calendar: SchoolCalendar): Promise<{ conflicts: Conflict[]; plans: Plans }> {
  const students = await studentsOfTarget(q, p, p.startsOn);
  const last = p.endsOn ?? p.startsOn;
  const plans = await plansOfStudents(q, p.ownerId, students, addDays(p.startsOn, -21), addDays(last, 21));
  const id = p.entryId ?? PROPOSED_ID;
  const proposed: RuleEntry = { id, kind: p.kind, startsOn: p.startsOn, endsOn: p.endsOn };
  const next = nextSchoolDay(calendar);
  const conflicts = groupViolations(students.map((s) => {
    const own = planOf(plans, s).filter((e) => e.id !== id);
    return [s, violationsOf([...own, proposed], rules, next).filter((v) => v.entryIds.includes(id))];
  }));
  return { conflicts, plans };
}

export async function studentNames(q: QueryFn, ownerId: string, studentIds: readonly string[]): Promise<Map<string, { givenName: string; familyName: string }>> {
  if (studentIds.length === 0) return new Map();
  const rows = await q<{ id: string; given_name: string; family_name: string }>(
    `select s.id, p.given_name, p.family_name from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id
     where s.owner_id = $1 and s.id = any($2::uuid[])`, [ownerId, studentIds]);
  return new Map(rows.map((r) => [r.id, { givenName: r.given_name, familyName: r.family_name }]));
}
