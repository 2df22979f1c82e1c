/** Physical interventions (L-32): documented by whoever intervened and reported to the principal, who records when the parents were told. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../core/http/access.js';
import { HttpError, badField } from '../../../core/http/errors.js';
import { insertIntervention, interventionDates, markParentsInformed } from '../queries.js';
import { caseParams, caseSchema, createdSchema, informedBody, interventionBody, interventionParams } from '../schemas.js';
import { created, notFuture, tags, view } from './common.js';

export async function interventionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.post('/api/disciplinary-cases/:caseId/physical-interventions', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.reportIntervention', audit: 'write' } },
    schema: { tags, summary: "Document a physical intervention (L-32): the incident, the intervention, the student's view, reported to the principal", params: caseParams, body: interventionBody, response: { 201: createdSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    notFuture('occurredOn', b.occurredOn, req.today);
    notFuture('reportedToPrincipalOn', b.reportedToPrincipalOn, req.today);
    if (b.reportedToPrincipalOn < b.occurredOn) throw badField('reportedToPrincipalOn', 'discipline.beforeDate', { on: b.occurredOn });
    const id = randomUUID();
    await insertIntervention(q, actor.ownerId, id, req.disciplinaryCase!.caseId, b, actor.personId);
    return created(reply, id);
  });

  r.put('/api/disciplinary-cases/:caseId/physical-interventions/:interventionId/parents-informed', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.informParents', audit: 'write' } },
    schema: { tags, summary: 'The principal records when the parents were informed of the physical intervention (L-32)', params: interventionParams, body: informedBody, response: { 200: caseSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const x = await interventionDates(q, actor.ownerId, req.disciplinaryCase!.caseId, req.params.interventionId);
    if (!x) throw new HttpError(404, 'error.notFound');
    if (x.parents_informed_on) throw new HttpError(409, 'discipline.alreadyInformed');
    notFuture('informedOn', req.body.informedOn, req.today);
    if (req.body.informedOn < x.occurred_on) throw badField('informedOn', 'discipline.beforeDate', { on: x.occurred_on });
    await markParentsInformed(q, actor.ownerId, req.disciplinaryCase!.caseId, req.params.interventionId, req.body.informedOn, actor.personId);
    return view(q, req);
  });
}
