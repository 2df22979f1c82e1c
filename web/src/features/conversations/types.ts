/** The conversations API's shapes, mirrored from server/features/conversations/schemas.ts. */
export type ConversationKind = 'startOfYear' | 'student' | 'subject' | 'guardian' | 'adHoc';
export const conversationKinds: readonly ConversationKind[] = ['startOfYear', 'student', 'subject', 'guardian', 'adHoc'];
export type Visibility = 'staff' | 'contactTeacherAndLeaders' | 'counsellorOnly' | 'authorOnly';
export type Level = 'vg1' | 'vg2' | 'vg3' | `grade${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10}`;

export interface Localized { nb: string; nn?: string; en?: string }

export type SectionRule =
  | { kind: 'minorityLanguageResidence'; maxYears: number }
  | { kind: 'level'; levels: Level[] }
  | { kind: 'under18' };

export interface Question { key: string; text: Localized }
export interface Section { key: string; title: Localized; helpText?: Localized; questions: Question[]; rule: SectionRule | null }
export interface TemplateContent { title: Localized; sections: Section[] }

export interface TemplateVersion extends TemplateContent { id: string; templateId: string; kind: ConversationKind; version: number; createdAt: string }
export interface TemplateSummary {
  id: string; kind: ConversationKind; builtinKey: string | null; title: Localized;
  currentVersionId: string; currentVersion: number; versionCount: number; archived: boolean;
}
export interface TemplateDetail extends TemplateSummary {
  versions: { id: string; version: number; createdAt: string; createdBy: string | null }[];
  current: TemplateVersion;
}

export interface Access { reason: string; reasonCode: string }

export interface PlanWindow { id: string; kind: ConversationKind; opensOn: string; closesOn: string; appliesTo: 'all' | 'under18'; opensWeek: number; closesWeek: number }
export interface Plan {
  schoolYear: { id: string; name: string; startsOn: string; endsOn: string };
  terms: { kind: 'autumn' | 'spring'; startsOn: string; endsOn: string }[];
  conversationsPerYear: number;
  windows: PlanWindow[];
}
export interface PlanBody { conversationsPerYear: number; windows: { kind: ConversationKind; opensOn: string; closesOn: string; appliesTo: 'all' | 'under18' }[] }

export type CellStatus = 'held' | 'planned' | 'due' | 'overdue' | 'upcoming' | 'notApplicable';
export type LawStatus = 'met' | 'due' | 'missed' | 'notRequired';
export type ConferenceStatus = 'notOffered' | 'offered' | 'booked' | 'held' | 'declined' | 'notApplicable';

export interface PlanRow {
  studentId: string; name: string; level: string; age: number | null; isAdult: boolean;
  held: number; target: number;
  /** progress: subject conversations held in how many of the student's teaching groups */
  cells: { kind: ConversationKind; status: CellStatus; date: string | null; conversationId: string | null; closesOn: string; progress: { held: number; of: number } | null }[];
  law: { l01Autumn: LawStatus; l01Spring: LawStatus; l02: LawStatus };
  guardianConference: ConferenceStatus;
  next: { kind: ConversationKind; closesOn: string } | null;
}
export interface ClassPlan { access: Access; group: { id: string; name: string; level: string }; plan: Plan; students: PlanRow[] }

export interface ComplianceRow {
  id: string; name: string; scope: 'department' | 'basisGroup';
  students: number; startOfYearHeld: number; guardianConferenceHeld: number; guardianConferenceEligible: number;
  overdue: number; targetMet: number; l01Missing: number; l02Missing: number;
}
export interface Compliance { access: Access; scope: 'school' | 'department'; title: string; rows: ComplianceRow[] }

