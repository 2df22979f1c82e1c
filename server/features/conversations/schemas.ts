/**
 * The conversations API's shapes (R-10…R-18): one zod schema per request and answer, from which the
 * routes validate and OpenAPI is generated. The web takes the types below with `import type`.
 */
import { z } from 'zod';
import { conversationKinds } from './tables.js';
import { levels, visibilityTiers, type Level, type Visibility } from '../../core/db/tables.js';
import { accessSchema } from '../../core/http/schemas.js';

export const kindSchema = z.enum(conversationKinds);
export type ConversationKind = z.infer<typeof kindSchema>;
export type { Level, Visibility };
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

/** A text in the template's languages; bokmål is required, nynorsk and English fall back to it. */
export const localizedSchema = z.strictObject({
  nb: z.string().trim().min(1).max(2000),
  nn: z.string().trim().max(2000).optional(),
  en: z.string().trim().max(2000).optional(),
});
export type Localized = z.infer<typeof localizedSchema>;

/**
 * A rule limiting a section to some students. Unknown kinds are refused with 400, so a
 * template never holds a rule Elevlos cannot evaluate.
 */
export const sectionRuleSchema = z.discriminatedUnion('kind', [
  /** seed 003 page 2: minority-language students with at most `maxYears` of residence in Norway */
  z.strictObject({ kind: z.literal('minorityLanguageResidence'), maxYears: z.int().min(0).max(50) }),
  /** e.g. the screening results, for Vg1 only */
  z.strictObject({ kind: z.literal('level'), levels: z.array(z.enum(levels)).min(1) }),
  z.strictObject({ kind: z.literal('under18') }),
]);
export type SectionRule = z.infer<typeof sectionRuleSchema>;

const keySchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,39}$/);

export const questionSchema = z.strictObject({ key: keySchema, text: localizedSchema });
export type Question = z.infer<typeof questionSchema>;

export const sectionSchema = z.strictObject({
  key: keySchema,
  title: localizedSchema,
  helpText: localizedSchema.optional(),
  questions: z.array(questionSchema).max(30),
  rule: sectionRuleSchema.nullable().default(null),
});
export type Section = z.infer<typeof sectionSchema>;

/** What the school sends to create a template or a new version of one. */
export const templateContentSchema = z.strictObject({
  title: localizedSchema,
  sections: z.array(sectionSchema).min(1).max(30)
    .refine((s) => new Set(s.map((x) => x.key)).size === s.length, { message: 'duplicateSectionKey' }),
});
export type TemplateContent = z.infer<typeof templateContentSchema>;
/** What the web sends as a new version (a section's rule may be left out: none). */
export type TemplateContentBody = z.input<typeof templateContentSchema>;

export const templateVersionSchema = z.object({
  id: z.string(), templateId: z.string(), kind: kindSchema, version: z.int(), createdAt: z.string(),
  title: localizedSchema, sections: z.array(sectionSchema),
});
export type TemplateVersion = z.infer<typeof templateVersionSchema>;

export const templateSummarySchema = z.object({
  id: z.string(), kind: kindSchema, builtinKey: z.string().nullable(), title: localizedSchema,
  currentVersionId: z.string(), currentVersion: z.int(), versionCount: z.int(), archived: z.boolean(),
});
export type TemplateSummary = z.infer<typeof templateSummarySchema>;
/** GET /api/conversation-templates */
export const templateListSchema = z.object({ templates: z.array(templateSummarySchema) });
export type TemplateList = z.infer<typeof templateListSchema>;
/** POST /api/conversation-templates: version 1 of a new template of one kind. */
export const newTemplateBody = templateContentSchema.extend({ kind: kindSchema });
export type NewTemplate = z.input<typeof newTemplateBody>;

export const templateDetailSchema = templateSummarySchema.extend({
  versions: z.array(z.object({ id: z.string(), version: z.int(), createdAt: z.string(), createdBy: z.string().nullable() })),
  current: templateVersionSchema,
});
export type TemplateDetail = z.infer<typeof templateDetailSchema>;

/* ── The plan ── */

export const windowSchema = z.strictObject({
  kind: kindSchema,
  opensOn: isoDate,
  closesOn: isoDate,
  appliesTo: z.enum(['all', 'under18']).default('all'),
});

