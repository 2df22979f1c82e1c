/** Measures (tiltak) about a student: goal, what is done, owner, start, evaluation date, evaluation, next step. */
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { staffMember, student } from '../../core/db/tables.js';

export const measureStatuses = ['active', 'continued', 'ended'] as const;
export type MeasureStatus = (typeof measureStatuses)[number];

export const measure = pgTable('measure', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  goal: text().notNull(),
  actions: text().notNull(),
  ownerStaffMemberId: uuid().notNull(),
  startsOn: date().notNull(),
  evaluateOn: date().notNull(),
  evaluation: text().notNull().default(''),
  nextStep: text().notNull().default(''),
  evaluatedOn: date(),
  status: text({ enum: measureStatuses }).notNull().default('active'),
  // where it was proposed: a class-team meeting's follow-up row (screening) is (meeting, this student);
  // no foreign key, so the meeting's record stays the screening feature's to change
  classTeamMeetingId: uuid(),
  // the case (sak) it was proposed in; no foreign key, so the case stays the cases feature's to change
  caseId: uuid(),
  createdByPersonId: uuid().notNull(),
  createdAt: tz().notNull().defaultNow(),
  updatedByPersonId: uuid().notNull(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.ownerStaffMemberId], foreignColumns: [staffMember.ownerId, staffMember.id] }),
  index().on(t.ownerId, t.studentId),
  index().on(t.ownerId, t.ownerStaffMemberId, t.evaluateOn),
  index().on(t.ownerId, t.caseId).where(sql`${t.caseId} is not null`),
  check('measure_evaluate_after_start', sql`${t.evaluateOn} >= ${t.startsOn}`),
]);
