/**
 * The Elevlos data model (see ../shared/domain/model.md and glossary.md).
 *
 * Every tenant table carries the school owner's id as the first column of its primary key and of
 * every foreign key, so the data can later be distributed by owner (e.g. Citus) without a rewrite.
 * Column names are snake_case in SQL (drizzle `casing`), camelCase in TypeScript.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text,
  time, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const tz = (name?: string) => (name ? timestamp(name, { withTimezone: true }) : timestamp({ withTimezone: true }));

export const schoolOwner = pgTable('school_owner', {
  id: uuid().primaryKey(),
  name: text().notNull(),
  kind: text({ enum: ['county', 'municipality'] }).notNull(),
});

export const school = pgTable('school', {
  ownerId: uuid().notNull().references(() => schoolOwner.id),
  id: uuid().notNull(),
  name: text().notNull(),
  /** upper secondary (videregående) or compulsory school (grunnskole) */
  stage: text({ enum: ['upperSecondary', 'compulsory'] }).notNull(),
}, (t) => [primaryKey({ columns: [t.ownerId, t.id] })]);

export const schoolYear = pgTable('school_year', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  name: text().notNull(),
  startsOn: date().notNull(),
  endsOn: date().notNull(),
}, (t) => [primaryKey({ columns: [t.ownerId, t.id] })]);

export const term = pgTable('term', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  kind: text({ enum: ['autumn', 'spring'] }).notNull(),
  startsOn: date().notNull(),
  endsOn: date().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolYearId], foreignColumns: [schoolYear.ownerId, schoolYear.id] }),
]);

export const department = pgTable('department', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  schoolId: uuid().notNull(),
  name: text().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
]);

export const subject = pgTable('subject', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  code: text().notNull(),
  name: text().notNull(),
  annualHours: integer().notNull(),
}, (t) => [primaryKey({ columns: [t.ownerId, t.id] }), uniqueIndex().on(t.ownerId, t.code)]);

export const addressProtectionLevels = ['none', 'confidential', 'strictlyConfidential'] as const;
export type AddressProtection = (typeof addressProtectionLevels)[number];

export const person = pgTable('person', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  givenName: text().notNull(),
  familyName: text().notNull(),
  /** isAdult is computed from this at read time, never stored */
  birthDate: date(),
  /** synthetic test numbers only (birth month + 80) */
  nationalIdentityNumber: text(),
  email: text(),
  phone: text(),
  streetAddress: text(),
  postalCode: text(),
  city: text(),
  /** folkeregisterloven § 10-4 (L-07); a person-level registry fact, applies as guardian and as student */
  addressProtection: text({ enum: addressProtectionLevels }).notNull().default('none'),
  preferredLocale: text({ enum: ['nb', 'nn', 'en'] }).notNull().default('nb'),
}, (t) => [primaryKey({ columns: [t.ownerId, t.id] }), uniqueIndex().on(t.ownerId, t.nationalIdentityNumber)]);

export const account = pgTable('account', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  personId: uuid().notNull(),
  username: text().notNull(),
  passwordHash: text(),
  /** OpenID Connect (Feide) subject, mapped to the person */
  oidcSubject: text(),
  disabled: boolean().notNull().default(false),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  uniqueIndex().on(t.username),
  uniqueIndex().on(t.oidcSubject),
  foreignKey({ columns: [t.ownerId, t.personId], foreignColumns: [person.ownerId, person.id] }),
]);

export const session = pgTable('session', {
  ownerId: uuid().notNull(),
  /** sha256 of the secret part of the cookie; the secret itself is never stored */
  id: text().notNull(),
  accountId: uuid().notNull(),
  personId: uuid().notNull(),
  csrfToken: text().notNull(),
  createdAt: tz().notNull().defaultNow(),
  lastSeenAt: tz().notNull().defaultNow(),
  expiresAt: tz().notNull(),
}, (t) => [primaryKey({ columns: [t.ownerId, t.id] })]);

/** Fixed-window counters shared by all app processes (login rate limiting). */
export const rateLimit = pgTable('rate_limit', {
  key: text().primaryKey(),
  count: integer().notNull(),
  resetAt: tz().notNull(),
});

