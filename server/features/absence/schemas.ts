/**
 * The absence API's shapes (R-20, R-21, R-71…R-74): one zod schema per request and answer, from which
 * the routes validate and OpenAPI is generated. The web app takes the z.infer types below with `import type`.
 */
import { z } from 'zod';
import { absenceLimitGrounds, absenceReasons, emergingAbsenceRuleKinds } from './tables.js';
import { accessSchema, studentParams } from '../../core/http/schemas.js';

export const isoDate = z.iso.date();
export const reasonSchema = z.enum(absenceReasons);
export type AbsenceReason = z.infer<typeof reasonSchema>;
export const statusSchema = z.enum(['ok', 'nearLimit', 'overLimit', 'gradeByDecision']);
/** a subject's absence against its limit */
export type SubjectStatus = z.infer<typeof statusSchema>;

export const basisGroupParams = z.object({ basisGroupId: z.uuid() });
export const teachingGroupParams = z.object({ teachingGroupId: z.uuid() });
/** `{ id }` of what a POST created */
export const createdSchema = z.object({ id: z.string() });
export type Created = z.infer<typeof createdSchema>;

/* ── A subject teacher's register for one lesson ── */

export const registerQuery = z.strictObject({ day: isoDate.optional(), lessonId: z.uuid().optional() });
export type RegisterQuery = z.infer<typeof registerQuery>;

export const registerEntrySchema = z.strictObject({
  studentId: z.uuid(),
  status: z.enum(['present', 'absent', 'late']),
  /** minutes late; required when status is late */
  lateMinutes: z.int().min(1).max(479).optional(),
});
export type RegisterEntry = z.infer<typeof registerEntrySchema>;

export const registerBody = z.strictObject({
  day: isoDate,
  lessonId: z.uuid(),
  students: z.array(registerEntrySchema).max(200),
});
export type RegisterBody = z.infer<typeof registerBody>;

export const lessonSchema = z.object({ id: z.string(), startsAt: z.string(), minutes: z.int() });
export type Lesson = z.infer<typeof lessonSchema>;

export const registerSchema = z.object({
  access: accessSchema,
  group: z.object({ id: z.string(), name: z.string(), subjectCode: z.string(), subjectName: z.string() }),
  day: z.string(),
  dayKind: z.enum(['schoolDay', 'weekend', 'publicHoliday', 'schoolHoliday', 'outsideSchoolYear']),
  holidayName: z.string().nullable(),
  /** the group's weekly timetable */
  timetable: z.array(lessonSchema.extend({ weekday: z.int() })),
  /** the group's lessons on the day */
  lessons: z.array(lessonSchema),
  lesson: lessonSchema.nullable(),
  canRegister: z.boolean(),
  students: z.array(z.object({
    studentId: z.string(), givenName: z.string(), familyName: z.string(),
    status: z.enum(['present', 'absent', 'late']), lateMinutes: z.int().nullable(),
    /** registered by the contact teacher as a full day away */
    fullDay: z.boolean(),
    reason: reasonSchema.nullable(),
  })),
});
export type Register = z.infer<typeof registerSchema>;
export type RegisterStudent = Register['students'][number];
export type DayKind = Register['dayKind'];

/* ── A student's absence ── */

export const subjectSchema = z.object({
  subjectId: z.string(), subjectCode: z.string(), subjectName: z.string(),
  plannedHours: z.number(), heldHours: z.number(),
  absenceHours: z.number(), countingHours: z.number(), selfCertifiedHours: z.number(),
  /** counting absence as a share of the subject's planned hours (L-10) */
  percent: z.number(), absencePercent: z.number(), heldPercent: z.number(),
  limitPercent: z.number(),
  status: statusSchema,
  lateCount: z.int(),
  /** L-12: may further health absence be self-certified */
  selfCertificationAllowed: z.boolean(),
  decision: z.object({
    id: z.string(), granted: z.boolean(), limitPercent: z.number().nullable(), ground: z.enum(absenceLimitGrounds),
    /** not shown to guardians (L-42) */
    reasons: z.string().nullable(), decidedAt: z.string(), decidedBy: z.string(),
  }).nullable(),
});
export type SubjectAbsence = z.infer<typeof subjectSchema>;

export const absenceEntrySchema = z.object({
  day: z.string(), lessonId: z.string(), startsAt: z.string(), groupName: z.string(), subjectCode: z.string(), subjectName: z.string(),
  minutes: z.int(), late: z.boolean(), fullDay: z.boolean(), reason: reasonSchema, documentedOn: z.string().nullable(),
  countsTowardLimit: z.boolean(),
});
export type AbsenceEntry = z.infer<typeof absenceEntrySchema>;

