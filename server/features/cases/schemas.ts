/** The shapes of cases: a case as its reader sees it, its chronology, and what is sent to change it. */
import { z } from 'zod';
import { studentParams } from '../../core/http/schemas.js';
import { caseEventKinds, caseOutcomes, caseStatuses, caseVisibilities } from './tables.js';

export const caseSummarySchema = z.object({
  id: z.string(), studentId: z.string(), title: z.string(), raisedOn: z.string(), raisedByName: z.string(),
  status: z.enum(caseStatuses), visibility: z.enum(caseVisibilities), outcome: z.enum(caseOutcomes).nullable(),
  /** when it was put on the resource team's list; null when it is not on it */
  resourceTeamRegisteredAt: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const casesSchema = z.object({
  cases: z.array(caseSummarySchema),
  canRaise: z.boolean(),
});
export type Cases = z.infer<typeof casesSchema>;

export const caseEventSchema = z.object({
  id: z.string(), kind: z.enum(caseEventKinds), occurredOn: z.string(), description: z.string(), doneBy: z.string(),
  /** the entry this one corrects (the old one stays in the chronology) */
  correctsEventId: z.string().nullable(),
  /** the later entry that corrects this one, if any */
  correctedByEventId: z.string().nullable(),
  enteredByName: z.string(), enteredAt: z.string(),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const caseParticipantSchema = z.object({
  id: z.string(), staffMemberId: z.string().nullable(), name: z.string(), role: z.string(), external: z.boolean(),
});

export const caseSchema = caseSummarySchema.extend({
  studentName: z.string(),
  background: z.string(),
  outcomeReason: z.string(), outcomeOn: z.string().nullable(), outcomeByName: z.string().nullable(),
  events: z.array(caseEventSchema),
  participants: z.array(caseParticipantSchema),
  /** the measures proposed in this case that the reader may see */
  measures: z.array(z.object({ id: z.string(), goal: z.string(), status: z.string(), evaluateOn: z.string() })),
  /** the school's staff to choose a participant from; only to those who may manage the case */
  staffChoices: z.array(z.object({ staffMemberId: z.string(), name: z.string() })),
  canContribute: z.boolean(), canManage: z.boolean(),
  /** the reader may propose a measure about the student (the measures' own rule) */
  canAddMeasure: z.boolean(),
  access: z.object({ reason: z.string(), reasonCode: z.string() }),
});
export type CaseDetail = z.infer<typeof caseSchema>;

export const resourceTeamCasesSchema = z.object({
  cases: z.array(caseSummarySchema.extend({ studentName: z.string(), basisGroupName: z.string().nullable() })),
});
export type ResourceTeamCases = z.infer<typeof resourceTeamCasesSchema>;

const text = z.string().trim().min(1).max(4000);
const isoDate = z.iso.date();

export const createCaseBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  background: text,
  raisedOn: isoDate,
  visibility: z.enum(caseVisibilities).default('counsellorAndLeaders'),
  registerForResourceTeam: z.boolean().default(false),
});
export type NewCase = z.input<typeof createCaseBody>;

export const addEventBody = z.strictObject({
  occurredOn: isoDate,
  description: text,
  doneBy: z.string().trim().max(400).default(''),
  /** a correction names the entry it corrects; the old entry stays */
  correctsEventId: z.uuid().optional(),
});
export type NewCaseEvent = z.input<typeof addEventBody>;

/** A staff member (their account) or an external person by name and role, never both (checked by the route). */
export const addParticipantBody = z.strictObject({
  staffMemberId: z.uuid().optional(),
  externalName: z.string().trim().min(1).max(200).optional(),
  role: z.string().trim().max(200).default(''),
});
export type NewCaseParticipant = z.input<typeof addParticipantBody>;

export const resourceTeamBody = z.strictObject({ registered: z.boolean() });
export const visibilityBody = z.strictObject({ visibility: z.enum(caseVisibilities) });
export const outcomeBody = z.strictObject({ outcome: z.enum(caseOutcomes), reason: text });
export type CaseOutcomeInput = z.input<typeof outcomeBody>;

export const casesParams = studentParams;
export const caseParams = z.object({ caseId: z.uuid() });