export const staffRoles = ['teacher', 'departmentHead', 'counsellor', 'principal', 'schoolAdmin', 'nurse'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffMember = pgTable('staff_member', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  personId: uuid().notNull(),
  schoolId: uuid().notNull(),
  title: text(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  uniqueIndex().on(t.ownerId, t.personId, t.schoolId),
  foreignKey({ columns: [t.ownerId, t.personId], foreignColumns: [person.ownerId, person.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
]);

export const staffRole = pgTable('staff_role', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  staffMemberId: uuid().notNull(),
  role: text({ enum: staffRoles }).notNull(),
  /** set for departmentHead */
  departmentId: uuid(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.staffMemberId], foreignColumns: [staffMember.ownerId, staffMember.id] }),
  index().on(t.ownerId, t.staffMemberId),
]);

export const studentStatuses = ['active', 'changed', 'left'] as const;
export const levels = ['vg1', 'vg2', 'vg3', 'grade1', 'grade2', 'grade3', 'grade4', 'grade5', 'grade6', 'grade7', 'grade8', 'grade9', 'grade10'] as const;
export type Level = (typeof levels)[number];

export const student = pgTable('student', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  personId: uuid().notNull(),
  schoolId: uuid().notNull(),
  departmentId: uuid(),
  level: text({ enum: levels }).notNull(),
  /** studieforberedende (general) / yrkesfag (vocational); null in compulsory school */
  programme: text({ enum: ['general', 'vocational'] }),
  status: text({ enum: studentStatuses }).notNull().default('active'),
  minorityLanguage: boolean().notNull().default(false),
  yearsOfResidence: integer(),
  specialEducationRight: boolean().notNull().default(false),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.personId], foreignColumns: [person.ownerId, person.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  foreignKey({ columns: [t.ownerId, t.departmentId], foreignColumns: [department.ownerId, department.id] }),
  index().on(t.ownerId, t.personId),
  check('years_of_residence_range', sql`${t.yearsOfResidence} is null or ${t.yearsOfResidence} between 0 and 100`),
]);

/** skjemaelev: each registered accommodation need of a student */
export const accommodationNeed = pgTable('accommodation_need', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  description: text().notNull(),
  /** R-04 (features/accommodationNeeds): what the teachers should do */
  guidance: text().notNull().default(''),
  registeredByPersonId: uuid(),
  registeredAt: tz().notNull().defaultNow(),
  updatedAt: tz().notNull().defaultNow(),
  /** a change asks every subject teacher to confirm again: only receipts of this revision count */
  revision: integer().notNull().default(1),
  /** the need no longer applies (kept for the record) */
  endedAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId),
]);

export const guardianship = pgTable('guardianship', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  guardianPersonId: uuid().notNull(),
  relation: text({ enum: ['mother', 'father', 'other'] }).notNull(),
  /** barneloven § 47 (L-06): only guardians with it get insight by default */
  parentalResponsibility: boolean().notNull(),
  livesWith: boolean().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  uniqueIndex().on(t.ownerId, t.studentId, t.guardianPersonId),
  index().on(t.ownerId, t.guardianPersonId),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.guardianPersonId], foreignColumns: [person.ownerId, person.id] }),
]);

/**
 * L-06: a parent without parental responsibility gets information only on request, as a recorded
 * decision (granted or refused, with reasons). While a granted decision is in force, the parent may
 * read the student's basic data.
 */
export const informationDecision = pgTable('information_decision', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  guardianshipId: uuid().notNull(),
  granted: boolean().notNull(),
  reason: text().notNull(),
  decidedByPersonId: uuid().notNull(),
  decidedAt: tz().notNull().defaultNow(),
  revokedAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.guardianshipId], foreignColumns: [guardianship.ownerId, guardianship.id] }),
  index().on(t.ownerId, t.guardianshipId),
]);

/** An adult student's grant of insight to one guardian (R-16, L-05); withdrawn by setting withdrawnAt. */
export const consent = pgTable('consent', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  guardianPersonId: uuid().notNull(),
  grantedAt: tz().notNull().defaultNow(),
  withdrawnAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId),
]);

export const basisGroup = pgTable('basis_group', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  schoolId: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  departmentId: uuid(),
  name: text().notNull(),
  level: text({ enum: levels }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolYearId], foreignColumns: [schoolYear.ownerId, schoolYear.id] }),
]);

