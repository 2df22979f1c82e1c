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

/**
 * One insert, in the request, so the read is on record before the answer leaves. Arrays + unnest keep
 * the statement text the same for any number of rows (one prepared statement, not one per class size).
 */
export async function writeAudit(database: Database, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const col = <T>(f: (e: AuditEntry) => T) => entries.map(f);
  await database.query(
    `insert into audit_log (owner_id, actor_person_id, action, resource_type, resource_id, student_id, decision, reason, reason_code, reason_params)
     select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::jsonb[])`,
    [
      col((e) => e.ownerId), col((e) => e.actorPersonId), col((e) => e.action), col((e) => e.resourceType),
      col((e) => e.resourceId ?? null), col((e) => e.studentId ?? null), col((e) => e.decision),
      col((e) => describeReason(e.reason, 'en')), col((e) => e.reason.code), col((e) => JSON.stringify(e.reason.params)),
    ],
  );
}

/** A stored reason in the reader's language. */
export function storedReason(row: { reason_code: string; reason_params: Record<string, string> }, locale: Locale): string {
  return describeReason({ code: row.reason_code as Reason['code'], params: row.reason_params ?? {} }, locale);
}