export const studentAbsenceSchema = z.object({
  access: accessSchema,
  student: z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), isAdult: z.boolean() }),
  schoolYear: z.object({ id: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string() }),
  today: z.string(),
  /** narrowed to the caller's own subject for a subject teacher */
  scope: z.enum(['all', 'ownSubject']),
  subjects: z.array(subjectSchema),
  entries: z.array(absenceEntrySchema),
  totals: z.object({ fullDays: z.int(), lateCount: z.int(), absenceHours: z.number() }),
  /** null when the caller may not know it (L-42: only those who handle the documentation) */
  higherRiskCondition: z.object({ documentedOn: z.string() }).nullable(),
  permissions: z.object({
    registerDay: z.boolean(), document: z.boolean(), selfCertify: z.boolean(), recordHigherRisk: z.boolean(),
    decideLimit: z.boolean(), readDiploma: z.boolean(), requestDiploma: z.boolean(),
  }),
});
export type StudentAbsence = z.infer<typeof studentAbsenceSchema>;

const itemSchema = z.strictObject({ day: isoDate, lessonId: z.uuid().optional() });

export const fullDayBody = z.strictObject({
  from: isoDate,
  to: isoDate.optional(),
  reason: reasonSchema.default('undocumented'),
  documentedOn: isoDate.nullable().optional(),
});
/** what the web sends: `reason` may be left to its default */
export type FullDayInput = z.input<typeof fullDayBody>;

/** a full day registered by mistake, to remove */
export const dayParams = studentParams.extend({ day: isoDate });

export const documentBody = z.strictObject({
  items: z.array(itemSchema).min(1).max(100),
  reason: reasonSchema,
  documentedOn: isoDate.nullable().optional(),
});
export type DocumentationBody = z.infer<typeof documentBody>;

export const selfCertifyBody = z.strictObject({ items: z.array(itemSchema).min(1).max(100) });
export type SelfCertificationBody = z.infer<typeof selfCertifyBody>;

export const higherRiskBody = z.strictObject({ documentedOn: isoDate });
export type HigherRiskBody = z.infer<typeof higherRiskBody>;

export const decisionBody = z.strictObject({
  subjectId: z.uuid(),
  granted: z.boolean(),
  limitPercent: z.int().min(11).max(15).optional(),
  ground: z.enum(absenceLimitGrounds),
  reasons: z.string().trim().min(10).max(2000),
});
export type AbsenceLimitDecisionBody = z.infer<typeof decisionBody>;
export type AbsenceLimitGround = AbsenceLimitDecisionBody['ground'];

export const changesSchema = z.object({
  access: accessSchema,
  changes: z.array(z.object({
    at: z.string(), by: z.string(), day: z.string(), subjectCode: z.string(), startsAt: z.string(),
    minutes: z.int().nullable(), late: z.boolean().nullable(), fullDay: z.boolean().nullable(), reason: reasonSchema.nullable(), documentedOn: z.string().nullable(),
  })),
});
export type AbsenceChanges = z.infer<typeof changesSchema>;

/* ── The diploma (L-14) ── */

export const diplomaSchema = z.object({
  access: accessSchema,
  schoolYear: z.object({ id: z.string(), name: z.string() }),
  days: z.int(),
  hours: z.int(),
  fullDays: z.array(z.object({
    day: z.string(), reason: z.union([reasonSchema, z.literal('mixed')]), documented: z.boolean(), eligible: z.boolean(),
    ineligibleBecause: z.enum(['undocumented', 'notExempt', 'healthBeforeDay4']).nullable(), excluded: z.boolean(),
  })),
  excludedDays: z.array(z.string()),
  reasonsAttached: z.boolean(),
  byReason: z.array(z.object({ reason: reasonSchema, days: z.int(), hours: z.int() })).nullable(),
  maxExcludedDays: z.int(),
  canRequest: z.boolean(),
});
export type Diploma = z.infer<typeof diplomaSchema>;

export const diplomaBody = z.strictObject({
  excludedDays: z.array(isoDate).max(31),
  reasonsAttached: z.boolean(),
});
export type DiplomaBody = z.infer<typeof diplomaBody>;

/* ── A class: overview, emerging absence, weekly check ── */

export const signalSchema = z.object({
  kind: z.enum(emergingAbsenceRuleKinds), raisedOn: z.string(), subjectCode: z.string().nullable(), weekday: z.int().nullable(), value: z.number(),
  followedUp: z.boolean(),
});
export type EmergingAbsenceSignal = z.infer<typeof signalSchema>;
export type EmergingAbsenceRuleKind = EmergingAbsenceSignal['kind'];

