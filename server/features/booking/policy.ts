/** booking conversation times — who books, who reads the bookings, who publishes the slots. */
import { GUARDIAN_INSIGHT, decideForOwnContactTeacher, decideForOwnSubjectTeacher, type ActionsOf, type Policy } from '../../core/policy/can.js';

export const bookingPolicy = {
  student: {
    // the student or a guardian with insight books; the contact teacher may book for a family that phoned
    'booking.book': ['self', ...GUARDIAN_INSIGHT, 'contactTeacher'],
    'booking.read': ['self', ...GUARDIAN_INSIGHT, 'contactTeacher', 'departmentHead', 'principal', 'counsellor'],
  },
  basisGroup: {
    // only the class's own contact teacher publishes its booking slots
    'basisGroup.manageBooking': (actor, action, r) => decideForOwnContactTeacher(actor, action, r.group),
  },
  teachingGroup: {
    'teachingGroup.manageBooking': (actor, action, r) => decideForOwnSubjectTeacher(actor, action, r.group),
  },
} satisfies Policy;

declare module '../../core/policy/types.js' {
  interface Actions extends ActionsOf<typeof bookingPolicy> {}
}
