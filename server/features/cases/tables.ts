/**
 * Cases (sak) about one student: raised by a staff member for discussion with the
 * counsellor and the leaders, with an append-only chronology, its participants and its outcome.
 * The table is `cases` because CASE is a reserved word in SQL.
 */
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { staffMember, student } from '../../core/db/tables.js';

/**
 * Who of the staff may read a case besides the one who raised it and its participants:
 * `staff` — every staff member who works with the student; `counsellorAndLeaders` — the counsellor, the
 * student's department head and the principal (the people a case is raised to, R-54); `participants` —
 * nobody but the case's own participants.
 */
export const caseVisibilities = ['staff', 'counsellorAndLeaders', 'participants'] as const;
export type CaseVisibility = (typeof caseVisibilities)[number];

export const caseStatuses = ['open', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** What the discussion led to (seed 002 point 4, R-53). `closed` ends the case. */
export const caseOutcomes = ['furtherMapping', 'proposedMeasures', 'referralToPpt', 'closed'] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

export const cases = pgTable('cases', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  title: text().notNull(),
  /** what prompted it: what was seen or heard */
  background: text().notNull(),
  raisedByStaffMemberId: uuid().notNull(),
  raisedOn: date().notNull(),
  status: text({ enum: caseStatuses }).notNull().default('open'),
  visibility: text({ enum: caseVisibilities }).notNull().default('counsellorAndLeaders'),
  outcome: text({ enum: caseOutcomes }),
  outcomeReason: text().notNull().default(''),
  outcomeOn: date(),
  outcomeByPersonId: uuid(),
  /** on the resource team's list of cases to discuss; null when not (or no longer) registered */
  resourceTeamRegisteredAt: tz(),
  resourceTeamRegisteredByPersonId: uuid(),
  createdByPersonId: uuid().notNull(),
  createdAt: tz().notNull().defaultNow(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.raisedByStaffMemberId], foreignColumns: [staffMember.ownerId, staffMember.id] }),
  index().on(t.ownerId, t.studentId),
  index('cases_resource_team_idx').on(t.ownerId, t.resourceTeamRegisteredAt).where(sql`${t.resourceTeamRegisteredAt} is not null and ${t.status} = 'open'`),
  check('cases_outcome_has_reason', sql`${t.outcome} is null or (${t.outcomeOn} is not null and ${t.outcomeByPersonId} is not null)`),
  check('cases_closed_means_outcome_closed', sql`(${t.status} = 'closed') = (${t.outcome} is not distinct from 'closed')`),
]);

/** What a chronology entry records; every change of the case is entered in its chronology too. */
export const caseEventKinds = ['raised', 'entry', 'correction', 'participantAdded', 'registeredForResourceTeam', 'unregisteredFromResourceTeam', 'visibilityChanged', 'outcome', 'measureCreated'] as const;
export type CaseEventKind = (typeof caseEventKinds)[number];

/**
 * The case's chronology: append-only (a trigger in the migration refuses UPDATE and DELETE). A correction
 * is a new entry that names the entry it corrects.
 */
export const caseEvent = pgTable('case_event', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  caseId: uuid().notNull(),
  kind: text({ enum: caseEventKinds }).notNull(),
  /** when it happened (may be before it was entered) */
  occurredOn: date().notNull(),
  /** what happened */
  description: text().notNull(),
  /** who did what, in the words of the one entering it (staff or external people) */
  doneBy: text().notNull().default(''),
  correctsEventId: uuid(),
  enteredByPersonId: uuid().notNull(),
  enteredAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.caseId], foreignColumns: [cases.ownerId, cases.id] }),
  foreignKey({ columns: [t.ownerId, t.correctsEventId], foreignColumns: [t.ownerId, t.id] }),
  index().on(t.ownerId, t.caseId, t.enteredAt),
]);

/** A participant: a staff account, or an external person by name and role only (never an account). */
export const caseParticipant = pgTable('case_participant', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  caseId: uuid().notNull(),
  staffMemberId: uuid(),
  externalName: text(),
  /** the external person's role (e.g. PPT advisor, child welfare) or the staff member's role in the case */
  role: text().notNull().default(''),
  addedByPersonId: uuid().notNull(),
  addedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.caseId], foreignColumns: [cases.ownerId, cases.id] }),
  foreignKey({ columns: [t.ownerId, t.staffMemberId], foreignColumns: [staffMember.ownerId, staffMember.id] }),
  index().on(t.ownerId, t.caseId),
  uniqueIndex('case_participant_staff_once').on(t.ownerId, t.caseId, t.staffMemberId).where(sql`${t.staffMemberId} is not null`),
  check('case_participant_staff_or_external', sql`(${t.staffMemberId} is null) <> (${t.externalName} is null)`),
]);
