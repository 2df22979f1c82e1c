/** Who sees how much of a student's warnings, after the policy's gate (warning.read). */
import { can } from '../../core/policy/can.js';
import type { Action, Actor, RelationshipKind, StudentFacts } from '../../core/policy/types.js';
import type { LetterSummary } from './queries/letters.js';
import type { WarningView } from './schemas.js';
import { ownSubjectCodes } from './service.js';

/** The policy's decision on one action for this student. */
export const allowed = (actor: Actor, action: Action, s: StudentFacts, today: string) => can(actor, action, { type: 'student', student: s }, today);

const LEADERS: RelationshipKind[] = ['contactTeacher', 'departmentHead', 'principal'];
const FAMILY = new Set<RelationshipKind>(['guardianWithParentalResponsibility', 'guardianByConsent', 'guardianByInformationDecision']);


export type Viewer = 'leader' | 'subjectTeacher' | 'self' | 'guardian';

/** How much of a student's warnings this reader sees (the policy said yes to warning.read, and why). */
export function viewerOf(actor: Actor, s: StudentFacts, today: string): Viewer | null {
  const d = can(actor, 'warning.read', { type: 'student', student: s }, today);
  if (!d.allow) return null;
  const code = d.reason.code as RelationshipKind;
  if (LEADERS.includes(code)) return 'leader';
  if (code === 'subjectTeacher') return 'subjectTeacher';
  if (code === 'self') return 'self';
  return FAMILY.has(code) ? 'guardian' : null;
}

/** Narrows warnings and letters to what the viewer may see. */
export function narrow<W extends WarningView & { raisedByPersonId: string }>(viewer: Viewer, actor: Actor, s: StudentFacts, warnings: W[], letters: LetterSummary[]) {
  if (viewer === 'leader') return { warnings, letters };
  if (viewer === 'subjectTeacher') {
    const own = ownSubjectCodes(actor, s);
    return { warnings: warnings.filter((w) => w.raisedByPersonId === actor.personId || (w.subjectCode !== null && own.has(w.subjectCode))), letters: [] };
  }
  const mine = letters.filter((l) => l.sentAt !== null && l.recipientPersonIds.includes(actor.personId));
  const ids = new Set(mine.map((l) => l.id));
  return { warnings: warnings.filter((w) => w.letterId !== null && ids.has(w.letterId) && (w.state === 'sent' || w.state === 'withdrawn')), letters: mine };
}

