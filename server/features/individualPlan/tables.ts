/**
 * The individual education plan (IOP, law § 11-10, R-51, L-40) with its yearly written review (planReport,
 * § 11-11, R-75), the municipality's special-education decision it rests on, and the adapted arrangement
 * agreed with the student, the guardians and the support services.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { school, schoolYear, student, subject } from '../../core/db/tables.js';

/** The special-education decision (enkeltvedtak) as the school records it: the decision itself is the county's. */
export const specialEducationDecision = pgTable('special_education_decision', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  decidedOn: date().notNull(),
  /** the decision's reference (case number) in the county's archive */
  reference: text().notNull(),
  /** the subjects the decision covers; each gets a part in the plan */
  subjectIds: uuid().array().notNull(),
  recordedByPersonId: uuid().notNull(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId),
]);

/** One plan per student and school year (the plan period), resting on a decision. */
export const individualPlan = pgTable('individual_plan', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  decisionId: uuid().notNull(),
  /** the contact teacher's draft overview and assessment against the plan's goals (§ 11-11); frozen in each planReport */
  summary: text().notNull().default(''),
  createdByPersonId: uuid().notNull(),
  createdAt: tz().notNull().defaultNow(),
  updatedByPersonId: uuid().notNull(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolYearId], foreignColumns: [schoolYear.ownerId, schoolYear.id] }),
  foreignKey({ columns: [t.ownerId, t.decisionId], foreignColumns: [specialEducationDecision.ownerId, specialEducationDecision.id] }),
  uniqueIndex().on(t.ownerId, t.studentId, t.schoolYearId),
]);

/** A subject's part of the plan: goals, content and organisation, and the subject teacher's report on the education given. */
export const individualPlanPart = pgTable('individual_plan_part', {
  ownerId: uuid().notNull(),
  planId: uuid().notNull(),
  subjectId: uuid().notNull(),
  goals: text().notNull().default(''),
  content: text().notNull().default(''),
  organisation: text().notNull().default(''),
  report: text().notNull().default(''),
  updatedByPersonId: uuid(),
  updatedAt: tz().notNull().defaultNow(),
  reportUpdatedByPersonId: uuid(),
  reportUpdatedAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.planId, t.subjectId] }),
  foreignKey({ columns: [t.ownerId, t.planId], foreignColumns: [individualPlan.ownerId, individualPlan.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.ownerId, t.subjectId], foreignColumns: [subject.ownerId, subject.id] }),
]);

export const planReportPeriods = ['year', 'autumn', 'spring'] as const;
export type PlanReportPeriod = (typeof planReportPeriods)[number];

/**
 * A finalised version of the plan and its written review (§ 11-11): a frozen copy of every part and the
 * contact teacher's summary. Never updated; a correction is a new version.
 */
export const planReport = pgTable('plan_report', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  planId: uuid().notNull(),
  version: integer().notNull(),
  period: text({ enum: planReportPeriods }).notNull(),
  summary: text().notNull(),
  /** [{ subjectId, subjectCode, subjectName, goals, content, organisation, report }] */
  parts: jsonb().notNull(),
  finalisedByPersonId: uuid().notNull(),
  finalisedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.planId], foreignColumns: [individualPlan.ownerId, individualPlan.id] }),
  uniqueIndex().on(t.ownerId, t.planId, t.version),
]);

/** The school's choice: the law's one written review a year (L-40), or the seeds' two (R-51). */
export const individualPlanSetting = pgTable('individual_plan_setting', {
  ownerId: uuid().notNull(),
  schoolId: uuid().notNull(),
  reportsPerYear: integer().notNull().default(1),
  updatedByPersonId: uuid(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.schoolId] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  check('individual_plan_setting_reports', sql`${t.reportsPerYear} in (1, 2)`),
]);

/** an individually adapted arrangement agreed with the student, the guardians and the support services. */
export const adaptedArrangement = pgTable('adapted_arrangement', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  /** what is adapted */
  adaptation: text().notNull(),
  /** how the student's work plan reflects it: the short text every teacher of the student sees */
  workPlan: text().notNull(),
  agreedOn: date().notNull(),
  agreedWithStudent: boolean().notNull(),
  agreedWithGuardians: boolean().notNull(),
  /** the support services that took part, by name (PPT, the school nurse); not accounts */
  supportServices: text().notNull().default(''),
  /** the last day it applies; null while it does */
  endsOn: date(),
  createdByPersonId: uuid().notNull(),
  createdAt: tz().notNull().defaultNow(),
  updatedByPersonId: uuid().notNull(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId),
  check('adapted_arrangement_ends_after_agreed', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.agreedOn}`),
]);
