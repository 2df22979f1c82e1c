/**
 * Status changes (R-52): the contact teacher, the student's department head and the counsellor prepare a
 * case (the meetings, the documents); only the principal decides (vedtak) and records an appeal. The
 * preparation is the school's working record: subject teachers, the school admin and the family never see
 * it. The decision letter — reasons, the date it takes effect, the right to appeal and its deadline — is
 * the student's, and the guardians' while they have insight (under 18, or by the adult student's consent:
 * R-62, L-05), besides the staff who prepare and decide.
 */
import { GUARDIAN_INSIGHT, type ActionsOf, type Policy } from '../../core/policy/can.js';
import type { RelationshipKind } from '../../core/policy/types.js';

const PREPARERS: RelationshipKind[] = ['contactTeacher', 'departmentHead', 'counsellor'];

export const statusChangePolicy = {
  student: {
    // the preparation and the decision, as the staff work on it
    'statusChange.read': [...PREPARERS, 'principal'],
    'statusChange.prepare': PREPARERS,
    'statusChange.decide': ['principal'],
    // the decision letter only, never the preparation notes
    'statusDecision.read': ['self', ...GUARDIAN_INSIGHT, ...PREPARERS, 'principal'],
  },
  school: {
    // the principal's list of status changes awaiting a decision; each student is decided again at read time
    'statusChange.listPending': ['principal'],
  },
} satisfies Policy;

declare module '../../core/policy/types.js' {
  interface Actions extends ActionsOf<typeof statusChangePolicy> {}
}