export const classAbsenceSchema = z.object({
  access: accessSchema,
  group: z.object({ id: z.string(), name: z.string() }),
  today: z.string(),
  rules: z.array(z.object({ kind: z.enum(emergingAbsenceRuleKinds), enabled: z.boolean(), threshold: z.int(), windowWeeks: z.int() })),
  students: z.array(z.object({
    studentId: z.string(), givenName: z.string(), familyName: z.string(),
    absenceHours: z.number(), fullDays: z.int(), lateCount: z.int(),
    /** the subject with the highest counting percentage */
    highest: z.object({ subjectCode: z.string(), subjectName: z.string(), percent: z.number(), status: statusSchema }).nullable(),
    subjectsOverLimit: z.int(), subjectsNearLimit: z.int(),
    signals: z.array(signalSchema),
    lastFollowUpOn: z.string().nullable(),
    needsFollowUp: z.boolean(),
  })),
});
export type ClassAbsence = z.infer<typeof classAbsenceSchema>;

export const weekQuery = z.strictObject({ week: z.string().regex(/^\d{4}-W\d{2}$/).optional() });
export type WeekQuery = z.infer<typeof weekQuery>;

export const weekSchema = z.object({
  access: accessSchema,
  group: z.object({ id: z.string(), name: z.string() }),
  week: z.string(), weekStart: z.string(), weekEnd: z.string(), previousWeek: z.string(), nextWeek: z.string().nullable(),
  schoolDays: z.array(z.string()),
  students: z.array(z.object({
    studentId: z.string(), givenName: z.string(), familyName: z.string(),
    undocumentedMinutes: z.int(), lateCount: z.int(),
    items: z.array(z.object({ day: z.string(), startsAt: z.string(), subjectCode: z.string(), minutes: z.int(), late: z.boolean(), fullDay: z.boolean() })),
    checked: z.object({ at: z.string(), by: z.string() }).nullable(),
  })),
});
/** the class hour's weekly check of one week */
export type WeeklyCheck = z.infer<typeof weekSchema>;

export const checkParams = z.object({ basisGroupId: z.uuid(), weekStart: isoDate, studentId: z.uuid() });
export const checkBody = z.strictObject({ checked: z.boolean() });
export type WeeklyCheckBody = z.infer<typeof checkBody>;

/* ── A teaching group's absence (the subject teacher's view of their subject) ── */

export const groupAbsenceSchema = z.object({
  access: accessSchema,
  group: z.object({ id: z.string(), name: z.string(), subjectCode: z.string(), subjectName: z.string() }),
  students: z.array(z.object({
    studentId: z.string(), givenName: z.string(), familyName: z.string(),
    plannedHours: z.number(), heldHours: z.number(), absenceHours: z.number(), percent: z.number(), status: statusSchema, lateCount: z.int(),
  })),
});

/* ── The school: calendar, rules, timetable ── */

export const ruleSchema = z.strictObject({
  kind: z.enum(emergingAbsenceRuleKinds), enabled: z.boolean(), threshold: z.int().min(1).max(100), windowWeeks: z.int().min(0).max(52),
});
export type EmergingAbsenceRule = z.infer<typeof ruleSchema>;
export const rulesBody = z.strictObject({ rules: z.array(ruleSchema).min(1).max(4) });
export type EmergingAbsenceRulesBody = z.infer<typeof rulesBody>;
export const rulesSchema = z.object({ rules: z.array(ruleSchema) });
export type EmergingAbsenceRules = z.infer<typeof rulesSchema>;

export const calendarSchema = z.object({
  schoolYear: z.object({ id: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string() }),
  schoolDays: z.int(),
  holidays: z.array(z.object({ name: z.string(), startsOn: z.string(), endsOn: z.string(), kind: z.enum(['publicHoliday', 'schoolHoliday']) })),
});
export type SchoolCalendar = z.infer<typeof calendarSchema>;

export const importQuery = z.strictObject({ from: isoDate.optional() });
export type TimetableImportQuery = z.infer<typeof importQuery>;
/** the timetable CSV as text/csv, or as JSON `{ csv }` */
export const importBody = z.union([z.string().max(2_000_000), z.strictObject({ csv: z.string().max(2_000_000) })]);
export type TimetableImportBody = z.infer<typeof importBody>;
export const importSchema = z.object({ groups: z.int(), lessons: z.int(), from: z.string() });
export type TimetableImport = z.infer<typeof importSchema>;

export const myLessonsQuery = z.strictObject({ day: isoDate.optional() });
export type MyLessonsQuery = z.infer<typeof myLessonsQuery>;
export const myLessonsSchema = z.object({
  day: z.string(),
  dayKind: z.enum(['schoolDay', 'weekend', 'publicHoliday', 'schoolHoliday', 'outsideSchoolYear']),
  holidayName: z.string().nullable(),
  lessons: z.array(z.object({ lessonId: z.string(), teachingGroupId: z.string(), groupName: z.string(), subjectCode: z.string(), startsAt: z.string(), minutes: z.int(), absentCount: z.int() })),
});
export type MyLessons = z.infer<typeof myLessonsSchema>;
