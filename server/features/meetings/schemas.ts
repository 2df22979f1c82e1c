/** The shapes of meetings: a meeting as its reader sees it, the lists, and what is sent to plan and write one. */
import { z } from 'zod';
import { accessSchema, studentParams } from '../../core/http/schemas.js';
import { meetingKinds, participantKinds, shareRecipients } from './tables.js';

export const meetingKindSchema = z.enum(meetingKinds);

const participantSchema = z.object({
  id: z.string(), kind: z.enum(participantKinds), personId: z.string().nullable(), name: z.string(), organisation: z.string(), role: z.string(),
  /** an external participant the meeting's consent lets the minutes reach */
  consentCovers: z.boolean(),
});

const actionSchema = z.object({
  id: z.string(), studentId: z.string(), description: z.string(), responsibleName: z.string(), dueOn: z.string(),
  done: z.boolean(), doneAt: z.string().nullable(), doneBy: z.string().nullable(),
  /** set when the action was recorded at an earlier meeting and carried over to this one */
  fromMeeting: z.object({ id: z.string(), startsAt: z.string() }).nullable(),
});

const staffOptionSchema = z.object({ staffMemberId: z.string(), personId: z.string(), name: z.string(), roles: z.array(z.string()) });

export const meetingSchema = z.object({
  access: accessSchema,
  id: z.string(), kind: meetingKindSchema, startsAt: z.string(), place: z.string(),
  students: z.array(z.object({ id: z.string(), name: z.string() })),
  participants: z.array(participantSchema),
  agenda: z.array(z.object({ id: z.string(), title: z.string(), studentId: z.string().nullable(), studentName: z.string().nullable(), caseId: z.string().nullable() })),
  minutes: z.object({ text: z.string(), updatedAt: z.string().nullable(), updatedBy: z.string().nullable() }),
  decisions: z.array(z.object({ id: z.string(), studentId: z.string(), text: z.string(), measureId: z.string().nullable() })),
  actions: z.array(actionSchema),
  shares: z.array(z.object({ id: z.string(), recipient: z.enum(shareRecipients), participantName: z.string().nullable(), sharedBy: z.string(), sharedAt: z.string() })),
  /** responsibility group: who of the family decided who takes part, and when */
  participationDecision: z.object({ decidedBy: z.string(), decidedByPersonId: z.string(), decidedOn: z.string(), note: z.string() }).nullable(),
  /** interdisciplinary meeting: the consent given for it, and whom it lets the minutes reach */
  consent: z.object({ givenBy: z.string(), givenByPersonId: z.string(), givenOn: z.string(), guardians: z.boolean(), note: z.string() }).nullable(),
  canEdit: z.boolean(),
  /** for those who write the meeting: the student's family (guardians with insight, or the adult student) and the school's staff */
  familyOptions: z.array(z.object({ personId: z.string(), name: z.string(), isStudent: z.boolean() })),
  staffOptions: z.array(staffOptionSchema),
});
export type Meeting = z.infer<typeof meetingSchema>;

const summarySchema = z.object({
  id: z.string(), kind: meetingKindSchema, startsAt: z.string(), place: z.string(),
  students: z.array(z.object({ id: z.string(), name: z.string() })), openActions: z.number(), sharedWithGuardians: z.boolean(),
});
export type MeetingSummary = z.infer<typeof summarySchema>;

export const studentMeetingsSchema = z.object({ meetings: z.array(summarySchema), canCreate: z.boolean() });
export type StudentMeetings = z.infer<typeof studentMeetingsSchema>;

export const myMeetingsSchema = z.object({ upcoming: z.array(summarySchema), past: z.array(summarySchema) });
export type MyMeetings = z.infer<typeof myMeetingsSchema>;

export const sharedMinutesSchema = z.object({
  minutes: z.array(z.object({ id: z.string(), meetingId: z.string(), kind: meetingKindSchema, startsAt: z.string(), text: z.string(), sharedAt: z.string(), sharedBy: z.string() })),
});
export type SharedMinutes = z.infer<typeof sharedMinutesSchema>;

export const resourceTeamSchema = z.object({
  members: z.array(staffOptionSchema),
  canManage: z.boolean(),
  canPlan: z.boolean(),
  staffOptions: z.array(staffOptionSchema),
  meetings: z.array(summarySchema),
});
export type ResourceTeam = z.infer<typeof resourceTeamSchema>;

