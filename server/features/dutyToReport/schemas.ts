/** The shapes of the duty to report (R-61, R-76; L-41): the school's procedure and contact, and a person's own report. */
import { z } from 'zod';
import { accessSchema, studentParams } from '../../core/http/schemas.js';
import { childWelfareCategories } from './tables.js';

export { studentParams };

const contact = z.object({ name: z.string(), phone: z.string(), email: z.string() });

export const procedureSchema = z.object({
  access: accessSchema,
  /** the server's day: a report's date is never after it */
  today: z.string(),
  /** the procedure in the caller's language: the school's own text, or the default from the law */
  procedure: z.string(),
  isDefault: z.boolean(),
  childWelfare: contact,
  canEdit: z.boolean(),
  /** to those who edit: the school's own text per language (null: the default is used) and the defaults */
  texts: z.object({ nb: z.string().nullable(), nn: z.string().nullable(), en: z.string().nullable() }).nullable(),
  defaults: z.object({ nb: z.string(), nn: z.string(), en: z.string() }).nullable(),
});
export type Procedure = z.infer<typeof procedureSchema>;

const procedureText = z.string().trim().min(1).max(20000).nullable();
export const procedureBody = z.strictObject({
  /** null: use the default text from the law in that language */
  texts: z.strictObject({ nb: procedureText, nn: procedureText, en: procedureText }),
  childWelfare: z.strictObject({
    name: z.string().trim().max(200),
    phone: z.string().trim().max(40).regex(/^[0-9+ ()-]*$/),
    email: z.union([z.literal(''), z.email().max(200)]),
  }),
});

export const reportBody = z.strictObject({
  sentOn: z.iso.date(),
  category: z.enum(childWelfareCategories),
  note: z.string().trim().max(2000).default(''),
});

export const reportSchema = z.object({
  id: z.string(), studentId: z.string(), studentName: z.string(), reporter: z.object({ personId: z.string(), name: z.string() }),
  sentOn: z.string(), category: z.enum(childWelfareCategories), note: z.string(), recordedAt: z.string(),
});
export type ChildWelfareReportView = z.infer<typeof reportSchema>;
export const reportListSchema = z.object({ reports: z.array(reportSchema) });
export type ProcedureBody = z.input<typeof procedureBody>;
export type ReportBody = z.input<typeof reportBody>;
export type ReportList = z.infer<typeof reportListSchema>;
export { childWelfareCategories };
