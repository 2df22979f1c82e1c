/**
 * The warnings API's shapes (R-22, L-20, L-21); OpenAPI is generated from them, and the web app takes
 * the z.infer types below with `import type`.
 */
import { z } from 'zod';
import { conductAspects, warningKinds, warningStates } from './tables.js';
import { accessSchema, studentParams } from '../../core/http/schemas.js';

export const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

export const warningParams = studentParams.extend({ warningId: z.uuid() });
export const letterParams = studentParams.extend({ letterId: z.uuid() });
export const copyParams = letterParams.extend({ copyId: z.uuid() });
export const basisGroupParams = z.object({ basisGroupId: z.uuid() });

export const deadlineSchema = z.object({
  termId: z.string(),
  termKind: z.enum(['autumn', 'spring']),
  assessedOn: z.string(),
  configured: z.boolean(),
  minimumNoticeDays: z.number(),
  daysLeft: z.number(),
  tooLate: z.boolean(),
});
/** how long until the term's assessment, against the notice a warning needs */
export type WarningDeadline = z.infer<typeof deadlineSchema>;

export const raiseBody = z.strictObject({
  kind: z.enum(warningKinds),
  subjectId: z.uuid().nullish(),
  conductAspect: z.enum(conductAspects).nullish(),
  grounds: text(4000),
  requirement: text(4000),
  dueOn: isoDate,
});
export type RaiseWarningBody = z.infer<typeof raiseBody>;

export const editBody = z.strictObject({
  grounds: text(4000).optional(),
  requirement: text(4000).optional(),
  dueOn: isoDate.optional(),
});
export type EditWarningBody = z.infer<typeof editBody>;

export const rejectBody = z.strictObject({ note: text(2000) });
export type RejectWarningBody = z.infer<typeof rejectBody>;
export const withdrawBody = z.strictObject({ reason: text(2000) });
export type WithdrawWarningBody = z.infer<typeof withdrawBody>;
export const decisionBody = z.strictObject({ reasons: text(4000) });
/** L-21: the principal's decision that no grade is given */
export type DecisionBody = z.infer<typeof decisionBody>;
export const appealBody = z.strictObject({ appealedOn: isoDate, note: text(2000), forwardedOn: isoDate.optional() });
export type AppealBody = z.infer<typeof appealBody>;

export const approveBody = z.strictObject({
  warningIds: z.array(z.uuid()).min(1).max(20),
  channel: z.enum(['digital', 'paper']).default('digital'),
  /** the student's written language unless the contact teacher chooses */
  locale: z.enum(['nb', 'nn']).optional(),
});
/** what the web sends: `channel` may be left to its default */
export type ApproveLetterInput = z.input<typeof approveBody>;

export const signedCopyBody = z.strictObject({
  fileName: text(200),
  fileType: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
  /** base64, at most 5 MB decoded */
  data: z.string().min(4).max(7_000_000).regex(/^[A-Za-z0-9+/=\s]+$/),
});
export type SignedCopyBody = z.infer<typeof signedCopyBody>;

export const prefillQuery = z.object({ subjectId: z.uuid().optional() });
export type PrefillQuery = z.infer<typeof prefillQuery>;

const decisionSchema = z.object({
  id: z.string(),
  reasons: z.string(),
  decidedAt: z.string(),
  decidedBy: z.string(),
  appealedOn: z.string().nullable(),
  appealNote: z.string().nullable(),
  forwardedOn: z.string().nullable(),
});

export const warningSchema = z.object({
  id: z.string(),
  kind: z.enum(warningKinds),
  subjectId: z.string().nullable(),
  subjectCode: z.string().nullable(),
  subjectName: z.string().nullable(),
  conductAspect: z.enum(conductAspects).nullable(),
  grounds: z.string(),
  requirement: z.string(),
  dueOn: z.string(),
  /** the deadline is today or past: flagged (L-20), and a sent IV warning may lead to the principal's decision (L-21) */
  dueState: z.enum(['open', 'today', 'past']),
  state: z.enum(warningStates),
  raisedBy: z.string(),
  raisedByMe: z.boolean(),
  raisedAt: z.string(),
  reviewNote: z.string().nullable(),
  letterId: z.string().nullable(),
  sentAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  decision: decisionSchema.nullable(),
});
export type WarningView = z.infer<typeof warningSchema>;
export type WarningKind = WarningView['kind'];
export type ConductAspect = NonNullable<WarningView['conductAspect']>;
export type WarningState = WarningView['state'];

export const letterContentSchema = z.object({
  locale: z.enum(['nb', 'nn']),
  date: z.string(),
  schoolName: z.string(),
  recipientName: z.string(),
  addressLines: z.array(z.string()),
  title: z.string(),
  regarding: z.string(),
  intro: z.array(z.string()),
  items: z.array(z.object({ heading: z.string(), grounds: z.string(), requirement: z.string(), due: z.string() })),
  closing: z.array(z.string()),
  signature: z.array(z.string()),
  /** absent in nothing sent so far; kept optional so every stored copy still reads */
  labels: z.object({ grounds: z.string(), requirement: z.string() }).optional(),
});
export type LetterContent = z.infer<typeof letterContentSchema>;

