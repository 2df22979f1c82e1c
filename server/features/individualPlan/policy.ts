/**
 * The individual education plan (IOP, R-51, R-75, L-40) and the adapted arrangement are among the
 * most sensitive records about a student (issue 14).
 *
 * The plan: the contact teacher coordinates it and alone finalises the written review (planReport); the
 * department head, the counsellor and the principal follow it; each subject teacher of the student reads
 * and writes only the parts of the subjects they teach the student (through their teaching groups). The
 * student and the guardians with insight (an adult student decides, R-62) read only what was finalised —
 * never a draft. Everyone else is told nothing.
 *
 * The adapted arrangement: every teacher of the student must know it, so the contact teacher and every
 * subject teacher of the student read it, with the leaders and the counsellor; staff who do not teach the
 * student see nothing.
 */
import { allow, deny, GUARDIAN_INSIGHT, relationshipsTo, type ActionsOf, type Policy } from '../../core/policy/can.js';
import type { ExamplesOf } from '../../core/policy/rulesDocument.js';
import type { Actor, Decision, RelationshipKind, StudentFacts } from '../../core/policy/types.js';

/** Those who follow the whole plan (every part and the contact teacher's summary). */
export const PLAN_FOLLOWERS: RelationshipKind[] = ['contactTeacher', 'departmentHead', 'counsellor', 'principal'];
const TEACHERS_AND_LEADERS: RelationshipKind[] = [...PLAN_FOLLOWERS, 'subjectTeacher'];

export interface PlanPartFacts {
  student: StudentFacts;
  /** the subject of the part */
  subjectCode: string;
}

/** The subject teacher's relationship through a teaching group of this subject, or none. */
function teachesSubject(actor: Actor, part: PlanPartFacts, today: string) {
  return relationshipsTo(actor, part.student, today).find((r) => r.kind === 'subjectTeacher' && r.params.subject === part.subjectCode);
}

function decidePart(actor: Actor, action: string, part: PlanPartFacts, today: string, others: readonly RelationshipKind[]): Decision {
  const own = teachesSubject(actor, part, today);
  if (own) return allow(own);
  const rels = relationshipsTo(actor, part.student, today);
  const other = rels.find((r) => others.includes(r.kind));
  if (other) return allow(other);
  return deny(rels.length ? 'roleNotAllowed' : 'noRelationship', rels.length ? { what: action } : {}, rels.length === 0);
}

export const individualPlanPolicy = {
  student: {
    // the working view: a subject teacher reaches it for their own subjects' parts, decided again per part
    'individualPlan.read': TEACHERS_AND_LEADERS,
    // records the decision and decides which subjects the plan has
    'individualPlan.manage': ['contactTeacher', 'departmentHead', 'counsellor'],
    // writing parts: each part is decided again (individualPlanPart.*)
    'individualPlan.writePart': ['contactTeacher', 'subjectTeacher'],
    // the contact teacher coordinates and finalises the written review
    'individualPlan.finalise': ['contactTeacher'],
    // the finalised plan and review (§ 11-11: the student and the parents can see it)
    'individualPlan.readFinalised': ['self', ...GUARDIAN_INSIGHT, ...TEACHERS_AND_LEADERS],
    // every teacher of the student must know it
    'adaptedArrangement.read': TEACHERS_AND_LEADERS,
    'adaptedArrangement.manage': ['contactTeacher', 'departmentHead', 'counsellor'],
  },
  school: {
    // the teachers read the choice through each plan (reportsPerYear); the setting itself is the leaders'
    'individualPlan.readSettings': ['principal', 'departmentHead', 'counsellor'],
    // once or twice a year (L-40, R-51): the principal's choice for the school
    'individualPlan.configure': ['principal'],
  },
  individualPlanPart: {
    'individualPlanPart.read': (actor, action, r, today) => decidePart(actor, action, r.part, today, PLAN_FOLLOWERS),
    // the plan's goals, content and organisation: the subject's own teachers, and the contact teacher who coordinates
    'individualPlanPart.editPlan': (actor, action, r, today) => decidePart(actor, action, r.part, today, ['contactTeacher']),
    // the report on the education given: the subject's own teachers only (seed 000: "faglærer har ansvar for å rapportere")
    'individualPlanPart.report': (actor, action, r, today) => decidePart(actor, action, r.part, today, []),
  },
} satisfies Policy;

export const planPartExamples: ExamplesOf = (_w, student) => [
  { label: "the maths part of the student's plan", resource: { type: 'individualPlanPart', part: { student, subjectCode: student.teachingGroups[0]?.subjectCode ?? 'MAT1019' } } },
];

declare module '../../core/policy/types.js' {
  interface Resources {
    individualPlanPart: { type: 'individualPlanPart'; part: PlanPartFacts };
  }
  interface Actions extends ActionsOf<typeof individualPlanPolicy> {}
}
