/**
 * The tables every feature builds on (see ../shared/domain/model.md and glossary.md): the school owner and
 * its schools, years, terms, departments and subjects; people, accounts and sessions; staff and their
 * roles; students, guardianships, consents and information decisions; classes, teaching groups and dated
 * enrolments; the school calendar and timetable; notices, calendar feeds, the audit log and the job queue.
 * The policy decides on these. Each feature keeps its own tables in `features/<feature>/tables.ts`.
 *
 * Every tenant table carries the school owner's id as the first column of its primary key and of
 * every foreign key, so the data can later be distributed by owner (e.g. Citus) without a rewrite.
 * Column names are snake_case in SQL (drizzle `casing`), camelCase in TypeScript.
 */
import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, time, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { tz } from './columns.js';

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
  /** the browser family and operating system the session began in (core/auth/device.ts), so a person tells their sessions apart */
  browser: text(),
  os: text(),
}, (t) => [primaryKey({ columns: [t.ownerId, t.id] })]);

/**
 * A password reset by e-mail link for a local account: single use, valid for a short time. Only the
 * token's hash is stored; the link carries the token itself.
 */
export const passwordReset = pgTable('password_reset', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  accountId: uuid().notNull(),
  /** sha256 of the token in the link */
  tokenHash: text().notNull(),
  createdAt: tz().notNull().defaultNow(),
  expiresAt: tz().notNull(),
  usedAt: tz(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  uniqueIndex().on(t.tokenHash),
  index().on(t.ownerId, t.accountId),
  foreignKey({ columns: [t.ownerId, t.accountId], foreignColumns: [account.ownerId, account.id] }),
]);

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
  /**
   * Tamper evidence: the hash of the owner's row before this one, and sha256 over this row's fields and that
   * hash. Set by a trigger (migration 0017), never by the app, so every insert path is chained.
   */
  prevHash: text().notNull(),
  hash: text().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  index().on(t.ownerId, t.studentId, t.at),
  index().on(t.ownerId, t.actorPersonId, t.at),
]);

/**
 * The newest link of each owner's audit chain. The insert trigger locks this row, so concurrent inserts of one
 * owner take turns and never fork the chain, and a removed tail shows as a head that no row matches.
 */
export const auditChainHead = pgTable('audit_chain_head', {
  ownerId: uuid().primaryKey(),
  lastId: bigint({ mode: 'number' }).notNull(),
  lastHash: text().notNull(),
});

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
