/**
 * The duty to report to the child welfare service (R-61, R-76; L-41 law § 24-3): the school's procedure text
 * and the municipality's child welfare contact, and each person's own record of a report they sent.
 */
import { date, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { student } from '../../core/db/tables.js';

/** The school's own words for the procedure (null: the default text from the law) and who to call. */
export const dutyToReportSetting = pgTable('duty_to_report_setting', {
  ownerId: uuid().notNull(),
  schoolId: uuid().notNull(),
  procedureNb: text(),
  procedureNn: text(),
  procedureEn: text(),
  childWelfareName: text().notNull().default(''),
  childWelfarePhone: text().notNull().default(''),
  childWelfareEmail: text().notNull().default(''),
  updatedByPersonId: uuid().notNull(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.ownerId, t.schoolId] })]);

export const childWelfareCategories = ['mistreatment', 'seriousNeglect', 'untreatedIllness', 'crimeOrDrugs', 'humanTrafficking'] as const;
export type ChildWelfareCategory = (typeof childWelfareCategories)[number];

/**
 * L-41/R-76: a report a person sent to the child welfare service, recorded as theirs. It is complete when
 * saved: there is no status and no approval, and nobody else changes it.
 */
export const childWelfareReport = pgTable('child_welfare_report', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  schoolId: uuid().notNull(),
  reporterPersonId: uuid().notNull(),
  sentOn: date().notNull(),
  category: text({ enum: childWelfareCategories }).notNull(),
  /** seen only by the reporter and the principal */
  note: text().notNull().default(''),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId),
  index().on(t.ownerId, t.schoolId, t.sentOn),
]);
