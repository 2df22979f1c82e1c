/**
 * The rules of a status change that need no database (R-52, R-73 pattern): the appeal deadline
 * (forvaltningsloven § 29: three weeks from the day the notice reached the party) and the preparation
 * checklist the principal decides on.
 */
import { addDays } from '../../core/calendar/calendar.js';
import type { MeetingParticipant } from './tables.js';

/** forvaltningsloven § 29 first paragraph: the appeal period is three weeks from the notice. */
export const APPEAL_WEEKS = 3;

export function appealDeadline(notifiedOn: string): string {
  return addDays(notifiedOn, APPEAL_WEEKS * 7);
}

export type ChecklistItem = 'meetingWithStudent' | 'meetingWithGuardians' | 'meetingWithCounsellor' | 'documents';
export type ChecklistState = 'done' | 'missing' | 'notNeeded';

/**
 * What the preparation has: a meeting with the student, with the guardians while the student is under 18
 * (an adult student decides for themself, L-05), with the counsellor, and at least one document.
 */
export function checklist(meetings: readonly { participants: readonly MeetingParticipant[] }[], documents: number, studentIsAdult: boolean): Record<ChecklistItem, ChecklistState> {
  const met = (p: MeetingParticipant): ChecklistState => (meetings.some((m) => m.participants.includes(p)) ? 'done' : 'missing');
  return {
    meetingWithStudent: met('student'),
    meetingWithGuardians: studentIsAdult ? 'notNeeded' : met('guardians'),
    meetingWithCounsellor: met('counsellor'),
    documents: documents > 0 ? 'done' : 'missing',
  };
}