const line = z.string().trim().min(1).max(200);
const optionalLine = z.string().trim().max(200).default('');
const longText = z.string().trim().min(1).max(4000);
const instant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

export const participantBody = z.strictObject({
  kind: z.enum(participantKinds),
  /** staff: the staff member at the school */
  staffMemberId: z.uuid().optional(),
  /** guardian: one of the student's guardians with insight */
  personId: z.uuid().optional(),
  /** external: a name, the organisation (BUP, child welfare) and the role; never an account */
  name: z.string().trim().max(200).optional(),
  organisation: z.string().trim().max(200).optional(),
  role: z.string().trim().max(200).optional(),
});
export type ParticipantInput = z.input<typeof participantBody>;

export const createMeetingBody = z.strictObject({
  kind: z.enum(['collaboration', 'interdisciplinary', 'responsibilityGroup']),
  startsAt: instant,
  place: optionalLine,
  participants: z.array(participantBody).max(40).default([]),
});
export type NewMeeting = z.input<typeof createMeetingBody>;

export const createResourceTeamMeetingBody = z.strictObject({ startsAt: instant, place: optionalLine });
export type NewResourceTeamMeeting = z.input<typeof createResourceTeamMeetingBody>;

export const resourceTeamMembersBody = z.strictObject({ staffMemberIds: z.array(z.uuid()).max(40) });

export const patchMeetingBody = z.strictObject({ startsAt: instant, place: optionalLine }).partial();
export type MeetingPatch = z.input<typeof patchMeetingBody>;

export const participationDecisionBody = z.strictObject({ decidedByPersonId: z.uuid(), decidedOn: isoDate, note: z.string().trim().max(2000).default('') });
export type ParticipationDecision = z.input<typeof participationDecisionBody>;

export const consentBody = z.strictObject({
  givenByPersonId: z.uuid(), givenOn: isoDate,
  /** the minutes may be shared with the student's guardians */
  guardians: z.boolean(),
  /** the external participants the minutes may be sent to */
  externalParticipantIds: z.array(z.uuid()).max(40).default([]),
  note: z.string().trim().max(2000).default(''),
});
export type MeetingConsent = z.input<typeof consentBody>;

export const minutesBody = z.strictObject({ text: z.string().max(20000) });
export const minutesSavedSchema = z.object({ updatedAt: z.string() });

export const agendaItemBody = z.strictObject({
  title: line, studentId: z.uuid().optional(),
  /** a case about the student (the cases feature's), e.g. one registered for the resource team */
  caseId: z.uuid().optional(),
});
export type NewAgendaItem = z.input<typeof agendaItemBody>;

export const decisionBody = z.strictObject({ text: longText, studentId: z.uuid().optional() });
export type NewDecision = z.input<typeof decisionBody>;

export const actionBody = z.strictObject({
  description: longText,
  /** a participant of this meeting who does it */
  responsibleParticipantId: z.uuid(),
  dueOn: isoDate,
  studentId: z.uuid().optional(),
});
export type NewAction = z.input<typeof actionBody>;

export const actionDoneBody = z.strictObject({ done: z.boolean() });

export const shareBody = z.strictObject({ recipient: z.enum(shareRecipients), participantId: z.uuid().optional() });
export type ShareInput = z.input<typeof shareBody>;

/** the measure made from the decision (created through the measures feature's own route) */
export const decisionMeasureBody = z.strictObject({ measureId: z.uuid() });

export const studentSearchQuery = z.strictObject({ q: z.string().trim().min(2).max(80) });
export const studentSearchSchema = z.object({ students: z.array(z.object({ id: z.string(), name: z.string(), groupName: z.string().nullable() })) });
export type StudentSearch = z.infer<typeof studentSearchSchema>;

export const studentMeetingsParams = studentParams;
export const meetingParams = z.object({ meetingId: z.uuid() });
export const participantParams = meetingParams.extend({ participantId: z.uuid() });
export const actionParams = meetingParams.extend({ actionId: z.uuid() });
export const decisionParams = meetingParams.extend({ decisionId: z.uuid() });
