/** Class life: class hours, the start-of-year checklist, class rules, elections, the duty rota. */
import { sql } from 'drizzle-orm';
import {
  boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { basisGroup, student } from '../../core/db/tables.js';

/** one class hour (kontaktlærertime) of a class on a day: the contact teacher's notes, shared with the class on purpose. */
export const classHour = pgTable('class_hour', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  basisGroupId: uuid().notNull(),
  heldOn: date().notNull(),
  /** a topic key of the year's plan (classHourTopics) or the teacher's own words */
  topic: text().notNull().default(''),
  notes: text().notNull().default(''),
  /** the students of the class may read the notes */
  notesShared: boolean().notNull().default(false),
  updatedByPersonId: uuid().notNull(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  uniqueIndex().on(t.ownerId, t.basisGroupId, t.heldOn),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
]);

/** the teacher's choice of topic for a week, overriding the plan's suggestion. */
export const classHourTopic = pgTable('class_hour_topic', {
  ownerId: uuid().notNull(),
  basisGroupId: uuid().notNull(),
  /** the Monday of the ISO week */
  weekStart: date().notNull(),
  topic: text().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.basisGroupId, t.weekStart] }),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
]);

/** a class matter (sak) that needs a decision: prepared (title, background), then decided (decision, date). */
export const classHourCase = pgTable('class_hour_case', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  basisGroupId: uuid().notNull(),
  title: text().notNull(),
  background: text().notNull().default(''),
  decision: text(),
  decidedOn: date(),
  preparedByPersonId: uuid().notNull(),
  createdAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  index().on(t.ownerId, t.basisGroupId),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
  check('class_hour_case_decided', sql`(${t.decision} is null) = (${t.decidedOn} is null)`),
]);

export const startOfYearItems = ['schoolOrganisation', 'schoolRules', 'absenceRules', 'complaintsAboutTeaching'] as const;

export type StartOfYearItem = (typeof startOfYearItems)[number];

/** what the class was told at the start of the year, checked off with the date and by whom. */
export const startOfYearCheck = pgTable('start_of_year_check', {
  ownerId: uuid().notNull(),
  basisGroupId: uuid().notNull(),
  item: text({ enum: startOfYearItems }).notNull(),
  checkedOn: date().notNull(),
  checkedByPersonId: uuid().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.basisGroupId, t.item] }),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
]);

/** a rule a student of the class proposes for the class rules (classRules). */
export const classRuleProposal = pgTable('class_rule_proposal', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  basisGroupId: uuid().notNull(),
  studentId: uuid().notNull(),
  text: text().notNull(),
  createdAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  index().on(t.ownerId, t.basisGroupId),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
]);

/** a comment on a proposal, by a student of the class or the contact teacher. */
export const classRuleComment = pgTable('class_rule_comment', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  proposalId: uuid().notNull(),
  authorPersonId: uuid().notNull(),
  text: text().notNull(),
  createdAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  index().on(t.ownerId, t.proposalId),
  foreignKey({ columns: [t.ownerId, t.proposalId], foreignColumns: [classRuleProposal.ownerId, classRuleProposal.id] }),
]);

/** the contact teacher's working draft of the class rules (one per class). */
export const classRulesDraft = pgTable('class_rules_draft', {
  ownerId: uuid().notNull(),
  basisGroupId: uuid().notNull(),
  text: text().notNull(),
  updatedByPersonId: uuid().notNull(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.basisGroupId] }),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
]);

/** each published (agreed) version of the class rules; earlier versions are kept. */
export const classRulesVersion = pgTable('class_rules_version', {
  ownerId: uuid().notNull(),
  basisGroupId: uuid().notNull(),
  version: integer().notNull(),
  text: text().notNull(),
  publishedOn: date().notNull(),
  publishedByPersonId: uuid().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.basisGroupId, t.version] }),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
]);

export const electionStatuses = ['draft', 'open', 'closed'] as const;

export type ElectionStatus = (typeof electionStatuses)[number];