export type ConversationStatus = 'planned' | 'held' | 'cancelled';
export interface ConversationSummary {
  id: string; kind: ConversationKind; status: ConversationStatus;
  plannedAt: string | null; heldAt: string | null; place: string | null; videoLink: string | null;
  holder: { personId: string; name: string }; delegated: boolean;
  subject: { teachingGroupId: string; code: string; name: string } | null;
  newImportantInformation: boolean; preparationStarted: boolean;
}
export interface StudentConversations {
  access: Access;
  conversations: ConversationSummary[];
  /** the kinds the caller may plan for this student, with the teaching groups for subject conversations */
  canPlan: { kind: ConversationKind; teachingGroups: { id: string; name: string; subjectCode: string }[] }[];
}
export interface CreateConversation { kind: ConversationKind; teachingGroupId?: string; templateVersionId?: string; plannedAt?: string; place?: string; videoLink?: string }
export interface PatchConversation {
  plannedAt?: string | null; place?: string | null; videoLink?: string | null; studentTakesPart?: boolean; studentAbsentReason?: string | null;
}

export interface Preparation { pleasedWith: string; wantToImprove: string; needHelpWith: string; raiseWithGuardians: string; notCovered: string }
export interface Note {
  id: string; sectionKey: string; text: string; visibility: Visibility; sharedWithFamily: boolean;
  author: { personId: string; name: string }; updatedAt: string; canEdit: boolean;
}
export interface NoteBody { text: string; visibility: Visibility; sharedWithFamily: boolean }
export type Responsible = 'student' | 'guardians' | 'school';
export interface FollowUp {
  id: string; conversationId: string; description: string; responsible: Responsible;
  responsiblePerson: { personId: string; name: string } | null;
  dueOn: string | null; doneAt: string | null; sharedWithFamily: boolean;
}
export interface FollowUpBody { description: string; responsible: Responsible; responsiblePersonId?: string; dueOn?: string; sharedWithFamily: boolean }

export interface ConversationDetail {
  access: Access;
  conversation: ConversationSummary & { studentTakesPart: boolean; studentAbsentReason: string | null };
  student: { id: string; name: string; level: string; age: number | null; basisGroup: string | null };
  template: { versionId: string; version: number; title: Localized; sections: (Section & { applies: boolean })[] } | null;
  preparation: (Preparation & { updatedAt: string | null }) | null;
  notes: Note[];
  followUps: FollowUp[];
  staffChoices: { personId: string; name: string }[];
  delegateChoices: { personId: string; name: string; subjectCode: string }[];
  permissions: { hold: boolean; prepare: boolean; readPreparation: boolean; delegate: boolean };
}

/** GET /api/me/conversations: the caller's own (student) or the ones they hold (staff), newest first. */
export interface MyConversations { conversations: (ConversationSummary & { student: { id: string; name: string } })[] }
/** GET /api/students/:studentId/shared-follow-ups: what was shared with the student and the family. */
export interface SharedFollowUps {
  access: Access;
  followUps: FollowUp[];
  notes: (Note & { conversationKind: ConversationKind; conversationDate: string | null })[];
}

export interface ConferenceRow {
  studentId: string; name: string; age: number | null; isAdult: boolean; status: ConferenceStatus; studentMayTakePart: boolean;
  guardians: { personId: string; name: string; insightReasonCode: string; offeredAt: string | null; toldOfRight: boolean; declinedAt: string | null }[];
  notOfferedByDeadline: boolean;
}
export interface Conferences { access: Access; deadline: string | null; rows: ConferenceRow[] }

/** GET /api/students/:studentId/guardian-conference: the calling guardian's own offer this school year. */
export interface MyConferenceOffer { access: Access; offer: { offeredAt: string; toldOfRight: boolean; declinedAt: string | null } | null }

export interface AppNotification { id: string; kind: string; link: string; createdAt: string; readAt: string | null }

/** A template text in the UI language; nynorsk and English fall back to bokmål. */
export function localized(text: Localized, locale: string): string {
  if (locale === 'nn') return text.nn || text.nb;
  if (locale === 'en') return text.en || text.nb;
  return text.nb;
}
