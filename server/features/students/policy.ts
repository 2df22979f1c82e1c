/** Who reads what of a student's record beyond the record itself. */
import type { ActionsOf, Policy } from '../../core/policy/can.js';

export const studentPolicy = {
  student: {
    // accommodation needs, minority language, special education: the student's teachers and leaders
    'student.readSensitive': ['self', 'contactTeacher', 'departmentHead', 'principal', 'counsellor', 'subjectTeacher'],
    // guardians' contact details: those who contact the home (R-03); protected addresses are narrowed further
    'guardian.readContact': ['contactTeacher', 'departmentHead', 'principal', 'counsellor', 'schoolAdmin'],
  },
} as const satisfies Policy;

declare module '../../core/policy/types.js' {
  interface Actions extends ActionsOf<typeof studentPolicy> {}
}
