/** The class-life API's shapes. The web app takes its types from here (`import type`). */
import { z } from 'zod';
import { startOfYearItems } from './tables.js';
import { accessSchema } from '../../core/http/schemas.js';

export const TEXT_MAX = 4000;
export const SHORT_MAX = 300;
const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

export const basisParams = z.object({ basisGroupId: z.uuid() });
export const weekParams = z.object({ basisGroupId: z.uuid(), weekStart: isoDate });
export const dayParams = z.object({ basisGroupId: z.uuid(), heldOn: isoDate });
export const caseParams = z.object({ basisGroupId: z.uuid(), caseId: z.uuid() });
export const itemParams = z.object({ basisGroupId: z.uuid(), item: z.enum(startOfYearItems) });
export const proposalParams = z.object({ basisGroupId: z.uuid(), proposalId: z.uuid() });
export const electionParams = z.object({ basisGroupId: z.uuid(), electionId: z.uuid() });
export const rotaParams = z.object({ basisGroupId: z.uuid(), rotaId: z.uuid() });
export const awayParams = z.object({ basisGroupId: z.uuid(), awayId: z.uuid() });
export const agendaQuery = z.object({ week: isoDate.optional() });

const group = z.object({ id: z.string(), name: z.string() });
export const person = z.object({ studentId: z.string(), givenName: z.string(), familyName: z.string() });
/** A student of the class, by name. */
export type ClassStudent = z.infer<typeof person>;

/** The caller's own current classes as a student. */
export const myClassesSchema = z.object({ classes: z.array(z.object({ id: z.string(), name: z.string() })) });
export type MyClasses = z.infer<typeof myClassesSchema>;

/* ── class hour ── */

export const classHourTopics = ['registrationForm', 'rules', 'classEnvironment', 'studyTechnique', 'timeManagement', 'futureChoices', 'whenChoicesAreMade'] as const;
export const standingItems = ['checkAbsence', 'informationChannels', 'commonEvents', 'wellBeing', 'workload', 'deadlines', 'studentCouncil', 'questions', 'individualTalks'] as const;

export const topicSchema = z.object({
  /** a key of classHourTopics, or the teacher's own words */
  topic: z.string(),
  suggested: z.enum(classHourTopics),
  /** the teacher chose the topic for the week (else the plan's suggestion) */
  chosen: z.boolean(),
});
/** The week's topic of the class hour. */
export type Topic = z.infer<typeof topicSchema>;
export type ClassHourTopic = Topic['suggested'];

export const caseSchema = z.object({
  id: z.string(), title: z.string(), background: z.string(), decision: z.string().nullable(), decidedOn: z.string().nullable(),
  preparedBy: z.string(), createdAt: z.string(),
});
/** A case prepared for the class hour's decision. */
export type ClassHourCase = z.infer<typeof caseSchema>;

export const classHourSchema = z.object({
  heldOn: z.string(), topic: z.string(),
  /** null when the reader may not see them (a student, unless shared) */
  notes: z.string().nullable(), notesShared: z.boolean(), updatedBy: z.string(), updatedAt: z.string(),
});
export type ClassHour = z.infer<typeof classHourSchema>;

export const agendaSchema = z.object({
  access: accessSchema,
  group,
  today: z.string(),
  canManage: z.boolean(),
  week: z.object({ start: z.string(), end: z.string(), number: z.int(), previous: z.string(), next: z.string() }),
  standingItems: z.array(z.enum(standingItems)),
  /** the weekly absence check; null for students */
  absence: z.object({ studentsWithUndocumented: z.int(), studentsChecked: z.int(), students: z.int(), isoWeek: z.string() }).nullable(),
  /** tests, full-day tests, trips and events of the next two weeks */
  upcoming: z.array(z.object({ date: z.string(), kind: z.string(), title: z.string(), subject: z.string().nullable() })),
  topic: topicSchema,
  classHours: z.array(classHourSchema),
  /** the cases prepared for a decision; staff only */
  cases: z.array(caseSchema),
});
export type Agenda = z.infer<typeof agendaSchema>;
export type StandingItem = Agenda['standingItems'][number];

export const topicPlanSchema = z.object({
  access: accessSchema,
  group,
  canManage: z.boolean(),
  weeks: z.array(z.object({ weekStart: z.string(), number: z.int() }).extend(topicSchema.shape)),
});
export type TopicPlan = z.infer<typeof topicPlanSchema>;

export const classHourBody = z.strictObject({
  topic: text(SHORT_MAX).default(''),
  notes: text(TEXT_MAX).default(''),
  notesShared: z.boolean().default(false),
});
export type ClassHourInput = z.input<typeof classHourBody>;

export const topicBody = z.strictObject({
  /** empty: back to the plan's suggestion */
  topic: text(SHORT_MAX),
});
export type TopicInput = z.infer<typeof topicBody>;

export const caseBody = z.strictObject({
  title: text(SHORT_MAX).min(1),
  background: text(TEXT_MAX).default(''),
  decision: text(TEXT_MAX).nullable().default(null),
  decidedOn: isoDate.nullable().default(null),
});
export type CaseInput = z.input<typeof caseBody>;

/* ── start-of-year checklist ── */

