import type { TFunction } from 'i18next';
import type { ConversationKind, ConversationStatus, ConversationSummary, Responsible, SectionRule, Visibility } from '../types';

/** Also for a kind the server sends as a plain string (a shared note's conversationKind). */
export function kindLabel(t: TFunction, kind: ConversationKind | (string & {})): string {
  switch (kind) {
    case 'startOfYear':
      return t('conversations.kinds.startOfYear');
    case 'student':
      return t('conversations.kinds.student');
    case 'subject':
      return t('conversations.kinds.subject');
    case 'guardian':
      return t('conversations.kinds.guardian');
    case 'adHoc':
      return t('conversations.kinds.adHoc');
    default:
      return String(kind);
  }
}

/** "Fagsamtale (MAT1021)": a subject conversation says which subject. */
export function conversationLabel(t: TFunction, c: Pick<ConversationSummary, 'kind' | 'subject'>): string {
  const kind = kindLabel(t, c.kind);
  return c.subject ? `${kind} (${c.subject.name})` : kind;
}

export function statusLabel(t: TFunction, status: ConversationStatus): string {
  switch (status) {
    case 'planned':
      return t('conversations.meeting.statusPlanned');
    case 'held':
      return t('conversations.meeting.statusHeld');
    case 'cancelled':
      return t('conversations.meeting.statusCancelled');
    default:
      return String(status);
  }
}

export const statusColor = (status: ConversationStatus): 'info' | 'success' | 'neutral' =>
  status === 'held' ? 'success' : status === 'planned' ? 'info' : 'neutral';

/** In the order of the select: the cautious default first. */
export const noteVisibilities: readonly Visibility[] = ['contactTeacherAndLeaders', 'staff', 'counsellorOnly', 'authorOnly'];

export function visibilityLabel(t: TFunction, v: Visibility): string {
  switch (v) {
    case 'contactTeacherAndLeaders':
      return t('conversations.meeting.visibilityContactTeacherAndLeaders');
    case 'staff':
      return t('conversations.meeting.visibilityStaff');
    case 'counsellorOnly':
      return t('conversations.meeting.visibilityCounsellorOnly');
    case 'authorOnly':
      return t('conversations.meeting.visibilityAuthorOnly');
    default:
      return String(v);
  }
}

export const responsibles: readonly Responsible[] = ['student', 'guardians', 'school'];

export function responsibleLabel(t: TFunction, r: Responsible): string {
  switch (r) {
    case 'student':
      return t('conversations.meeting.respStudent');
    case 'guardians':
      return t('conversations.meeting.respGuardians');
    case 'school':
      return t('conversations.meeting.respSchool');
    default:
      return String(r);
  }
}

/** Why a section is left out for this student ("bare for minoritetsspråklige elever med inntil 6 års botid"). */
export function ruleLimit(t: TFunction, rule: SectionRule, level: (code: string) => string): string {
  switch (rule.kind) {
    case 'minorityLanguageResidence':
      return t('conversations.meeting.ruleMinority', { count: rule.maxYears });
    case 'level':
      return t('conversations.meeting.ruleLevel', { levels: rule.levels.map(level).join(', ') });
    case 'under18':
      return t('conversations.meeting.ruleUnder18');
    default:
      return '';
  }
}

/** Why a section is here for this student: the badge on a section that applies thanks to its rule. */
export function ruleBadge(t: TFunction, rule: SectionRule, level: (code: string) => string): string {
  switch (rule.kind) {
    case 'minorityLanguageResidence':
      return t('conversations.meeting.badgeMinority', { count: rule.maxYears });
    case 'level':
      return t('conversations.meeting.badgeLevel', { levels: rule.levels.map(level).join(', ') });
    case 'under18':
      return t('conversations.meeting.badgeUnder18');
    default:
      return '';
  }
}

/** Planned conversations first, soonest first (no time yet last); then the rest, newest first. */
export function byUpcoming<T extends Pick<ConversationSummary, 'status' | 'plannedAt' | 'heldAt'>>(a: T, b: T): number {
  const rank = (c: T) => (c.status === 'planned' ? 0 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a.status === 'planned') {
    if (!a.plannedAt || !b.plannedAt) return a.plannedAt ? -1 : b.plannedAt ? 1 : 0;
    return Date.parse(a.plannedAt) - Date.parse(b.plannedAt);
  }
  const when = (c: T) => Date.parse(c.heldAt ?? c.plannedAt ?? '') || 0;
  return when(b) - when(a);
}
