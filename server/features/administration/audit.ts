/**
 * Every administrative change goes into the audit log with who made it (the actor), on which
 * relationship (school admin of the school) and why in the admin's own words (`note`), so it shows in the
 * leaders' audit search and — where a student is involved — in that student's access log.
 */
import type { FastifyRequest } from 'fastify';
import { writeAudit } from '../../core/audit/audit.js';
import type { QueryFn } from '../../core/db/client.js';
import { requireActor } from '../../core/http/access.js';

export interface AuditTarget {
  resourceType: 'school' | 'staffMember' | 'enrolment' | 'basisGroup';
  resourceId: string;
  studentId?: string;
  /** what changed, for anyone reading the table itself (a role, a date); shown nowhere else */
  details?: Record<string, string>;
}

export async function auditChange(req: FastifyRequest, action: string, target: AuditTarget, note: string, q?: QueryFn): Promise<void> {
  const actor = requireActor(req);
  const reason = req.decision!.reason;
  const entry = {
    ownerId: actor.ownerId, actorPersonId: actor.personId, action, resourceType: target.resourceType, resourceId: target.resourceId,
    studentId: target.studentId ?? null, decision: 'allow' as const, reason: { code: reason.code, params: { ...reason.params, ...target.details, note: note.trim() } },
  };
  // inside the change's own transaction when there is one: the change and its record stand or fall together
  await writeAudit(q ? { ...req.server.database, query: q } : req.server.database, [entry]);
}
