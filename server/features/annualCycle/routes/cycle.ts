/** The school's annual cycle: read by every staff member; the principal and the school admin add, change, remove and copy routines. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { allEvidenceSources, evidenceSource, isHandTicked } from '../../../core/evidence/sources.js';
import { accessOf, requireActor, staffSchool } from '../../../core/http/access.js';
import { HttpError, badField, type FieldError } from '../../../core/http/errors.js';
import { can } from '../../../core/policy/can.js';
import type { Actor } from '../../../core/policy/types.js';
import { subjectKindOfScope } from '../evidence.js';
import { forgetCompliance } from '../queries/compliance.js';
import {
  deleteRoutine, insertRoutine, routinesOf, schoolYearNameOfCycle, schoolYearsWithCycle, updateRoutine, type Cycle, type SchoolYear,
} from '../queries/routines.js';
import { copyBody, cycleQuery, cycleSchema, routineBody, routineParams, type CycleView, type RoutineBody } from '../schemas.js';
import { copyCycle, cycleFor } from '../service.js';
import { cycleOf, ownRoutine, tags, weeksOf, yearFor } from './common.js';

function validateRoutine(b: RoutineBody, year: { startsOn: string; endsOn: string }): void {
  const errors: FieldError[] = [];
  if (b.closesOn < b.opensOn) errors.push({ field: 'closesOn', key: 'annualCycle.windowOrder', params: { opensOn: b.opensOn } });
  for (const f of ['opensOn', 'closesOn'] as const) {
    if (b[f] < year.startsOn || b[f] > year.endsOn) errors.push({ field: f, key: 'annualCycle.outsideYear', params: { startsOn: year.startsOn, endsOn: year.endsOn } });
  }
  const source = evidenceSource(b.evidenceKind);
  if (!source.subjects.includes(subjectKindOfScope[b.scope])) errors.push({ field: 'evidenceKind', key: 'annualCycle.evidenceNotForScope', params: { scope: b.scope } });
  if (source.param?.values) {
    if (!b.evidenceParam) errors.push({ field: 'evidenceParam', key: 'annualCycle.paramRequired', params: { param: source.param.name } });
    else if (!source.param.values.includes(b.evidenceParam)) errors.push({ field: 'evidenceParam', key: 'annualCycle.paramInvalid', params: { values: source.param.values.join(', ') } });
  } else if (!source.param && b.evidenceParam) {
    errors.push({ field: 'evidenceParam', key: 'annualCycle.paramNotAllowed' });
  }
  if (b.excludeAdults && !['eachStudent', 'eachSubjectTeacherOfStudent'].includes(b.scope)) errors.push({ field: 'excludeAdults', key: 'annualCycle.excludeAdultsScope' });
  if (errors.length) throw new HttpError(400, 'error.badRequest', {}, errors);
}

async function cycleView(app: FastifyInstance, req: FastifyRequest, actor: Actor, year: SchoolYear, cycle: Cycle): Promise<CycleView> {
  const q = app.database.query;
  const [routines, years, copied] = await Promise.all([
    routinesOf(q, actor.ownerId, cycle.id),
    schoolYearsWithCycle(q, actor.ownerId, cycle.schoolId),
    cycle.copiedFromCycleId ? schoolYearNameOfCycle(q, actor.ownerId, cycle.copiedFromCycleId) : Promise.resolve(null),
  ]);
  return {
    access: accessOf(req),
    schoolYear: year,
    schoolYears: years.map((y) => ({ id: y.id, name: y.name, hasCycle: y.has_cycle })),
    copiedFromSchoolYear: copied,
    canManage: can(actor, 'annualCycle.manage', { type: 'school', ownerId: actor.ownerId, schoolId: cycle.schoolId, schoolName: '' }, req.today).allow,
    routines: routines.map((r) => ({
      id: r.id, builtinKey: r.builtinKey, titleNb: r.titleNb, titleNn: r.titleNn, descriptionNb: r.descriptionNb, descriptionNn: r.descriptionNn,
      scope: r.scope, level: r.level, programme: r.programme, excludeAdults: r.excludeAdults, responsibleRole: r.responsibleRole, opensOn: r.opensOn, closesOn: r.closesOn,
      weeks: weeksOf(r), evidenceKind: r.evidenceKind, evidenceParam: r.evidenceParam, handTicked: isHandTicked(r.evidenceKind),
    })),
    evidenceKinds: allEvidenceSources().map((s) => ({
      kind: s.kind, subjects: [...s.subjects], handTicked: isHandTicked(s.kind),
      param: s.param ? { name: s.param.name, values: s.param.values ? [...s.param.values] : null } : null,
    })),
  };
}

export async function cycleRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/annual-cycle', {
    config: { access: { kind: 'school', action: 'annualCycle.read' } },
    schema: { tags, summary: "The school's annual cycle for a school year (default: the current): its routines, windows (ISO weeks) and evidence", querystring: cycleQuery, response: { 200: cycleSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { year, cycle } = await cycleOf(app, req, req.query.schoolYearId, req.today);
    return cycleView(app, req, actor, year, cycle);
  });

  r.post('/api/annual-cycle/routines', {
    config: { access: { kind: 'school', action: 'annualCycle.manage' } },
    schema: { tags, summary: 'Add a routine to the school year\'s annual cycle', body: routineBody, response: { 201: cycleSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    const { year, cycle } = await cycleOf(app, req, b.schoolYearId, req.today);
    validateRoutine(b, year);
    await insertRoutine(q, actor.ownerId, cycle.id, b, actor.personId);
    await forgetCompliance(q, actor.ownerId, cycle.id);
    return reply.code(201).send(await cycleView(app, req, actor, year, cycle));
  });

  r.put('/api/annual-cycle/routines/:routineId', {
    config: { access: { kind: 'school', action: 'annualCycle.manage' } },
    schema: { tags, summary: 'Change a routine (its tasks follow at once: they are computed, not stored)', params: routineParams, body: routineBody, response: { 200: cycleSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { routine, year, cycle } = await ownRoutine(app, req, req.params.routineId);
    const b = req.body;
    validateRoutine(b, year);
    await updateRoutine(q, actor.ownerId, routine.id, b, actor.personId);
    await forgetCompliance(q, actor.ownerId, cycle.id);
    return cycleView(app, req, actor, year, cycle);
  });

  r.delete('/api/annual-cycle/routines/:routineId', {
    config: { access: { kind: 'school', action: 'annualCycle.manage' } },
    schema: { tags, summary: 'Remove a routine from the cycle (with its hand ticks)', params: routineParams },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { routine } = await ownRoutine(app, req, req.params.routineId);
    await deleteRoutine(q, actor.ownerId, routine.id);
    await forgetCompliance(q, actor.ownerId, routine.cycleId);
    return reply.code(204).send();
  });

  r.post('/api/annual-cycle/copy', {
    config: { access: { kind: 'school', action: 'annualCycle.manage' } },
    schema: { tags, summary: 'Copy a school year\'s cycle into another school year, every window moved to the same ISO week and weekday', body: copyBody, response: { 201: cycleSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { fromSchoolYearId, toSchoolYearId } = req.body;
    if (fromSchoolYearId === toSchoolYearId) throw badField('toSchoolYearId', 'annualCycle.sameYear');
    const { schoolId } = staffSchool(req);
    const to = await yearFor(app, actor.ownerId, toSchoolYearId, req.today).catch(() => { throw badField('toSchoolYearId', 'error.notFound'); });
    const from = await cycleFor(app.database, actor.ownerId, schoolId, fromSchoolYearId);
    if (!from) throw badField('fromSchoolYearId', 'annualCycle.noCycle');
    const id = await copyCycle(app.database, actor.ownerId, from, to.id, actor.personId);
    if (!id) throw badField('toSchoolYearId', 'annualCycle.alreadyExists');
    return reply.code(201).send(await cycleView(app, req, actor, to, (await cycleFor(app.database, actor.ownerId, schoolId, to.id))!));
  });
}
