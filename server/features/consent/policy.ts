/** R-16, L-05, L-06: an adult student's consents to guardians, and the decisions that give a parent without parental responsibility information. */
import type { ActionsOf, Policy } from '../../core/policy/can.js';

export const consentPolicy = {
  student: {
    'consent.read': ['self', 'contactTeacher', 'departmentHead', 'principal', 'counsellor'],
    'consent.manage': ['self'],
    'informationDecision.write': ['principal', 'departmentHead'],
  },
} as const satisfies Policy;

declare module '../../core/policy/types.js' {
  interface Actions extends ActionsOf<typeof consentPolicy> {}
}
