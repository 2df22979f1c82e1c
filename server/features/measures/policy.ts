/**
 * Measures (tiltak, R-55) are among the student-welfare records (issue 14): the contact teacher, the
 * student's department head, the counsellor and the principal follow them, and the measure's owner
 * carries one out, so the owner reads and evaluates it too — on the relationship they have to the
 * student (a subject teacher of the student's groups). A subject teacher who owns none of the student's
 * measures sees none, a teacher outside the student's groups nothing at all, and students and guardians
 * are not shown measures: they are the school's working record.
 */
import { allow, deny, pick, relationshipsTo, type ActionsOf, type Policy } from '../../core/policy/can.js';
import type { ExamplesOf } from '../../core/policy/rulesDocument.js';
import type { Actor, Decision, RelationshipKind, StudentFacts } from '../../core/policy/types.js';

export interface MeasureFacts {
  student: StudentFacts;
  /** the person of the staff member who owns (carries out) the measure */
  ownerPersonId: string;
}

const FOLLOWERS: RelationshipKind[] = ['contactTeacher', 'departmentHead', 'counsellor', 'principal'];

function followerOrOwner(actor: Actor, action: string, { measure: m }: { measure: MeasureFacts }, today: string): Decision {
  const rels = relationshipsTo(actor, m.student, today);
  const follower = pick(rels, FOLLOWERS);
  if (follower) return allow(follower);
  const staff = rels.find((r) => r.kind === 'subjectTeacher');
  if (staff && actor.personId === m.ownerPersonId) return allow(staff);
  return deny(rels.length ? 'roleNotAllowed' : 'noRelationship', rels.length ? { what: action } : {}, rels.length === 0);
}

export const measuresPolicy = {
  student: {
    // the list: a subject teacher of the student reaches it because they may own a measure; each row is decided again
    'measures.list': [...FOLLOWERS, 'subjectTeacher'],
    'measures.create': FOLLOWERS,
  },
  measure: {
    'measure.read': followerOrOwner,
    // editing and evaluating: the same people — the owner evaluates, the followers correct and close
    'measure.edit': followerOrOwner,
  },
} satisfies Policy;

export const measureExamples: ExamplesOf = (w, student) => [
  { label: 'a measure owned by the contact teacher', resource: { type: 'measure', measure: { student, ownerPersonId: w.people.contactTeacher } } },
  { label: "a measure owned by a subject teacher of the student's group", resource: { type: 'measure', measure: { student, ownerPersonId: w.people.subjectTeacher } } },
];

declare module '../../core/policy/types.js' {
  interface Resources {
    measure: { type: 'measure'; measure: MeasureFacts };
  }
  interface Actions extends ActionsOf<typeof measuresPolicy> {}
}
