/** Conflicts between students: the conflict, the students involved, the steps taken. */
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { school, student } from '../../core/db/tables.js';

export const conflictStatuses = ['open', 'resolved'] as const;

export type ConflictStatus = (typeof conflictStatuses)[number];

/**
 * a conflict between students, also across classes. The description is written without names
 * (every involved student's contact teacher reads it); what concerns one student lives in
 * conflict_student.note and in steps tied to that student.
 */
export const conflict = pgTable('conflict', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  schoolId: uuid().notNull(),
  occurredOn: date().notNull(),
  description: text().notNull(),
  status: text({ enum: conflictStatuses }).notNull().default('open'),
  resolvedOn: date(),
  recordedByPersonId: uuid().notNull(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  check('conflict_resolved_on', sql`(${t.status} = 'resolved') = (${t.resolvedOn} is not null)`),
]);

export const conflictStudent = pgTable('conflict_student', {
  ownerId: uuid().notNull(),
  conflictId: uuid().notNull(),
  studentId: uuid().notNull(),
  /** what concerns this student (their part, follow-up with them); read only by those with a relationship to them */
  note: text().notNull().default(''),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.conflictId, t.studentId] }),
  foreignKey({ columns: [t.ownerId, t.conflictId], foreignColumns: [conflict.ownerId, conflict.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId),
]);

/** A step taken to resolve the conflict: shared (student_id null) or with one of the students. */
export const conflictStep = pgTable('conflict_step', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  conflictId: uuid().notNull(),
  studentId: uuid(),
  takenOn: date().notNull(),
  description: text().notNull(),
  recordedByPersonId: uuid().notNull(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.conflictId], foreignColumns: [conflict.ownerId, conflict.id] }),
  index().on(t.ownerId, t.conflictId),
]);
