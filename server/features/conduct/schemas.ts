/**
 * The conduct API's shapes (R-25, L-22): teachers' inputs, the contact teacher's half-year grades, the
 * principal's review and the grade preparation. The web app takes the z.infer types below with `import type`.
 */
import { z } from 'zod';
import { conductGrades, conductReviewOutcomes } from './tables.js';
import { accessSchema } from '../../core/http/schemas.js';

export const isoDate = z.iso.date();
export const gradeSchema = z.enum(conductGrades);
export type ConductGrade = z.infer<typeof gradeSchema>;
const reasons = z.string().trim().max(2000);

export const termQuery = z.strictObject({ termId: z.uuid().optional() });
export type TermQuery = z.infer<typeof termQuery>;
export const termSchema = z.object({ id: z.string(), kind: z.enum(['autumn', 'spring']), schoolYearName: z.string(), startsOn: z.string(), endsOn: z.string() });
export type Term = z.infer<typeof termSchema>;
export const teachingGroupParams = z.object({ teachingGroupId: z.uuid() });
export const basisGroupParams = z.object({ basisGroupId: z.uuid() });
const nameFields = { studentId: z.string(), givenName: z.string(), familyName: z.string() };

/* ── A teacher's input for their group ── */

export const inputEntry = z.strictObject({ studentId: z.uuid(), order: gradeSchema, behaviour: gradeSchema, reasons: reasons.optional() });
export type InputEntry = z.infer<typeof inputEntry>;
export const inputsBody = z.strictObject({ termId: z.uuid().optional(), inputs: z.array(inputEntry).min(1).max(60) });
export type InputsBody = z.infer<typeof inputsBody>;

export const groupInputsSchema = z.object({
  access: accessSchema,
  group: z.object({ id: z.string(), name: z.string(), subjectCode: z.string(), subjectName: z.string() }),
  term: termSchema,
  students: z.array(z.object({
    ...nameFields,
    input: z.object({ order: gradeSchema, behaviour: gradeSchema, reasons: z.string().nullable(), updatedAt: z.string() }).nullable(),
  })),
});
/** a teacher's conduct input for the students of their group */
export type GroupInputs = z.infer<typeof groupInputsSchema>;

/* ── The contact teacher's class page ── */

const inputView = z.object({
  teacherName: z.string(), groupName: z.string().nullable(), subjectCode: z.string().nullable(),
  order: gradeSchema, behaviour: gradeSchema, reasons: z.string().nullable(), updatedAt: z.string(),
});
const warningView = z.object({ warningId: z.string(), sentAt: z.string() }).nullable();
export const measureView = z.object({ id: z.string(), caseId: z.string(), kind: z.string(), description: z.string(), decidedOn: z.string() });
export type Measure = z.infer<typeof measureView>;
export const gradeView = z.object({
  order: gradeSchema, behaviour: gradeSchema, reasons: z.string().nullable(), measureId: z.string().nullable(), setAt: z.string(), setBy: z.string(),
});
/** a student's half-year conduct grades as set */
export type GradeSet = z.infer<typeof gradeView>;

export const reviewView = z.object({
  id: z.string(), heldOn: z.string(), participants: z.string().nullable(), reviewedBy: z.string(),
  outcomes: z.array(z.object({ studentId: z.string(), outcome: z.enum(conductReviewOutcomes), note: z.string().nullable() })),
});
export type ConductReview = z.infer<typeof reviewView>;
export type ConductReviewOutcome = ConductReview['outcomes'][number]['outcome'];

export const classConductSchema = z.object({
  access: accessSchema,
  group: z.object({ id: z.string(), name: z.string() }),
  term: termSchema,
  /** the caller may set the grades (the class's contact teacher) and record the review (the principal) */
  canSet: z.boolean(),
  canReview: z.boolean(),
  review: reviewView.nullable(),
  students: z.array(z.object({
    ...nameFields,
    inputs: z.array(inputView),
    grade: gradeView.nullable(),
    warnings: z.object({ order: warningView, behaviour: warningView }),
    singleIncidentMeasures: z.array(measureView),
  })),
});
export type ClassConduct = z.infer<typeof classConductSchema>;
export type ClassConductStudent = ClassConduct['students'][number];
export type ConductInput = ClassConductStudent['inputs'][number];
/** order or behaviour */
export type ConductAspect = keyof ClassConductStudent['warnings'];

export const setGradeParams = z.object({ basisGroupId: z.uuid(), studentId: z.uuid() });
export const setGradeBody = z.strictObject({
  termId: z.uuid().optional(),
  order: gradeSchema,
  behaviour: gradeSchema,
  reasons: reasons.optional(),
  /** L-22 § 9-17: the sanction for a single incident that the Ng/Lg follows */
  measureId: z.uuid().nullable().optional(),
});
export type SetGradeBody = z.infer<typeof setGradeBody>;

export const reviewBody = z.strictObject({
  termId: z.uuid().optional(),
  heldOn: isoDate,
  participants: z.string().trim().max(1000).optional(),
  outcomes: z.array(z.strictObject({ studentId: z.uuid(), outcome: z.enum(conductReviewOutcomes), note: z.string().trim().max(1000).optional() })).max(60),
});
export type ConductReviewBody = z.infer<typeof reviewBody>;

/* ── The grade preparation ── */

export const preparationSchema = z.object({
  access: accessSchema,
  group: z.object({ id: z.string(), name: z.string() }),
  term: termSchema,
  students: z.array(z.object({
    ...nameFields,
    /** L-10: subjects at or near the absence limit, from the absence feature */
    absenceRisks: z.array(z.object({ subjectCode: z.string(), subjectName: z.string(), percent: z.number(), status: z.enum(['overLimit', 'nearLimit']) })),
    /** L-20: sent warnings about no grade (IV) */
    notAssessedWarnings: z.array(z.object({ subjectCode: z.string(), subjectName: z.string(), sentAt: z.string() })),
    conductWarnings: z.array(z.object({ aspect: z.enum(['order', 'behaviour']), sentAt: z.string() })),
    /** the lowest input per aspect and how many teachers gave input */
    inputs: z.object({ count: z.int(), lowestOrder: gradeSchema.nullable(), lowestBehaviour: gradeSchema.nullable() }),
    grade: z.object({ order: gradeSchema, behaviour: gradeSchema }).nullable(),
  })),
});
export type GradePreparation = z.infer<typeof preparationSchema>;

export const studentConductSchema = z.object({
  access: accessSchema,
  grades: z.array(z.object({ termId: z.string(), termKind: z.enum(['autumn', 'spring']), schoolYearName: z.string(), order: gradeSchema, behaviour: gradeSchema, setAt: z.string() })),
});
export type StudentConduct = z.infer<typeof studentConductSchema>;
