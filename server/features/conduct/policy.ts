/**
 * Conduct grades (R-25, L-22): the class's contact teacher sets them (§ 9-14), the principal records the
 * review before final grades (§ 9-17); the contact teacher and the leaders read them, not the counsellor
 * (an assessment, not student services); each teacher gives input for the students of their own groups.
 */
import {
  GUARDIAN_INSIGHT, decideForGroup, decideForGroupNotCounsellor, decideForOwnContactTeacher, decideForOwnSubjectTeacher, deny,
  type ActionsOf, type Policy,
} from '../../core/policy/can.js';

export const conductPolicy = {
  student: {
    // set conduct grades reach the student and guardians with insight; the inputs behind them stay with the staff
    'conduct.read': ['self', 'contactTeacher', 'departmentHead', 'principal', ...GUARDIAN_INSIGHT],
  },
  basisGroup: {
    'basisGroup.readConduct': (actor, action, r) => decideForGroupNotCounsellor(actor, action, r.group),
    'basisGroup.readGradePreparation': (actor, action, r) => decideForGroupNotCounsellor(actor, action, r.group),
    'basisGroup.setConduct': (actor, action, r) => decideForOwnContactTeacher(actor, action, r.group),
    'basisGroup.reviewConduct': (actor, action, r) => {
      const base = decideForGroup(actor, r.group);
      return base.allow && base.reason.code === 'principal' ? base : deny('roleNotAllowed', { what: action }, !base.allow);
    },
  },
  teachingGroup: {
    'teachingGroup.writeConduct': (actor, action, r) => decideForOwnSubjectTeacher(actor, action, r.group),
  },
} satisfies Policy;

declare module '../../core/policy/types.js' {
  interface Actions extends ActionsOf<typeof conductPolicy> {}
}