export const checklistSchema = z.object({
  access: accessSchema,
  group,
  canManage: z.boolean(),
  items: z.array(z.object({ item: z.enum(startOfYearItems), checkedOn: z.string().nullable(), checkedBy: z.string().nullable() })),
});
/** The start-of-year checklist. */
export type Checklist = z.infer<typeof checklistSchema>;
export type StartOfYearItem = Checklist['items'][number]['item'];

export const checkBody = z.strictObject({
  checked: z.boolean(),
  checkedOn: isoDate.optional(),
});
export type CheckInput = z.infer<typeof checkBody>;

/* ── class rules ── */

const commentSchema = z.object({ id: z.string(), text: z.string(), author: z.string(), mine: z.boolean(), createdAt: z.string() });

export const classRulesSchema = z.object({
  access: accessSchema,
  group,
  canManage: z.boolean(),
  canPropose: z.boolean(),
  /** the teacher's working draft; null for students */
  draft: z.object({ text: z.string(), updatedAt: z.string() }).nullable(),
  current: z.object({ version: z.int(), text: z.string(), publishedOn: z.string() }).nullable(),
  earlier: z.array(z.object({ version: z.int(), text: z.string(), publishedOn: z.string() })),
  proposals: z.array(z.object({
    id: z.string(), text: z.string(),
    /** the proposer's name is shown to the staff; classmates see only "a student" (or "you") */
    author: z.string().nullable(), mine: z.boolean(), createdAt: z.string(), comments: z.array(commentSchema),
  })),
});
export type ClassRules = z.infer<typeof classRulesSchema>;
/** A published version of the class rules. */
export type ClassRulesVersion = ClassRules['earlier'][number];

export const proposalBody = z.strictObject({ text: text(1000).min(1) });
export type ProposalInput = z.infer<typeof proposalBody>;
export const commentBody = z.strictObject({ text: text(1000).min(1) });
export type CommentInput = z.infer<typeof commentBody>;
export const draftBody = z.strictObject({ text: text(TEXT_MAX) });
export type DraftInput = z.infer<typeof draftBody>;
/** The answer to publishing the draft: the new version and its date. */
export const publishedSchema = z.object({ version: z.int(), publishedOn: z.string() });
export type Published = z.infer<typeof publishedSchema>;

/* ── student representatives ── */

export const candidateSchema = person.extend({
  status: z.enum(['nominated', 'accepted', 'declined']),
  votes: z.int().nullable(),
  elected: z.int().nullable(),
  drawnByLot: z.boolean(),
});
export type Candidate = z.infer<typeof candidateSchema>;
export type CandidateStatus = Candidate['status'];

export const electionSchema = z.object({
  id: z.string(),
  seats: z.int(),
  termStartsOn: z.string(),
  termEndsOn: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  closedOn: z.string().nullable(),
  candidates: z.array(candidateSchema),
  /** how many have voted of how many may (never who voted for whom) */
  turnout: z.object({ voted: z.int(), eligible: z.int() }),
  /** the caller (a student of the class) */
  me: z.object({ voted: z.boolean(), candidacy: z.enum(['none', 'nominated', 'accepted', 'declined']) }).nullable(),
});
export type Election = z.infer<typeof electionSchema>;

export const representativesSchema = z.object({
  access: accessSchema,
  group,
  canManage: z.boolean(),
  canVote: z.boolean(),
  students: z.array(person),
  elections: z.array(electionSchema),
});
export type Representatives = z.infer<typeof representativesSchema>;

export const electionBody = z.strictObject({
  seats: z.int().min(1).max(4).default(2),
  termStartsOn: isoDate,
  termEndsOn: isoDate,
});
export type ElectionInput = z.input<typeof electionBody>;
export const nominateBody = z.strictObject({ studentId: z.uuid() });
export type NominateInput = z.infer<typeof nominateBody>;
export const candidacyBody = z.strictObject({ accept: z.boolean() });
export type CandidacyInput = z.infer<typeof candidacyBody>;
export const voteBody = z.strictObject({ candidateStudentId: z.uuid() });
export type VoteInput = z.infer<typeof voteBody>;

/* ── duty rota ── */

export const dutyRotaSchema = z.object({
  access: accessSchema,
  group,
  canManage: z.boolean(),
  students: z.array(person),
  rota: z.object({
    id: z.string(), startsOn: z.string(), endsOn: z.string(), perWeek: z.int(), routines: z.array(z.string()),
    weeks: z.array(z.object({ weekStart: z.string(), number: z.int(), students: z.array(person) })),
    /** times on duty per student over the rota */
    counts: z.array(person.extend({ count: z.int() })),
  }).nullable(),
  /** students away for a longer period; the contact teacher only */
  away: z.array(person.extend({ id: z.string(), fromOn: z.string(), toOn: z.string() })),
  defaultRoutines: z.array(z.string()),
});
export type DutyRota = z.infer<typeof dutyRotaSchema>;

export const rotaBody = z.strictObject({
  startsOn: isoDate,
  endsOn: isoDate,
  perWeek: z.int().min(1).max(4).default(2),
  routines: z.array(text(SHORT_MAX).min(1)).max(30).optional(),
});
export type RotaInput = z.input<typeof rotaBody>;
export const routinesBody = z.strictObject({ routines: z.array(text(SHORT_MAX).min(1)).max(30) });
export type RoutinesInput = z.infer<typeof routinesBody>;
export const awayBody = z.strictObject({ studentId: z.uuid(), fromOn: isoDate, toOn: isoDate });
export type AwayInput = z.infer<typeof awayBody>;
