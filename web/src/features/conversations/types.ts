/**
 * The conversations API's shapes: the server's zod-inferred types (server/features/conversations/schemas.ts),
 * taken as types only, so a change in the contract breaks the web's typecheck.
 */
import type { ConversationKind, Localized } from '@server/features/conversations/schemas.js';

export type {
  AppNotification, CellStatus, ClassPlan, Compliance, ComplianceQuery, ComplianceRow, ConferenceRow, ConferenceStatus, Conferences,
  ConversationCreated, ConversationDetail, ConversationKind, ConversationStatus, ConversationSummary, CreateConversation, DeclineBody, DelegateBody, FollowUp, FollowUpPatch, FollowUpBody,
  HeldBody, LawStatus, Level, Localized, MyConferenceOffer, MyConversations, NewTemplate, Note, NoteBody, Notifications, OfferBody, OfferResult,
  PatchConversation, Plan, PlanBody, PlanRow, PlanWindow, Preparation, Question, Responsible, Section, SectionRule, SharedFollowUps,
  StudentConversations, TemplateContent, TemplateContentBody, TemplateDetail, TemplateList, TemplateSummary, TemplateVersion, Visibility,
} from '@server/features/conversations/schemas.js';

/** The kinds in the order the pages list them. */
export const conversationKinds = ['startOfYear', 'student', 'subject', 'guardian', 'adHoc'] as const satisfies readonly ConversationKind[];

/** A template text in the UI language; nynorsk and English fall back to bokmål. */
export function localized(text: Localized, locale: string): string {
  if (locale === 'nn') return text.nn || text.nb;
  if (locale === 'en') return text.en || text.nb;
  return text.nb;
}
