/** The guardian's view: only children where insight exists (L-05, L-06), nothing at all about the others. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { requireActor } from '../../core/http/access.js';
import { can } from '../../core/policy/can.js';
import { loadStudentFacts } from '../../core/policy/facts.js';
import { describeReason } from '../../core/policy/reasons.js';
import { childNameAndLevel } from './queries.js';
import { guardianChildrenSchema, type GuardianChild } from './schemas.js';

export async function guardianRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/guardian/children', {
    config: { access: { kind: 'session' } },
    schema: { tags: ['guardians'], response: { 200: guardianChildrenSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { database } = app;
    const children: GuardianChild[] = [];
    for (const studentId of actor.guardianOf) {
      const s = await loadStudentFacts(database, actor.ownerId, studentId, req.today);
      if (!s) continue;
      const d = can(actor, 'student.read', { type: 'student', student: s }, req.today);
      if (!d.allow) continue;
      const p = await childNameAndLevel(database.query, actor.ownerId, studentId);
      children.push({
        studentId, name: p!.name, level: p!.level, schoolName: s.schoolName,
        basisGroupName: s.basisGroups[0]?.name ?? null, reason: describeReason(d.reason, req.locale),
      });
      await writeAudit(database, [studentEntry(actor, 'student.read', studentId, d.reason)]);
    }
    return { children };
  });
}
