/** The annual cycle (R-30…R-33): cycles, routines, hand ticks, the kept compliance counts, the weekly digest. */
import { sql } from 'drizzle-orm';
import {
  boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { levels, person, school, schoolYear } from '../../core/db/tables.js';

export const routineScopeValues = ['eachStudent', 'eachBasisGroup', 'eachTeacher', 'eachSubjectTeacherOfStudent'] as const;

export const routineResponsibleRoles = ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor', 'principal'] as const;

export type RoutineResponsibleRole = (typeof routineResponsibleRoles)[number];

/** A school's annual cycle for one school year; a new year's is copied from the last with its dates moved. */
export const annualCycle = pgTable('annual_cycle', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  schoolId: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  copiedFromCycleId: uuid(),
  createdAt: tz().notNull().defaultNow(),
  createdByPersonId: uuid(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  uniqueIndex().on(t.ownerId, t.schoolId, t.schoolYearId),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolYearId], foreignColumns: [schoolYear.ownerId, schoolYear.id] }),
]);

/**
 * One routine of the cycle: what (nb and nn), for whom (scope, optionally a level and a programme), who is
 * responsible (a role), when (a window in dates; the UI shows ISO weeks) and what counts as done (evidence).
 * Its tasks are computed from the data, never stored.
 */
export const routine = pgTable('routine', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  cycleId: uuid().notNull(),
  position: integer().notNull().default(0),
  /** the default cycle's key (e.g. 'startOfYearConversations'); null for the school's own */
  builtinKey: text(),
  titleNb: text().notNull(),
  titleNn: text().notNull(),
  descriptionNb: text().notNull().default(''),
  descriptionNn: text().notNull().default(''),
  scope: text({ enum: routineScopeValues }).notNull(),
  level: text({ enum: levels }),
  programme: text({ enum: ['general', 'vocational'] }),
  /** tasks only for students who are not adult students (the guardian conference: L-02, students under 18) */
  excludeAdults: boolean().notNull().default(false),
  responsibleRole: text({ enum: routineResponsibleRoles }).notNull(),
  opensOn: date().notNull(),
  closesOn: date().notNull(),
  evidenceKind: text().notNull(),
  evidenceParam: text(),
  updatedAt: tz().notNull().defaultNow(),
  updatedByPersonId: uuid(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.cycleId], foreignColumns: [annualCycle.ownerId, annualCycle.id] }).onDelete('cascade'),
  index().on(t.ownerId, t.cycleId),
  check('routine_window_ordered', sql`${t.closesOn} >= ${t.opensOn}`),
]);

/** A hand tick: only for routines with no data behind them; says who ticked and when. teacherId is the nil uuid unless per teacher of a student. */
export const routineHandTick = pgTable('routine_hand_tick', {
  ownerId: uuid().notNull(),
  routineId: uuid().notNull(),
  subjectId: uuid().notNull(),
  teacherId: uuid().notNull(),
  tickedOn: date().notNull(),
  tickedByPersonId: uuid().notNull(),
  tickedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.routineId, t.subjectId, t.teacherId] }),
  foreignKey({ columns: [t.ownerId, t.routineId], foreignColumns: [routine.ownerId, routine.id] }).onDelete('cascade'),
]);

/**
 * The leaders' compliance counts (R-30…R-33), kept per cycle so that a department head's or principal's view
 * is a read of a few hundred rows instead of the school's whole evidence (~0.2–0.5 s of database time for a
 * 1 667-student school). One row per routine × class (dim 'class', key = basis group) or routine × responsible
 * teacher (dim 'teacher', key = staff member), per department of the tasks (null: tasks of no department).
 * Recomputed from the data when older than a few minutes or from another day (see annualCycle/compliance.ts).
 */
export const routineCompliance = pgTable('routine_compliance', {
  ownerId: uuid().notNull(),
  cycleId: uuid().notNull(),
  dim: text().notNull(),
  routineId: uuid().notNull(),
  /** null: the routine's tasks that belong to no class (a teacher's own), counted in the routine's total */
  key: uuid(),
  departmentId: uuid(),
  total: integer().notNull(),
  done: integer().notNull(),
  overdue: integer().notNull(),
  late: integer().notNull(),
  open: integer().notNull(),
}, (t) => [
  index().on(t.ownerId, t.cycleId, t.departmentId),
  foreignKey({ columns: [t.ownerId, t.cycleId], foreignColumns: [annualCycle.ownerId, annualCycle.id] }).onDelete('cascade'),
]);

/** When a cycle's compliance counts were computed, and for which day (overdue and open depend on the day). */
export const routineComplianceRun = pgTable('routine_compliance_run', {
  ownerId: uuid().notNull(),
  cycleId: uuid().notNull(),
  computedAt: tz().notNull(),
  computedFor: date().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.cycleId] }),
  foreignKey({ columns: [t.ownerId, t.cycleId], foreignColumns: [annualCycle.ownerId, annualCycle.id] }).onDelete('cascade'),
]);

/** The weekly digest of overdue tasks: on unless the person turned it off. */
export const routineDigestPreference = pgTable('routine_digest_preference', {
  ownerId: uuid().notNull(),
  personId: uuid().notNull(),
  weeklyDigest: boolean().notNull(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.personId] }),
  foreignKey({ columns: [t.ownerId, t.personId], foreignColumns: [person.ownerId, person.id] }),
]);

/** One digest per person per ISO week (the Monday): a retried job never sends twice. */
export const routineDigestSent = pgTable('routine_digest_sent', {
  ownerId: uuid().notNull(),
  personId: uuid().notNull(),
  weekStart: date().notNull(),
  sentAt: tz().notNull().defaultNow(),
  overdueCount: integer().notNull(),
}, (t) => [primaryKey({ columns: [t.ownerId, t.personId, t.weekStart] })]);
