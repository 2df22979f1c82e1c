/** "Who has looked at my data" for the student (and guardians with insight), and the leaders' search. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { storedReason, writeAudit } from '../../core/audit/audit.js';
import { requireActor } from '../../core/http/access.js';
import { accessLogEntries, auditSearchEntries } from './queries.js';
import { accessLogParams, accessLogQuery, accessLogSchema, auditSearchQuery, auditSearchSchema } from './schemas.js';

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app;

  r.get('/api/students/:studentId/access-log', {
    config: { access: { kind: 'student', action: 'accessLog.read', audit: 'read' } },
    schema: {
      tags: ['audit'], summary: 'Who has read or changed my data, when and why',
      params: accessLogParams,
      querystring: accessLogQuery,
      response: { 200: accessLogSchema },
    },
  }, async (req) => {
    const s = req.student!;
    const rows = await accessLogEntries(database.query, s.ownerId, s.studentId, req.query.limit, s.personId, requireActor(req).personId);
    return { entries: rows.map((x) => ({ at: new Date(x.at).toISOString(), actorName: x.actor_name ?? '', action: x.action, reason: storedReason(x, req.locale) })) };
  });

  r.get('/api/audit', {
    config: { access: { kind: 'school', action: 'audit.search' } },
    schema: {
      tags: ['audit'], summary: 'Search the audit log (principal, school admin; department heads for their department)',
      querystring: auditSearchQuery,
      response: { 200: auditSearchSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const q = req.query;
    const staff = actor.staff[0]!;
    const isLeader = staff.roles.some((x) => x.role === 'principal' || x.role === 'schoolAdmin');
    const departments = staff.roles.filter((x) => x.role === 'departmentHead' && x.departmentId).map((x) => x.departmentId!);
    const rows = await auditSearchEntries(database.query, {
      ownerId: actor.ownerId, studentId: q.studentId ?? null, actorPersonId: q.actorPersonId ?? null, from: q.from ?? null, to: q.to ?? null,
      schoolId: staff.schoolId, wholeSchool: isLeader, departmentIds: departments, limit: q.limit, readerPersonId: actor.personId,
    });
    // reading the log is itself on record
    await writeAudit(database, [{
      ownerId: actor.ownerId, actorPersonId: actor.personId, action: 'audit.search', resourceType: 'auditLog',
      resourceId: null, studentId: q.studentId ?? null, decision: 'allow', reason: req.decision!.reason,
    }]);
    return {
      entries: rows.map((x) => ({
        at: new Date(x.at).toISOString(), actorName: x.actor_name ?? '', action: x.action, resourceType: x.resource_type,
        studentId: x.student_id, studentName: x.student_name, decision: x.decision, reason: storedReason(x, req.locale),
      })),
    };
  });
}
