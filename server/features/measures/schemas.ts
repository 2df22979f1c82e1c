/** The shapes of measures: a measure as the reader sees it, and what is sent to create, edit and evaluate one. */
import { z } from 'zod';
import { studentParams } from '../../core/http/schemas.js';
import { measureStatuses } from './tables.js';

export const measureSchema = z.object({
  id: z.string(), studentId: z.string(), goal: z.string(), actions: z.string(),
  owner: z.object({ staffMemberId: z.string(), personId: z.string(), name: z.string() }),
  startsOn: z.string(), evaluateOn: z.string(), evaluation: z.string(), nextStep: z.string(), evaluatedOn: z.string().nullable(),
  status: z.enum(measureStatuses), overdue: z.boolean(),
  /** the class-team meeting's follow-up list it was proposed in */
  source: z.object({ classTeamMeetingId: z.string(), basisGroupId: z.string(), basisGroupName: z.string(), week: z.number() }).nullable(),
  /** the case (sak) it was proposed in; the case page says more to those who may read it */
  caseId: z.string().nullable(),
  canEdit: z.boolean(),
});
export type Measure = z.infer<typeof measureSchema>;

export const measuresSchema = z.object({
  measures: z.array(measureSchema),
  /** the caller's own staff member at the student's school: a new measure's owner unless another is chosen */
  canAdd: z.boolean(),
  /** measures proposed at a class-team meeting (the follow-up list) that none of the measures came from yet; only to those who may add */
  proposals: z.array(z.object({
    classTeamMeetingId: z.string(), basisGroupId: z.string(), basisGroupName: z.string(), week: z.number(), proposedMeasures: z.string(),
    followUpByStaffMemberId: z.string().nullable(),
  })),
  myStaffMemberId: z.string().nullable(),
});
export type Measures = z.infer<typeof measuresSchema>;

const text = z.string().trim().min(1).max(4000);
const isoDate = z.iso.date();
export const createMeasureBody = z.strictObject({
  goal: text, actions: text, startsOn: isoDate, evaluateOn: isoDate,
  /** default: the caller's own staff member at the student's school */
  ownerStaffMemberId: z.uuid().optional(),
  classTeamMeetingId: z.uuid().optional(),
  /** proposed in a case the caller may read */
  caseId: z.uuid().optional(),
});
export type NewMeasure = z.input<typeof createMeasureBody>;

export const patchMeasureBody = z.strictObject({
  goal: text, actions: text, startsOn: isoDate, evaluateOn: isoDate, ownerStaffMemberId: z.uuid(),
}).partial();
export type MeasurePatch = z.input<typeof patchMeasureBody>;

/** "How did it work?" and the next step; a measure that continues gets its next evaluation date. */
export const evaluateMeasureBody = z.strictObject({
  evaluation: text, nextStep: z.string().trim().max(4000).default(''),
  outcome: z.enum(['continued', 'ended']),
  nextEvaluateOn: isoDate.optional(),
});
export type MeasureEvaluation = z.input<typeof evaluateMeasureBody>;

export const overdueMeasuresSchema = z.object({
  measures: z.array(z.object({ id: z.string(), studentId: z.string(), studentName: z.string(), goal: z.string(), evaluateOn: z.string() })),
});
export type OverdueMeasures = z.infer<typeof overdueMeasuresSchema>;

export const measuresParams = studentParams;
export const measureParams = studentParams.extend({ measureId: z.uuid() });
