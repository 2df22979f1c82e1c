/**
 * The adapted arrangement: the contact teacher, the department head or the counsellor records what
 * was agreed with the student, the guardians and the support services, and how the student's work plan
 * reflects it; every teacher of the student reads it (the access hook audits each read).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { HttpError, badField } from '../../../core/http/errors.js';
import { can } from '../../../core/policy/can.js';
import type { Actor, StudentFacts } from '../../../core/policy/types.js';
import { arrangementOf, arrangementsOf, insertArrangement, personName, updateArrangement, type ArrangementRow, type ArrangementValues } from '../queries.js';
import {
  arrangementBody, arrangementParams, arrangementPatch, arrangementSchema, arrangementsSchema, planParams, type AdaptedArrangement, type AdaptedArrangements,
} from '../schemas.js';

const tags = ['individualPlan'];

function shown(a: ArrangementRow, today: string): AdaptedArrangement {
  return {
    id: a.id, adaptation: a.adaptation, workPlan: a.work_plan, agreedOn: a.agreed_on, agreedWithStudent: a.agreed_with_student,
    agreedWithGuardians: a.agreed_with_guardians, supportServices: a.support_services, endsOn: a.ends_on,
    active: a.ends_on === null || a.ends_on >= today, updatedAt: a.updated_at, updatedByName: a.updated_by_name,
  };
}

/** What was agreed, when and with whom: each refusal names its field. */
function checkAgreement(v: ArrangementValues, today: string): void {
  if (v.agreedOn > today) throw badField('agreedOn', 'adaptedArrangement.agreedInFuture');
  if (v.endsOn !== null && v.endsOn < v.agreedOn) throw badField('endsOn', 'adaptedArrangement.endsBeforeAgreed');
  if (!v.agreedWithStudent && !v.agreedWithGuardians && !v.supportServices.trim()) throw badField('agreedWithStudent', 'adaptedArrangement.nobodyAgreed');
}

export async function arrangementRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  async function list(actor: Actor, s: StudentFacts, today: string, access: AdaptedArrangements['access']): Promise<AdaptedArrangements> {
    const rows = await arrangementsOf(q, actor.ownerId, s.studentId, today);
    return {
      access, studentName: await personName(q, actor.ownerId, s.personId), arrangements: rows.map((a) => shown(a, today)),
      canManage: can(actor, 'adaptedArrangement.manage', { type: 'student', student: s }, today).allow, today,
    };
  }

  r.get('/api/students/:studentId/adapted-arrangements', {
    config: { access: { kind: 'student', action: 'adaptedArrangement.read', audit: 'read' } },
    schema: { tags, summary: "The student's adapted arrangements: every teacher of the student reads them (R-50)", params: planParams, response: { 200: arrangementsSchema } },
  }, async (req) => list(requireActor(req), req.student!, req.today, accessOf(req)));

  r.post('/api/students/:studentId/adapted-arrangements', {
    config: { access: { kind: 'student', action: 'adaptedArrangement.manage', audit: 'write' } },
    schema: { tags, summary: 'Record an arrangement agreed with the student, the guardians and the support services (R-50)', params: planParams, body: arrangementBody, response: { 201: arrangementSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const s = req.student!;
    const v: ArrangementValues = { ...req.body, supportServices: req.body.supportServices ?? '', endsOn: req.body.endsOn ?? null };
    checkAgreement(v, req.today);
    const id = randomUUID();
    await insertArrangement(q, actor.ownerId, id, s.studentId, v, actor.personId);
    return reply.status(201).send(shown((await arrangementOf(q, actor.ownerId, s.studentId, id))!, req.today));
  });

  r.patch('/api/students/:studentId/adapted-arrangements/:arrangementId', {
    config: { access: { kind: 'student', action: 'adaptedArrangement.manage', audit: 'write' } },
    schema: { tags, summary: 'Correct an arrangement, or end it (R-50)', params: arrangementParams, body: arrangementPatch, response: { 200: arrangementSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const row = await arrangementOf(q, actor.ownerId, s.studentId, req.params.arrangementId);
    if (!row) throw new HttpError(404, 'error.notFound');
    const b = req.body;
    const v: ArrangementValues = {
      adaptation: b.adaptation ?? row.adaptation, workPlan: b.workPlan ?? row.work_plan, agreedOn: b.agreedOn ?? row.agreed_on,
      agreedWithStudent: b.agreedWithStudent ?? row.agreed_with_student, agreedWithGuardians: b.agreedWithGuardians ?? row.agreed_with_guardians,
      supportServices: b.supportServices ?? row.support_services, endsOn: b.endsOn === undefined ? row.ends_on : b.endsOn,
    };
    checkAgreement(v, req.today);
    await updateArrangement(q, actor.ownerId, row.id, v, actor.personId);
    return shown((await arrangementOf(q, actor.ownerId, s.studentId, row.id))!, req.today);
  });
}
