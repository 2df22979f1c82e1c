/**
 * Conflicts between students (R-24): who sees what. Privacy first — a contact teacher whose student is
 * involved sees the conflict, the description (written without names), the shared steps and their own
 * students' parts; every other involved student appears only as "another student in <class>" unless the
 * viewer also has a relationship to them (conflict.readStudentPart). Leaders of any involved student
 * (department head, principal, counsellor) and whoever recorded the conflict see it all.
 */
import type { QueryFn } from '../../core/db/client.js';
import { can, relationshipsTo } from '../../core/policy/can.js';
import type { Actor, Reason, StudentFacts } from '../../core/policy/types.js';
import type { ConflictFacts } from './policy.js';
import { conflictById, conflictSteps, involvedRows, type InvolvedRow } from './queries.js';
import type { ConflictView } from './schemas.js';

const LEADERS = new Set(['departmentHead', 'principal', 'counsellor']);

export interface Scope {
  full: boolean;
  /** the involved students the viewer may see by name, with the relationship that allows it (for the audit) */
  known: Map<string, Reason>;
}

/** `reason`: why the viewer may open the conflict; it stands in the audit for students seen only through a full view. */
export function scopeOf(actor: Actor, c: ConflictFacts, today: string, reason: Reason): Scope {
  const author = c.conflictId !== '' && actor.personId === c.recordedByPersonId;
  const full = author || c.students.some((s) => relationshipsTo(actor, s, today).some((r) => LEADERS.has(r.kind)));
  const known = new Map<string, Reason>();
  for (const s of c.students) {
    const d = can(actor, 'conflict.readStudentPart', { type: 'student', student: s }, today);
    if (d.allow) known.set(s.studentId, d.reason);
    else if (full) known.set(s.studentId, reason);
  }
  return { full, known };
}

/** The involved students as this viewer may see them: the known ones by name first, then the others by class only. */
export function involvedFor(scope: Scope, facts: StudentFacts[], rows: InvolvedRow[]): ConflictView['students'] {
  const byId = new Map(rows.map((r) => [r.student_id, r]));
  const groupOf = (s: StudentFacts) => s.basisGroups[0]?.name ?? null;
  const known = facts.filter((s) => scope.known.has(s.studentId)).map((s) => {
    const r = byId.get(s.studentId)!;
    return { known: true, studentId: s.studentId, givenName: r.given_name, familyName: r.family_name, groupName: groupOf(s), note: r.note };
  }).sort((a, b) => a.familyName.localeCompare(b.familyName, 'nb'));
  const others = facts.filter((s) => !scope.known.has(s.studentId))
    .map((s) => ({ known: false, studentId: null, givenName: null, familyName: null, groupName: groupOf(s), note: null }))
    .sort((a, b) => (a.groupName ?? '').localeCompare(b.groupName ?? '', 'nb'));
  return [...known, ...others];
}

export async function conflictView(q: QueryFn, actor: Actor, c: ConflictFacts, scope: Scope, access: ConflictView['access'], today: string): Promise<ConflictView> {
  const [row, involved, steps] = await Promise.all([
    conflictById(q, actor.ownerId, c.conflictId),
    involvedRows(q, actor.ownerId, [c.conflictId]),
    conflictSteps(q, actor.ownerId, c.conflictId),
  ]);
  return {
    access,
    id: row!.id, occurredOn: row!.occurred_on, description: row!.description, status: row!.status, resolvedOn: row!.resolved_on, recordedBy: row!.recorded_by,
    today,
    scope: scope.full ? 'full' : 'ownStudents',
    students: involvedFor(scope, c.students, involved),
    // a step with one student is part of what concerns that student
    steps: steps.filter((s) => s.student_id === null || scope.known.has(s.student_id))
      .map((s) => ({ id: s.id, takenOn: s.taken_on, description: s.description, studentId: s.student_id, recordedBy: s.recorded_by })),
  };
}
