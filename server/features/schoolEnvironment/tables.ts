/**
 * School-environment cases (R-70; L-33 law § 12-4, L-34 § 12-5/12-6): a staff member's concern that a student
 * does not have a safe and good school environment, the investigation, the activity plan (kept in versions)
 * and an append-only log of everything done.
 */
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { staffMember, student } from '../../core/db/tables.js';

export const schoolEnvironmentCase = pgTable('school_environment_case', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  schoolId: uuid().notNull(),
  reportedByPersonId: uuid().notNull(),
  /** the day the matter reached the principal; the county governor may be asked a week later (§ 12-6) */
  reportedOn: date().notNull(),
  /** what the reporter saw or heard: the school's working record, never shown to the family */
  concern: text().notNull(),
  /** L-34 (§ 12-5): the staff member the report is about, who never sees the case */
  concernsStaffMemberId: uuid(),
  concernsPersonId: uuid(),
  /** L-34: the leadership is involved, so the report goes to the school owner, not the principal */
  leadershipInvolved: boolean().notNull().default(false),
  escalatedToOwnerOn: date(),
  closedOn: date(),
  createdAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.concernsStaffMemberId], foreignColumns: [staffMember.ownerId, staffMember.id] }),
  index().on(t.ownerId, t.studentId),
  index().on(t.ownerId, t.schoolId, t.reportedOn),
]);

/** The staff the principal assigned to the case: they read it and work on it. */
export const schoolEnvironmentParticipant = pgTable('school_environment_participant', {
  ownerId: uuid().notNull(),
  caseId: uuid().notNull(),
  personId: uuid().notNull(),
  addedByPersonId: uuid().notNull(),
  addedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.caseId, t.personId] }),
  foreignKey({ columns: [t.ownerId, t.caseId], foreignColumns: [schoolEnvironmentCase.ownerId, schoolEnvironmentCase.id] }),
]);

/** One planned measure of an activity plan: b) what, c) when, d) who, e) when evaluated. Its id stays the same across versions. */
export interface ActivityPlanMeasure {
  id: string;
  description: string;
  startsOn: string;
  endsOn: string | null;
  responsible: string;
  evaluateOn: string;
}

/** L-33: the written activity plan; every save is a new version, and the old ones are kept. */
export const activityPlanVersion = pgTable('activity_plan_version', {
  ownerId: uuid().notNull(),
  caseId: uuid().notNull(),
  version: integer().notNull(),
  /** a) the problem the measures are to solve */
  problem: text().notNull(),
  measures: jsonb().$type<ActivityPlanMeasure[]>().notNull(),
  savedByPersonId: uuid().notNull(),
  savedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.caseId, t.version] }),
  foreignKey({ columns: [t.ownerId, t.caseId], foreignColumns: [schoolEnvironmentCase.ownerId, schoolEnvironmentCase.id] }),
]);

export const caseLogKinds = [
  'reported', 'investigation', 'planSaved', 'measureCarriedOut', 'measureEvaluated', 'participantAdded', 'escalatedToOwner', 'closed',
] as const;
export type CaseLogKind = (typeof caseLogKinds)[number];

/** L-33 "what is done is documented": the case's log; rows are only ever added. */
export const schoolEnvironmentLogEntry = pgTable('school_environment_log_entry', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  caseId: uuid().notNull(),
  kind: text({ enum: caseLogKinds }).notNull(),
  occurredOn: date().notNull(),
  text: text().notNull().default(''),
  measureId: uuid(),
  planVersion: integer(),
  byPersonId: uuid().notNull(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.caseId], foreignColumns: [schoolEnvironmentCase.ownerId, schoolEnvironmentCase.id] }),
  index().on(t.ownerId, t.caseId, t.recordedAt),
]);