export const planSchema = z.object({
  schoolYear: z.object({ id: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string() }),
  terms: z.array(z.object({ kind: z.enum(['autumn', 'spring']), startsOn: z.string(), endsOn: z.string() })),
  conversationsPerYear: z.int(),
  /** ISO weeks are shown next to the dates (the school plans in weeks) */
  windows: z.array(windowSchema.extend({ id: z.string(), opensWeek: z.int(), closesWeek: z.int() })),
});
export type Plan = z.infer<typeof planSchema>;
export type PlanWindow = Plan['windows'][number];

export const planBodySchema = z.strictObject({
  conversationsPerYear: z.int().min(0).max(20),
  windows: z.array(windowSchema).max(20),
});
export type PlanBody = z.input<typeof planBodySchema>;

/** One cell of the class plan: where a student is with one kind of conversation. */
export const cellStatus = z.enum(['held', 'planned', 'due', 'overdue', 'upcoming', 'notApplicable']);
export const lawStatus = z.enum(['met', 'due', 'missed', 'notRequired']);
export const conferenceStatus = z.enum(['notOffered', 'offered', 'booked', 'held', 'declined', 'notApplicable']);
export type CellStatus = z.infer<typeof cellStatus>;
export type LawStatus = z.infer<typeof lawStatus>;
export type ConferenceStatus = z.infer<typeof conferenceStatus>;

export const planRowSchema = z.object({
  studentId: z.string(), name: z.string(), level: z.string(), age: z.number().nullable(), isAdult: z.boolean(),
  /** held student conversations this school year against the school's own target */
  held: z.int(), target: z.int(),
  cells: z.array(z.object({
    kind: kindSchema, status: cellStatus, date: z.string().nullable(), conversationId: z.string().nullable(), closesOn: z.string(),
    /** subject conversations: held in how many of the student's teaching groups */
    progress: z.object({ held: z.int(), of: z.int() }).nullable(),
  })),
  /** the law's floor, apart from the school's target: L-01 per half-year, L-02 parents invited */
  law: z.object({ l01Autumn: lawStatus, l01Spring: lawStatus, l02: lawStatus }),
  guardianConference: conferenceStatus,
  next: z.object({ kind: kindSchema, closesOn: z.string() }).nullable(),
});
export type PlanRow = z.infer<typeof planRowSchema>;

export const classPlanSchema = z.object({
  access: accessSchema,
  group: z.object({ id: z.string(), name: z.string(), level: z.string() }),
  plan: planSchema,
  students: z.array(planRowSchema),
});
export type ClassPlan = z.infer<typeof classPlanSchema>;

export const complianceRowSchema = z.object({
  id: z.string(), name: z.string(), scope: z.enum(['department', 'basisGroup']),
  students: z.int(), startOfYearHeld: z.int(), guardianConferenceHeld: z.int(), guardianConferenceEligible: z.int(),
  overdue: z.int(), targetMet: z.int(), l01Missing: z.int(), l02Missing: z.int(),
});
export type ComplianceRow = z.infer<typeof complianceRowSchema>;
export const complianceSchema = z.object({
  access: accessSchema,
  scope: z.enum(['school', 'department']),
  title: z.string(),
  rows: z.array(complianceRowSchema),
});
export type Compliance = z.infer<typeof complianceSchema>;
/** GET /api/conversation-compliance: a principal narrows the school to one department. */
export const complianceQuery = z.object({ departmentId: z.uuid().optional() });
export type ComplianceQuery = z.input<typeof complianceQuery>;

/* ── Conversations ── */

export const conversationStatus = z.enum(['planned', 'held', 'cancelled']);
export type ConversationStatus = z.infer<typeof conversationStatus>;

