/** What the annual cycle's routes share: the school year and cycle a request is about, the routine it names, how a routine is shown. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireActor, staffSchool } from '../../../core/http/access.js';
import { HttpError, badField } from '../../../core/http/errors.js';
import { weekOf } from '../defaults.js';
import { routineById, schoolYearById, schoolYearIdOfCycle, schoolYearOn, type RoutineRow, type SchoolYear } from '../queries/routines.js';
import { cycleFor, ensureCycle } from '../service.js';

export const tags = ['annualCycle'];
export const byName = new Intl.Collator('nb');

export const weeksOf = (r: { opensOn: string; closesOn: string }) => ({ from: weekOf(r.opensOn), to: weekOf(r.closesOn) });
export const titleOf = (r: RoutineRow, locale: string) => (locale === 'nn' ? r.titleNn : r.titleNb);

export async function yearFor(app: FastifyInstance, ownerId: string, schoolYearId: string | undefined, today: string): Promise<SchoolYear> {
  const q = app.database.query;
  if (schoolYearId) {
    const row = await schoolYearById(q, ownerId, schoolYearId);
    if (!row) throw badField('schoolYearId', 'error.notFound');
    return row;
  }
  const row = await schoolYearOn(q, ownerId, today);
  if (!row) throw new HttpError(404, 'error.noSchoolYear');
  return row;
}

/** The cycle of the school year the request is about; any school without one gets the default (or last year's, moved). */
export async function cycleOf(app: FastifyInstance, req: FastifyRequest, schoolYearId: string | undefined, today: string) {
  const actor = requireActor(req);
  const year = await yearFor(app, actor.ownerId, schoolYearId, today);
  const { schoolId } = staffSchool(req);
  const cycle = await ensureCycle(app.database, actor.ownerId, schoolId, year.id, actor.personId);
  return { year, cycle, schoolId };
}

/** The routine the request names, of the caller's school, with its school year and cycle (404 for any other). */
export async function ownRoutine(app: FastifyInstance, req: FastifyRequest, routineId: string) {
  const actor = requireActor(req);
  const q = app.database.query;
  const routine = await routineById(q, actor.ownerId, routineId);
  if (!routine || routine.schoolId !== staffSchool(req).schoolId) throw new HttpError(404, 'error.notFound');
  const schoolYearId = (await schoolYearIdOfCycle(q, actor.ownerId, routine.cycleId))!;
  const year = await yearFor(app, actor.ownerId, schoolYearId, '');
  const cycle = (await cycleFor(app.database, actor.ownerId, routine.schoolId, schoolYearId))!;
  return { routine, year, cycle };
}
