/** The end of a sent warning (L-21): withdrawal with a reason, the principal's decision that no grade is given, and its appeal. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../core/http/access.js';
import { appealBody, createdSchema, decisionBody, okSchema, warningParams, withdrawBody } from './schemas.js';
import { decideNoGrade, recordAppeal, withdrawWarning } from './service.js';

const tags = ['warnings'];

export async function decisionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.database;

  r.post('/api/students/:studentId/warnings/:warningId/withdraw', {
    config: { access: { kind: 'student', action: 'warning.coordinate', audit: 'write' } },
    schema: { tags, summary: 'Withdraw a sent warning with a reason (the sent letter stays as it was)', params: warningParams, body: withdrawBody, response: { 200: okSchema } },
  }, async (req) => {
    await db.transaction((tx) => withdrawWarning(tx, requireActor(req), req.student!.studentId, req.params.warningId, req.body.reason));
    return { ok: true as const };
  });

  r.post('/api/students/:studentId/warnings/:warningId/decision', {
    config: { access: { kind: 'student', action: 'warning.decide', audit: 'write' } },
    schema: { tags, summary: 'L-21: the principal decides that no grade is given after a sent IV warning (reasons; appealable)', params: warningParams, body: decisionBody, response: { 201: createdSchema } },
  }, async (req, reply) => {
    const id = await db.transaction((tx) => decideNoGrade(tx, requireActor(req), req.student!.studentId, req.params.warningId, req.body.reasons, req.today));
    return reply.code(201).send({ id });
  });

  r.post('/api/students/:studentId/warnings/:warningId/decision/appeal', {
    config: { access: { kind: 'student', action: 'warning.recordAppeal', audit: 'write' } },
    schema: { tags, summary: 'Record an appeal of the decision and when the warning went to the county governor (§ 10-5)', params: warningParams, body: appealBody, response: { 200: okSchema } },
  }, async (req) => {
    await db.transaction((tx) => recordAppeal(tx, requireActor(req), req.student!.studentId, req.params.warningId, req.today, req.body));
    return { ok: true as const };
  });
}
