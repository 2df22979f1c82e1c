/**
 * Forms: the school defines the forms it tracks; the student's own forms (outstanding or not) are
 * read by the student, guardians with insight (they often fill them in) and the staff who follow up; the
 * class's checklist is its contact teacher's to keep, the leaders read it.
 */
import { GUARDIAN_INSIGHT, decideForGroup, decideForOwnContactTeacher, type ActionsOf, type Policy } from '../../core/policy/can.js';

export const formPolicy = {
  student: {
    'form.read': ['self', 'contactTeacher', 'departmentHead', 'principal', 'counsellor', 'schoolAdmin', ...GUARDIAN_INSIGHT],
  },
  basisGroup: {
    'basisGroup.readForms': (actor, _action, r) => decideForGroup(actor, r.group),
    'basisGroup.setFormStatus': (actor, action, r) => decideForOwnContactTeacher(actor, action, r.group),
  },
  school: {
    'form.manage': ['principal', 'schoolAdmin', 'departmentHead'],
  },
} satisfies Policy;

declare module '../../core/policy/types.js' {
  interface Actions extends ActionsOf<typeof formPolicy> {}
}
