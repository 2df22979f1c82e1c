/** the contact log with the home; each entry's visibility tier narrows it further (record.read). */
import type { ActionsOf, Policy } from '../../core/policy/can.js';

export const contactLogPolicy = {
  student: {
    'contactLog.read': ['contactTeacher', 'departmentHead', 'principal', 'counsellor'],
    'contactLog.write': ['contactTeacher', 'departmentHead', 'principal', 'counsellor'],
  },
} as const satisfies Policy;

declare module '../../core/policy/types.js' {
  interface Actions extends ActionsOf<typeof contactLogPolicy> {}
}
