/**
 * Status changes (endring av elevstatus, R-52): a student leaving, changing programme or changing school.
 * The preparers call the meetings and gather the documents; the principal's decision (enkeltvedtak, R-73
 * pattern) is recorded with reasons, the date it takes effect, the notice and the appeal. The enrolment
 * changes only when a decision grants it.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { student } from '../../core/db/tables.js';

export const statusChangeKinds = ['leaving', 'changingProgramme', 'changingSchool'] as const;
export type StatusChangeKind = (typeof statusChangeKinds)[number];

export const programmes = ['general', 'vocational'] as const;

/** The same outcomes as the suspension's appeal (discipline): the decision kept, changed or reversed. */
export const statusAppealOutcomes = ['upheld', 'changed', 'reversed'] as const;
export type StatusAppealOutcome = (typeof statusAppealOutcomes)[number];

export const statusChange = pgTable('status_change', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  kind: text({ enum: statusChangeKinds }).notNull(),
  background: text().notNull(),
  proposedOn: date().notNull(),
  /** changingProgramme: the programme the student moves to (null: the same kind of programme) */
  newProgramme: text({ enum: programmes }),
  startedByPersonId: uuid().notNull(),
  startedAt: tz().notNull().defaultNow(),
  updatedAt: tz().notNull().defaultNow(),
  // the principal's decision (vedtak): null until decided
  decidedOn: date(),
  decidedByPersonId: uuid(),
  granted: boolean(),
  reasons: text(),
  effectiveOn: date(),
  /** the day the notice went to the student (and the guardians with insight); the appeal deadline runs from it */
  notifiedOn: date(),
  /** where an appeal is sent (forvaltningsloven § 32: to the body that decided) */
  appealTo: text(),
  appealReceivedOn: date(),
  appealNote: text(),
  appealOutcome: text({ enum: statusAppealOutcomes }),
  appealDecidedOn: date(),
  appealRecordedByPersonId: uuid(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId),
  index('status_change_pending_idx').on(t.ownerId, t.startedAt).where(sql`${t.decidedOn} is null`),
  check('status_change_decision_whole', sql`${t.decidedOn} is null or (${t.decidedByPersonId} is not null and ${t.granted} is not null
    and ${t.reasons} is not null and ${t.notifiedOn} is not null and ${t.appealTo} is not null and (not ${t.granted} or ${t.effectiveOn} is not null))`),
  check('status_change_appeal_after_decision', sql`${t.appealReceivedOn} is null or ${t.decidedOn} is not null`),
]);

/** Who took part in a preparation meeting; `others` names anyone else in words. */
export const meetingParticipants = ['student', 'guardians', 'counsellor', 'contactTeacher', 'departmentHead'] as const;
export type MeetingParticipant = (typeof meetingParticipants)[number];

/** A meeting called in preparation: when, who took part, a short note. Recorded here, not in the meetings feature. */
export const statusChangeMeeting = pgTable('status_change_meeting', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  statusChangeId: uuid().notNull(),
  heldOn: date().notNull(),
  participants: text().array().notNull(),
  others: text().notNull().default(''),
  note: text().notNull().default(''),
  recordedByPersonId: uuid().notNull(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.statusChangeId], foreignColumns: [statusChange.ownerId, statusChange.id] }),
  index().on(t.ownerId, t.statusChangeId),
]);

/** A document gathered for the decision: its title, when it came and from whom. */
export const statusChangeDocument = pgTable('status_change_document', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  statusChangeId: uuid().notNull(),
  title: text().notNull(),
  receivedOn: date().notNull(),
  receivedFrom: text().notNull(),
  recordedByPersonId: uuid().notNull(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.statusChangeId], foreignColumns: [statusChange.ownerId, statusChange.id] }),
  index().on(t.ownerId, t.statusChangeId),
]);
