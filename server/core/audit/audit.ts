/** The audit log: who read or changed what about which student, when, and on which relationship. */
import type { Database } from '../db/client.js';

export interface AuditEntry {
  ownerId: string;
  actorPersonId: string | null;
  action: string;
  resourceType: string;
  resourceId?: string | null;
  studentId?: string | null;
  decision: 'allow' | 'deny';
  /** the relationship in plain English, e.g. "contact teacher of 2STA" */
  reason: string;
}

/** One multi-row insert, in the request, so the read is on record before the answer leaves. */
export async function writeAudit(database: Database, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const values: unknown[] = [];
  const tuples = entries.map((e, i) => {
    values.push(e.ownerId, e.actorPersonId, e.action, e.resourceType, e.resourceId ?? null, e.studentId ?? null, e.decision, e.reason);
    const b = i * 8;
    return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8})`;
  });
  await database.query(
    `insert into audit_log (owner_id, actor_person_id, action, resource_type, resource_id, student_id, decision, reason) values ${tuples.join(', ')}`,
    values,
  );
}
