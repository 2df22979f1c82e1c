/** What every absence route starts from: the school year of "today" and its calendar; small shared helpers. */
import type { QueryFn } from '../../core/db/client.js';
import type { AbsenceReason } from './tables.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { currentSchoolYear, loadCalendar, type SchoolCalendar, type SchoolYearFacts } from '../../core/calendar/calendar.js';
import { DEFAULT_RULES, RELIGIOUS_HOLIDAY_MAX_DAYS, selfCertificationAllowed, type AbsenceRowFacts, type EmergingRule } from './rules.js';
import { hasHigherRiskCondition, lessonSubjects, religiousHolidayDays } from './queries/registration.js';
import { emergingAbsenceRules } from './queries/school.js';
import { absenceRows, subjectStats } from './queries/stats.js';

export interface YearContext {
  year: SchoolYearFacts;
  calendar: SchoolCalendar;
}

export async function yearContext(q: QueryFn, ownerId: string, today: string): Promise<YearContext> {
  const year = await currentSchoolYear(q, ownerId, today);
  if (!year) throw new HttpError(404, 'absence.noSchoolYear');
  return { year, calendar: await loadCalendar(q, ownerId, year) };
}

/** Minutes as hours with one decimal. */
export const hours = (minutes: number): number => Math.round(minutes / 6) / 10;

/**
 * The documentation date a reason may carry: none for undocumented absence, the day of the student's
 * own declaration for a self-certification (today unless given), and for the regulation's reasons the
 * day the documentation came (null while it is awaited, and then the absence still counts).
 */
export function documentationFor(reason: AbsenceReason, documentedOn: string | null | undefined, today: string, field = 'documentedOn'): string | null {
  if (documentedOn && documentedOn > today) throw badField(field, 'absence.documentedInFuture');
  if (reason === 'undocumented' || reason === 'schoolHealthService') {
    if (documentedOn) throw badField(field, 'absence.documentedOnNotAllowed');
    return null;
  }
  if (reason === 'selfCertification') return documentedOn ?? today;
  return documentedOn ?? null;
}

export interface Target {
  day: string;
  lessonId: string;
  /** the field to name if this one is refused */
  field: string;
}

/** L-12: refuse a self-certification once health-related and undocumented absence has reached 10 % in the subject. */
export async function assertSelfCertification(q: QueryFn, ownerId: string, ctx: YearContext, today: string, studentId: string, targets: readonly Target[]): Promise<void> {
  if (targets.length === 0) return;
  if (await hasHigherRiskCondition(q, ownerId, studentId)) return;
  const [stats, rows] = await Promise.all([
    subjectStats(q, ownerId, ctx.calendar, today, [studentId]),
    absenceRows(q, ownerId, [studentId], ctx.year.startsOn, ctx.year.endsOn),
  ]);
  const lessonSubject = await lessonSubjects(q, ownerId, [...new Set(targets.map((t) => t.lessonId))]);
  const byLesson = new Map(lessonSubject.map((l) => [l.id, l]));
  for (const t of targets) {
    const l = byLesson.get(t.lessonId);
    if (!l) continue;
    const planned = stats.find((s) => s.subjectId === l.subject_id)?.plannedMinutes ?? 0;
    const subjectRows: AbsenceRowFacts[] = rows.filter((r) => r.subjectId === l.subject_id);
    if (!selfCertificationAllowed(subjectRows, { day: t.day, startsAt: l.starts_at }, planned, false)) {
      throw badField(t.field, 'absence.selfCertificationLimit', { subject: l.code });
    }
  }
}

/** L-11 c: religious holidays other than public ones count as documented absence for at most 2 days a year. */
export async function assertReligiousHolidayDays(q: QueryFn, ownerId: string, ctx: YearContext, studentId: string, newDays: readonly string[], field: string): Promise<void> {
  const stored = await religiousHolidayDays(q, ownerId, studentId, ctx.year.startsOn, ctx.year.endsOn);
  const days = new Set([...stored, ...newDays]);
  if (days.size > RELIGIOUS_HOLIDAY_MAX_DAYS) throw badField(field, 'absence.religiousHolidayMax', { max: RELIGIOUS_HOLIDAY_MAX_DAYS });
}

/** the school's own emerging-absence rules, with Elevlos's default for a kind the school has not set. */
export async function loadRules(q: QueryFn, ownerId: string, schoolId: string): Promise<EmergingRule[]> {
  const rows = await emergingAbsenceRules(q, ownerId, schoolId);
  return DEFAULT_RULES.map((d) => {
    const r = rows.find((x) => x.kind === d.kind);
    return r ? { kind: d.kind, enabled: r.enabled, threshold: Number(r.threshold), windowWeeks: Number(r.window_weeks) } : { ...d };
  });
}
