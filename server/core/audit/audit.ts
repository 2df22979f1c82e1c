/** The audit log: who read or changed what about which student, when, and on which relationship. */
import type { Database } from '../db/client.js';
import { describeReason } from '../policy/reasons.js';
import type { Actor, Reason } from '../policy/types.js';
import type { Locale } from '../i18n/locale.js';

export interface AuditEntry {
  ownerId: string;
  actorPersonId: string | null;
  action: string;
  resourceType: string;
  resourceId?: string | null;
  studentId?: string | null;
  decision: 'allow' | 'deny';
  reason: Reason;
}

/** The common case: the actor did `action` on one student's data for `reason`. */
export function studentEntry(actor: Actor, action: string, studentId: string, reason: Reason,
  opts: { resourceType?: string; resourceId?: string | null; decision?: 'allow' | 'deny' } = {}): AuditEntry {
  return {
    ownerId: actor.ownerId, actorPersonId: actor.personId, action, resourceType: opts.resourceType ?? 'student',
    resourceId: opts.resourceId === undefined ? studentId : opts.resourceId, studentId, decision: opts.decision ?? 'allow', reason,
  };
}

/** One multi-row insert, in the request, so the read is on record before the answer leaves. */
export async function writeAudit(database: Database, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const values: unknown[] = [];
  const tuples = entries.map((e, i) => {
    values.push(e.ownerId, e.actorPersonId, e.action, e.resourceType, e.resourceId ?? null, e.studentId ?? null, e.decision,
      describeReason(e.reason, 'en'), e.reason.code, JSON.stringify(e.reason.params));
    const b = i * 10;
    return `(${Array.from({ length: 10 }, (_, k) => `$${b + k + 1}`).join(', ')})`;
  });
  await database.query(
    `insert into audit_log (owner_id, actor_person_id, action, resource_type, resource_id, student_id, decision, reason, reason_code, reason_params)
     values ${tuples.join(', ')}`,
    values,
  );
}

/** A stored reason in the reader's language. */
export function storedReason(row: { reason_code: string; reason_params: Record<string, string> }, locale: Locale): string {
  return describeReason({ code: row.reason_code as Reason['code'], params: row.reason_params ?? {} }, locale);
}
