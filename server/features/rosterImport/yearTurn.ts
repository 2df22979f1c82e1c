/**
 * The school year's turn through the import (issue 13). The administrative system's export for next year
 * brings a new school year with its classes, teaching groups and memberships; last year's are no longer in
 * it. Elevlos then closes last year's groups at that year's end instead of today (an import in June keeps
 * this year's classes, their lessons and their contact teachers until the summer), keeps last year's
 * contact- and subject-teacher assignments as history (the policy gives access to a student by their current
 * membership, and core's loadActor leaves a closed year's groups out of the teacher's own), and gives the new year its annual cycle,
 * copied from the school's last one. A student missing from the new year has left; what Elevlos recorded
 * about them stays.
 */
import type { Database, QueryFn } from '../../core/db/client.js';
import { ensureCycle } from '../annualCycle/index.js';
import * as sql from './queries/yearTurn.js';
import type { Roster } from './roster.js';
import type { LocalIds } from './sync/ids.js';
import type { SyncPlan } from './sync/model.js';

export type { Closed } from './queries/yearTurn.js';

/** The local schools an apply wrote: the roster's, or — a reading without schools — the importing admin's. */
export function schoolsOfApply(roster: Roster, ids: LocalIds, importSchoolId: string): string[] {
  const local = roster.schools.map((s) => ids.get('schools', s.sourceId)?.localId).filter((id): id is string => !!id);
  return local.length ? [...new Set(local)] : [importSchoolId];
}

/**
 * Last step of an apply, inside its transaction: the groups of every year these schools have turned from
 * close at its end. Only an apply that added or changed a school year or groups can turn a year, so only then are all
 * the schools' rows looked at; otherwise only the memberships and lessons it wrote, which an export that
 * still lists last year's as open would reopen (a county's nightly re-sync stays set-based and small).
 */
export function closeTurnedYears(q: QueryFn, ownerId: string, schoolIds: readonly string[], plan: SyncPlan, ids: LocalIds): Promise<sql.Closed> {
  const turning = (['schoolYears', 'basisGroups', 'teachingGroups'] as const).some((k) => plan[k].added.length + plan[k].changed.length > 0);
  const written = (kind: 'enrolments' | 'lessons') => [...plan[kind].added, ...plan[kind].changed]
    .map((x) => ids.get(kind, x.record.sourceId)?.localId).filter((id): id is string => !!id);
  return sql.closeTurnedYears(q, ownerId, schoolIds, turning ? { enrolmentIds: null, lessonIds: null } : { enrolmentIds: written('enrolments'), lessonIds: written('lessons') });
}

/**
 * After the apply has committed: each school's current and coming years get their annual cycle, copied
 * from the school's last one with its dates moved. Idempotent: a year that has its cycle keeps it.
 * Oldest first, so a year copies from the one before it.
 */
export async function ensureNewYearCycles(database: Database, ownerId: string, schoolIds: readonly string[], today: string, personId: string | null): Promise<number> {
  const years = await sql.openYearsOfSchools(database.query, ownerId, schoolIds, today);
  for (const y of years) await ensureCycle(database, ownerId, y.schoolId, y.schoolYearId, personId);
  return years.length;
}

/** Of the memberships the sync would end today, those not of a turned year (the rest close at their year's end). */
export const enrolmentsToEndToday = sql.enrolmentsOutsideTurnedYears;

/** A leaving student's memberships that end today: those of a turned year close at its end instead. */
export const enrolmentsOfStudentsToEndToday = sql.enrolmentsOfStudentsOutsideTurnedYears;

export const lessonsToEndToday = sql.lessonsOutsideTurnedYears;

/** Of the groups whose assignments the source dropped, those not of a turned year: last year's assignments stay as history. */
export const groupsWhoseAssignmentsGo = sql.groupsOutsideTurnedYears;
