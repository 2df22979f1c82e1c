/** Forms: the forms the school tracks and each student's status. */
import { date, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { levels, school, student } from '../../core/db/tables.js';

/** a form the school tracks per student (registration form, consents, agreements). */
export const form = pgTable('form', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  schoolId: uuid().notNull(),
  nameNb: text().notNull(),
  nameNn: text().notNull(),
  /** null: every student of the school; else the students of one level (e.g. vg1) */
  level: text({ enum: levels }),
  dueOn: date().notNull(),
  createdByPersonId: uuid().notNull(),
  createdAt: tz().notNull().defaultNow(),
  /** the school stopped using the form: it applies to no one, but the statuses recorded are kept as the school's record */
  retiredAt: tz(),
  retiredByPersonId: uuid(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
]);

/** one student's status on one form; no row is "missing". */
export const formStatus = pgTable('form_status', {
  ownerId: uuid().notNull(),
  formId: uuid().notNull(),
  studentId: uuid().notNull(),
  status: text({ enum: ['received', 'checked'] }).notNull(),
  receivedOn: date().notNull(),
  receivedByPersonId: uuid().notNull(),
  checkedAt: tz(),
  checkedByPersonId: uuid(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.formId, t.studentId] }),
  foreignKey({ columns: [t.ownerId, t.formId], foreignColumns: [form.ownerId, form.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId),
]);
