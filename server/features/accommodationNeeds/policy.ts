/**
 * A student's accommodation needs: only the student's current teachers and the leaders (never
 * guardians, never other teachers); the department head and the counsellor register them; each subject
 * teacher confirms. The class's receipts: its contact teacher and the leaders read; only the class's own
 * contact teacher reminds.
 */
import { decideForGroup, decideForOwnContactTeacher, type ActionsOf, type Policy } from '../../core/policy/can.js';

export const accommodationNeedPolicy = {
  student: {
    'accommodationNeed.read': ['contactTeacher', 'subjectTeacher', 'departmentHead', 'principal', 'counsellor'],
    'accommodationNeed.manage': ['departmentHead', 'counsellor'],
    'accommodationNeed.confirm': ['subjectTeacher'],
  },
  basisGroup: {
    'basisGroup.readAccommodationNeeds': (actor, _action, r) => decideForGroup(actor, r.group),
    'basisGroup.remindAccommodationNeeds': (actor, action, r) => decideForOwnContactTeacher(actor, action, r.group),
  },
} satisfies Policy;

declare module '../../core/policy/types.js' {
  interface Actions extends ActionsOf<typeof accommodationNeedPolicy> {}
}