export const contactTeacherAssignment = pgTable('contact_teacher_assignment', {
  ownerId: uuid().notNull(),
  basisGroupId: uuid().notNull(),
  staffMemberId: uuid().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.basisGroupId, t.staffMemberId] }),
  index().on(t.ownerId, t.staffMemberId),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
  foreignKey({ columns: [t.ownerId, t.staffMemberId], foreignColumns: [staffMember.ownerId, staffMember.id] }),
]);

export const teachingGroup = pgTable('teaching_group', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  schoolId: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  subjectId: uuid().notNull(),
  name: text().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  foreignKey({ columns: [t.ownerId, t.subjectId], foreignColumns: [subject.ownerId, subject.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolYearId], foreignColumns: [schoolYear.ownerId, schoolYear.id] }),
]);

export const subjectTeacherAssignment = pgTable('subject_teacher_assignment', {
  ownerId: uuid().notNull(),
  teachingGroupId: uuid().notNull(),
  staffMemberId: uuid().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.teachingGroupId, t.staffMemberId] }),
  index().on(t.ownerId, t.staffMemberId),
  foreignKey({ columns: [t.ownerId, t.teachingGroupId], foreignColumns: [teachingGroup.ownerId, teachingGroup.id] }),
  foreignKey({ columns: [t.ownerId, t.staffMemberId], foreignColumns: [staffMember.ownerId, staffMember.id] }),
]);

/** Dated membership of a basis group or a teaching group; students move mid-year. */
export const enrolment = pgTable('enrolment', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  basisGroupId: uuid(),
  teachingGroupId: uuid(),
  startsOn: date().notNull(),
  /** exclusive; null while current */
  endsOn: date(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
  foreignKey({ columns: [t.ownerId, t.teachingGroupId], foreignColumns: [teachingGroup.ownerId, teachingGroup.id] }),
  index().on(t.ownerId, t.studentId),
  index().on(t.ownerId, t.basisGroupId),
  index().on(t.ownerId, t.teachingGroupId),
  check('one_group', sql`(${t.basisGroupId} is null) <> (${t.teachingGroupId} is null)`),
  check('dates_ordered', sql`${t.endsOn} is null or ${t.endsOn} > ${t.startsOn}`),
]);

export const visibilityTiers = ['staff', 'contactTeacherAndLeaders', 'counsellorOnly', 'authorOnly'] as const;
export type Visibility = (typeof visibilityTiers)[number];

/** e-mails, calls, letters and meetings with guardians */
export const contactLogEntry = pgTable('contact_log_entry', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  authorPersonId: uuid().notNull(),
  occurredOn: date().notNull(),
  channel: text({ enum: ['phone', 'email', 'letter', 'meeting', 'message'] }).notNull(),
  summary: text().notNull(),
  visibility: text({ enum: visibilityTiers }).notNull().default('contactTeacherAndLeaders'),
  createdAt: tz().notNull().defaultNow(),
  updatedAt: tz().notNull().defaultNow(),
  updatedByPersonId: uuid(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId, t.occurredOn),
]);

/** Who read or changed what about a student, when, and on which relationship (reason). */
export const auditLog = pgTable('audit_log', {
  ownerId: uuid().notNull(),
  id: bigserial({ mode: 'number' }).notNull(),
  at: tz().notNull().defaultNow(),
  actorPersonId: uuid(),
  action: text().notNull(),
  resourceType: text().notNull(),
  resourceId: text(),
  studentId: uuid(),
  decision: text({ enum: ['allow', 'deny'] }).notNull(),
  /** the relationship in plain English, for anyone reading the table itself */
  reason: text().notNull(),
  /** the same reason as code + parameters, shown in the reader's language */
  reasonCode: text().notNull(),
  reasonParams: jsonb().notNull().default({}),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  index().on(t.ownerId, t.studentId, t.at),
  index().on(t.ownerId, t.actorPersonId, t.at),
]);

/** A PostgreSQL-backed job queue (FOR UPDATE SKIP LOCKED), shared by every app process. */
export const job = pgTable('job', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  ownerId: uuid(),
  kind: text().notNull(),
  payload: jsonb().notNull().default({}),
  runAt: tz().notNull().defaultNow(),
  attempts: integer().notNull().default(0),
  lockedAt: tz(),
  lockedBy: text(),
  doneAt: tz(),
  lastError: text(),
}, (t) => [index().on(t.runAt).where(sql`${t.doneAt} is null`)]);

