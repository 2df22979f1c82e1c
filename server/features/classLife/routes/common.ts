/** What every class-life route shares: the access declarations, who the caller is to the class, and the audit of students named. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { studentEntry, writeAudit } from '../../../core/audit/audit.js';
import { requireActor } from '../../../core/http/access.js';
import { can } from '../../../core/policy/can.js';
import type { Action } from '../../../core/policy/types.js';

export const tags = ['classLife'];
export const READ = { kind: 'basisGroup', action: 'basisGroup.readClassLife' } as const;
export const MANAGE = { kind: 'basisGroup', action: 'basisGroup.manageClassLife' } as const;
export const TAKE_PART = { kind: 'basisGroup', action: 'basisGroup.takePartInClassLife' } as const;
export const created = z.object({ id: z.string() });
export const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

/** Who the caller is to the class: may they run it, and which of its students are they (if any). */
export function who(req: FastifyRequest) {
  const actor = requireActor(req);
  const group = req.group!;
  const decide = (action: Action) => can(actor, action, { type: 'basisGroup', group }, req.today).allow;
  const members = new Set(group.memberStudentIds ?? []);
  return {
    actor, group,
    canManage: decide('basisGroup.manageClassLife'),
    isStudent: req.decision?.reason.code === 'classMember',
    myStudentId: actor.studentIds.find((id) => members.has(id)) ?? null,
  };
}

export const groupOf = (req: FastifyRequest) => ({ id: req.group!.basisGroupId, name: req.group!.name });

export async function auditStudents(app: FastifyInstance, req: FastifyRequest, action: Action, studentIds: readonly string[], resourceId: string) {
  const actor = requireActor(req);
  await writeAudit(app.database, [...new Set(studentIds)].map((id) => studentEntry(actor, action, id, req.decision!.reason, { resourceType: 'basisGroup', resourceId })));
}
