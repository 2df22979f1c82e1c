/** Formative assessment. */
import { date, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { student, subject, teachingGroup } from '../../core/db/tables.js';

export const formativeAssessmentKinds = ['writtenFeedback', 'test', 'presentation', 'conversation', 'practical'] as const;

export type FormativeAssessmentKind = (typeof formativeAssessmentKinds)[number];

/** one formative assessment of one student in a teaching group's subject; the feedback is written to the student. */
export const formativeAssessment = pgTable('formative_assessment', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  teachingGroupId: uuid().notNull(),
  subjectId: uuid().notNull(),
  assessedOn: date().notNull(),
  kind: text({ enum: formativeAssessmentKinds }).notNull(),
  feedback: text().notNull(),
  recordedByPersonId: uuid().notNull(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.teachingGroupId], foreignColumns: [teachingGroup.ownerId, teachingGroup.id] }),
  foreignKey({ columns: [t.ownerId, t.subjectId], foreignColumns: [subject.ownerId, subject.id] }),
  index().on(t.ownerId, t.studentId, t.assessedOn),
  index().on(t.ownerId, t.teachingGroupId, t.assessedOn),
]);