/* ───────────────────────── Conversations (R-10…R-18) ───────────────────────── */

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

/** In-app notices that carry no sensitive content, only a kind and a link the policy checks on opening. */
export const notification = pgTable('notification', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  recipientPersonId: uuid().notNull(),
  kind: text().notNull(),
  /** an app path, e.g. /conversations/<id>; opening it asks the policy again */
  link: text().notNull(),
  createdAt: tz().notNull().defaultNow(),
  readAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  index().on(t.ownerId, t.recipientPersonId, t.createdAt),
]);

/* ───────────────────────── Booking ───────────────────────── */

/** A set of slots a teacher publishes for one kind of conversation, e.g. "guardian conferences 2STA, autumn". */
export const bookingRound = pgTable('booking_round', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  schoolId: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  basisGroupId: uuid(),
  teachingGroupId: uuid(),
  kind: text({ enum: conversationKinds }).notNull(),
  hostPersonId: uuid().notNull(),
  title: text().notNull(),
  /** booking, cancelling and rebooking close this many hours before a slot starts */
  cutoffHours: integer().notNull().default(24),
  createdAt: tz().notNull().defaultNow(),
  closedAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
  foreignKey({ columns: [t.ownerId, t.teachingGroupId], foreignColumns: [teachingGroup.ownerId, teachingGroup.id] }),
  index().on(t.ownerId, t.hostPersonId),
  check('round_cutoff_range', sql`${t.cutoffHours} between 0 and 336`),
]);

export const slot = pgTable('slot', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  roundId: uuid().notNull(),
  hostPersonId: uuid().notNull(),
  startsAt: tz().notNull(),
  endsAt: tz().notNull(),
  place: text(),
  videoLink: text(),
  cancelledAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.roundId], foreignColumns: [bookingRound.ownerId, bookingRound.id] }),
  index().on(t.ownerId, t.roundId, t.startsAt),
  index().on(t.ownerId, t.hostPersonId, t.startsAt),
  check('slot_times_ordered', sql`${t.endsAt} > ${t.startsAt}`),
]);

/**
 * Who took a slot, for which student. The partial unique indexes make double booking impossible even
 * for two clicks at the same instant: one live booking per slot, one per student per round.
 */
export const booking = pgTable('booking', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  slotId: uuid().notNull(),
  roundId: uuid().notNull(),
  studentId: uuid().notNull(),
  bookedByPersonId: uuid().notNull(),
  conversationId: uuid(),
  bookedAt: tz().notNull().defaultNow(),
  cancelledAt: tz(),
  reminderSentAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.slotId], foreignColumns: [slot.ownerId, slot.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.conversationId], foreignColumns: [conversation.ownerId, conversation.id] }),
  uniqueIndex('booking_one_per_slot').on(t.ownerId, t.slotId).where(sql`${t.cancelledAt} is null`),
  uniqueIndex('booking_one_per_student_round').on(t.ownerId, t.roundId, t.studentId).where(sql`${t.cancelledAt} is null`),
  index().on(t.ownerId, t.studentId),
]);

/**
 * A personal calendar feed URL; only the sha256 of its secret token is stored (core/calendarFeed.ts).
 * `scope` says which feed: 'booking' (the person's booked conversations), or an assessment plan's
 * 'assessmentPlan.student:<id>' / 'assessmentPlan.group:<id>' — each decided by the policy as the person.
 */
export const calendarFeed = pgTable('calendar_feed', {
  ownerId: uuid().notNull(),
  personId: uuid().notNull(),
  scope: text().notNull().default('booking'),
  tokenHash: text().notNull(),
  createdAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.personId, t.scope] }),
  uniqueIndex().on(t.tokenHash),
]);

/* ───────────────────────── Absence (R-20, R-21, R-71…R-74; L-03, L-10…L-15) ───────────────────────── */

/**
 * The owner's own school holidays (autumn, Christmas, winter and Easter breaks); Norwegian public
 * holidays come from the date-holidays library. Both are days without lessons.
 */
export const schoolHoliday = pgTable('school_holiday', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  name: text().notNull(),
  startsOn: date().notNull(),
  /** inclusive: a break is named by its first and last day */
  endsOn: date().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  index().on(t.ownerId, t.startsOn),
  check('holiday_dates_ordered', sql`${t.endsOn} >= ${t.startsOn}`),
]);

