/**
 * R-16 / L-05: an adult student decides which guardians have insight, and can withdraw it.
 * L-06: a parent without parental responsibility gets information only by a recorded decision.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../../core/http/errors.js';
import { requireActor } from '../../core/http/access.js';
import { isAdult } from '../../core/time.js';
import type { StudentFacts } from '../../core/policy/types.js';
import type { Database } from '../../core/db/client.js';

const consentsSchema = z.object({
  isAdult: z.boolean(),
  guardians: z.array(z.object({
    guardianPersonId: z.string(), name: z.string(), active: z.boolean(),
    consent: z.object({ grantedAt: z.string(), withdrawnAt: z.string().nullable() }).nullable(),
  })),
});

async function consents(database: Database, s: StudentFacts, today: string): Promise<z.infer<typeof consentsSchema>> {
  const rows = await database.query<{ person_id: string; name: string; granted_at: Date | null; withdrawn_at: Date | null }>(
    `select g.guardian_person_id as person_id, p.given_name || ' ' || p.family_name as name, c.granted_at, c.withdrawn_at
     from guardianship g join person p on p.owner_id = g.owner_id and p.id = g.guardian_person_id
     left join lateral (select granted_at, withdrawn_at from consent c where c.owner_id = g.owner_id and c.student_id = g.student_id
        and c.guardian_person_id = g.guardian_person_id order by c.granted_at desc limit 1) c on true
     where g.owner_id = $1 and g.student_id = $2 order by p.family_name, p.given_name`,
    [s.ownerId, s.studentId],
  );
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
    schema: { tags: ['consent'], params: z.object({ studentId: z.uuid() }), response: { 200: consentsSchema } },
  }, async (req) => consents(database, req.student!, req.today));

  r.put('/api/students/:studentId/consents/:guardianPersonId', {
    config: { access: { kind: 'student', action: 'consent.manage', audit: 'write' } },
    schema: {
      tags: ['consent'], summary: 'The adult student grants or withdraws a guardian\'s insight',
      params: z.object({ studentId: z.uuid(), guardianPersonId: z.uuid() }),
      body: z.strictObject({ granted: z.boolean() }),
      response: { 200: consentsSchema },
    },
  }, async (req) => {
    const s = req.student!;
    if (!isAdult(s.birthDate, req.today)) throw new HttpError(400, 'error.notAdult', {}, [{ field: 'granted', key: 'field.invalid' }]);
    if (!s.guardianships.some((g) => g.guardianPersonId === req.params.guardianPersonId)) throw new HttpError(404, 'error.notGuardian');
    if (req.body.granted) {
      await database.query(
        `insert into consent (owner_id, id, student_id, guardian_person_id)
         select $1, $2, $3, $4 where not exists (select 1 from consent where owner_id = $1 and student_id = $3 and guardian_person_id = $4 and withdrawn_at is null)`,
        [s.ownerId, randomUUID(), s.studentId, req.params.guardianPersonId]);
    } else {
      await database.query(
        'update consent set withdrawn_at = now() where owner_id = $1 and student_id = $2 and guardian_person_id = $3 and withdrawn_at is null',
        [s.ownerId, s.studentId, req.params.guardianPersonId]);
    }
    return consents(database, s, req.today);
  });

  r.post('/api/students/:studentId/guardianships/:guardianshipId/information-decisions', {
    config: { access: { kind: 'student', action: 'informationDecision.write', audit: 'write' } },
    schema: {
      tags: ['consent'], summary: 'L-06: decide a request for information from a parent without parental responsibility',
      params: z.object({ studentId: z.uuid(), guardianshipId: z.uuid() }),
      body: z.strictObject({ granted: z.boolean(), reason: z.string().trim().min(1).max(2000) }),
      response: { 201: z.object({ id: z.string(), granted: z.boolean(), decidedAt: z.string() }) },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const s = req.student!;
    const g = s.guardianships.find((x) => x.guardianshipId === req.params.guardianshipId);
    if (!g) throw new HttpError(404, 'error.notFound');
    if (g.parentalResponsibility) throw new HttpError(400, 'error.badRequest', {}, [{ field: 'guardianshipId', key: 'field.invalid' }]);
    const id = randomUUID();
    // a new decision replaces the one in force
    await database.query('update information_decision set revoked_at = now() where owner_id = $1 and guardianship_id = $2 and revoked_at is null', [s.ownerId, g.guardianshipId]);
    const [row] = await database.query<{ decided_at: Date }>(
      `insert into information_decision (owner_id, id, guardianship_id, granted, reason, decided_by_person_id)
       values ($1, $2, $3, $4, $5, $6) returning decided_at`,
      [s.ownerId, id, g.guardianshipId, req.body.granted, req.body.reason, actor.personId]);
    return reply.status(201).send({ id, granted: req.body.granted, decidedAt: new Date(row!.decided_at).toISOString() });
  });
}
