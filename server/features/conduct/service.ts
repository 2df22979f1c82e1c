/**
 * Conduct grades (R-25, L-22): the half-year (term) they belong to, which students get them, and the
 * rule that Ng or Lg needs an earlier sent conduct warning unless it follows a sanction for a single
 * incident (§ 9-17). Warnings are read through the warnings feature's contract (`sentWarnings`).
 */
import type { QueryFn } from '../../core/db/client.js';
import type { ConductGrade } from './tables.js';
import type { Level } from '../../core/db/tables.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { sentWarnings, type SentWarning } from '../warnings/index.js';
import { termIdsOfYear, termRow, type SingleIncidentMeasure } from './queries.js';

export type ConductAspect = 'order' | 'behaviour';
export const ASPECTS: readonly ConductAspect[] = ['order', 'behaviour'];

export interface TermFacts {
  id: string;
  kind: 'autumn' | 'spring';
  schoolYearId: string;
  schoolYearName: string;
  schoolYearStartsOn: string;
  startsOn: string;
  endsOn: string;
}

/** The term of `day`, or the latest that started before it (between terms, the one just ended); or the one asked for. */
export async function termFor(q: QueryFn, ownerId: string, day: string, termId?: string): Promise<TermFacts> {
  const r = await termRow(q, ownerId, day, termId);
  if (!r) throw termId ? badField('termId', 'conduct.unknownTerm') : new HttpError(404, 'conduct.noTerm');
  return { id: r.id, kind: r.kind, schoolYearId: r.school_year_id, schoolYearName: r.name, schoolYearStartsOn: r.year_starts_on, startsOn: r.starts_on, endsOn: r.ends_on };
}

/** L-22: conduct grades from grade 8 in compulsory school and in all of upper secondary. */
export function hasConductGrade(level: Level): boolean {
  return !/^grade[1-7]$/.test(level);
}

const isLow = (g: ConductGrade) => g !== 'G';

/** The conduct warnings that count for a grade: sent (not withdrawn) in the same school year, per aspect. */
export async function conductWarnings(q: QueryFn, ownerId: string, schoolYearId: string, studentIds: readonly string[]): Promise<Map<string, Record<ConductAspect, SentWarning | null>>> {
  const sent = await sentWarnings(q, ownerId, studentIds);
  const termsOfYear = await termIdsOfYear(q, ownerId, schoolYearId);
  const out = new Map<string, Record<ConductAspect, SentWarning | null>>();
  for (const id of studentIds) out.set(id, { order: null, behaviour: null });
  for (const w of sent) {
    if (w.kind !== 'conduct' || w.withdrawn || !termsOfYear.has(w.termId) || !w.conductAspect) continue;
    const entry = out.get(w.studentId)!;
    entry[w.conductAspect] ??= w;
  }
  return out;
}

/**
 * L-22 § 9-17: refuse Ng or Lg in an aspect without an earlier sent conduct warning about it, unless the
 * grade is linked to a sanction for a single incident of this student. 409: the state must change first.
 */
export function assertConductGradeAllowed(
  grade: Record<ConductAspect, ConductGrade>, warnings: Record<ConductAspect, SentWarning | null>,
  measureId: string | null, measures: readonly SingleIncidentMeasure[],
): void {
  if (measureId !== null && !measures.some((m) => m.id === measureId)) throw badField('measureId', 'conduct.measureNotSingleIncident');
  if (measureId !== null) return;
  for (const aspect of ASPECTS) {
    if (isLow(grade[aspect]) && !warnings[aspect]) throw new HttpError(409, aspect === 'order' ? 'conduct.needsWarningOrder' : 'conduct.needsWarningBehaviour');
  }
}
