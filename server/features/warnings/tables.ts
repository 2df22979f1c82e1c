/** Warnings (R-22; L-20, L-21): notices, letters, copies per recipient, delivery proof, the principal's decisions; the terms' assessment dates. */
import { sql } from 'drizzle-orm';
import {
  check, date, foreignKey, index, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { school, student, subject, term } from '../../core/db/tables.js';

export const warningKinds = ['notAssessed', 'conduct'] as const;

export type WarningKind = (typeof warningKinds)[number];

export const conductAspects = ['order', 'behaviour'] as const;

export const warningStates = ['proposed', 'approved', 'sent', 'withdrawn', 'rejected'] as const;

export type WarningState = (typeof warningStates)[number];

/**
 * L-20: the date the term's half-year (autumn) or final (spring) assessment is set, per school and term.
 * A warning must reach the student early enough to give a real chance; without a row the term's last
 * day counts.
 */
export const termAssessmentDate = pgTable('term_assessment_date', {
  ownerId: uuid().notNull(),
  schoolId: uuid().notNull(),
  termId: uuid().notNull(),
  assessedOn: date().notNull(),
  /** how many days before the assessment a warning is still in time (the deadline check) */
  minimumNoticeDays: smallint().notNull().default(21),
  updatedAt: tz().notNull().defaultNow(),
  updatedByPersonId: uuid(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.schoolId, t.termId] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  foreignKey({ columns: [t.ownerId, t.termId], foreignColumns: [term.ownerId, term.id] }),
  check('notice_days', sql`${t.minimumNoticeDays} between 1 and 120`),
]);

/**
 * One warning (varsel, L-20) about one student: risk of no grade (IV) in a subject, or of Ng/Lg in
 * order or behaviour. Raised by a teacher (`proposed`), reviewed by the contact teacher who merges the
 * student's warnings into one letter (`approved`), then `sent`; a sent warning can only be `withdrawn`
 * (the letter stays). What the letter says about it is frozen in the letter's copies, not here.
 */
export const warningNotice = pgTable('warning_notice', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  termId: uuid().notNull(),
  kind: text({ enum: warningKinds }).notNull(),
  /** notAssessed: the subject at risk */
  subjectId: uuid(),
  /** conduct: order or behaviour */
  conductAspect: text({ enum: conductAspects }),
  /** why: the absence so far or the incidents (no health details, L-42) */
  grounds: text().notNull(),
  /** what the student must do to get the grade / improve the conduct grade */
  requirement: text().notNull(),
  /** by when */
  dueOn: date().notNull(),
  /** the absence figures the warning was raised on (hours, %, dates), as the subject teacher saw them */
  absenceSnapshot: jsonb(),
  state: text({ enum: warningStates }).notNull().default('proposed'),
  letterId: uuid(),
  raisedByPersonId: uuid().notNull(),
  raisedAt: tz().notNull().defaultNow(),
  reviewedByPersonId: uuid(),
  reviewedAt: tz(),
  /** why the contact teacher did not send it (rejected) */
  reviewNote: text(),
  sentAt: tz(),
  withdrawnAt: tz(),
  withdrawnByPersonId: uuid(),
  withdrawalReason: text(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.subjectId], foreignColumns: [subject.ownerId, subject.id] }),
  foreignKey({ columns: [t.ownerId, t.termId], foreignColumns: [term.ownerId, term.id] }),
  index().on(t.ownerId, t.studentId),
  index().on(t.ownerId, t.letterId),
  check('warning_kind_fields', sql`(${t.kind} = 'notAssessed' and ${t.subjectId} is not null and ${t.conductAspect} is null)
    or (${t.kind} = 'conduct' and ${t.subjectId} is null and ${t.conductAspect} is not null)`),
]);

/** One letter per student that carries one or more warnings; approved by the contact teacher, then sent. */
export const warningLetter = pgTable('warning_letter', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  termId: uuid().notNull(),
  /** the student's written language (målform) */
  locale: text({ enum: ['nb', 'nn'] }).notNull(),
  channel: text({ enum: ['digital', 'paper'] }).notNull().default('digital'),
  approvedByPersonId: uuid().notNull(),
  approvedAt: tz().notNull().defaultNow(),
  sentByPersonId: uuid(),
  sentAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId),
]);

/**
 * The immutable dated document (L-20): one copy per recipient — the student and each guardian with
 * insight, separately, so no guardian's letter shows another's protected address. Written once when
 * the letter is sent; the frozen text, the PDF bytes and their SHA-256 are never updated.
 */
export const warningLetterCopy = pgTable('warning_letter_copy', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  letterId: uuid().notNull(),
  studentId: uuid().notNull(),
  recipientPersonId: uuid().notNull(),
  recipientRole: text({ enum: ['student', 'guardian'] }).notNull(),
  /** the letter's text as sent (heading, address lines, paragraphs) */
  content: jsonb().notNull(),
  pdf: text().notNull(),
  sha256: text().notNull(),
  createdAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.letterId], foreignColumns: [warningLetter.ownerId, warningLetter.id] }),
  uniqueIndex().on(t.ownerId, t.letterId, t.recipientPersonId),
  index().on(t.ownerId, t.recipientPersonId),
]);

export const deliveryEventKinds = ['sent', 'emailed', 'posted', 'read', 'signedCopy'] as const;

export type DeliveryEventKind = (typeof deliveryEventKinds)[number];

/** Delivery proof of one copy: sent, e-mail notice, posted on paper, read in the app, a scanned signed copy. */
export const warningDeliveryEvent = pgTable('warning_delivery_event', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  copyId: uuid().notNull(),
  kind: text({ enum: deliveryEventKinds }).notNull(),
  at: tz().notNull().defaultNow(),
  byPersonId: uuid(),
  /** signedCopy: the scan, base64, with its name and type */
  fileName: text(),
  fileType: text(),
  fileData: text(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.copyId], foreignColumns: [warningLetterCopy.ownerId, warningLetterCopy.id] }),
  index().on(t.ownerId, t.copyId),
]);

/**
 * L-21: after a warning, no grade can be given — the principal personally decides that no (final) grade
 * is given, with reasons; an individual decision that can be appealed. On appeal the warning goes to the
 * county governor (§ 10-5).
 */
export const warningDecision = pgTable('warning_decision', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  warningNoticeId: uuid().notNull(),
  studentId: uuid().notNull(),
  reasons: text().notNull(),
  decidedByPersonId: uuid().notNull(),
  decidedAt: tz().notNull().defaultNow(),
  appealedOn: date(),
  appealNote: text(),
  appealRecordedByPersonId: uuid(),
  forwardedToCountyGovernorOn: date(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  uniqueIndex().on(t.ownerId, t.warningNoticeId),
  foreignKey({ columns: [t.ownerId, t.warningNoticeId], foreignColumns: [warningNotice.ownerId, warningNotice.id] }),
  index().on(t.ownerId, t.studentId),
]);
