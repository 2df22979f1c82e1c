/** The accommodation-need API's shapes. The web app takes its types from here (`import type`). */
import { z } from 'zod';
import { accessSchema } from '../../core/http/schemas.js';

export const DESCRIPTION_MAX = 2000;
export const needParams = z.object({ studentId: z.uuid(), needId: z.uuid() });
export const basisParams = z.object({ basisGroupId: z.uuid() });

export const needBody = z.strictObject({
  /** what the need is */
  description: z.string().trim().min(1).max(DESCRIPTION_MAX),
  /** what the teachers should do */
  guidance: z.string().trim().max(DESCRIPTION_MAX).default(''),
});
/** What the web sends: `guidance` may be left out (it defaults to ''). */
export type NeedInput = z.input<typeof needBody>;

export const reminderBody = z.strictObject({
  /** the students to remind about; all the class's students with unconfirmed needs when left out */
  studentIds: z.array(z.uuid()).max(200).optional(),
});
export type ReminderInput = z.infer<typeof reminderBody>;

export const needSchema = z.object({
  id: z.string(), description: z.string(), guidance: z.string(), registeredAt: z.string(), registeredBy: z.string().nullable(),
  updatedAt: z.string(), revision: z.int(),
});
export const teacherSchema = z.object({
  personId: z.string(), name: z.string(), groups: z.array(z.string()),
  /** when the teacher confirmed every current need (null: not yet, or a need changed since) */
  confirmedAt: z.string().nullable(),
  lastRemindedAt: z.string().nullable(),
});
export type AccommodationNeed = z.infer<typeof needSchema>;
export type TeacherStatus = z.infer<typeof teacherSchema>;
const studentSchema = z.object({ id: z.string(), givenName: z.string(), familyName: z.string() });

/** One student's needs and who of the subject teachers has confirmed them. */
export const studentNeedsSchema = z.object({
  access: accessSchema,
  student: studentSchema,
  canManage: z.boolean(),
  /** the caller is a current subject teacher of the student */
  canConfirm: z.boolean(),
  confirmedByMe: z.boolean(),
  needs: z.array(needSchema),
  teachers: z.array(teacherSchema),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type StudentNeeds = z.infer<typeof studentNeedsSchema>;

/** The contact teacher's view of the class: each student with needs, and who has not confirmed. */
export const classNeedsSchema = z.object({
  access: accessSchema,
  group: z.object({ id: z.string(), name: z.string() }),
  canRemind: z.boolean(),
  /** the end of the first three school weeks (null: no school year) */
  schoolStartDueOn: z.string().nullable(),
  students: z.array(z.object({
    student: studentSchema,
    needCount: z.int(),
    teachers: z.array(teacherSchema),
    notConfirmed: z.int(),
    dueOn: z.string().nullable(),
    overdue: z.boolean(),
  })),
});
export type ClassNeeds = z.infer<typeof classNeedsSchema>;

export const reminderResultSchema = z.object({ reminded: z.int(), students: z.int() });
export type ReminderResult = z.infer<typeof reminderResultSchema>;

/** A teacher's own list: the students whose needs they must still confirm. */
export const myNeedsSchema = z.object({
  count: z.int(),
  students: z.array(z.object({
    student: studentSchema, groups: z.array(z.string()), needs: z.array(needSchema), dueOn: z.string().nullable(), overdue: z.boolean(),
  })),
});
export type MyNeeds = z.infer<typeof myNeedsSchema>;
export const myCountSchema = z.object({ count: z.int() });
export type MyNeedsCount = z.infer<typeof myCountSchema>;
