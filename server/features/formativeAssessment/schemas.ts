/** The formative-assessment API's shapes. The web app takes its types from here (`import type`). */
import { z } from 'zod';
import { formativeAssessmentKinds } from './tables.js';
import { accessSchema } from '../../core/http/schemas.js';

export const FEEDBACK_MAX = 1000;
export const isoDate = z.iso.date();
export const kindSchema = z.enum(formativeAssessmentKinds);
export type AssessmentKind = z.infer<typeof kindSchema>;
export const teachingParams = z.object({ teachingGroupId: z.uuid() });
export const basisParams = z.object({ basisGroupId: z.uuid() });
export const assessmentParams = z.object({ teachingGroupId: z.uuid(), assessmentId: z.uuid() });

export const assessmentSchema = z.object({
  id: z.string(),
  assessedOn: z.string(),
  kind: kindSchema,
  feedback: z.string(),
  subjectCode: z.string(),
  subjectName: z.string(),
  groupName: z.string(),
  recordedBy: z.string(),
});
export type FormativeAssessment = z.infer<typeof assessmentSchema>;

/** The current term (null: outside a school year). */
export const termSchema = z.object({ kind: z.enum(['autumn', 'spring']), startsOn: z.string(), endsOn: z.string() }).nullable();
export type Term = NonNullable<z.infer<typeof termSchema>>;

/** One student's formative assessments, newest first: the student page, the student and guardians with insight. */
export const studentAssessmentsSchema = z.object({
  access: accessSchema,
  student: z.object({ id: z.string(), givenName: z.string(), familyName: z.string() }),
  /** a subject teacher sees only the subjects of their own groups */
  scope: z.enum(['all', 'ownGroups']),
  assessments: z.array(assessmentSchema),
});
export type StudentAssessments = z.infer<typeof studentAssessmentsSchema>;

/** A teaching group on one page for fast entry: a row per student with what is recorded this school year. */
export const groupAssessmentsSchema = z.object({
  access: accessSchema,
  group: z.object({ id: z.string(), name: z.string(), subjectCode: z.string(), subjectName: z.string() }),
  term: termSchema,
  today: z.string(),
  canRecord: z.boolean(),
  students: z.array(z.object({
    studentId: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    countThisTerm: z.int(),
    assessments: z.array(assessmentSchema.extend({ mine: z.boolean() })),
  })),
});
export type GroupAssessments = z.infer<typeof groupAssessmentsSchema>;

export const recordBody = z.strictObject({
  assessedOn: isoDate,
  kind: kindSchema,
  /** one row per student who gets feedback; students left out get nothing */
  entries: z.array(z.strictObject({
    studentId: z.uuid(),
    feedback: z.string().trim().min(1).max(FEEDBACK_MAX),
  })).min(1).max(200),
});
export type RecordInput = z.infer<typeof recordBody>;

/** Correcting one's own assessment: the text, and the date or kind if they were wrong. */
export const editBody = z.strictObject({
  feedback: z.string().trim().min(1).max(FEEDBACK_MAX),
  assessedOn: isoDate.optional(),
  kind: kindSchema.optional(),
});
export type EditInput = z.infer<typeof editBody>;

export const importBody = z.strictObject({ csv: z.string().min(1).max(1_000_000) });
export type ImportInput = z.infer<typeof importBody>;
export const importSchema = z.object({ created: z.int(), unchanged: z.int() });
export type ImportResult = z.infer<typeof importSchema>;

/** The contact teacher's summary for the class: per subject, this term. */
export const classSummarySchema = z.object({
  access: accessSchema,
  group: z.object({ id: z.string(), name: z.string() }),
  term: termSchema,
  subjects: z.array(z.object({
    subjectCode: z.string(),
    subjectName: z.string(),
    students: z.int(),
    count: z.int(),
    latestOn: z.string().nullable(),
    withoutAssessment: z.array(z.object({ studentId: z.string(), givenName: z.string(), familyName: z.string() })),
  })),
});
export type ClassSummary = z.infer<typeof classSummarySchema>;
