/**
 * Meetings about students: the four kinds of seed 002, their participants, agenda, minutes,
 * decisions and the actions that carry over to the next meeting of the same kind about the same student.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz } from '../../core/db/columns.js';
import { school, staffMember, student } from '../../core/db/tables.js';

export const meetingKinds = ['collaboration', 'resourceTeam', 'interdisciplinary', 'responsibilityGroup'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const participantKinds = ['staff', 'guardian', 'external'] as const;
export type ParticipantKind = (typeof participantKinds)[number];

export const shareRecipients = ['guardians', 'external'] as const;
export type ShareRecipient = (typeof shareRecipients)[number];

export const meeting = pgTable('meeting', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  schoolId: uuid().notNull(),
  kind: text({ enum: meetingKinds }).notNull(),
  startsAt: tz().notNull(),
  place: text().notNull().default(''),
  minutes: text().notNull().default(''),
  minutesUpdatedAt: tz(),
  minutesUpdatedByPersonId: uuid(),
  // responsibility group: the guardians decide who takes part, and the school records that they did
  participationDecidedByPersonId: uuid(),
  participationDecidedOn: date(),
  participationDecisionNote: text().notNull().default(''),
  // interdisciplinary meeting: the consent given for this meeting says whom the minutes may reach
  consentGivenByPersonId: uuid(),
  consentGivenOn: date(),
  consentCoversGuardians: boolean().notNull().default(false),
  consentNote: text().notNull().default(''),
  createdByPersonId: uuid().notNull(),
  createdAt: tz().notNull().defaultNow(),
  updatedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  index().on(t.ownerId, t.schoolId, t.kind, t.startsAt),
]);

/** The students a meeting is about: one, or for the resource team each student on its agenda. */
export const meetingStudent = pgTable('meeting_student', {
  ownerId: uuid().notNull(),
  meetingId: uuid().notNull(),
  studentId: uuid().notNull(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.meetingId, t.studentId] }),
  foreignKey({ columns: [t.ownerId, t.meetingId], foreignColumns: [meeting.ownerId, meeting.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId),
]);

/** Staff and guardians take part as people of the school; external agencies (BUP, child welfare) are names, never accounts. */
export const meetingParticipant = pgTable('meeting_participant', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  meetingId: uuid().notNull(),
  kind: text({ enum: participantKinds }).notNull(),
  personId: uuid(),
  name: text().notNull().default(''),
  organisation: text().notNull().default(''),
  role: text().notNull().default(''),
  // the meeting's consent covers sending the minutes to this external participant
  consentCovers: boolean().notNull().default(false),
  createdAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.meetingId], foreignColumns: [meeting.ownerId, meeting.id] }).onDelete('cascade'),
  index().on(t.ownerId, t.meetingId),
  index().on(t.ownerId, t.personId),
  check('meeting_participant_who', sql`(${t.kind} = 'external' and ${t.personId} is null and ${t.name} <> '') or (${t.kind} <> 'external' and ${t.personId} is not null)`),
]);

export const meetingAgendaItem = pgTable('meeting_agenda_item', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  meetingId: uuid().notNull(),
  position: integer().notNull(),
  title: text().notNull(),
  studentId: uuid(),
  // a case registered for the resource team (the cases feature's); no foreign key, the case stays theirs to change
  caseId: uuid(),
  createdAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.meetingId], foreignColumns: [meeting.ownerId, meeting.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.meetingId),
]);

export const meetingDecision = pgTable('meeting_decision', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  meetingId: uuid().notNull(),
  studentId: uuid().notNull(),
  text: text().notNull(),
  // the measure made from the decision (the measures feature's record)
  measureId: uuid(),
  createdByPersonId: uuid().notNull(),
  createdAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.meetingId], foreignColumns: [meeting.ownerId, meeting.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.meetingId),
]);

/** Who does what by when; open until marked done, shown on every later meeting of the same kind about the student. */
export const meetingAction = pgTable('meeting_action', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  meetingId: uuid().notNull(),
  studentId: uuid().notNull(),
  description: text().notNull(),
  responsibleParticipantId: uuid(),
  // kept as written, so the action still says who when the participant is later removed
  responsibleName: text().notNull(),
  dueOn: date().notNull(),
  doneAt: tz(),
  doneByPersonId: uuid(),
  doneInMeetingId: uuid(),
  createdByPersonId: uuid().notNull(),
  createdAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.meetingId], foreignColumns: [meeting.ownerId, meeting.id] }).onDelete('cascade'),
  foreignKey({ columns: [t.ownerId, t.studentId], foreignColumns: [student.ownerId, student.id] }),
  index().on(t.ownerId, t.studentId),
  index().on(t.ownerId, t.meetingId),
]);

/** Minutes shared on purpose: a copy of the text as it was, who shared it with whom, and when. */
export const meetingMinutesShare = pgTable('meeting_minutes_share', {
  ownerId: uuid().notNull(),
  id: uuid().notNull(),
  meetingId: uuid().notNull(),
  recipient: text({ enum: shareRecipients }).notNull(),
  participantId: uuid(),
  text: text().notNull(),
  sharedByPersonId: uuid().notNull(),
  sharedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.id] }),
  foreignKey({ columns: [t.ownerId, t.meetingId], foreignColumns: [meeting.ownerId, meeting.id] }).onDelete('cascade'),
  index().on(t.ownerId, t.meetingId),
  check('meeting_share_external_names_participant', sql`(${t.recipient} = 'external') = (${t.participantId} is not null)`),
]);

/** The school's fixed resource team: set up once, they take part in every resource-team meeting. */
export const resourceTeamMember = pgTable('resource_team_member', {
  ownerId: uuid().notNull(),
  schoolId: uuid().notNull(),
  staffMemberId: uuid().notNull(),
  addedByPersonId: uuid().notNull(),
  addedAt: tz().notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.ownerId, t.schoolId, t.staffMemberId] }),
  foreignKey({ columns: [t.ownerId, t.schoolId], foreignColumns: [school.ownerId, school.id] }),
  foreignKey({ columns: [t.ownerId, t.staffMemberId], foreignColumns: [staffMember.ownerId, staffMember.id] }),
]);