export const deliverySchema = z.object({
  sentAt: z.string().nullable(),
  postedAt: z.string().nullable(),
  emailedAt: z.string().nullable(),
  readAt: z.string().nullable(),
  signedCopyAt: z.string().nullable(),
});
export type LetterDelivery = z.infer<typeof deliverySchema>;

export const copySchema = z.object({
  id: z.string(),
  recipientName: z.string(),
  recipientRole: z.enum(['student', 'guardian']),
  sha256: z.string(),
  createdAt: z.string(),
  delivery: deliverySchema,
  content: letterContentSchema.nullable(),
});

export const letterSummarySchema = z.object({
  id: z.string(),
  locale: z.enum(['nb', 'nn']),
  channel: z.enum(['digital', 'paper']),
  approvedAt: z.string(),
  approvedBy: z.string(),
  sentAt: z.string().nullable(),
  state: z.enum(['approved', 'sent', 'withdrawn']),
  warningIds: z.array(z.string()),
  /** delivered: every copy was read or has a signed copy */
  delivered: z.boolean(),
});
export type WarningLetterSummary = z.infer<typeof letterSummarySchema>;

export const letterSchema = letterSummarySchema.extend({
  access: accessSchema,
  studentId: z.string(),
  studentName: z.string(),
  copies: z.array(copySchema),
  /** an unsent letter as the student's copy would read (staff only) */
  preview: letterContentSchema.nullable(),
  canCoordinate: z.boolean(),
});
export type WarningLetter = z.infer<typeof letterSchema>;

export const studentWarningsSchema = z.object({
  access: accessSchema,
  student: z.object({ id: z.string(), name: z.string(), isAdult: z.boolean() }),
  today: z.string(),
  deadline: deadlineSchema.nullable(),
  warnings: z.array(warningSchema),
  letters: z.array(letterSummarySchema),
  permissions: z.object({
    raiseConduct: z.boolean(),
    raiseSubjects: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
    coordinate: z.boolean(),
    decide: z.boolean(),
    recordAppeal: z.boolean(),
  }),
});
export type StudentWarnings = z.infer<typeof studentWarningsSchema>;

export const prefillSchema = z.object({
  access: accessSchema,
  student: z.object({ id: z.string(), name: z.string() }),
  deadline: deadlineSchema.nullable(),
  /** none when no day is left between tomorrow and the day before the assessment */
  suggestedDueOn: z.string().nullable(),
  letterLocale: z.enum(['nb', 'nn']),
  subjects: z.array(z.object({
    id: z.string(), code: z.string(), name: z.string(),
    absence: z.object({
      plannedHours: z.number(), heldHours: z.number(), countingHours: z.number(), absenceHours: z.number(),
      percent: z.number(), heldPercent: z.number(), days: z.array(z.string()),
    }),
    grounds: z.string(),
    requirement: z.string(),
  })),
  conduct: z.object({ requirement: z.string() }),
});
/** the raise form pre-filled from the student's absence */
export type WarningPrefill = z.infer<typeof prefillSchema>;

export const createdSchema = z.object({ id: z.string() });
export type Created = z.infer<typeof createdSchema>;
export const okSchema = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof okSchema>;

export const queueSchema = z.object({
  access: accessSchema,
  group: z.object({ id: z.string(), name: z.string() }),
  today: z.string(),
  deadline: deadlineSchema.nullable(),
  canCoordinate: z.boolean(),
  students: z.array(z.object({
    studentId: z.string(),
    name: z.string(),
    isAdult: z.boolean(),
    warnings: z.array(warningSchema),
    /** letters still to send first; each names who gets (or got) a copy */
    letters: z.array(letterSummarySchema.extend({ recipients: z.array(z.string()) })),
  })),
});
/** the contact teacher's queue for a class */
export type WarningQueue = z.infer<typeof queueSchema>;

export const schoolWarningsSchema = z.object({
  access: accessSchema,
  warnings: z.array(warningSchema.extend({ studentId: z.string(), studentName: z.string(), group: z.string() })),
});
export type SchoolWarnings = z.infer<typeof schoolWarningsSchema>;
export const schoolQuery = z.object({ kind: z.enum(warningKinds).optional(), state: z.enum(warningStates).optional() });
export type SchoolWarningsQuery = z.infer<typeof schoolQuery>;

export const assessmentDatesSchema = z.object({
  terms: z.array(z.object({
    termId: z.string(), kind: z.enum(['autumn', 'spring']), startsOn: z.string(), endsOn: z.string(),
    assessedOn: z.string(), configured: z.boolean(), minimumNoticeDays: z.number(),
  })),
});
export type AssessmentDates = z.infer<typeof assessmentDatesSchema>;
export const assessmentDateBody = z.strictObject({
  termId: z.uuid(),
  assessedOn: isoDate,
  minimumNoticeDays: z.number().int().min(1).max(120).default(21),
});
/** what the web sends: `minimumNoticeDays` may be left to its default */
export type AssessmentDateInput = z.input<typeof assessmentDateBody>;
