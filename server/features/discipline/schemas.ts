/**
 * The disciplinary-case API's shapes (R-23, L-30…L-32). Staff see the whole case; the student and
 * guardians with insight see only what was addressed to them (`view: 'family'`). The web app takes the
 * z.infer types below with `import type`.
 */
import { z } from 'zod';
import { appealOutcomes, disciplinaryMeasureKinds, suspensionScopes } from './tables.js';
import { accessSchema } from '../../core/http/schemas.js';

export const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);

export const caseParams = z.object({ caseId: z.uuid() });
export const interventionParams = z.object({ caseId: z.uuid(), interventionId: z.uuid() });
export const basisGroupParams = z.object({ basisGroupId: z.uuid() });

export const incidentBody = z.strictObject({
  occurredOn: isoDate,
  place: text(200),
  description: text(4000),
  /** which school rule (L-30) */
  rule: text(300),
});
export type IncidentBody = z.infer<typeof incidentBody>;
export const openBody = z.strictObject({ incident: incidentBody });
export type OpenCaseBody = z.infer<typeof openBody>;
export const hearingBody = z.strictObject({ heardOn: isoDate, studentView: text(4000) });
export type HearingBody = z.infer<typeof hearingBody>;
export const measureBody = z.strictObject({
  kind: z.enum(disciplinaryMeasureKinds),
  description: text(2000),
  decidedOn: isoDate,
  singleIncident: z.boolean().optional(),
  addressedToFamily: z.boolean().optional(),
  evaluateOn: isoDate.optional(),
});
export type MeasureBody = z.infer<typeof measureBody>;
export const removalBody = z.strictObject({
  teachingGroupId: z.uuid(),
  on: isoDate,
  minutes: z.int().min(1).max(120),
  description: text(2000),
});
/** L-31: a removal from the caller's own lesson */
export type RemovalBody = z.infer<typeof removalBody>;
export const noticeBody = z.strictObject({ noticeSentOn: isoDate });
export type SuspensionNoticeBody = z.infer<typeof noticeBody>;
export const decisionBody = z.strictObject({
  decidedOn: isoDate,
  scope: z.enum(suspensionScopes),
  days: z.int().min(1).max(30).optional(),
  lessons: z.int().min(1).max(10).optional(),
  startsOn: isoDate,
  reasons: text(4000),
  milderMeasures: text(2000),
  guardiansToldOn: isoDate.optional(),
  notifiedOn: isoDate.optional(),
  singleIncident: z.boolean().optional(),
});
export type SuspensionDecisionBody = z.infer<typeof decisionBody>;
export const appealBody = z.strictObject({
  receivedOn: isoDate,
  outcome: z.enum(appealOutcomes).optional(),
  decidedOn: isoDate.optional(),
});
export type SuspensionAppealBody = z.infer<typeof appealBody>;
export const interventionBody = z.strictObject({
  occurredOn: isoDate,
  incidentAccount: text(4000),
  interventionAccount: text(4000),
  studentView: text(4000),
  reportedToPrincipalOn: isoDate,
});
export type PhysicalInterventionBody = z.infer<typeof interventionBody>;
export const informedBody = z.strictObject({ informedOn: isoDate });
export type ParentsInformedBody = z.infer<typeof informedBody>;

const incident = z.object({ id: z.string(), occurredOn: z.string(), place: z.string(), description: z.string(), rule: z.string(), reportedBy: z.string() });
const hearing = z.object({ id: z.string(), heardOn: z.string(), studentView: z.string(), heardBy: z.string() });
const measure = z.object({
  id: z.string(), kind: z.enum(disciplinaryMeasureKinds), description: z.string(), decidedOn: z.string(), decidedBy: z.string(),
  singleIncident: z.boolean(), addressedToFamily: z.boolean(), groupName: z.string().nullable(), minutes: z.int().nullable(), evaluateOn: z.string().nullable(),
});
const suspensionView = z.object({
  noticeSentOn: z.string(), decidedOn: z.string().nullable(), decidedBy: z.string().nullable(), scope: z.enum(suspensionScopes).nullable(),
  days: z.int().nullable(), lessons: z.int().nullable(), startsOn: z.string().nullable(), reasons: z.string().nullable(),
  milderMeasures: z.string().nullable(), guardiansToldOn: z.string().nullable(), notifiedOn: z.string().nullable(),
  appealReceivedOn: z.string().nullable(), appealOutcome: z.enum(appealOutcomes).nullable(), appealDecidedOn: z.string().nullable(),
});
const intervention = z.object({
  id: z.string(), occurredOn: z.string(), incidentAccount: z.string(), interventionAccount: z.string(), studentView: z.string(),
  performedBy: z.string(), reportedToPrincipalOn: z.string(), parentsInformedOn: z.string().nullable(),
});

export const caseSchema = z.object({
  access: accessSchema,
  /** the server's today (dates in forms default to it) */
  today: z.string(),
  id: z.string(),
  view: z.enum(['staff', 'family']),
  student: z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), stage: z.enum(['primary', 'lowerSecondary', 'upperSecondary']), className: z.string().nullable() }),
  openedAt: z.string(),
  reportedBy: z.string().nullable(),
  incidents: z.array(incident),
  hearings: z.array(hearing),
  measures: z.array(measure),
  suspension: suspensionView.nullable(),
  interventions: z.array(intervention),
  /** what the caller may do next (the policy's answers) */
  can: z.object({ update: z.boolean(), removeFromLesson: z.boolean(), suspend: z.boolean(), reportIntervention: z.boolean(), informParents: z.boolean() }),
  /** the caller's own teaching groups with this student (for a removal from their lesson) */
  ownGroups: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type CaseView = z.infer<typeof caseSchema>;
export type Suspension = NonNullable<CaseView['suspension']>;
export type SuspensionScope = NonNullable<Suspension['scope']>;
export type AppealOutcome = NonNullable<Suspension['appealOutcome']>;
export type DisciplinaryMeasureKind = CaseView['measures'][number]['kind'];
export type SchoolStage = CaseView['student']['stage'];

export const caseSummary = z.object({
  id: z.string(), studentId: z.string(), givenName: z.string(), familyName: z.string(), className: z.string().nullable(),
  openedAt: z.string(), lastIncidentOn: z.string().nullable(), incidents: z.int(), measures: z.int(),
  suspension: z.enum(['none', 'noticeSent', 'decided', 'appealed']),
});
export type CaseSummary = z.infer<typeof caseSummary>;
export const caseListSchema = z.object({ access: accessSchema, today: z.string(), cases: z.array(caseSummary) });
export type CaseList = z.infer<typeof caseListSchema>;
export const createdSchema = z.object({ id: z.string() });
export type Created = z.infer<typeof createdSchema>;
