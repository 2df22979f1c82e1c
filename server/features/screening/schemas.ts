/** The API's shapes for screening and class-team meetings; the web takes its types from here. */
import { z } from 'zod';
import { accessSchema } from '../../core/http/schemas.js';
import { screeningTests } from './tables.js';

export const testSchema = z.enum(screeningTests);
export type ScreeningTestName = z.infer<typeof testSchema>;
export const SCORE_MAX = 1000;
export const TEXT_MAX = 4000;
export const DEFAULT_WEEKS = [39, 40, 42] as const;

export const classParams = z.object({ basisGroupId: z.uuid() });
export const classStudentParams = z.object({ basisGroupId: z.uuid(), studentId: z.uuid() });

const person = z.object({ id: z.string(), givenName: z.string(), familyName: z.string() });

export const settingSchema = z.object({
  test: testSchema,
  concernThreshold: z.int(),
  maxScore: z.int(),
  noticeDepartmentId: z.string().nullable(),
});
export const settingsSchema = z.object({
  access: accessSchema,
  canConfigure: z.boolean(),
  /** a test the school has not set up has no threshold yet: nobody is marked */
  tests: z.array(settingSchema),
  meetingWeeks: z.array(z.int()),
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ScreeningSettings = z.infer<typeof settingsSchema>;

export const settingsBody = z.strictObject({
  tests: z.array(z.strictObject({
    test: testSchema,
    concernThreshold: z.int().min(0).max(SCORE_MAX),
    maxScore: z.int().min(1).max(SCORE_MAX),
    noticeDepartmentId: z.uuid().nullable(),
  })).min(1).max(3),
  meetingWeeks: z.array(z.int().min(1).max(53)).min(1).max(10),
});
export type SettingsInput = z.infer<typeof settingsBody>;

export const resultSchema = z.object({
  score: z.int(),
  givenBy: z.string().nullable(),
  belowThreshold: z.boolean(),
  /** whether the caller may change it (who gives the test, or the contact teacher) */
  canRecord: z.boolean(),
});
export const screeningRowSchema = z.object({
  student: person,
  programme: z.enum(['general', 'vocational']).nullable(),
  results: z.object({ norwegian: resultSchema.nullable(), english: resultSchema.nullable(), maths: resultSchema.nullable() }),
  canRecord: z.object({ norwegian: z.boolean(), english: z.boolean(), maths: z.boolean() }),
  belowThreshold: z.boolean(),
});
export type ScreeningRow = z.infer<typeof screeningRowSchema>;

export const classScreeningSchema = z.object({
  access: accessSchema,
  group: z.object({ id: z.string(), name: z.string(), level: z.string() }),
  schoolYear: z.string(),
  /** screening is for Vg1; other classes get an empty list that says so */
  applies: z.boolean(),
  thresholds: z.array(settingSchema),
  /** a department head who receives the list sees only the students below the threshold */
  scope: z.enum(['class', 'belowThresholdOnly']),
  students: z.array(screeningRowSchema),
  complete: z.boolean(),
  noticeSentAt: z.string().nullable(),
});
export type ClassScreening = z.infer<typeof classScreeningSchema>;

const scoreField = z.int().min(0).max(SCORE_MAX).nullable().optional();
/** One row of the grid: the tests typed in; null clears a result, a missing test is left as it is. */
export const rowBody = z.strictObject({ norwegian: scoreField, english: scoreField, maths: scoreField });
export type RowInput = z.infer<typeof rowBody>;
export const rowSavedSchema = z.object({ row: screeningRowSchema, complete: z.boolean(), noticeSent: z.boolean() });
export type RowSaved = z.infer<typeof rowSavedSchema>;

export const importBody = z.strictObject({
  csv: z.string().min(1).max(1_000_000),
  /** save the valid lines even when others have errors (the user chose to) */
  onlyValid: z.boolean().optional(),
});
export type ImportInput = z.infer<typeof importBody>;
export const importSchema = z.object({
  saved: z.int(),
  skipped: z.int(),
  errors: z.array(z.object({ line: z.int(), field: z.string(), message: z.string() })),
  complete: z.boolean(),
  noticeSent: z.boolean(),
});
export type ImportResult = z.infer<typeof importSchema>;

// ---- class-team meetings

const struggles = { academic: z.boolean(), social: z.boolean(), mental: z.boolean(), physical: z.boolean() };

export const concernSchema = z.object({
  ...struggles,
  followUpBy: z.object({ staffMemberId: z.string(), name: z.string() }).nullable(),
  proposedMeasures: z.string(),
});
export const meetingStudentSchema = z.object({
  student: person,
  screening: z.object({ norwegian: z.int().nullable(), english: z.int().nullable(), maths: z.int().nullable(), belowThreshold: z.boolean() }).nullable(),
  absence: z.object({ highestPercent: z.number(), subjectsOverLimit: z.int() }),
  warnings: z.int(),
  concern: concernSchema.nullable(),
  notes: z.array(z.object({ id: z.string(), author: z.string(), text: z.string(), createdAt: z.string() })),
});
export type MeetingStudent = z.infer<typeof meetingStudentSchema>;

export const meetingSchema = z.object({
  access: accessSchema,
  group: z.object({ id: z.string(), name: z.string(), level: z.string() }),
  /** the school's meeting weeks (default 39, 40, 42) */
  weeks: z.array(z.int()),
  meeting: z.object({ week: z.int(), heldOn: z.string().nullable(), learningEnvironment: z.string() }).nullable(),
  canRecord: z.boolean(),
  /** Vg2/Vg3 general studies: the subject teachers send notes before the meeting */
  takesNotes: z.boolean(),
  canSendNote: z.boolean(),
  showsScreening: z.boolean(),
  team: z.array(z.object({ staffMemberId: z.string(), name: z.string(), role: z.enum(['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor']) })),
  students: z.array(meetingStudentSchema),
});
export type ClassTeamMeeting = z.infer<typeof meetingSchema>;

export const meetingBody = z.strictObject({
  week: z.int().min(1).max(53),
  heldOn: z.iso.date().nullable(),
  learningEnvironment: z.string().trim().max(TEXT_MAX),
});
export type MeetingInput = z.infer<typeof meetingBody>;

export const concernBody = z.strictObject({
  ...struggles,
  followUpByStaffMemberId: z.uuid().nullable(),
  proposedMeasures: z.string().trim().max(TEXT_MAX),
});
export type ConcernInput = z.infer<typeof concernBody>;

export const noteBody = z.strictObject({ studentId: z.uuid(), text: z.string().trim().min(1).max(TEXT_MAX) });
export type NoteInput = z.infer<typeof noteBody>;
