/** The shapes of school-environment cases (R-70; L-33, L-34): the case as each reader sees it, and what is sent. */
import { z } from 'zod';
import { accessSchema, studentParams } from '../../core/http/schemas.js';
import { caseLogKinds } from './tables.js';

const text = z.string().trim().min(1).max(4000);
const isoDate = z.iso.date();

export const caseParams = z.object({ caseId: z.uuid() });
export const measureParams = caseParams.extend({ measureId: z.uuid() });
export { studentParams };

/** § 12-4: what the staff member saw or heard; § 12-5: perhaps about a staff member. */
export const reportBody = z.strictObject({
  concern: text,
  concernsStaffMemberId: z.uuid().optional(),
});

export const logEntryBody = z.strictObject({ occurredOn: isoDate, text });

/** L-33: exactly the law's five parts — a) the problem; per measure b) what, c) when, d) who, e) when evaluated. */
export const planMeasureBody = z.strictObject({
  /** an existing measure keeps its id across versions; a new one gets its id on saving */
  id: z.uuid().optional(),
  description: text,
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  responsible: z.string().trim().min(1).max(400),
  evaluateOn: isoDate,
});
export const planBody = z.strictObject({ problem: text, measures: z.array(planMeasureBody).min(1).max(30) });
export type PlanBody = z.infer<typeof planBody>;

export const carriedOutBody = z.strictObject({ on: isoDate, text: z.string().trim().max(4000).default('') });
export const evaluationBody = z.strictObject({ on: isoDate, text });
export const participantBody = z.strictObject({ staffMemberId: z.uuid() });
export const escalationBody = z.strictObject({ text });
export const closingBody = z.strictObject({ text });

const planMeasure = z.object({
  id: z.string(), description: z.string(), startsOn: z.string(), endsOn: z.string().nullable(), responsible: z.string(), evaluateOn: z.string(),
  carriedOutOn: z.array(z.string()),
  evaluations: z.array(z.object({ on: z.string(), text: z.string().nullable() })),
});
const plan = z.object({ version: z.number(), problem: z.string(), measures: z.array(planMeasure), savedAt: z.string(), savedBy: z.string().nullable() });

export const caseSchema = z.object({
  access: accessSchema,
  /** the server's day: the default of the forms' dates, none of which may be after it */
  today: z.string(),
  id: z.string(),
  /** staff: the whole case; receipt: the reporter's own report; family: the activity plan */
  view: z.enum(['staff', 'receipt', 'family']),
  student: z.object({ id: z.string(), name: z.string() }),
  reportedOn: z.string(),
  /** § 12-6: from this day the student or guardians may take the case to the county governor */
  countyGovernorFrom: z.string(),
  status: z.enum(['open', 'closed']),
  closedOn: z.string().nullable(),
  escalatedToOwnerOn: z.string().nullable(),
  leadershipInvolved: z.boolean(),
  reportedBy: z.string().nullable(),
  concern: z.string().nullable(),
  concernsStaffMember: z.string().nullable(),
  plan: plan.nullable(),
  /** older versions of the activity plan, newest first (staff only) */
  earlierPlans: z.array(plan),
  log: z.array(z.object({
    id: z.string(), kind: z.enum(caseLogKinds), occurredOn: z.string(), text: z.string(), measureId: z.string().nullable(),
    planVersion: z.number().nullable(), by: z.string(), recordedAt: z.string(),
  })),
  participants: z.array(z.object({ personId: z.string(), name: z.string() })),
  can: z.object({ investigate: z.boolean(), manage: z.boolean() }),
});
export type CaseView = z.infer<typeof caseSchema>;

export const caseSummarySchema = z.object({
  id: z.string(), studentId: z.string(), studentName: z.string(), reportedOn: z.string(), status: z.enum(['open', 'closed']),
  view: z.enum(['staff', 'receipt', 'family']), planVersion: z.number().nullable(), evaluateNext: z.string().nullable(), countyGovernorFrom: z.string(),
});
export const caseListSchema = z.object({ cases: z.array(caseSummarySchema) });
export const createdSchema = z.object({ id: z.string(), notified: z.enum(['principal', 'schoolOwner']) });
export const staffListSchema = z.object({ staff: z.array(z.object({ staffMemberId: z.string(), name: z.string() })) });
export type CaseList = z.infer<typeof caseListSchema>;
export type StaffList = z.infer<typeof staffListSchema>;
export type Created = z.infer<typeof createdSchema>;
export type ReportBody = z.input<typeof reportBody>;
export type LogEntryBody = z.input<typeof logEntryBody>;
export type PlanInput = z.input<typeof planBody>;
export type CarriedOutBody = z.input<typeof carriedOutBody>;
export type EvaluationBody = z.input<typeof evaluationBody>;
