/**
 * Conflicts between students (R-24), internal to the staff. The principal, the counsellor, the department
 * head of any involved student's department and whoever recorded it see the whole record; the contact
 * teacher of an involved student may open it, and the feature shows them only their own students' parts
 * (conflict.readStudentPart, per student). With no relationship to any involved student the conflict is
 * hidden (404): that there is a conflict is itself sensitive. Leaders are preferred as the stated reason
 * because they see the whole. `conflict.record` is asked with the students about to be named.
 */
import { allow, deny, pick, relationshipsTo, type ActionsOf, type Policy } from '../../core/policy/can.js';
import type { ExamplesOf } from '../../core/policy/rulesDocument.js';
import type { Actor, Decision, RelationshipKind, StudentFacts } from '../../core/policy/types.js';

/**
 * What the policy needs to know about one conflict between students: it spans several students,
 * possibly of different classes, so it carries every involved student's facts. `conflictId` is '' when
 * a conflict is about to be recorded with these students.
 */
export interface ConflictFacts {
  conflictId: string;
  recordedByPersonId: string;
  students: StudentFacts[];
}

const CONFLICT_KINDS: RelationshipKind[] = ['principal', 'counsellor', 'departmentHead', 'contactTeacher'];

function decideForConflict(actor: Actor, c: ConflictFacts, today: string): Decision {
  const rels = c.students.flatMap((s) => relationshipsTo(actor, s, today));
  const r = pick(rels, CONFLICT_KINDS);
  if (r) return allow(r);
  if (c.conflictId !== '' && actor.ownerId === c.students[0]?.ownerId && actor.personId === c.recordedByPersonId) return allow({ kind: 'author', params: {} });
  return deny('noRelationship', {}, true);
}

const onConflict = (actor: Actor, _action: string, r: { conflict: ConflictFacts }, today: string) => decideForConflict(actor, r.conflict, today);

export const conflictPolicy = {
  student: {
    // who may see a student's name and part in a conflict between students (internal: never the family)
    'conflict.readStudentPart': ['contactTeacher', 'departmentHead', 'principal', 'counsellor'],
  },
  conflict: {
    'conflict.read': onConflict,
    'conflict.update': onConflict,
    'conflict.record': onConflict,
  },
  school: {
    // any teacher may look for conflicts they can see and start one; the conflict itself decides per student
    'conflict.list': ['principal', 'departmentHead', 'counsellor', 'teacher'],
    'conflict.record': ['principal', 'departmentHead', 'counsellor', 'teacher'],
  },
} satisfies Policy;

/** A conflict that involves the student, for the generated access rules. */
export const conflictExamples: ExamplesOf = (w, student) => [
  { label: 'a conflict involving the student, recorded by the subject teacher', resource: { type: 'conflict', conflict: { conflictId: 'conflict', recordedByPersonId: w.people.subjectTeacher, students: [student] } } },
];

declare module '../../core/policy/types.js' {
  interface Resources {
    conflict: { type: 'conflict'; conflict: ConflictFacts };
  }
  interface Actions extends ActionsOf<typeof conflictPolicy> {}
}