/**
 * One weekly lesson of a teaching group's timetable (FINT "Time"): weekday, start and length, valid
 * from `startsOn` until `endsOn` (exclusive; null = the rest of the school year). A subject's planned
 * hours are the sum of its lessons over the school days.
 */
export const lesson = pgTable('lesson', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  teachingGroupId: uuid().notNull(),
  /** ISO weekday, 1 = Monday */
  weekday: smallint().notNull(),
  startsAt: time().notNull(),
  minutes: smallint().notNull(),
  startsOn: date().notNull(),
  endsOn: date(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.teachingGroupId], foreignColumns: [teachingGroup.ownerId, teachingGroup.id] }),
  index().on(t.ownerId, t.teachingGroupId),
  check('lesson_weekday', sql`${t.weekday} between 1 and 7`),
  check('lesson_minutes', sql`${t.minutes} between 5 and 480`),
  check('lesson_dates_ordered', sql`${t.endsOn} is null or ${t.endsOn} > ${t.startsOn}`),
]);

/**
 * Coded reasons only, never free text (L-42): the regulation's list (L-11 a–i), the student's own
 * self-certification of health absence (L-12), undocumented, and time with the school health service,
 * which is not absence at all (L-15).
 */
export const absenceReasons = [
  'undocumented', 'selfCertification', 'health', 'welfare', 'religiousHoliday', 'requiredByLaw', 'electedRepresentative',
  'politicalWork', 'reliefWork', 'drivingTest', 'representation', 'schoolHealthService',
] as const;
export type AbsenceReason = (typeof absenceReasons)[number];

/**
 * Absence from one lesson on one day: a whole lesson (minutes = the lesson's) or a late arrival
 * (`late`, the minutes missed). `fullDay` marks the rows a contact teacher's full-day registration
 * made, so the diploma can count days and single hours apart (L-14). Kept narrow: a county holds about
 * ten million rows a year, read per student through the primary key.
 */
export const absence = pgTable('absence', {
  ownerId: uuid().notNull(),
  studentId: uuid().notNull(),
  day: date().notNull(),
  lessonId: uuid().notNull(),
  minutes: smallint().notNull(),
  late: boolean().notNull().default(false),
  fullDay: boolean().notNull().default(false),
  reason: text({ enum: absenceReasons }).notNull().default('undocumented'),
  /** when the documentation (or the self-certification) was received; null = none */
  documentedOn: date(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.studentId, t.day, t.lessonId] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.lessonId], foreignColumns: [lesson.ownerId, lesson.id] }),
  check('absence_minutes', sql`${t.minutes} between 1 and 480`),
]);

/** The trail of every change to a student's absence (L-43): who, when, and what the row became (null minutes: removed). */
export const absenceChange = pgTable('absence_change', {
  ownerId: uuid().notNull(),
  id: bigserial({ mode: 'number' }).notNull(),
  studentId: uuid().notNull(),
  day: date().notNull(),
  lessonId: uuid().notNull(),
  at: tz().notNull().defaultNow(),
  byPersonId: uuid().notNull(),
  minutes: smallint(),
  late: boolean(),
  fullDay: boolean(),
  reason: text({ enum: absenceReasons }),
  documentedOn: date(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  index().on(t.ownerId, t.studentId, t.day),
]);

/**
 * L-12/L-14: health personnel have documented a condition that gives a higher risk of absence. Only
 * the fact and its dates are kept, never what the condition is (L-42).
 */
export const higherRiskCondition = pgTable('higher_risk_condition', {
  ownerId: uuid().notNull(),
  studentId: uuid().notNull(),
  documentedOn: date().notNull(),
  registeredByPersonId: uuid().notNull(),
  registeredAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.studentId] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
]);

export const absenceLimitGrounds = ['outsideStudentControl', 'longTermCircumstances', 'familyCircumstances', 'other'] as const;

/**
 * L-13: the principal's own decision that a student over the 10 % limit in a subject still gets a grade
 * (up to 15 % self-certified or undocumented absence), or the refusal; the latest one counts.
 */
