/** Accommodation needs (skjemaelever, R-04): the needs, each subject teacher's receipt, the reminders. */
import { foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { person, student } from '../../core/db/tables.js';

/** skjemaelev: each registered accommodation need of a student */
export const accommodationNeed = pgTable('accommodation_need', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  description: text().notNull(),
  /** R-04 (features/accommodationNeeds): what the teachers should do */
  guidance: text().notNull().default(''),
  registeredByPersonId: uuid(),
  registeredAt: tz().notNull().defaultNow(),
  updatedAt: tz().notNull().defaultNow(),
  /** a change asks every subject teacher to confirm again: only receipts of this revision count */
  revision: integer().notNull().default(1),
  /** the need no longer applies (kept for the record) */
  endedAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId),
]);

/** a subject teacher confirmed having read a student's accommodation need (one receipt per teacher). */
export const accommodationNeedReceipt = pgTable('accommodation_need_receipt', {
  ownerId: uuid().notNull(),
  needId: uuid().notNull(),
  teacherPersonId: uuid().notNull(),
  /** the need's revision the teacher read */
  revision: integer().notNull(),
  confirmedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.needId, t.teacherPersonId] }),
  foreignKey({ columns: [t.ownerId, t.needId], foreignColumns: [accommodationNeed.ownerId, accommodationNeed.id] }),
  foreignKey({ columns: [t.ownerId, t.teacherPersonId], foreignColumns: [person.ownerId, person.id] }),
  index().on(t.ownerId, t.teacherPersonId),
]);

/** the contact teacher reminded a subject teacher to confirm a student's accommodation needs. */
export const accommodationNeedReminder = pgTable('accommodation_need_reminder', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  teacherPersonId: uuid().notNull(),
  sentByPersonId: uuid().notNull(),
  sentAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId),
]);
