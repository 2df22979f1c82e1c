/** What the conduct views share: the class's or group's students who get conduct grades, audit, the term and the grades set. */
import type { FastifyInstance } from 'fastify';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import type { Level } from '../../core/db/tables.js';
import { can } from '../../core/policy/can.js';
import { loadGroupStudents } from '../../core/policy/facts.js';
import type { Action, Actor, Reason, StudentFacts } from '../../core/policy/types.js';
import { conductGrades } from './queries.js';
import { hasConductGrade, type TermFacts } from './service.js';

const byName = new Intl.Collator('nb');

export interface Named { facts: StudentFacts; givenName: string; familyName: string; level: Level }

/** The group's students today who get conduct grades (L-22: from grade 8) and whom the actor may read, by name. */
export async function conductStudents(app: FastifyInstance, actor: Actor, group: { kind: 'basis' | 'teaching'; id: string }, today: string): Promise<Named[]> {
  const rows = await loadGroupStudents(app.database, actor.ownerId, group, today, { columns: ', p.given_name, p.family_name, s.level', params: [] });
  return rows
    .filter(({ facts, row }) => hasConductGrade(row.level as Level) && can(actor, 'student.read', { type: 'student', student: facts }, today).allow)
    .map(({ facts, row }) => ({ facts, givenName: row.given_name as string, familyName: row.family_name as string, level: row.level as Level }))
    .sort((a, b) => byName.compare(a.familyName, b.familyName) || byName.compare(a.givenName, b.givenName));
}

/** One audit entry per student of a group view, on the group's decision. */
export async function auditGroup(app: FastifyInstance, actor: Actor, action: Action, students: readonly Named[], reason: Reason, resource: { type: string; id: string }): Promise<void> {
  await writeAudit(app.database, students.map((s) => studentEntry(actor, action, s.facts.studentId, reason, { resourceType: resource.type, resourceId: resource.id })));
}

export const termView = (t: TermFacts) => ({ id: t.id, kind: t.kind, schoolYearName: t.schoolYearName, startsOn: t.startsOn, endsOn: t.endsOn });
export const iso = (v: string | Date): string => new Date(v).toISOString();

/** The school year's first day: sanctions and warnings before it do not count for this year's grades. */
export const yearStart = (term: TermFacts): string => term.schoolYearStartsOn;

export async function gradesOf(q: FastifyInstance['database']['query'], ownerId: string, termId: string, ids: readonly string[]) {
  const rows = await conductGrades(q, ownerId, termId, ids);
  return new Map(rows.map((g) => [g.student_id, { order: g.order, behaviour: g.behaviour, reasons: g.reasons, measureId: g.measure_id, setAt: iso(g.set_at), setBy: g.set_by }]));
}