export const absenceLimitDecision = pgTable('absence_limit_decision', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  subjectId: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  granted: boolean().notNull(),
  /** the highest percentage the grant covers (11–15); null when refused */
  limitPercent: smallint(),
  ground: text({ enum: absenceLimitGrounds }).notNull(),
  /** the decision's reasons; no health details (L-42), shown to staff and the student, not to guardians */
  reasons: text().notNull(),
  decidedByPersonId: uuid().notNull(),
  decidedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.subjectId], foreignColumns: [subject.ownerId, subject.id] }),
  index().on(t.ownerId, t.studentId),
  check('decision_limit', sql`(${t.granted} and ${t.limitPercent} between 11 and 15) or (not ${t.granted} and ${t.limitPercent} is null)`),
]);

/** L-14: what the student asked for on the diploma this school year: up to 10 documented days left out, reasons attached. */
export const diplomaRequest = pgTable('diploma_request', {
  ownerId: uuid().notNull(),
  studentId: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  excludedDays: date().array().notNull().default(sql`'{}'::date[]`),
  reasonsAttached: boolean().notNull().default(false),
  updatedAt: tz().notNull().defaultNow(),
  updatedByPersonId: uuid().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.studentId, t.schoolYearId] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  check('diploma_ten_days', sql`cardinality(${t.excludedDays}) <= 10`),
]);

/** the contact teacher checked a student's absence for the week in the class hour. */
export const weeklyCheck = pgTable('weekly_check', {
  ownerId: uuid().notNull(),
  studentId: uuid().notNull(),
  /** the Monday of the ISO week */
  weekStart: date().notNull(),
  checkedByPersonId: uuid().notNull(),
  checkedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.studentId, t.weekStart] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
]);

export const emergingAbsenceRuleKinds = ['subjectPercent', 'fullDays', 'sameWeekday', 'lateArrivals'] as const;
export type EmergingAbsenceRuleKind = (typeof emergingAbsenceRuleKinds)[number];

/** a school's own thresholds for emerging absence; a kind without a row uses Elevlos's default. */
export const emergingAbsenceRule = pgTable('emerging_absence_rule', {
  ownerId: uuid().notNull(),
  schoolId: uuid().notNull(),
  kind: text({ enum: emergingAbsenceRuleKinds }).notNull(),
  enabled: boolean().notNull().default(true),
  /** percent (subjectPercent) or a count (days, weeks with the same weekday, late arrivals) */
  threshold: smallint().notNull(),
  /** the look-back in weeks; 0 for subjectPercent (the school year so far) */
  windowWeeks: smallint().notNull(),
  updatedAt: tz().notNull().defaultNow(),
  updatedByPersonId: uuid(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.schoolId, t.kind] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  check('rule_threshold', sql`${t.threshold} between 1 and 100`),
  check('rule_window', sql`${t.windowWeeks} between 0 and 52`),
]);

/* ───────────────────────── Warnings (R-22, R-73; L-20, L-21) ───────────────────────── */

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

/* ───────────────────────── Conduct and discipline (R-23, R-25, R-73; L-22, L-30…L-32) ───────────────────────── */

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

// ---------------------------------------------------------------------------------------------
// Formative assessment and conflicts between students — features/formativeAssessment, features/conflicts
// ---------------------------------------------------------------------------------------------

export const formativeAssessmentKinds = ['writtenFeedback', 'test', 'presentation', 'conversation', 'practical'] as const;
export type FormativeAssessmentKind = (typeof formativeAssessmentKinds)[number];

/** one formative assessment of one student in a teaching group's subject; the feedback is written to the student. */
export const formativeAssessment = pgTable('formative_assessment', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  teachingGroupId: uuid().notNull(),
  subjectId: uuid().notNull(),
  assessedOn: date().notNull(),
  kind: text({ enum: formativeAssessmentKinds }).notNull(),
  feedback: text().notNull(),
  recordedByPersonId: uuid().notNull(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.teachingGroupId], foreignColumns: [teachingGroup.ownerId, teachingGroup.id] }),
  foreignKey({ columns: [t.ownerId, t.subjectId], foreignColumns: [subject.ownerId, subject.id] }),
  index().on(t.ownerId, t.studentId, t.assessedOn),
  index().on(t.ownerId, t.teachingGroupId, t.assessedOn),
]);

export const conflictStatuses = ['open', 'resolved'] as const;
export type ConflictStatus = (typeof conflictStatuses)[number];

/**
 * a conflict between students, also across classes. The description is written without names
 * (every involved student's contact teacher reads it); what concerns one student lives in
 * conflict_student.note and in steps tied to that student.
 */
