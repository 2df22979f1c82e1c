/** The annual-cycle API's shapes (R-30…R-33). The web app takes its types from here (`import type`). */
import { z } from 'zod';
import { levels } from '../../core/db/tables.js';
import { routineResponsibleRoles } from './tables.js';
import { accessSchema } from '../../core/http/schemas.js';
import { evidenceKinds, taskSubjectKinds } from '../../core/evidence/sources.js';
import { routineScopes } from './evidence.js';

export const isoDate = z.iso.date();
export const routineParams = z.object({ routineId: z.uuid() });
export const tickParams = z.object({ routineId: z.uuid(), subjectId: z.uuid() });
export const tickQuery = z.object({ teacherId: z.uuid().optional() });
export const basisParams = z.object({ basisGroupId: z.uuid() });
export const cycleQuery = z.object({ schoolYearId: z.uuid().optional() });
/** refresh=true: compute the kept counts now instead of answering with the kept ones (see keptForSeconds) */
export const complianceQuery = cycleQuery.extend({ refresh: z.enum(['true', 'false']).optional() });

const text = (max: number) => z.string().trim().max(max);

export const routineBody = z.strictObject({
  schoolYearId: z.uuid().optional(),
  titleNb: text(200).min(1),
  titleNn: text(200).min(1),
  descriptionNb: text(4000).default(''),
  descriptionNn: text(4000).default(''),
  scope: z.enum(routineScopes),
  level: z.enum(levels).nullable().default(null),
  programme: z.enum(['general', 'vocational']).nullable().default(null),
  /** only students under 18 (eachStudent and eachSubjectTeacherOfStudent) */
  excludeAdults: z.boolean().default(false),
  responsibleRole: z.enum(routineResponsibleRoles),
  opensOn: isoDate,
  closesOn: isoDate,
  evidenceKind: z.enum(evidenceKinds),
  evidenceParam: text(100).nullable().default(null),
});
export type RoutineBody = z.infer<typeof routineBody>;
/** What the web sends: the defaulted fields may be left out. */
export type RoutineInput = z.input<typeof routineBody>;

export const copyBody = z.strictObject({ fromSchoolYearId: z.uuid(), toSchoolYearId: z.uuid() });
export type CopyInput = z.infer<typeof copyBody>;
export const tickBody = z.strictObject({ subjectId: z.uuid(), teacherId: z.uuid().optional() });
export type TickInput = z.infer<typeof tickBody>;
export const digestBody = z.strictObject({ weeklyDigest: z.boolean() });
export type DigestInput = z.infer<typeof digestBody>;

export const weeksSchema = z.object({ from: z.number(), to: z.number() });
/** A window as ISO week numbers. */
export type Weeks = z.infer<typeof weeksSchema>;

export const routineSchema = z.object({
  id: z.string(),
  builtinKey: z.string().nullable(),
  titleNb: z.string(),
  titleNn: z.string(),
  descriptionNb: z.string(),
  descriptionNn: z.string(),
  scope: z.enum(routineScopes),
  level: z.enum(levels).nullable(),
  programme: z.enum(['general', 'vocational']).nullable(),
  excludeAdults: z.boolean(),
  responsibleRole: z.enum(routineResponsibleRoles),
  opensOn: z.string(),
  closesOn: z.string(),
  weeks: weeksSchema,
  evidenceKind: z.enum(evidenceKinds),
  evidenceParam: z.string().nullable(),
  /** ticked by hand: no data behind it (yet) */
  handTicked: z.boolean(),
});
export type Routine = z.infer<typeof routineSchema>;
export type RoutineScope = Routine['scope'];
export type ResponsibleRole = Routine['responsibleRole'];

export const cycleSchema = z.object({
  access: accessSchema,
  schoolYear: z.object({ id: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string() }),
  schoolYears: z.array(z.object({ id: z.string(), name: z.string(), hasCycle: z.boolean() })),
  copiedFromSchoolYear: z.string().nullable(),
  canManage: z.boolean(),
  routines: z.array(routineSchema),
  evidenceKinds: z.array(z.object({
    kind: z.enum(evidenceKinds), subjects: z.array(z.enum(taskSubjectKinds)), handTicked: z.boolean(),
    param: z.object({ name: z.string(), values: z.array(z.string()).nullable() }).nullable(),
  })),
});
export type CycleView = z.infer<typeof cycleSchema>;
export type EvidenceKindInfo = CycleView['evidenceKinds'][number];

export const taskStatusSchema = z.enum(['done', 'doneLate', 'overdue', 'open', 'upcoming']);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

