/** Conduct grades (R-25, L-22): teachers' input, the half-year grades, the principal's review. */
import { date, foreignKey, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { basisGroup, student, term } from '../../core/db/tables.js';

/** L-22: orden og oppførsel — God, Nokså god, Lite god. */
export const conductGrades = ['G', 'Ng', 'Lg'] as const;

export type ConductGrade = (typeof conductGrades)[number];

/** L-22 § 9-14: one teacher's input on a student's order and behaviour for a half-year (term), with reasons. */
export const conductInput = pgTable('conduct_input', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  termId: uuid().notNull(),
  teacherPersonId: uuid().notNull(),
  /** the group the teacher teaches the student in */
  teachingGroupId: uuid(),
  order: text({ enum: conductGrades }).notNull(),
  behaviour: text({ enum: conductGrades }).notNull(),
  reasons: text(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  uniqueIndex().on(t.ownerId, t.studentId, t.termId, t.teacherPersonId),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.termId], foreignColumns: [term.ownerId, term.id] }),
]);

/**
 * L-22: the half-year grade the contact teacher sets (the spring term's is the final one). Ng or Lg
 * needs an earlier sent conduct warning, or `measureId`: a sanction for a single incident.
 */
export const conductGradeSetting = pgTable('conduct_grade', {
  ownerId: uuid().notNull(),
  studentId: uuid().notNull(),
  termId: uuid().notNull(),
  order: text({ enum: conductGrades }).notNull(),
  behaviour: text({ enum: conductGrades }).notNull(),
  reasons: text(),
  measureId: uuid(),
  setByPersonId: uuid().notNull(),
  setAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.studentId, t.termId] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.termId], foreignColumns: [term.ownerId, term.id] }),
]);

export const conductReviewOutcomes = ['confirmed', 'changed', 'followUp'] as const;

/** L-22 § 9-17: the principal's discussion of a class's conduct grades with the teachers before final grades. */
export const conductReview = pgTable('conduct_review', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  basisGroupId: uuid().notNull(),
  termId: uuid().notNull(),
  heldOn: date().notNull(),
  participants: text(),
  reviewedByPersonId: uuid().notNull(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  uniqueIndex().on(t.ownerId, t.basisGroupId, t.termId),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
]);

export const conductReviewOutcome = pgTable('conduct_review_outcome', {
  ownerId: uuid().notNull(),
  reviewId: uuid().notNull(),
  studentId: uuid().notNull(),
  outcome: text({ enum: conductReviewOutcomes }).notNull(),
  note: text(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.reviewId, t.studentId] }),
  foreignKey({ columns: [t.ownerId, t.reviewId], foreignColumns: [conductReview.ownerId, conductReview.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
]);