export const conflict = pgTable('conflict', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  schoolId: uuid().notNull(),
  occurredOn: date().notNull(),
  description: text().notNull(),
  status: text({ enum: conflictStatuses }).notNull().default('open'),
  resolvedOn: date(),
  recordedByPersonId: uuid().notNull(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  check('conflict_resolved_on', sql`(${t.status} = 'resolved') = (${t.resolvedOn} is not null)`),
]);

export const conflictStudent = pgTable('conflict_student', {
  ownerId: uuid().notNull(),
  conflictId: uuid().notNull(),
  studentId: uuid().notNull(),
  /** what concerns this student (their part, follow-up with them); read only by those with a relationship to them */
  note: text().notNull().default(''),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.conflictId, t.studentId] }),
  foreignKey({ columns: [t.ownerId, t.conflictId], foreignColumns: [conflict.ownerId, conflict.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId),
]);

/** A step taken to resolve the conflict: shared (student_id null) or with one of the students. */
export const conflictStep = pgTable('conflict_step', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  conflictId: uuid().notNull(),
  studentId: uuid(),
  takenOn: date().notNull(),
  description: text().notNull(),
  recordedByPersonId: uuid().notNull(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.conflictId], foreignColumns: [conflict.ownerId, conflict.id] }),
  index().on(t.ownerId, t.conflictId),
]);

// ---------------------------------------------------------------------------------------------
// Annual cycle (årshjul, R-30…R-33) — features/annualCycle: routines make tasks; evidence comes from the data
// ---------------------------------------------------------------------------------------------

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

/* ───────────────────────── Assessment plan — features/assessmentPlan ───────────────────────── */

/** fullDayTest counts as a test in the conflict rules; excursion is a trip day (tur-/ekskursjonsdag). */
export const assessmentPlanEntryKinds = ['test', 'fullDayTest', 'project', 'excursion', 'culturalEvent'] as const;
export type AssessmentPlanEntryKind = (typeof assessmentPlanEntryKinds)[number];

/**
 * one planned test, project, full-day test, excursion or cultural event. For a teaching group (its
 * subject), a whole basis group, a level of the school, or the whole school (all three null).
 * `endsOn` (inclusive) for projects (due date) and events over several days; null for one day.
 */
export const assessmentPlanEntry = pgTable('assessment_plan_entry', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  schoolId: uuid().notNull(),
  schoolYearId: uuid().notNull(),
  teachingGroupId: uuid(),
  basisGroupId: uuid(),
  level: text({ enum: levels }),
  subjectId: uuid(),
  kind: text({ enum: assessmentPlanEntryKinds }).notNull(),
  title: text().notNull(),
  description: text().notNull().default(''),
  startsOn: date().notNull(),
  endsOn: date(),
  createdByPersonId: uuid().notNull(),
  createdAt: tz().notNull().defaultNow(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolYearId], foreignColumns: [schoolYear.ownerId, schoolYear.id] }),
  foreignKey({ columns: [t.ownerId, t.teachingGroupId], foreignColumns: [teachingGroup.ownerId, teachingGroup.id] }),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
  foreignKey({ columns: [t.ownerId, t.subjectId], foreignColumns: [subject.ownerId, subject.id] }),
  index().on(t.ownerId, t.teachingGroupId, t.startsOn),
  index().on(t.ownerId, t.basisGroupId, t.startsOn),
  index().on(t.ownerId, t.schoolId, t.startsOn),
  check('assessment_plan_one_scope', sql`num_nonnulls(${t.teachingGroupId}, ${t.basisGroupId}, ${t.level}) <= 1`),
  check('assessment_plan_dates_ordered', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
]);

export const assessmentPlanRuleKinds = ['maxTestsPerDay', 'maxTestsPerWeek', 'noTestAfterExcursion'] as const;
export type AssessmentPlanRuleKind = (typeof assessmentPlanRuleKinds)[number];

/**
 * a school's own setting of one conflict rule; a rule without a row uses Elevlos's default
 * (features/assessmentPlan/rules.ts). `warningOnly`: the rule warns but does not refuse the save.
 */
