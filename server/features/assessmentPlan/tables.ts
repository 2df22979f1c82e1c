/** The assessment plan: entries and the school's conflict rules. */
import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { basisGroup, levels, school, schoolYear, subject, teachingGroup } from '../../core/db/tables.js';

/** fullDayTest counts as a test in the conflict rules; excursion is a trip day (tur-/ekskursjonsdag). */
export const assessmentPlanEntryKinds = ['test', 'fullDayTest', 'project', 'excursion', 'culturalEvent'] as const;

export type AssessmentPlanEntryKind = (typeof assessmentPlanEntryKinds)[number];

/**
 * one planned test, project, full-day test, excursion or cultural event. For a teaching group (its
 * subject), a whole basis group, a level of the school, or the whole school (all three null).
 * `endsOn` (inclusive) for projects (due date) and events over several days; null for one day.
 */
export const assessmentPlanEntry = pgTable('assessment_plan_entry', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  schoolId: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  teachingGroupId: uuid(),
  basisGroupId: uuid(),
  level: text({ enum: levels }),
  subjectId: uuid(),
  kind: text({ enum: assessmentPlanEntryKinds }).notNull(),
  title: text().notNull(),
  description: text().notNull().default(''),
  startsOn: date().notNull(),
  endsOn: date(),
  createdByPersonId: uuid().notNull(),
  createdAt: tz().notNull().defaultNow(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolYearId], foreignColumns: [schoolYear.ownerId, schoolYear.id] }),
  foreignKey({ columns: [t.ownerId, t.teachingGroupId], foreignColumns: [teachingGroup.ownerId, teachingGroup.id] }),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
  foreignKey({ columns: [t.ownerId, t.subjectId], foreignColumns: [subject.ownerId, subject.id] }),
  index().on(t.ownerId, t.teachingGroupId, t.startsOn),
  index().on(t.ownerId, t.basisGroupId, t.startsOn),
  index().on(t.ownerId, t.schoolId, t.startsOn),
  check('assessment_plan_one_scope', sql`num_nonnulls(${t.teachingGroupId}, ${t.basisGroupId}, ${t.level}) <= 1`),
  check('assessment_plan_dates_ordered', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
]);

export const assessmentPlanRuleKinds = ['maxTestsPerDay', 'maxTestsPerWeek', 'noTestAfterExcursion'] as const;

export type AssessmentPlanRuleKind = (typeof assessmentPlanRuleKinds)[number];

/**
 * a school's own setting of one conflict rule; a rule without a row uses Elevlos's default
 * (features/assessmentPlan/rules.ts). `warningOnly`: the rule warns but does not refuse the save.
 */
export const assessmentPlanRule = pgTable('assessment_plan_rule', {
  ownerId: uuid().notNull(),
  schoolId: uuid().notNull(),
  rule: text({ enum: assessmentPlanRuleKinds }).notNull(),
  enabled: boolean().notNull().default(true),
  /** for the max rules: the most tests allowed per day / ISO week */
  maximum: smallint(),
  warningOnly: boolean().notNull().default(false),
  updatedByPersonId: uuid(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.schoolId, t.rule] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  check('assessment_plan_rule_maximum', sql`${t.maximum} is null or ${t.maximum} between 1 and 20`),
]);