export const taskItemSchema = z.object({
  subjectId: z.string(),
  teacherId: z.string().nullable(),
  name: z.string(),
  /** the student's class, for tasks about a student */
  detail: z.string().nullable(),
  status: taskStatusSchema,
  doneOn: z.string().nullable(),
  tickedBy: z.string().nullable(),
});
export type TaskItem = z.infer<typeof taskItemSchema>;

export const taskGroupSchema = z.object({
  routineId: z.string(),
  title: z.string(),
  description: z.string(),
  scope: z.enum(routineScopes),
  opensOn: z.string(),
  closesOn: z.string(),
  weeks: weeksSchema,
  evidenceKind: z.enum(evidenceKinds),
  evidenceParam: z.string().nullable(),
  handTicked: z.boolean(),
  /** the class a class-level task is about (one line per class); null for a routine's tasks about students or teachers */
  basisGroup: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** the classes of the students a routine's tasks are about (one line per routine, across the person's classes and groups) */
  basisGroups: z.array(z.object({ id: z.string(), name: z.string() })),
  total: z.number(),
  done: z.number(),
  overdue: z.number(),
  /** what is still to do (overdue or open), at most 100; total − done says how many there are in all */
  pending: z.array(taskItemSchema),
});
export type TaskGroup = z.infer<typeof taskGroupSchema>;

export const myTasksSchema = z.object({
  today: z.string(),
  week: z.number(),
  groups: z.array(taskGroupSchema),
  weeklyDigest: z.boolean(),
});
export type MyTasks = z.infer<typeof myTasksSchema>;

export const countsSchema = z.object({ total: z.number(), done: z.number(), overdue: z.number(), late: z.number(), open: z.number() });
/** How many of a routine's (a class's, a teacher's) tasks are done, overdue, done late and open. */
export type TaskCounts = z.infer<typeof countsSchema>;

export const complianceSchema = z.object({
  access: accessSchema,
  scope: z.enum(['school', 'department']),
  today: z.string(),
  schoolYear: z.string(),
  /** when the counts were computed (ISO); null when the cycle has no routines */
  computedAt: z.string().nullable(),
  /** how long counts are kept before they are computed again behind an answer */
  keptForSeconds: z.number(),
  routines: z.array(countsSchema.extend({
    routineId: z.string(), title: z.string(), opensOn: z.string(), closesOn: z.string(), weeks: weeksSchema,
    responsibleRole: z.enum(routineResponsibleRoles), handTicked: z.boolean(),
  })),
  classes: z.array(countsSchema.extend({ basisGroupId: z.string(), name: z.string(), byRoutine: z.array(countsSchema.extend({ routineId: z.string() })) })),
  teachers: z.array(countsSchema.extend({ staffMemberId: z.string(), name: z.string(), byRoutine: z.array(countsSchema.extend({ routineId: z.string() })) })),
});
export type Compliance = z.infer<typeof complianceSchema>;

export const classComplianceSchema = z.object({
  access: accessSchema,
  basisGroup: z.object({ id: z.string(), name: z.string() }),
  today: z.string(),
  routines: z.array(z.object({ routineId: z.string(), title: z.string(), scope: z.enum(routineScopes), closesOn: z.string(), weeks: weeksSchema, handTicked: z.boolean() })),
  /** the class's own tasks (eachBasisGroup routines) */
  classTasks: z.array(z.object({ routineId: z.string(), status: taskStatusSchema, doneOn: z.string().nullable(), tickedBy: z.string().nullable() })),
  students: z.array(z.object({
    studentId: z.string(), givenName: z.string(), familyName: z.string(),
    tasks: z.array(z.object({ routineId: z.string(), total: z.number(), done: z.number(), status: taskStatusSchema })),
  })),
});
export type ClassCompliance = z.infer<typeof classComplianceSchema>;

export const studentTasksSchema = z.object({
  access: accessSchema,
  today: z.string(),
  tasks: z.array(z.object({
    routineId: z.string(), title: z.string(), teacher: z.string().nullable(), opensOn: z.string(), closesOn: z.string(), weeks: weeksSchema,
    status: taskStatusSchema, doneOn: z.string().nullable(), handTicked: z.boolean(), tickedBy: z.string().nullable(),
  })),
});

export type StudentTasks = z.infer<typeof studentTasksSchema>;

export const digestSchema = z.object({ weeklyDigest: z.boolean() });
export type DigestPreference = z.infer<typeof digestSchema>;
