/** Events for a level or the whole school: planned, changed and removed by the principal and department heads. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { addDays, schoolYearOf } from '../../../core/calendar/calendar.js';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { HttpError } from '../../../core/http/errors.js';
import { deleteEntry, levelsOfSchool, schoolEventsOf, type PlanEntry } from '../queries.js';
import { checkResultSchema, rangeQuery, savedSchema, schoolCheckBody, schoolEntryBody, schoolEntryParams, schoolEventsSchema } from '../schemas.js';
import { check, groupEntry, range, save } from './planning.js';
import { tags, toView } from './views.js';

export async function schoolEventRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  async function schoolTarget(req: FastifyRequest, startsOn: string, level: string | null) {
    const actor = requireActor(req);
    const schoolId = actor.staff[0]?.schoolId;
    if (!schoolId) throw new HttpError(403, 'error.forbidden');
    const year = await schoolYearOf(q, actor.ownerId, startsOn);
    if (!year) throw new HttpError(400, 'error.badRequest', {}, [{ field: 'startsOn', key: 'error.noSchoolYear' }]);
    return { ownerId: actor.ownerId, schoolId, schoolYearId: year.id, teachingGroupId: null, basisGroupId: null, level, subjectId: null };
  }

  /** An event for a level or the whole school of the caller's school; 404 for another school's or a group's entry. */
  async function schoolEvent(req: FastifyRequest, entryId: string): Promise<PlanEntry> {
    const actor = requireActor(req);
    const schoolId = actor.staff[0]?.schoolId;
    return groupEntry(q, actor.ownerId, entryId, (x) => x.schoolId === schoolId && (x.scope === 'level' || x.scope === 'school'));
  }

  r.get('/api/assessment-plan/school-events', {
    config: { access: { kind: 'school', action: 'assessmentPlan.planSchoolEvent' } },
    schema: { tags, summary: "The school's events for a level or the whole school in the school year (to plan, change and remove them)", querystring: rangeQuery, response: { 200: schoolEventsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const schoolId = actor.staff[0]!.schoolId;
    const year = await schoolYearOf(q, actor.ownerId, req.today);
    const { from, to } = range(req.query, year ?? { startsOn: addDays(req.today, -30), endsOn: addDays(req.today, 365) }, req.locale);
    return {
      access: accessOf(req), from, to, today: req.today,
      levels: year ? await levelsOfSchool(q, actor.ownerId, schoolId, year.id) : [],
      entries: (await schoolEventsOf(q, actor.ownerId, schoolId, from, to)).map(toView(actor)),
    };
  });

  r.post('/api/assessment-plan/school-events/check', {
    config: { access: { kind: 'school', action: 'assessmentPlan.planSchoolEvent' } },
    schema: { tags, summary: 'The live check for an event for a level or the whole school', body: schoolCheckBody, response: { 200: checkResultSchema } },
  }, async (req) => check(q, req, await schoolTarget(req, req.body.startsOn, req.body.level), req.body, null));

  r.post('/api/assessment-plan/school-events', {
    config: { access: { kind: 'school', action: 'assessmentPlan.planSchoolEvent' } },
    schema: { tags, summary: 'Plan an event for a level (e.g. Vg2) or the whole school', body: schoolEntryBody, response: { 201: savedSchema } },
  }, async (req, reply) => {
    const target = await schoolTarget(req, req.body.startsOn, req.body.level);
    return reply.status(201).send(await save(q, req, target, req.body, null, null));
  });

  r.put('/api/assessment-plan/school-events/:entryId', {
    config: { access: { kind: 'school', action: 'assessmentPlan.planSchoolEvent' } },
    schema: { tags, summary: 'Change an event for a level or the whole school (checked again; refused as a whole, the saved event left as it was)', params: schoolEntryParams, body: schoolEntryBody, response: { 200: savedSchema } },
  }, async (req) => {
    const existing = await schoolEvent(req, req.params.entryId);
    const target = await schoolTarget(req, req.body.startsOn, req.body.level);
    return save(q, req, target, req.body, existing, null);
  });

  r.delete('/api/assessment-plan/school-events/:entryId', {
    config: { access: { kind: 'school', action: 'assessmentPlan.planSchoolEvent' } },
    schema: { tags, summary: 'Remove an event for a level or the whole school', params: schoolEntryParams },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const e = await schoolEvent(req, req.params.entryId);
    await deleteEntry(q, actor.ownerId, e.id);
    return reply.status(204).send();
  });
}
