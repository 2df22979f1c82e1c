/** The conflicts API's shapes. The web app takes its types from here (`import type`). */
import { z } from 'zod';
import { conflictStatuses } from './tables.js';
import { accessSchema } from '../../core/http/schemas.js';

export const isoDate = z.iso.date();
export const conflictParams = z.object({ conflictId: z.uuid() });
export const noteParams = z.object({ conflictId: z.uuid(), studentId: z.uuid() });

/**
 * An involved student as the viewer may see them. `known: false` — the viewer has no relationship to
 * this student — carries only the class name, shown as "another student in 1STB".
 */
export const involvedSchema = z.object({
  known: z.boolean(),
  studentId: z.string().nullable(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  groupName: z.string().nullable(),
  /** what concerns this student; null when unknown to the viewer */
  note: z.string().nullable(),
});
export type Involved = z.infer<typeof involvedSchema>;

export const stepSchema = z.object({
  id: z.string(),
  takenOn: z.string(),
  description: z.string(),
  /** null: a step with everyone (e.g. a mediation meeting) */
  studentId: z.string().nullable(),
  recordedBy: z.string(),
});
export type Step = z.infer<typeof stepSchema>;

export const conflictSchema = z.object({
  access: accessSchema,
  id: z.string(),
  occurredOn: z.string(),
  description: z.string(),
  status: z.enum(conflictStatuses),
  resolvedOn: z.string().nullable(),
  recordedBy: z.string(),
  /** full: a leader or whoever recorded it; ownStudents: a contact teacher, who sees their own students' parts */
  scope: z.enum(['full', 'ownStudents']),
  students: z.array(involvedSchema),
  steps: z.array(stepSchema),
  /** the school's today: the latest date a form may take */
  today: z.string(),
});
export type ConflictView = z.infer<typeof conflictSchema>;

export const conflictSummarySchema = z.object({
  id: z.string(),
  occurredOn: z.string(),
  status: z.enum(conflictStatuses),
  resolvedOn: z.string().nullable(),
  students: z.array(involvedSchema),
});
export type ConflictSummary = z.infer<typeof conflictSummarySchema>;
export const conflictListSchema = z.object({ access: accessSchema, today: z.string(), conflicts: z.array(conflictSummarySchema) });
export type ConflictList = z.infer<typeof conflictListSchema>;
export const studentConflictsSchema = conflictListSchema;

const text = (max: number) => z.string().trim().min(1).max(max);

export const createBody = z.strictObject({
  occurredOn: isoDate,
  /** written without names: every involved student's contact teacher reads it */
  description: text(4000),
  students: z.array(z.strictObject({ studentId: z.uuid(), note: z.string().trim().max(2000).optional() })).min(2).max(10),
});
export type ConflictInput = z.infer<typeof createBody>;

export const stepBody = z.strictObject({ takenOn: isoDate, description: text(2000), studentId: z.uuid().nullable().optional() });
export type StepInput = z.infer<typeof stepBody>;
export const statusBody = z.strictObject({ status: z.enum(conflictStatuses), resolvedOn: isoDate.nullable().optional() });
export type StatusInput = z.infer<typeof statusBody>;
export const noteBody = z.strictObject({ note: z.string().trim().max(2000) });
export type NoteInput = z.infer<typeof noteBody>;

export const searchQuery = z.strictObject({ q: z.string().trim().min(2).max(100) });
export const searchSchema = z.object({
  students: z.array(z.object({ studentId: z.string(), givenName: z.string(), familyName: z.string(), groupName: z.string().nullable() })),
});
export type StudentSearch = z.infer<typeof searchSchema>;
export type FoundStudent = StudentSearch['students'][number];