/** an election of the class's student representatives (tillitselever) for a term of office. */
export const studentRepresentativeElection = pgTable('student_representative_election', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  basisGroupId: uuid().notNull(),
  /** how many are elected: the first is the representative, the next the deputies */
  seats: smallint().notNull(),
  termStartsOn: date().notNull(),
  termEndsOn: date().notNull(),
  status: text({ enum: electionStatuses }).notNull().default('draft'),
  closedOn: date(),
  createdByPersonId: uuid().notNull(),
  createdAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  index().on(t.ownerId, t.basisGroupId),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
  check('election_term_ordered', sql`${t.termEndsOn} >= ${t.termStartsOn}`),
  check('election_closed_on', sql`(${t.status} = 'closed') = (${t.closedOn} is not null)`),
]);

/** a student of the class standing for election; stands only once they accept. The result is stored on closing. */
export const studentRepresentativeCandidate = pgTable('student_representative_candidate', {
  ownerId: uuid().notNull(),
  electionId: uuid().notNull(),
  studentId: uuid().notNull(),
  acceptedAt: tz(),
  declinedAt: tz(),
  votes: integer(),
  /** 1 = representative, 2… = deputies; null = not elected */
  elected: smallint(),
  /** true when a tie for a seat was settled by drawing lots */
  drawnByLot: boolean().notNull().default(false),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.electionId, t.studentId] }),
  foreignKey({ columns: [t.ownerId, t.electionId], foreignColumns: [studentRepresentativeElection.ownerId, studentRepresentativeElection.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
]);

/**
 * THAT a student voted (the primary key makes a second vote impossible). Kept apart from the
 * ballots, with no time and nothing in common, so no one can link a ballot to its voter.
 */
export const studentRepresentativeVoter = pgTable('student_representative_voter', {
  ownerId: uuid().notNull(),
  electionId: uuid().notNull(),
  studentId: uuid().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.electionId, t.studentId] }),
  foreignKey({ columns: [t.ownerId, t.electionId], foreignColumns: [studentRepresentativeElection.ownerId, studentRepresentativeElection.id] }),
]);

/** a secret ballot: which candidate, nothing about who or when (a random id). */
export const studentRepresentativeBallot = pgTable('student_representative_ballot', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  electionId: uuid().notNull(),
  candidateStudentId: uuid().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  index().on(t.ownerId, t.electionId),
  foreignKey({ columns: [t.ownerId, t.electionId, t.candidateStudentId], foreignColumns: [studentRepresentativeCandidate.ownerId, studentRepresentativeCandidate.electionId, studentRepresentativeCandidate.studentId] }),
]);

/** the duty rota (ordenselever) of a class for a period, with the tidying routines attached. */
export const dutyRota = pgTable('duty_rota', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  basisGroupId: uuid().notNull(),
  startsOn: date().notNull(),
  endsOn: date().notNull(),
  perWeek: smallint().notNull(),
  /** the tidying routines (editable list) */
  routines: jsonb().$type<string[]>().notNull(),
  createdByPersonId: uuid().notNull(),
  createdAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  index().on(t.ownerId, t.basisGroupId),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
  check('duty_rota_dates', sql`${t.endsOn} >= ${t.startsOn}`),
]);

/** who is on duty in a week of the rota. */
export const dutyRotaAssignment = pgTable('duty_rota_assignment', {
  ownerId: uuid().notNull(),
  rotaId: uuid().notNull(),
  weekStart: date().notNull(),
  studentId: uuid().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.rotaId, t.weekStart, t.studentId] }),
  foreignKey({ columns: [t.ownerId, t.rotaId], foreignColumns: [dutyRota.ownerId, dutyRota.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
]);

/** a student away for a longer period (set by the contact teacher): skipped by the duty rota. */
export const dutyRotaAway = pgTable('duty_rota_away', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  basisGroupId: uuid().notNull(),
  studentId: uuid().notNull(),
  fromOn: date().notNull(),
  toOn: date().notNull(),
  setByPersonId: uuid().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  index().on(t.ownerId, t.basisGroupId),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  check('duty_rota_away_dates', sql`${t.toOn} >= ${t.fromOn}`),
]);
