/**
 * The annual cycle (R-30…R-33): every staff member reads the school's annual cycle; the principal and the
 * school admin edit it; staff tick their own hand-ticked tasks (the route checks the task is theirs);
 * leaders read compliance (a department head's narrowed to the department by the route).
 */
import { decideForGroupNotCounsellor, type ActionsOf, type Policy } from '../../core/policy/can.js';

export const annualCyclePolicy = {
  student: {
    // a student's routine tasks (done, overdue): the contact teacher and the leaders, not the counsellor
    'student.readRoutineTasks': ['contactTeacher', 'departmentHead', 'principal'],
  },
  basisGroup: {
    // a class's routine tasks per student: its contact teacher, the department head, the principal
    'basisGroup.readRoutineCompliance': (actor, action, r) => decideForGroupNotCounsellor(actor, action, r.group),
  },
  school: {
    'annualCycle.read': ['principal', 'schoolAdmin', 'departmentHead', 'counsellor', 'teacher'],
    'annualCycle.manage': ['principal', 'schoolAdmin'],
    'annualCycle.tick': ['principal', 'departmentHead', 'counsellor', 'teacher'],
    'annualCycle.readCompliance': ['principal', 'departmentHead'],
  },
} satisfies Policy;

declare module '../../core/policy/types.js' {
  interface Actions extends ActionsOf<typeof annualCyclePolicy> {}
}
