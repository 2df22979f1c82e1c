/**
 * What the group views of absence share: the group's students the actor may read, and one audit entry
 * per student shown. Every student of a group is still decided on its own with can().
 */
import type { FastifyInstance } from 'fastify';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { can } from '../../core/policy/can.js';
import { loadGroupStudents } from '../../core/policy/facts.js';
import type { Actor, StudentFacts } from '../../core/policy/types.js';

const byName = new Intl.Collator('nb');

export interface Named { facts: StudentFacts; givenName: string; familyName: string }

/** The group's students today that the actor may read, sorted by name. */
export async function groupStudents(app: FastifyInstance, actor: Actor, group: { kind: 'basis' | 'teaching'; id: string }, day: string, today: string): Promise<Named[]> {
  const rows = await loadGroupStudents(app.database, actor.ownerId, group, day, { columns: ', p.given_name, p.family_name', params: [] });
  return rows
    .filter(({ facts }) => can(actor, 'absence.read', { type: 'student', student: facts }, today).allow)
    .map(({ facts, row }) => ({ facts, givenName: row.given_name as string, familyName: row.family_name as string }))
    .sort((a, b) => byName.compare(a.familyName, b.familyName) || byName.compare(a.givenName, b.givenName));
}

export async function auditStudents(app: FastifyInstance, actor: Actor, action: string, students: readonly Named[], today: string, resource: { type: string; id: string }): Promise<void> {
  const entries = students.flatMap(({ facts }) => {
    const d = can(actor, 'absence.read', { type: 'student', student: facts }, today);
    return d.allow ? [studentEntry(actor, action, facts.studentId, d.reason, { resourceType: resource.type, resourceId: resource.id })] : [];
  });
  await writeAudit(app.database, entries);
}
