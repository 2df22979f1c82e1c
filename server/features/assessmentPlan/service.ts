/**
 * The assessment plan: the plans of students and groups, the conflict check a form calls while
 * the teacher types (and again on save), the class-hour export and the school's rules. The statements
 * are in queries.ts.
 */
import type { Database, QueryFn } from '../../core/db/client.js';
import type { FieldError } from '../../core/http/errors.js';
import { assessmentPlanRuleKinds, type AssessmentPlanEntryKind } from './tables.js';
import { addDays, loadCalendar, schoolYearOf, type SchoolCalendar, type SchoolYearFacts } from '../../core/calendar/calendar.js';
import {
  entriesByIds, entryIdsOfStudents, ruleRowsOfSchool, saveRule, studentsOfBasisGroupBetween, studentsOfBasisGroupOn, studentsOfSchoolOn,
  studentsOfTeachingGroupOn, type PlanEntry,
} from './queries.js';
import { DEFAULT_RULES, violationKey, violationsOf, type RuleEntry, type RuleSetting, type Violation } from './rules.js';

export interface Plans {
  entries: Map<string, PlanEntry>;
  /** entry ids per student */
  byStudent: Map<string, string[]>;
}

export async function plansOfStudents(q: QueryFn, ownerId: string, studentIds: readonly string[], from: string, to: string): Promise<Plans> {
  const rows = await entryIdsOfStudents(q, ownerId, studentIds, from, to);
  const ids = [...new Set(rows.map((r) => r.entry_id))];
  const entries = new Map<string, PlanEntry>();
  for (const e of await entriesByIds(q, ownerId, ids)) entries.set(e.id, e);
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
  const students = await studentsOfBasisGroupBetween(db.query, ownerId, basisGroupId, from, to);
  const plans = await plansOfStudents(db.query, ownerId, students, from, to);
  return [...plans.entries.values()].sort(byDate).map((e) => ({
    id: e.id, title: e.title, kind: e.kind, startsOn: e.startsOn, endsOn: e.endsOn, subjectCode: e.subjectCode, subjectName: e.subjectName, groupName: e.groupName,
  }));
}

/* ───────────── the school's rules ───────────── */

export async function rulesOf(q: QueryFn, ownerId: string, schoolId: string): Promise<RuleSetting[]> {
  const rows = await ruleRowsOfSchool(q, ownerId, schoolId);
  return DEFAULT_RULES.map((d) => {
    const r = rows.find((x) => x.rule === d.rule);
    return r ? { rule: d.rule, enabled: r.enabled, maximum: d.maximum === null ? null : (r.maximum ?? d.maximum), warningOnly: r.warning_only } : { ...d };
  });
}

export async function saveRules(q: QueryFn, ownerId: string, schoolId: string, personId: string, rules: readonly RuleSetting[]): Promise<void> {
  for (const r of rules) {
    if (!assessmentPlanRuleKinds.includes(r.rule)) continue;
    await saveRule(q, ownerId, schoolId, personId, { ...r, maximum: r.rule === 'noTestAfterExcursion' ? null : r.maximum });
  }
}

/* ───────────── dates and the calendar ───────────── */

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
  if (t.teachingGroupId) return studentsOfTeachingGroupOn(q, t.ownerId, t.teachingGroupId, day);
  if (t.basisGroupId) return studentsOfBasisGroupOn(q, t.ownerId, t.basisGroupId, day);
  return studentsOfSchoolOn(q, t.ownerId, t.schoolId, t.schoolYearId, t.level, day);
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
