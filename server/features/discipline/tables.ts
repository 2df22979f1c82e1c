/** Disciplinary cases (R-23; L-30…L-32): incidents, hearings, measures, suspensions, physical interventions. */
import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { student } from '../../core/db/tables.js';

/** a disciplinary case about breaches of the school rules (L-30); opened by the reporting staff member. */
export const disciplinaryCase = pgTable('disciplinary_case', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  schoolId: uuid().notNull(),
  reportedByPersonId: uuid().notNull(),
  openedAt: tz().notNull().defaultNow(),
  closedAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId),
]);

export const disciplinaryIncident = pgTable('disciplinary_incident', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  caseId: uuid().notNull(),
  occurredOn: date().notNull(),
  place: text().notNull(),
  description: text().notNull(),
  /** which of the school rules (L-30) was broken */
  rule: text().notNull(),
  reportedByPersonId: uuid().notNull(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.caseId], foreignColumns: [disciplinaryCase.ownerId, disciplinaryCase.id] }),
  index().on(t.ownerId, t.caseId),
]);

/** L-31 (forvaltningsloven § 16): the student's right to be heard — when, and what the student said. */
export const disciplinaryHearing = pgTable('disciplinary_hearing', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  caseId: uuid().notNull(),
  heardOn: date().notNull(),
  studentView: text().notNull(),
  heardByPersonId: uuid().notNull(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.caseId], foreignColumns: [disciplinaryCase.ownerId, disciplinaryCase.id] }),
  index().on(t.ownerId, t.caseId),
]);

export const disciplinaryMeasureKinds = ['conversation', 'writtenReprimand', 'removalFromLesson', 'repairDamage', 'suspension', 'other'] as const;

export type DisciplinaryMeasureKind = (typeof disciplinaryMeasureKinds)[number];

/** a measure taken in the case; `singleIncident` marks a sanction for one incident (L-22 § 9-17). */
export const disciplinaryMeasure = pgTable('disciplinary_measure', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  caseId: uuid().notNull(),
  kind: text({ enum: disciplinaryMeasureKinds }).notNull(),
  description: text().notNull(),
  decidedOn: date().notNull(),
  decidedByPersonId: uuid().notNull(),
  singleIncident: boolean().notNull().default(false),
  /** a decision addressed to the student and guardians (they see it); otherwise an internal note */
  addressedToFamily: boolean().notNull().default(false),
  /** removalFromLesson (L-31): the teacher's own group and how long, at most 2 hours */
  teachingGroupId: uuid(),
  minutes: smallint(),
  evaluateOn: date(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.caseId], foreignColumns: [disciplinaryCase.ownerId, disciplinaryCase.id] }),
  index().on(t.ownerId, t.caseId),
  check('removal_minutes', sql`${t.kind} <> 'removalFromLesson' or ${t.minutes} between 1 and 120`),
]);

export const suspensionScopes = ['lessons', 'restOfDay', 'days'] as const;

export type SuspensionScope = (typeof suspensionScopes)[number];

export const appealOutcomes = ['upheld', 'changed', 'reversed'] as const;

/**
 * L-31: suspension — the principal's decision after advance notice (§ 16) and the student's hearing, with
 * reasons, notification and appeal. One per case; the law's caps by stage are checked by the route.
 */
export const suspension = pgTable('suspension', {
  ownerId: uuid().notNull(),
  caseId: uuid().notNull(),
  noticeSentOn: date().notNull(),
  noticeByPersonId: uuid().notNull(),
  decidedOn: date(),
  decidedByPersonId: uuid(),
  measureId: uuid(),
  scope: text({ enum: suspensionScopes }),
  lessons: smallint(),
  days: smallint(),
  startsOn: date(),
  reasons: text(),
  /** why milder measures were not enough (law § 13-1) */
  milderMeasures: text(),
  /** grades 1–7: the parents are told before the student is sent home */
  guardiansToldOn: date(),
  notifiedOn: date(),
  appealReceivedOn: date(),
  appealOutcome: text({ enum: appealOutcomes }),
  appealDecidedOn: date(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.caseId] }),
  foreignKey({ columns: [t.ownerId, t.caseId], foreignColumns: [disciplinaryCase.ownerId, disciplinaryCase.id] }),
]);

/** L-32: a physical intervention — the account, the student's view, reported to the principal, who informs the parents. */
export const physicalIntervention = pgTable('physical_intervention', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  caseId: uuid().notNull(),
  occurredOn: date().notNull(),
  incidentAccount: text().notNull(),
  interventionAccount: text().notNull(),
  studentView: text().notNull(),
  performedByPersonId: uuid().notNull(),
  reportedToPrincipalOn: date().notNull(),
  parentsInformedOn: date(),
  parentsInformedByPersonId: uuid(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.caseId], foreignColumns: [disciplinaryCase.ownerId, disciplinaryCase.id] }),
  index().on(t.ownerId, t.caseId),
]);