export const assessmentPlanRule = pgTable('assessment_plan_rule', {
  ownerId: uuid().notNull(),
  schoolId: uuid().notNull(),
  rule: text({ enum: assessmentPlanRuleKinds }).notNull(),
  enabled: boolean().notNull().default(true),
  /** for the max rules: the most tests allowed per day / ISO week */
  maximum: smallint(),
  warningOnly: boolean().notNull().default(false),
  updatedByPersonId: uuid(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.schoolId, t.rule] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  check('assessment_plan_rule_maximum', sql`${t.maximum} is null or ${t.maximum} between 1 and 20`),
]);

/* ───────────────────────── Class life — feature classLife ───────────────────────── */

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

// ---------------------------------------------------------------------------------------------
// Accommodation-need receipts, forms and parent meetings —
// features/accommodationNeeds, features/forms, features/parentMeeting (helper studentForms)
// ---------------------------------------------------------------------------------------------

/** a subject teacher confirmed having read a student's accommodation need (one receipt per teacher). */
export const accommodationNeedReceipt = pgTable('accommodation_need_receipt', {
  ownerId: uuid().notNull(),
  needId: uuid().notNull(),
  teacherPersonId: uuid().notNull(),
  /** the need's revision the teacher read */
  revision: integer().notNull(),
  confirmedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.needId, t.teacherPersonId] }),
  foreignKey({ columns: [t.ownerId, t.needId], foreignColumns: [accommodationNeed.ownerId, accommodationNeed.id] }),
  foreignKey({ columns: [t.ownerId, t.teacherPersonId], foreignColumns: [person.ownerId, person.id] }),
  index().on(t.ownerId, t.teacherPersonId),
]);

/** the contact teacher reminded a subject teacher to confirm a student's accommodation needs. */
export const accommodationNeedReminder = pgTable('accommodation_need_reminder', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  studentId: uuid().notNull(),
  teacherPersonId: uuid().notNull(),
  sentByPersonId: uuid().notNull(),
  sentAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId),
]);

/** a form the school tracks per student (registration form, consents, agreements). */
export const form = pgTable('form', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  schoolId: uuid().notNull(),
  nameNb: text().notNull(),
  nameNn: text().notNull(),
  /** null: every student of the school; else the students of one level (e.g. vg1) */
  level: text({ enum: levels }),
  dueOn: date().notNull(),
  createdByPersonId: uuid().notNull(),
  createdAt: tz().notNull().defaultNow(),
  /** the school stopped using the form: it applies to no one, but the statuses recorded are kept as the school's record */
  retiredAt: tz(),
  retiredByPersonId: uuid(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
]);

/** one student's status on one form; no row is "missing". */
export const formStatus = pgTable('form_status', {
  ownerId: uuid().notNull(),
  formId: uuid().notNull(),
  studentId: uuid().notNull(),
  status: text({ enum: ['received', 'checked'] }).notNull(),
  receivedOn: date().notNull(),
  receivedByPersonId: uuid().notNull(),
  checkedAt: tz(),
  checkedByPersonId: uuid(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.formId, t.studentId] }),
  foreignKey({ columns: [t.ownerId, t.formId], foreignColumns: [form.ownerId, form.id] }),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId),
]);

/** a parent meeting of a class: when, the topic and the information given. */
export const parentMeeting = pgTable('parent_meeting', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  basisGroupId: uuid().notNull(),
  heldOn: date().notNull(),
  topic: text().notNull(),
  information: text().notNull(),
  recordedByPersonId: uuid().notNull(),
  recordedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.basisGroupId], foreignColumns: [basisGroup.ownerId, basisGroup.id] }),
  index().on(t.ownerId, t.basisGroupId),
]);

/** one guardian (of one student) at a parent meeting; the absent are sent the information (informedAt). */
export const parentMeetingAttendance = pgTable('parent_meeting_attendance', {
  ownerId: uuid().notNull(),
  meetingId: uuid().notNull(),
  studentId: uuid().notNull(),
  guardianPersonId: uuid().notNull(),
  present: boolean().notNull(),
  informedAt: tz(),
  informedByPersonId: uuid(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.meetingId, t.studentId, t.guardianPersonId] }),
  foreignKey({ columns: [t.ownerId, t.meetingId], foreignColumns: [parentMeeting.ownerId, parentMeeting.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  foreignKey({ columns: [t.ownerId, t.guardianPersonId], foreignColumns: [person.ownerId, person.id] }),
]);
