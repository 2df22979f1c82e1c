/** The shapes of the IOP (R-51, R-75, L-40) and the adapted arrangement: what readers get and what is sent. */
import { z } from 'zod';
import { accessSchema, studentParams } from '../../core/http/schemas.js';
import { planReportPeriods } from './tables.js';

const longText = z.string().trim().max(8000);
const isoDate = z.iso.date();

export const decisionSchema = z.object({
  id: z.string(), decidedOn: z.string(), reference: z.string(),
  subjects: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
});
export type SpecialEducationDecision = z.infer<typeof decisionSchema>;

export const planPartSchema = z.object({
  subjectId: z.string(), subjectCode: z.string(), subjectName: z.string(),
  goals: z.string(), content: z.string(), organisation: z.string(), report: z.string(),
  reportUpdatedAt: z.string().nullable(), reportUpdatedByName: z.string().nullable(),
  canEditPlan: z.boolean(), canReport: z.boolean(),
});
export type PlanPart = z.infer<typeof planPartSchema>;

export const versionSummarySchema = z.object({
  version: z.number(), period: z.enum(planReportPeriods), schoolYearName: z.string(), finalisedAt: z.string(), finalisedByName: z.string(),
});
export type PlanVersionSummary = z.infer<typeof versionSummarySchema>;

/** The staff's working view: the current plan (a draft), what is missing, and the finalised versions. */
export const individualPlanSchema = z.object({
  access: accessSchema,
  studentName: z.string(),
  decision: decisionSchema.nullable(),
  plan: z.object({
    id: z.string(), schoolYearId: z.string(), schoolYearName: z.string(),
    /** the contact teacher's draft overview and assessment; null for those who see only their own subjects */
    summary: z.string().nullable(),
    parts: z.array(planPartSchema),
    /** the subjects whose teacher has not yet reported (of the parts the reader sees) */
    missingReports: z.array(z.object({ subjectId: z.string(), subjectCode: z.string(), subjectName: z.string() })),
  }).nullable(),
  versions: z.array(versionSummarySchema),
  /** the student's subjects this school year, for choosing the decision's subjects */
  studentSubjects: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  reportsPerYear: z.number(),
  periods: z.array(z.enum(planReportPeriods)),
  canManage: z.boolean(),
  canFinalise: z.boolean(),
  today: z.string(),
});
export type IndividualPlanView = z.infer<typeof individualPlanSchema>;

export const frozenPartSchema = z.object({
  subjectId: z.string(), subjectCode: z.string(), subjectName: z.string(),
  goals: z.string(), content: z.string(), organisation: z.string(), report: z.string(),
});
export type FrozenPart = z.infer<typeof frozenPartSchema>;

/** One finalised version: the plan and its written review as they were finalised. */
export const planReportSchema = z.object({
  version: z.number(), period: z.enum(planReportPeriods), schoolYearName: z.string(),
  finalisedAt: z.string(), finalisedByName: z.string(),
  /** null for those who see only their own subjects */
  summary: z.string().nullable(),
  parts: z.array(frozenPartSchema),
});
export type PlanReport = z.infer<typeof planReportSchema>;

export const finalisedSchema = z.object({ access: accessSchema, studentName: z.string(), report: planReportSchema.nullable() });
export type FinalisedPlan = z.infer<typeof finalisedSchema>;

export const planBody = z.strictObject({
  decidedOn: isoDate,
  reference: z.string().trim().min(1).max(200),
  subjectIds: z.array(z.uuid()).min(1).max(40),
});
export type PlanInput = z.input<typeof planBody>;

export const partBody = z.strictObject({ goals: longText, content: longText, organisation: longText }).partial();
export type PartInput = z.input<typeof partBody>;
export const reportBody = z.strictObject({ report: longText });
export const summaryBody = z.strictObject({ summary: longText });
export const finaliseBody = z.strictObject({ period: z.enum(planReportPeriods) });

export const settingsSchema = z.object({ reportsPerYear: z.number(), canConfigure: z.boolean() });
export const settingsBody = z.strictObject({ reportsPerYear: z.union([z.literal(1), z.literal(2)]) });

export const planParams = studentParams;
export const partParams = studentParams.extend({ subjectId: z.uuid() });
export const versionParams = studentParams.extend({ version: z.coerce.number().int().min(1).max(100000) });

// ----- the adapted arrangement (R-50) -----------------------------------------------------------

export const arrangementSchema = z.object({
  id: z.string(), adaptation: z.string(), workPlan: z.string(), agreedOn: z.string(),
  agreedWithStudent: z.boolean(), agreedWithGuardians: z.boolean(), supportServices: z.string(),
  endsOn: z.string().nullable(), active: z.boolean(), updatedAt: z.string(), updatedByName: z.string(),
});
export type AdaptedArrangement = z.infer<typeof arrangementSchema>;
export const arrangementsSchema = z.object({ access: accessSchema, studentName: z.string(), arrangements: z.array(arrangementSchema), canManage: z.boolean(), today: z.string() });
export type AdaptedArrangements = z.infer<typeof arrangementsSchema>;

const shortText = z.string().trim().min(1).max(2000);
export const arrangementBody = z.strictObject({
  adaptation: shortText, workPlan: shortText, agreedOn: isoDate,
  agreedWithStudent: z.boolean(), agreedWithGuardians: z.boolean(),
  supportServices: z.string().trim().max(300).default(''),
  endsOn: isoDate.nullable().default(null),
});
export type ArrangementInput = z.input<typeof arrangementBody>;
export const arrangementPatch = z.strictObject({
  adaptation: shortText, workPlan: shortText, agreedOn: isoDate,
  agreedWithStudent: z.boolean(), agreedWithGuardians: z.boolean(),
  supportServices: z.string().trim().max(300), endsOn: isoDate.nullable(),
}).partial();
export type ArrangementPatch = z.input<typeof arrangementPatch>;
export const arrangementParams = studentParams.extend({ arrangementId: z.uuid() });
