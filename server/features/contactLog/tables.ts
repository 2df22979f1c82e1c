/** The contact log's table. */
import { date, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { student, visibilityTiers } from '../../core/db/tables.js';

/** e-mails, calls, letters and meetings with guardians */
export const contactLogEntry = pgTable('contact_log_entry', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  authorPersonId: uuid().notNull(),
  occurredOn: date().notNull(),
  channel: text({ enum: ['phone', 'email', 'letter', 'meeting', 'message'] }).notNull(),
  summary: text().notNull(),
  visibility: text({ enum: visibilityTiers }).notNull().default('contactTeacherAndLeaders'),
  createdAt: tz().notNull().defaultNow(),
  updatedAt: tz().notNull().defaultNow(),
  updatedByPersonId: uuid(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId, t.occurredOn),
]);
