/**
 * R-16 / L-05: an adult student decides which guardians have insight, and can withdraw it.
 * L-06: a parent without parental responsibility gets information only by a recorded decision.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HttpError } from '../../core/http/errors.js';
import { requireActor } from '../../core/http/access.js';
import { isAdult } from '../../core/time.js';
import type { StudentFacts } from '../../core/policy/types.js';
import type { Database } from '../../core/db/client.js';
import {
  grantConsent, guardianConsents, insertInformationDecision, revokeInformationDecisions, withdrawConsent,
} from './queries.js';
import {
  consentBody, consentParams, consentsParams, consentsSchema, informationDecisionBody, informationDecisionParams, informationDecisionSchema,
  type Consents,
} from './schemas.js';

async function consents(database: Database, s: StudentFacts, today: string): Promise<Consents> {
  const rows = await guardianConsents(database.query, s.ownerId, s.studentId);
  return {
    isAdult: isAdult(s.birthDate, today),
    guardians: rows.map((r) => ({
      guardianPersonId: r.person_id,
      name: r.name,
      active: !!r.granted_at && !r.withdrawn_at,
      consent: r.granted_at ? { grantedAt: new Date(r.granted_at).toISOString(), withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at).toISOString() : null } : null,
    })),
  };
}

export async function consentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app;

  r.get('/api/students/:studentId/consents', {
    config: { access: { kind: 'student', action: 'consent.read', audit: 'read' } },
    schema: { tags: ['consent'], params: consentsParams, response: { 200: consentsSchema } },
  }, async (req) => consents(database, req.student!, req.today));

  r.put('/api/students/:studentId/consents/:guardianPersonId', {
    config: { access: { kind: 'student', action: 'consent.manage', audit: 'write' } },
    schema: {
      tags: ['consent'], summary: 'The adult student grants or withdraws a guardian\'s insight',
      params: consentParams,
      body: consentBody,
      response: { 200: consentsSchema },
    },
  }, async (req) => {
    const s = req.student!;
    if (!isAdult(s.birthDate, req.today)) throw new HttpError(400, 'error.notAdult', {}, [{ field: 'granted', key: 'field.invalid' }]);
    if (!s.guardianships.some((g) => g.guardianPersonId === req.params.guardianPersonId)) throw new HttpError(404, 'error.notGuardian');
    if (req.body.granted) await grantConsent(database.query, s.ownerId, s.studentId, req.params.guardianPersonId);
    else await withdrawConsent(database.query, s.ownerId, s.studentId, req.params.guardianPersonId);
    return consents(database, s, req.today);
  });

  r.post('/api/students/:studentId/guardianships/:guardianshipId/information-decisions', {
    config: { access: { kind: 'student', action: 'informationDecision.write', audit: 'write' } },
    schema: {
      tags: ['consent'], summary: 'L-06: decide a request for information from a parent without parental responsibility',
      params: informationDecisionParams,
      body: informationDecisionBody,
      response: { 201: informationDecisionSchema },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const s = req.student!;
    const g = s.guardianships.find((x) => x.guardianshipId === req.params.guardianshipId);
    if (!g) throw new HttpError(404, 'error.notFound');
    if (g.parentalResponsibility) throw new HttpError(400, 'error.badRequest', {}, [{ field: 'guardianshipId', key: 'field.invalid' }]);
    const id = randomUUID();
    // a new decision replaces the one in force
    await revokeInformationDecisions(database.query, s.ownerId, g.guardianshipId);
    const decidedAt = await insertInformationDecision(database.query, {
      ownerId: s.ownerId, id, guardianshipId: g.guardianshipId, granted: req.body.granted, reason: req.body.reason, decidedByPersonId: actor.personId,
    });
    return reply.status(201).send({ id, granted: req.body.granted, decidedAt: new Date(decidedAt).toISOString() });
  });
}
