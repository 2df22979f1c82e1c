/**
 * Warnings (R-22, R-73; L-20, L-21): a subject teacher raises for their own subject (the route checks the
 * subject), any teacher of the student proposes a conduct warning; the contact teacher coordinates; the
 * principal alone decides L-21.
 */
import { GUARDIAN_INSIGHT, decideForGroupNotCounsellor, type ActionsOf, type Policy } from '../../core/policy/can.js';

export const warningPolicy = {
  student: {
    'warning.raise': ['subjectTeacher', 'contactTeacher'],
    // the route narrows: a subject teacher sees their own subject's, the student only sent ones, a guardian only letters addressed to them
    'warning.read': ['contactTeacher', 'departmentHead', 'principal', 'subjectTeacher', 'self', ...GUARDIAN_INSIGHT],
    'warning.coordinate': ['contactTeacher'],
    'warning.decide': ['principal'],
    'warning.recordAppeal': ['principal'],
  },
  basisGroup: {
    // the class's warning queue: its contact teacher coordinates, the department head and principal see it
    'basisGroup.readWarnings': (actor, action, r) => decideForGroupNotCounsellor(actor, action, r.group),
  },
  school: {
    // the school's warnings (a department head's narrowed to the department) and the terms' assessment dates
    'warning.readSchool': ['principal', 'departmentHead'],
    'warning.manageAssessmentDates': ['principal', 'schoolAdmin'],
  },
} satisfies Policy;

declare module '../../core/policy/types.js' {
  interface Actions extends ActionsOf<typeof warningPolicy> {}
}
