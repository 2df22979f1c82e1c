import { isAdult } from '../time.js';
import type { Reason, StudentFacts } from './types.js';

/**
 * Whether one guardian has insight in the student today, and why (L-05, L-06, R-16, R-62).
 * Mirrors the guardian branch of the policy, seen from the guardian's side.
 */
export function guardianInsight(s: StudentFacts, guardianPersonId: string, today: string): { insight: boolean; reason: Reason } {
  const g = s.guardianships.find((x) => x.guardianPersonId === guardianPersonId);
  if (!g) return { insight: false, reason: { code: 'noRelationship', params: {} } };
  if (isAdult(s.birthDate, today)) {
    return s.consentedGuardianIds.includes(guardianPersonId)
      ? { insight: true, reason: { code: 'guardianByConsent', params: {} } }
      : { insight: false, reason: { code: 'adultWithoutConsent', params: {} } };
  }
  if (g.parentalResponsibility) return { insight: true, reason: { code: 'guardianWithParentalResponsibility', params: {} } };
  if (g.informationGranted) return { insight: true, reason: { code: 'guardianByInformationDecision', params: {} } };
  return { insight: false, reason: { code: 'guardianWithoutParentalResponsibility', params: {} } };
}

/** The student's guardians who have insight today: the family that letters, notices and bookings go to. */
export const guardiansWithInsight = (s: StudentFacts, today: string): StudentFacts['guardianships'] =>
  s.guardianships.filter((g) => guardianInsight(s, g.guardianPersonId, today).insight);
