/** The shapes of status changes: the staff's view with the preparation, the family's decision letter, and what is sent. */
import { z } from 'zod';
import { studentParams } from '../../core/http/schemas.js';
import { meetingParticipants, programmes, statusAppealOutcomes, statusChangeKinds } from './tables.js';

const checklistState = z.enum(['done', 'missing', 'notNeeded']);

/** The principal's decision as everyone who may read it sees it: the letter. */
export const statusDecisionSchema = z.object({
  statusChangeId: z.string(),
  kind: z.enum(statusChangeKinds),
  newProgramme: z.enum(programmes).nullable(),
  granted: z.boolean(),
  reasons: z.string(),
  decidedOn: z.string(),
  decidedBy: z.string(),
  schoolName: z.string(),
  effectiveOn: z.string().nullable(),
  notifiedOn: z.string(),
  /** forvaltningsloven § 29: three weeks from the notice */
  appealDeadline: z.string(),
  appealTo: z.string(),
  appeal: z.object({ receivedOn: z.string(), outcome: z.enum(statusAppealOutcomes).nullable(), decidedOn: z.string().nullable() }).nullable(),
});
export type StatusDecision = z.infer<typeof statusDecisionSchema>;

export const statusChangeSchema = z.object({
  id: z.string(),
  studentId: z.string(),
  kind: z.enum(statusChangeKinds),
  background: z.string(),
  proposedOn: z.string(),
  newProgramme: z.enum(programmes).nullable(),
  startedBy: z.string(),
  startedOn: z.string(),
  meetings: z.array(z.object({
    id: z.string(), heldOn: z.string(), participants: z.array(z.enum(meetingParticipants)), others: z.string(), note: z.string(), recordedBy: z.string(),
  })),
  documents: z.array(z.object({ id: z.string(), title: z.string(), receivedOn: z.string(), receivedFrom: z.string(), recordedBy: z.string() })),
  checklist: z.object({ meetingWithStudent: checklistState, meetingWithGuardians: checklistState, meetingWithCounsellor: checklistState, documents: checklistState }),
  decision: statusDecisionSchema.nullable(),
  /** who the notice goes to: the student, and the guardians with insight today (names, for the staff only) */
  noticeTo: z.array(z.string()),
  appealNote: z.string(),
  canPrepare: z.boolean(),
  canDecide: z.boolean(),
  /** the principal, once decided */
  canRecordAppeal: z.boolean(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const statusChangesSchema = z.object({
  statusChanges: z.array(statusChangeSchema),
  canStart: z.boolean(),
  studentIsAdult: z.boolean(),
  studentStatus: z.string(),
  schoolName: z.string(),
});
export type StatusChanges = z.infer<typeof statusChangesSchema>;

export const statusDecisionsSchema = z.object({ decisions: z.array(statusDecisionSchema) });
export type StatusDecisions = z.infer<typeof statusDecisionsSchema>;

export const pendingStatusChangesSchema = z.object({
  statusChanges: z.array(z.object({ id: z.string(), studentId: z.string(), studentName: z.string(), kind: z.enum(statusChangeKinds), proposedOn: z.string(), startedOn: z.string() })),
});
export type PendingStatusChanges = z.infer<typeof pendingStatusChangesSchema>;

const text = z.string().trim().min(1).max(4000);
const shortText = z.string().trim().min(1).max(300);
const isoDate = z.iso.date();

export const startStatusChangeBody = z.strictObject({
  kind: z.enum(statusChangeKinds), background: text, proposedOn: isoDate,
  newProgramme: z.enum(programmes).optional(),
});
export type NewStatusChange = z.input<typeof startStatusChangeBody>;

export const patchStatusChangeBody = z.strictObject({
  background: text, proposedOn: isoDate, newProgramme: z.enum(programmes).nullable(),
}).partial();
export type StatusChangePatch = z.input<typeof patchStatusChangeBody>;

export const meetingBody = z.strictObject({
  heldOn: isoDate,
  participants: z.array(z.enum(meetingParticipants)).max(meetingParticipants.length).default([]),
  others: z.string().trim().max(300).default(''),
  note: z.string().trim().max(4000).default(''),
});
export type NewStatusMeeting = z.input<typeof meetingBody>;

export const documentBody = z.strictObject({ title: shortText, receivedOn: isoDate, receivedFrom: shortText });
export type NewStatusDocument = z.input<typeof documentBody>;

export const decisionBody = z.strictObject({
  granted: z.boolean(),
  reasons: text,
  /** required when granted: the day the change takes effect (enrolments end the day before) */
  effectiveOn: isoDate.optional(),
  /** where an appeal is sent; the notice goes to the student and the guardians with insight as the decision is made */
  appealTo: shortText,
});
export type StatusDecisionInput = z.input<typeof decisionBody>;

export const appealBody = z.strictObject({
  receivedOn: isoDate,
  note: z.string().trim().max(4000).default(''),
  outcome: z.enum(statusAppealOutcomes).optional(),
  decidedOn: isoDate.optional(),
});
export type StatusAppealInput = z.input<typeof appealBody>;

export const statusChangesParams = studentParams;
export const statusChangeParams = studentParams.extend({ statusChangeId: z.uuid() });
