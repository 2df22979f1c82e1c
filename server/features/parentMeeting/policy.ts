/** the information from the class's parent meetings; only the class's own contact teacher records them. */
import { GUARDIAN_INSIGHT, decideForGroup, decideForOwnContactTeacher, type ActionsOf, type Policy } from '../../core/policy/can.js';

export const parentMeetingPolicy = {
  student: {
    'parentMeeting.read': ['self', ...GUARDIAN_INSIGHT, 'contactTeacher', 'departmentHead', 'principal', 'counsellor'],
  },
  basisGroup: {
    'basisGroup.readParentMeetings': (actor, _action, r) => decideForGroup(actor, r.group),
    'basisGroup.manageParentMeetings': (actor, action, r) => decideForOwnContactTeacher(actor, action, r.group),
  },
} satisfies Policy;

declare module '../../core/policy/types.js' {
  interface Actions extends ActionsOf<typeof parentMeetingPolicy> {}
}
