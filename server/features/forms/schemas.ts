/** The forms API's shapes. The web app takes its types from here (`import type`). */
import { z } from 'zod';
import { levels } from '../../core/db/tables.js';
import { accessSchema } from '../../core/http/schemas.js';

export const formStatuses = ['missing', 'received', 'checked'] as const;
export type FormStatusValue = (typeof formStatuses)[number];

export const formParams = z.object({ formId: z.uuid() });
export const basisParams = z.object({ basisGroupId: z.uuid() });

export const formBody = z.strictObject({
  nameNb: z.string().trim().min(1).max(200),
  nameNn: z.string().trim().min(1).max(200),
  /** null: every student of the school */
  level: z.enum(levels).nullable(),
  dueOn: z.iso.date(),
});
export type FormInput = z.infer<typeof formBody>;

const countsSchema = z.object({ students: z.int(), missing: z.int(), received: z.int(), checked: z.int() });
export const formSchema = z.object({ id: z.string(), nameNb: z.string(), nameNn: z.string(), level: z.string().nullable(), dueOn: z.string() });
export type Form = z.infer<typeof formSchema>;

export const retiredFormSchema = formSchema.extend({ retiredAt: z.string(), retiredBy: z.string().nullable() });
export type RetiredForm = z.infer<typeof retiredFormSchema>;
/** The answer to retire and reinstate: the form, `retiredAt` null once reinstated. */
export const retireResultSchema = formSchema.extend({ retiredAt: retiredFormSchema.shape.retiredAt.nullable() });
export type RetireResult = z.infer<typeof retireResultSchema>;

/** `forms` are in use; `retired` the ones the school stopped using, with the figures recorded while they were. */
export const schoolFormsSchema = z.object({
  access: accessSchema,
  forms: z.array(formSchema.extend({ counts: countsSchema })),
  retired: z.array(retiredFormSchema.extend({ counts: countsSchema })),
});
export type SchoolForms = z.infer<typeof schoolFormsSchema>;

const nameSchema = z.object({ id: z.string(), givenName: z.string(), familyName: z.string() });
export const cellSchema = z.object({
  formId: z.string(),
  status: z.enum(formStatuses),
  receivedOn: z.string().nullable(), receivedBy: z.string().nullable(),
  checkedAt: z.string().nullable(), checkedBy: z.string().nullable(),
});
export type Cell = z.infer<typeof cellSchema>;

/** The class checklist: per form the counts and who is missing; per student a cell per form that applies. */
export const classFormsSchema = z.object({
  access: accessSchema,
  group: z.object({ id: z.string(), name: z.string() }),
  today: z.string(),
  canSet: z.boolean(),
  forms: z.array(formSchema.extend({ counts: countsSchema, missing: z.array(nameSchema) })),
  students: z.array(nameSchema.extend({ cells: z.array(cellSchema) })),
});
export type ClassForms = z.infer<typeof classFormsSchema>;

export const statusBody = z.strictObject({
  changes: z.array(z.strictObject({ formId: z.uuid(), studentId: z.uuid(), status: z.enum(formStatuses) })).min(1).max(2000),
});
export type StatusInput = z.infer<typeof statusBody>;

export const studentFormsSchema = z.object({
  access: accessSchema,
  student: nameSchema,
  forms: z.array(formSchema.extend({ status: z.enum(formStatuses), overdue: z.boolean() })),
});
export type StudentForms = z.infer<typeof studentFormsSchema>;
