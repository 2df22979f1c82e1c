/** The access log a student and their guardians read, and the leaders' search of the audit log. */
import type { ActionsOf, Policy } from '../../core/policy/can.js';

export const auditPolicy = {
  student: {
    'accessLog.read': ['self', 'guardianWithParentalResponsibility', 'guardianByConsent'],
  },
  school: {
    'audit.search': ['principal', 'schoolAdmin', 'departmentHead'],
  },
} as const satisfies Policy;

declare module '../../core/policy/types.js' {
  interface Actions extends ActionsOf<typeof auditPolicy> {}
}
