/** Conversations (R-10…R-17): the plan and its windows, versioned templates, conversations with preparation, notes and follow-ups, guardian-conference offers. */
import { sql } from 'drizzle-orm';
import {
  boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { person, school, schoolYear, student, teachingGroup, visibilityTiers } from '../../core/db/tables.js';

export const conversationKinds = ['startOfYear', 'student', 'subject', 'guardian', 'adHoc'] as const;

export type ConversationKind = (typeof conversationKinds)[number];

/**
 * The school's conversation plan for a school year: the school's own target and the window of
 * each kind. The law's floor (L-01, L-02) is checked separately and cannot be configured away.
 */
export const conversationPlan = pgTable('conversation_plan', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  schoolId: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  /** student conversations per student per year, the school's own target (seeds 000/001: 3) */
  conversationsPerYear: integer().notNull().default(3),
  updatedAt: tz().notNull().defaultNow(),
  updatedByPersonId: uuid(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  uniqueIndex().on(t.ownerId, t.schoolId, t.schoolYearId),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolYearId], foreignColumns: [schoolYear.ownerId, schoolYear.id] }),
  check('conversations_per_year_range', sql`${t.conversationsPerYear} between 0 and 20`),
]);

/** When a kind of conversation is due, and for whom (e.g. the guardian conference only for students under 18). */
export const conversationWindow = pgTable('conversation_window', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  planId: uuid().notNull(),
  kind: text({ enum: conversationKinds }).notNull(),
  opensOn: date().notNull(),
  /** the deadline: after it an unheld conversation is overdue */
  closesOn: date().notNull(),
  appliesTo: text({ enum: ['all', 'under18'] }).notNull().default('all'),
  position: integer().notNull().default(0),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.planId], foreignColumns: [conversationPlan.ownerId, conversationPlan.id] }).onDelete('cascade'),
  index().on(t.ownerId, t.planId),
  check('window_dates_ordered', sql`${t.closesOn} >= ${t.opensOn}`),
]);

/** A template's identity; its content lives in immutable versions. */
export const conversationTemplate = pgTable('conversation_template', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  schoolId: uuid().notNull(),
  kind: text({ enum: conversationKinds }).notNull(),
  /** a stable key for the templates Elevlos ships (e.g. 'startOfYear'); null for the school's own */
  builtinKey: text(),
  archivedAt: tz(),
  createdAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  uniqueIndex().on(t.ownerId, t.schoolId, t.builtinKey),
]);

/**
 * One version of a template: title and sections (questions, help text, an optional rule that limits a
 * section to some students) as validated JSON. Never updated: an edit is a new version, and a
 * conversation keeps the version it was held with.
 */
export const conversationTemplateVersion = pgTable('conversation_template_version', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  templateId: uuid().notNull(),
  version: integer().notNull(),
  title: jsonb().notNull(),
  sections: jsonb().notNull(),
  createdAt: tz().notNull().defaultNow(),
  createdByPersonId: uuid(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  uniqueIndex().on(t.ownerId, t.templateId, t.version),
  foreignKey({ columns: [t.ownerId, t.templateId], foreignColumns: [conversationTemplate.ownerId, conversationTemplate.id] }),
]);

export const conversation = pgTable('conversation', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  kind: text({ enum: conversationKinds }).notNull(),
  templateVersionId: uuid(),
  /** subject conversations: the teaching group (and so the subject) it is about */
  teachingGroupId: uuid(),
  /** who holds it: the contact teacher, the subject teacher, or the one it was delegated to */
  holderPersonId: uuid().notNull(),
  /** set when a contact teacher delegated a student conversation to a subject teacher */
  delegatedByPersonId: uuid(),
  plannedAt: tz(),
  place: text(),
  videoLink: text(),
  /** guardian conversations: the student takes part unless a reason not to is recorded */
  studentTakesPart: boolean().notNull().default(true),
  studentAbsentReason: text(),
  heldAt: tz(),
  heldByPersonId: uuid(),
  /** "ny, viktig info" — the department head is notified (without the content) */
  newImportantInformation: boolean().notNull().default(false),
  cancelledAt: tz(),
  createdAt: tz().notNull().defaultNow(),
  createdByPersonId: uuid().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolYearId], foreignColumns: [schoolYear.ownerId, schoolYear.id] }),
  foreignKey({ columns: [t.ownerId, t.templateVersionId], foreignColumns: [conversationTemplateVersion.ownerId, conversationTemplateVersion.id] }),
  foreignKey({ columns: [t.ownerId, t.teachingGroupId], foreignColumns: [teachingGroup.ownerId, teachingGroup.id] }),
  index().on(t.ownerId, t.studentId, t.schoolYearId),
  index().on(t.ownerId, t.holderPersonId),
  check('subject_needs_group', sql`(${t.kind} = 'subject') = (${t.teachingGroupId} is not null)`),
]);

/** the student's own preparation, one per conversation, written by the student only. */
export const conversationPreparation = pgTable('conversation_preparation', {
  ownerId: uuid().notNull(),
  conversationId: uuid().notNull(),
  pleasedWith: text().notNull().default(''),
  wantToImprove: text().notNull().default(''),
  needHelpWith: text().notNull().default(''),
  raiseWithGuardians: text().notNull().default(''),
  notCovered: text().notNull().default(''),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.conversationId] }),
  foreignKey({ columns: [t.ownerId, t.conversationId], foreignColumns: [conversation.ownerId, conversation.id] }),
]);

/** A note per template section, with its visibility tier; shared with the family only on purpose. */
export const conversationNote = pgTable('conversation_note', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  conversationId: uuid().notNull(),
  sectionKey: text().notNull(),
  text: text().notNull(),
  visibility: text({ enum: visibilityTiers }).notNull().default('contactTeacherAndLeaders'),
  /** shown to the student and to guardians with insight */
  sharedWithFamily: boolean().notNull().default(false),
  authorPersonId: uuid().notNull(),
  createdAt: tz().notNull().defaultNow(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.conversationId], foreignColumns: [conversation.ownerId, conversation.id] }),
  uniqueIndex().on(t.ownerId, t.conversationId, t.sectionKey),
]);

/** An agreed follow-up: what, who is responsible, by when. */
export const conversationFollowUp = pgTable('conversation_follow_up', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  conversationId: uuid().notNull(),
  description: text().notNull(),
  responsible: text({ enum: ['student', 'guardians', 'school'] }).notNull(),
  /** the staff member responsible, when the school is */
  responsiblePersonId: uuid(),
  dueOn: date(),
  doneAt: tz(),
  sharedWithFamily: boolean().notNull().default(true),
  createdByPersonId: uuid().notNull(),
  createdAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.conversationId], foreignColumns: [conversation.ownerId, conversation.id] }),
  index().on(t.ownerId, t.conversationId),
]);

/**
 * R-15/R-16/L-02: the guardian conference offered to one guardian of one student in a school year,
 * and that the guardian was told of the right. One row per guardian, so that no guardian's record
 * shows another's. Declined is recorded here; booked and held come from bookings and conversations.
 */
export const guardianConferenceOffer = pgTable('guardian_conference_offer', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  guardianPersonId: uuid().notNull(),
  offeredAt: tz().notNull().defaultNow(),
  offeredByPersonId: uuid().notNull(),
  /** the guardian was told of the right to a conversation (seed 003: "informerer foresatte om retten") */
  toldOfRight: boolean().notNull().default(true),
  declinedAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  uniqueIndex().on(t.ownerId, t.studentId, t.schoolYearId, t.guardianPersonId),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.guardianPersonId], foreignColumns: [person.ownerId, person.id] }),
]);
