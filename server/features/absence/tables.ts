/** Absence (R-20, R-21, L-10…L-15): lesson-level absence, its trail, higher-risk conditions, limit decisions, diploma requests, weekly checks, emerging-absence rules. */
import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, check, date, foreignKey, index, pgTable, primaryKey, smallint, text, uuid,
} from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { lesson, school, student, subject } from '../../core/db/tables.js';

/**
 * Coded reasons only, never free text (L-42): the regulation's list (L-11 a–i), the student's own
 * self-certification of health absence (L-12), undocumented, and time with the school health service,
 * which is not absence at all (L-15).
 */
export const absenceReasons = [
  'undocumented', 'selfCertification', 'health', 'welfare', 'religiousHoliday', 'requiredByLaw', 'electedRepresentative',
  'politicalWork', 'reliefWork', 'drivingTest', 'representation', 'schoolHealthService',
] as const;

export type AbsenceReason = (typeof absenceReasons)[number];

/**
 * Absence from one lesson on one day: a whole lesson (minutes = the lesson's) or a late arrival
 * (`late`, the minutes missed). `fullDay` marks the rows a contact teacher's full-day registration
 * made, so the diploma can count days and single hours apart (L-14). Kept narrow: a county holds about
 * ten million rows a year, read per student through the primary key.
 */
export const absence = pgTable('absence', {
  ownerId: uuid().notNull(),
  studentId: uuid().notNull(),
  day: date().notNull(),
  lessonId: uuid().notNull(),
  minutes: smallint().notNull(),
  late: boolean().notNull().default(false),
  fullDay: boolean().notNull().default(false),
  reason: text({ enum: absenceReasons }).notNull().default('undocumented'),
  /** when the documentation (or the self-certification) was received; null = none */
  documentedOn: date(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.studentId, t.day, t.lessonId] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.lessonId], foreignColumns: [lesson.ownerId, lesson.id] }),
  check('absence_minutes', sql`${t.minutes} between 1 and 480`),
]);

/** The trail of every change to a student's absence (L-43): who, when, and what the row became (null minutes: removed). */
export const absenceChange = pgTable('absence_change', {
  ownerId: uuid().notNull(),
  id: bigserial({ mode: 'number' }).notNull(),
  studentId: uuid().notNull(),
  day: date().notNull(),
  lessonId: uuid().notNull(),
  at: tz().notNull().defaultNow(),
  byPersonId: uuid().notNull(),
  minutes: smallint(),
  late: boolean(),
  fullDay: boolean(),
  reason: text({ enum: absenceReasons }),
  documentedOn: date(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  index().on(t.ownerId, t.studentId, t.day),
]);

/**
 * L-12/L-14: health personnel have documented a condition that gives a higher risk of absence. Only
 * the fact and its dates are kept, never what the condition is (L-42).
 */
export const higherRiskCondition = pgTable('higher_risk_condition', {
  ownerId: uuid().notNull(),
  studentId: uuid().notNull(),
  documentedOn: date().notNull(),
  registeredByPersonId: uuid().notNull(),
  registeredAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.studentId] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
]);

export const absenceLimitGrounds = ['outsideStudentControl', 'longTermCircumstances', 'familyCircumstances', 'other'] as const;

/**
 * L-13: the principal's own decision that a student over the 10 % limit in a subject still gets a grade
 * (up to 15 % self-certified or undocumented absence), or the refusal; the latest one counts.
 */
export const absenceLimitDecision = pgTable('absence_limit_decision', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  subjectId: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  granted: boolean().notNull(),
  /** the highest percentage the grant covers (11–15); null when refused */
  limitPercent: smallint(),
  ground: text({ enum: absenceLimitGrounds }).notNull(),
  /** the decision's reasons; no health details (L-42), shown to staff and the student, not to guardians */
  reasons: text().notNull(),
  decidedByPersonId: uuid().notNull(),
  decidedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.subjectId], foreignColumns: [subject.ownerId, subject.id] }),
  index().on(t.ownerId, t.studentId),
  check('decision_limit', sql`(${t.granted} and ${t.limitPercent} between 11 and 15) or (not ${t.granted} and ${t.limitPercent} is null)`),
]);

/** L-14: what the student asked for on the diploma this school year: up to 10 documented days left out, reasons attached. */
export const diplomaRequest = pgTable('diploma_request', {
  ownerId: uuid().notNull(),
  studentId: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  excludedDays: date().array().notNull().default(sql`'{}'::date[]`),
  reasonsAttached: boolean().notNull().default(false),
  updatedAt: tz().notNull().defaultNow(),
  updatedByPersonId: uuid().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.studentId, t.schoolYearId] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  check('diploma_ten_days', sql`cardinality(${t.excludedDays}) <= 10`),
]);

/** the contact teacher checked a student's absence for the week in the class hour. */
export const weeklyCheck = pgTable('weekly_check', {
  ownerId: uuid().notNull(),
  studentId: uuid().notNull(),
  /** the Monday of the ISO week */
  weekStart: date().notNull(),
  checkedByPersonId: uuid().notNull(),
  checkedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.studentId, t.weekStart] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
]);

export const emergingAbsenceRuleKinds = ['subjectPercent', 'fullDays', 'sameWeekday', 'lateArrivals'] as const;

export type EmergingAbsenceRuleKind = (typeof emergingAbsenceRuleKinds)[number];

/** a school's own thresholds for emerging absence; a kind without a row uses Elevlos's default. */
export const emergingAbsenceRule = pgTable('emerging_absence_rule', {
  ownerId: uuid().notNull(),
  schoolId: uuid().notNull(),
  kind: text({ enum: emergingAbsenceRuleKinds }).notNull(),
  enabled: boolean().notNull().default(true),
  /** percent (subjectPercent) or a count (days, weeks with the same weekday, late arrivals) */
  threshold: smallint().notNull(),
  /** the look-back in weeks; 0 for subjectPercent (the school year so far) */
  windowWeeks: smallint().notNull(),
  updatedAt: tz().notNull().defaultNow(),
  updatedByPersonId: uuid(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.schoolId, t.kind] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  check('rule_threshold', sql`${t.threshold} between 1 and 100`),
  check('rule_window', sql`${t.windowWeeks} between 0 and 52`),
]);
