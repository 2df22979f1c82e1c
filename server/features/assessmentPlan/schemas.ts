/** The assessment plan's API shapes. The web app takes its types from here (`import type`). */
import { z } from 'zod';
import { assessmentPlanEntryKinds, assessmentPlanRuleKinds } from './tables.js';
import { levels } from '../../core/db/tables.js';
import { accessSchema } from '../../core/http/schemas.js';

export const TITLE_MAX = 120;
export const MAXIMUM_MIN = 1;
export const MAXIMUM_MAX = 20;
export const DESCRIPTION_MAX = 1000;
export const isoDate = z.iso.date();
export const kindSchema = z.enum(assessmentPlanEntryKinds);
export const ruleKindSchema = z.enum(assessmentPlanRuleKinds);
export type EntryKind = z.infer<typeof kindSchema>;
export type RuleKind = z.infer<typeof ruleKindSchema>;
export const teachingParams = z.object({ teachingGroupId: z.uuid() });
export const teachingEntryParams = z.object({ teachingGroupId: z.uuid(), entryId: z.uuid() });
export const basisParams = z.object({ basisGroupId: z.uuid() });
export const basisEntryParams = z.object({ basisGroupId: z.uuid(), entryId: z.uuid() });
export const schoolEntryParams = z.object({ entryId: z.uuid() });
export const rangeQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });

/** A new or changed entry; the subject comes from the teaching group. */
export const entryBody = z.strictObject({
  kind: kindSchema,
  title: z.string().trim().min(1).max(TITLE_MAX),
  description: z.string().trim().max(DESCRIPTION_MAX).default(''),
  startsOn: isoDate,
  /** inclusive; a project's due date, the last day of a trip over several days */
  endsOn: isoDate.nullable().default(null),
});
export type EntryBody = z.infer<typeof entryBody>;
/** What the web sends: `description` and `endsOn` may be left out. */
export type EntryInput = z.input<typeof entryBody>;

/** The live check while the teacher types: the title may still be empty. */
export const checkBody = z.strictObject({
  kind: kindSchema,
  title: z.string().max(TITLE_MAX).default(''),
  startsOn: isoDate,
  endsOn: isoDate.nullable().default(null),
  /** when changing an entry: that entry (it is left out of the plan it is checked against) */
  entryId: z.uuid().nullable().default(null),
});

export type CheckInput = z.input<typeof checkBody>;

export const schoolEntryBody = entryBody.extend({ level: z.enum(levels).nullable().default(null) });
export const schoolCheckBody = checkBody.extend({ level: z.enum(levels).nullable().default(null) });
/** An event for a level (or, `level` null or left out, the whole school). */
export type SchoolEntryInput = z.input<typeof schoolEntryBody>;
export type SchoolCheckInput = z.input<typeof schoolCheckBody>;

export const entrySchema = z.object({
  id: z.string(),
  kind: kindSchema,
  title: z.string(),
  description: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  scope: z.enum(['teachingGroup', 'basisGroup', 'level', 'school']),
  level: z.string().nullable(),
  subjectCode: z.string().nullable(),
  subjectName: z.string().nullable(),
  groupName: z.string().nullable(),
  teachingGroupId: z.string().nullable(),
  basisGroupId: z.string().nullable(),
  /** the caller may change or remove it */
  editable: z.boolean(),
});
export type EntryView = z.infer<typeof entrySchema>;

export const conflictSchema = z.object({
  rule: ruleKindSchema,
  warningOnly: z.boolean(),
  day: z.string().nullable(),
  week: z.string().nullable(),
  /** the rule and what breaks it, in the caller's language */
  message: z.string(),
  studentCount: z.number().int(),
  /** the students affected whom the caller may see (a student sees only themself) */
  students: z.array(z.object({ id: z.string(), name: z.string() })),
  entries: z.array(z.object({ id: z.string(), title: z.string(), kind: kindSchema, startsOn: z.string(), groupName: z.string().nullable(), proposed: z.boolean() })),
});
export type ConflictView = z.infer<typeof conflictSchema>;

export const ruleSchema = z.object({
  rule: ruleKindSchema,
  enabled: z.boolean(),
  maximum: z.number().int().min(MAXIMUM_MIN).max(MAXIMUM_MAX).nullable(),
  warningOnly: z.boolean(),
});

export const rulesSchema = z.object({ access: accessSchema, rules: z.array(ruleSchema.extend({ description: z.string() })), canManage: z.boolean() });
export type Rules = z.infer<typeof rulesSchema>;
/** The maximum's range is checked by the route, so that a wrong number gets the rule's own message (not a generic one). */
export const rulesBody = z.strictObject({
  rules: z.array(z.strictObject({ ...ruleSchema.shape, maximum: z.number().nullable().describe(`a whole number ${MAXIMUM_MIN}–${MAXIMUM_MAX} for the max rules; null for noTestAfterExcursion`) }))
    .min(1).max(assessmentPlanRuleKinds.length),
});
export type RulesInput = z.infer<typeof rulesBody>;

export const checkResultSchema = z.object({
  conflicts: z.array(conflictSchema),
  /** date problems (holiday, weekend, outside the school year) as field errors in the caller's language */
  dateErrors: z.array(z.object({ field: z.string(), message: z.string() })),
  /** true when saving would be refused (a date problem or a hard rule) */
  blocked: z.boolean(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const savedSchema = z.object({ entry: entrySchema, warnings: z.array(conflictSchema) });
export type Saved = z.infer<typeof savedSchema>;

export const planSchema = z.object({
  access: accessSchema,
  from: z.string(),
  to: z.string(),
  today: z.string(),
  entries: z.array(entrySchema),
  conflicts: z.array(conflictSchema),
});

export const groupPlanSchema = planSchema.extend({
  group: z.object({ id: z.string(), name: z.string(), subjectCode: z.string().nullable(), subjectName: z.string().nullable(), kind: z.enum(['teaching', 'basis']) }),
  canPlan: z.boolean(),
  studentCount: z.number().int(),
});
export type GroupPlan = z.infer<typeof groupPlanSchema>;

export const studentPlanSchema = planSchema.extend({
  student: z.object({ id: z.string(), givenName: z.string(), familyName: z.string() }),
});
export type StudentPlan = z.infer<typeof studentPlanSchema>;

/** The events for a level or the whole school in the school year, and the levels one may be planned for. */
export const schoolEventsSchema = z.object({
  access: accessSchema,
  from: z.string(),
  to: z.string(),
  today: z.string(),
  levels: z.array(z.enum(levels)),
  entries: z.array(entrySchema),
});
export type SchoolEvents = z.infer<typeof schoolEventsSchema>;

export const feedSchema = z.object({ url: z.string() });
export type Feed = z.infer<typeof feedSchema>;

/** The caller's own entry points: their student records, and the groups they plan for. */
export const mineSchema = z.object({
  studentIds: z.array(z.string()),
  teachingGroups: z.array(z.object({ id: z.string(), name: z.string(), subjectCode: z.string(), subjectName: z.string() })),
  basisGroups: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type MyAssessmentPlans = z.infer<typeof mineSchema>;