export const conversationSummarySchema = z.object({
  id: z.string(), kind: kindSchema, status: conversationStatus,
  plannedAt: z.string().nullable(), heldAt: z.string().nullable(), place: z.string().nullable(), videoLink: z.string().nullable(),
  holder: z.object({ personId: z.string(), name: z.string() }),
  delegated: z.boolean(),
  subject: z.object({ teachingGroupId: z.string(), code: z.string(), name: z.string() }).nullable(),
  newImportantInformation: z.boolean(),
  preparationStarted: z.boolean(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const studentConversationsSchema = z.object({
  access: accessSchema,
  conversations: z.array(conversationSummarySchema),
  /** the kinds the caller may plan for this student, with the teaching groups for subject conversations */
  canPlan: z.array(z.object({ kind: kindSchema, teachingGroups: z.array(z.object({ id: z.string(), name: z.string(), subjectCode: z.string() })) })),
});
export type StudentConversations = z.infer<typeof studentConversationsSchema>;

export const createConversationBody = z.strictObject({
  kind: kindSchema,
  teachingGroupId: z.uuid().optional(),
  templateVersionId: z.uuid().optional(),
  plannedAt: isoDateTime.optional(),
  place: z.string().trim().max(200).optional(),
  videoLink: z.url({ protocol: /^https$/ }).max(500).optional(),
});
export type CreateConversation = z.input<typeof createConversationBody>;
/** 201 to POST /api/students/:studentId/conversations */
export const conversationCreatedSchema = z.object({ id: z.string() });
export type ConversationCreated = z.infer<typeof conversationCreatedSchema>;

export const patchConversationBody = z.strictObject({
  plannedAt: isoDateTime.nullable().optional(),
  place: z.string().trim().max(200).nullable().optional(),
  videoLink: z.url({ protocol: /^https$/ }).max(500).nullable().optional(),
  studentTakesPart: z.boolean().optional(),
  studentAbsentReason: z.string().trim().max(500).nullable().optional(),
});
export type PatchConversation = z.input<typeof patchConversationBody>;

export const preparationSchema = z.strictObject({
  pleasedWith: z.string().max(4000),
  wantToImprove: z.string().max(4000),
  needHelpWith: z.string().max(4000),
  raiseWithGuardians: z.string().max(4000),
  notCovered: z.string().max(4000),
});
export type Preparation = z.infer<typeof preparationSchema>;

export const noteBody = z.strictObject({
  text: z.string().trim().max(8000),
  visibility: z.enum(visibilityTiers).default('contactTeacherAndLeaders'),
  sharedWithFamily: z.boolean().default(false),
});
export type NoteBody = z.input<typeof noteBody>;

export const noteSchema = z.object({
  id: z.string(), sectionKey: z.string(), text: z.string(), visibility: z.enum(visibilityTiers), sharedWithFamily: z.boolean(),
  author: z.object({ personId: z.string(), name: z.string() }), updatedAt: z.string(), canEdit: z.boolean(),
});
export type Note = z.infer<typeof noteSchema>;

export const followUpBody = z.strictObject({
  description: z.string().trim().min(1).max(1000),
  responsible: z.enum(['student', 'guardians', 'school']),
  responsiblePersonId: z.uuid().optional(),
  dueOn: isoDate.optional(),
  sharedWithFamily: z.boolean().default(true),
});
export type FollowUpBody = z.input<typeof followUpBody>;
export const followUpPatch = z.strictObject({ done: z.boolean() });
export type FollowUpPatch = z.input<typeof followUpPatch>;

export const followUpSchema = z.object({
  id: z.string(), conversationId: z.string(), description: z.string(), responsible: z.enum(['student', 'guardians', 'school']),
  responsiblePerson: z.object({ personId: z.string(), name: z.string() }).nullable(),
  dueOn: z.string().nullable(), doneAt: z.string().nullable(), sharedWithFamily: z.boolean(),
});
export type FollowUp = z.infer<typeof followUpSchema>;
/** Who is to follow up: the student, the guardians or the school (a named person there). */
export type Responsible = FollowUp['responsible'];

export const heldBody = z.strictObject({ newImportantInformation: z.boolean().default(false) });
export type HeldBody = z.input<typeof heldBody>;
export const delegateBody = z.strictObject({ subjectTeacherPersonId: z.uuid() });
export type DelegateBody = z.input<typeof delegateBody>;

/** The meeting view: everything the caller may see about one conversation, and what they may do. */
export const conversationDetailSchema = z.object({
  access: accessSchema,
  conversation: conversationSummarySchema.extend({
    studentTakesPart: z.boolean(), studentAbsentReason: z.string().nullable(),
  }),
  student: z.object({ id: z.string(), name: z.string(), level: z.string(), age: z.number().nullable(), basisGroup: z.string().nullable() }),
  /** the version the conversation was (or will be) held with; sections carry whether they apply to this student */
  template: z.object({
    versionId: z.string(), version: z.int(), title: localizedSchema,
    sections: z.array(sectionSchema.extend({ applies: z.boolean() })),
  }).nullable(),
  preparation: preparationSchema.extend({ updatedAt: z.string().nullable() }).nullable(),
  notes: z.array(noteSchema),
  followUps: z.array(followUpSchema),
  /** people a follow-up can be given to (the school side); the family is chosen as "student"/"guardians" */
  staffChoices: z.array(z.object({ personId: z.string(), name: z.string() })),
  /** subject teachers the conversation can be delegated to (upper secondary, contact teacher only) */
  delegateChoices: z.array(z.object({ personId: z.string(), name: z.string(), subjectCode: z.string() })),
  permissions: z.object({
    hold: z.boolean(), prepare: z.boolean(), readPreparation: z.boolean(), delegate: z.boolean(),
  }),
});
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;

/* ── Guardian conference (R-15, R-16, R-62, L-02) ── */

export const offerBody = z.strictObject({
  /** default: every guardian with insight */
  guardianPersonIds: z.array(z.uuid()).max(10).optional(),
  toldOfRight: z.boolean().default(true),
});
export type OfferBody = z.input<typeof offerBody>;
/** 200 to an offer: how many guardians it went to. */
export const offerResultSchema = z.object({ offered: z.int() });
export type OfferResult = z.infer<typeof offerResultSchema>;
/** A guardian declines for themself; the contact teacher names the guardian who declined. */
export const declineBody = z.strictObject({ guardianPersonId: z.uuid().optional() });
export type DeclineBody = z.input<typeof declineBody>;

export const conferenceRowSchema = z.object({
  studentId: z.string(), name: z.string(), age: z.number().nullable(), isAdult: z.boolean(),
  status: conferenceStatus,
  /** students aged 12+ may take part (L-02); in upper secondary they take part unless a reason is recorded */
  studentMayTakePart: z.boolean(),
  guardians: z.array(z.object({
    personId: z.string(), name: z.string(), insightReasonCode: z.string(),
    offeredAt: z.string().nullable(), toldOfRight: z.boolean(), declinedAt: z.string().nullable(),
  })),
  notOfferedByDeadline: z.boolean(),
});
export type ConferenceRow = z.infer<typeof conferenceRowSchema>;
export const conferencesSchema = z.object({
  access: accessSchema, deadline: z.string().nullable(), rows: z.array(conferenceRowSchema),
});
export type Conferences = z.infer<typeof conferencesSchema>;

/** The offer as the guardian who got it sees it: null when they have none this school year. */
export const myConferenceOfferSchema = z.object({
  access: accessSchema,
  offer: z.object({ offeredAt: z.string(), toldOfRight: z.boolean(), declinedAt: z.string().nullable() }).nullable(),
});
export type MyConferenceOffer = z.infer<typeof myConferenceOfferSchema>;

/* ── Notifications ── */

export const notificationSchema = z.object({
  id: z.string(), kind: z.string(), link: z.string(), createdAt: z.string(), readAt: z.string().nullable(),
});
/** (named so, not Notification, which is the browser's) */
export type AppNotification = z.infer<typeof notificationSchema>;
/** GET /api/me/notifications */
export const notificationsSchema = z.object({ notifications: z.array(notificationSchema) });
export type Notifications = z.infer<typeof notificationsSchema>;

/* ── Across conversations ── */

/** GET /api/me/conversations: the caller's own (student) or the ones they hold (staff), newest first. */
export const myConversationsSchema = z.object({ conversations: z.array(conversationSummarySchema.extend({ student: z.object({ id: z.string(), name: z.string() }) })) });
export type MyConversations = z.infer<typeof myConversationsSchema>;

/** GET /api/students/:studentId/shared-follow-ups: what was shared with the student and the family. */
export const sharedFollowUpsSchema = z.object({
  access: z.object({ reason: z.string(), reasonCode: z.string() }),
  followUps: z.array(followUpSchema),
  notes: z.array(noteSchema.extend({ conversationKind: z.string(), conversationDate: z.string().nullable() })),
});
export type SharedFollowUps = z.infer<typeof sharedFollowUpsSchema>;

export const conversationParams = z.object({ conversationId: z.uuid() });
