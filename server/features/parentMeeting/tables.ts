/** Parent meetings and who attended. */
import { boolean, date, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { basisGroup, person, student } from '../../core/db/tables.js';

/** a parent meeting of a class: when, the topic and the information given. */
export const parentMeeting = pgTable('parent_meeting', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  basisGroupId: uuid().notNull(),
  heldOn: date().notNull(),
  topic: text().notNull(),
  information: text().notNull(),
  recordedByPersonId: uuid().notNull(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
  index().on(t.ownerId, t.basisGroupId),
]);

/** one guardian (of one student) at a parent meeting; the absent are sent the information (informedAt). */
export const parentMeetingAttendance = pgTable('parent_meeting_attendance', {
  ownerId: uuid().notNull(),
  meetingId: uuid().notNull(),
  studentId: uuid().notNull(),
  guardianPersonId: uuid().notNull(),
  present: boolean().notNull(),
  informedAt: tz(),
  informedByPersonId: uuid(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.meetingId, t.studentId, t.guardianPersonId] }),
  foreignKey({ columns: [t.ownerId, t.meetingId], foreignColumns: [parentMeeting.ownerId, parentMeeting.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.guardianPersonId], foreignColumns: [person.ownerId, person.id] }),
]);
