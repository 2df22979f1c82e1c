/** Screening of Vg1 students and the class-team meetings of October. */
import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { basisGroup, department, school, schoolYear, staffMember, student } from '../../core/db/tables.js';

/** The three tests of "Kartleggeren" (seed 003: Norwegian, English, Maths). */
export const screeningTests = ['norwegian', 'english', 'maths'] as const;
export type ScreeningTest = (typeof screeningTests)[number];

/**
 * The school's concern threshold (bekymringsgrense) per test, the highest possible score, and the
 * department whose head gets the list of students below it (languages, science, Norwegian: seed 003).
 */
export const screeningSetting = pgTable('screening_setting', {
  ownerId: uuid().notNull(),
  schoolId: uuid().notNull(),
  test: text({ enum: screeningTests }).notNull(),
  concernThreshold: integer().notNull(),
  maxScore: integer().notNull(),
  noticeDepartmentId: uuid(),
  updatedByPersonId: uuid().notNull(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.schoolId, t.test] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  foreignKey({ columns: [t.ownerId, t.noticeDepartmentId], foreignColumns: [department.ownerId, department.id] }),
  check('screening_threshold_range', sql`${t.maxScore} > 0 and ${t.concernThreshold} between 0 and ${t.maxScore}`),
]);

/** One student's score on one test in one school year, with who gave the test and who typed it in. */
export const screeningResult = pgTable('screening_result', {
  ownerId: uuid().notNull(),
  studentId: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  test: text({ enum: screeningTests }).notNull(),
  score: integer().notNull(),
  /** the contact teacher (vocational Norwegian) or the subject's teacher; null when the school has none on record */
  givenByPersonId: uuid(),
  recordedByPersonId: uuid().notNull(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.studentId, t.schoolYearId, t.test] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolYearId], foreignColumns: [schoolYear.ownerId, schoolYear.id] }),
  check('screening_score_range', sql`${t.score} >= 0`),
]);

/** The class's screening was complete and the department heads were told (once per class). */
export const screeningNotice = pgTable('screening_notice', {
  ownerId: uuid().notNull(),
  basisGroupId: uuid().notNull(),
  sentAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.basisGroupId] }),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
]);

/** The ISO weeks in which the school holds its class-team meetings (default 39, 40, 42: seed 003). */
export const classTeamMeetingSetting = pgTable('class_team_meeting_setting', {
  ownerId: uuid().notNull(),
  schoolId: uuid().notNull(),
  weeks: smallint().array().notNull(),
  updatedByPersonId: uuid().notNull(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.schoolId] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
]);

/** A class's class-team meeting of the school year (a basis group belongs to one school year). */
export const classTeamMeeting = pgTable('class_team_meeting', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  basisGroupId: uuid().notNull(),
  week: smallint().notNull(),
  heldOn: date(),
  learningEnvironment: text().notNull().default(''),
  updatedByPersonId: uuid().notNull(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  uniqueIndex().on(t.ownerId, t.basisGroupId),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
  check('class_team_meeting_week', sql`${t.week} between 1 and 53`),
]);

/** A student the team marked as struggling, who follows up, and the proposed measures (the follow-up list). */
export const classTeamConcern = pgTable('class_team_concern', {
  ownerId: uuid().notNull(),
  meetingId: uuid().notNull(),
  studentId: uuid().notNull(),
  academic: boolean().notNull().default(false),
  social: boolean().notNull().default(false),
  mental: boolean().notNull().default(false),
  physical: boolean().notNull().default(false),
  followUpByStaffMemberId: uuid(),
  proposedMeasures: text().notNull().default(''),
  updatedByPersonId: uuid().notNull(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.meetingId, t.studentId] }),
  foreignKey({ columns: [t.ownerId, t.meetingId], foreignColumns: [classTeamMeeting.ownerId, classTeamMeeting.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.followUpByStaffMemberId], foreignColumns: [staffMember.ownerId, staffMember.id] }),
  index().on(t.ownerId, t.studentId),
]);

/** Vg2/Vg3 general studies: a subject teacher's note to the contact teacher (copy to the department head) before the meeting. */
export const classTeamNote = pgTable('class_team_note', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  basisGroupId: uuid().notNull(),
  studentId: uuid().notNull(),
  authorPersonId: uuid().notNull(),
  text: text().notNull(),
  createdAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.basisGroupId),
]);
