/**
 * The county-wide recomputation of absence percentages (the nightly job's work, R-21): every student's
 * counting percentage in every subject of the owner's school year, from the timetable, the calendar and
 * the lesson-level rows, reduced per school to how many students are over the limit, near it and at the
 * emerging-absence signal. One statement (queries/stats.ts), so its cost is a scan of the year's absence rows.
 */
import type { QueryFn } from '../../core/db/client.js';
import { yearContext } from './context.js';
import { ABSENCE_LIMIT_PERCENT, DEFAULT_RULES, NEAR_LIMIT_PERCENT } from './rules.js';
import { countyAbsenceSummary, type SchoolAbsenceSummary } from './queries/stats.js';

export interface AbsenceRecomputation {
  schoolYearId: string;
  today: string;
  schools: SchoolAbsenceSummary[];
}

/** The default signal threshold of the subject rule: the county view does not apply one school's own rules to another's. */
const SIGNAL_PERCENT = DEFAULT_RULES.find((r) => r.kind === 'subjectPercent')!.threshold;

export async function recomputeAbsence(q: QueryFn, ownerId: string, today: string): Promise<AbsenceRecomputation> {
  const ctx = await yearContext(q, ownerId, today);
  const schools = await countyAbsenceSummary(q, ownerId, ctx.calendar, today, { limit: ABSENCE_LIMIT_PERCENT, near: NEAR_LIMIT_PERCENT, signal: SIGNAL_PERCENT });
  return { schoolYearId: ctx.year.id, today, schools };
}
