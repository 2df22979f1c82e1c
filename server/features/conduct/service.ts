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
  const rows = await q<{ id: string; kind: TermFacts['kind']; school_year_id: string; name: string; year_starts_on: string; starts_on: string; ends_on: string }>(
    `select t.id, t.kind, t.school_year_id, y.name, y.starts_on::text as year_starts_on, t.starts_on::text as starts_on, t.ends_on::text as ends_on
     from term t join school_year y on y.owner_id = t.owner_id and y.id = t.school_year_id
     where t.owner_id = $1 and ${termId ? 't.id = $3' : 't.starts_on <= $2::date'}
     order by t.starts_on desc limit 1`,
    termId ? [ownerId, day, termId] : [ownerId, day],
  );
  const r = rows[0];
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
  const termsOfYear = new Set((await q<{ id: string }>('select id from term where owner_id = $1 and school_year_id = $2', [ownerId, schoolYearId])).map((t) => t.id));
  const out = new Map<string, Record<ConductAspect, SentWarning | null>>();
  for (const id of studentIds) out.set(id, { order: null, behaviour: null });
  for (const w of sent) {
    if (w.kind !== 'conduct' || w.withdrawn || !termsOfYear.has(w.termId) || !w.conductAspect) continue;
    const entry = out.get(w.studentId)!;
    entry[w.conductAspect] ??= w;
  }
  return out;
}

export interface SingleIncidentMeasure {
  id: string;
  caseId: string;
  kind: string;
  description: string;
  decidedOn: string;
}

/** The sanctions for a single incident a student has had this school year (the exception of § 9-17). */
export async function singleIncidentMeasures(q: QueryFn, ownerId: string, studentIds: readonly string[], from: string): Promise<Map<string, SingleIncidentMeasure[]>> {
  const out = new Map<string, SingleIncidentMeasure[]>();
  if (studentIds.length === 0) return out;
  const rows = await q<{ id: string; case_id: string; student_id: string; kind: string; description: string; decided_on: string }>(
    `select m.id, m.case_id, c.student_id, m.kind, m.description, m.decided_on::text as decided_on
     from disciplinary_measure m join disciplinary_case c on c.owner_id = m.owner_id and c.id = m.case_id
     where m.owner_id = $1 and c.student_id = any($2::uuid[]) and m.single_incident and m.decided_on >= $3::date
     order by m.decided_on, m.id`,
    [ownerId, studentIds, from],
  );
  for (const r of rows) {
    out.set(r.student_id, [...(out.get(r.student_id) ?? []), { id: r.id, caseId: r.case_id, kind: r.kind, description: r.description, decidedOn: r.decided_on }]);
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
