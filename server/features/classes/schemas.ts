/** The classes API's shapes: the class overview, the caller's classes and a teaching group's students. */
import { z } from 'zod';
import { accessSchema } from '../../core/http/schemas.js';

export const basisGroupParams = z.object({ basisGroupId: z.uuid() });
export const teachingGroupParams = z.object({ teachingGroupId: z.uuid() });

export const studentStatusSchema = z.enum(['active', 'changed', 'left']);
export type StudentStatus = z.infer<typeof studentStatusSchema>;
/** An adult student's consent as the overview shows it: not needed (under 18), given to some guardian, or none. */
export const consentStateSchema = z.enum(['notAdult', 'granted', 'none']);
export type ConsentState = z.infer<typeof consentStateSchema>;

/** GET /api/basis-groups/:basisGroupId/overview: every student of a basis group on one screen. */
export const classOverviewSchema = z.object({
  group: z.object({ id: z.string(), name: z.string(), level: z.string(), schoolName: z.string() }),
  access: accessSchema,
  students: z.array(z.object({
    studentId: z.string(), givenName: z.string(), familyName: z.string(),
    age: z.number().nullable(), isAdult: z.boolean(),
    accommodationNeed: z.boolean(), minorityLanguage: z.boolean(), status: studentStatusSchema,
    guardiansWithInsight: z.number(), consent: consentStateSchema,
    lastContactOn: z.string().nullable(), addressProtected: z.boolean(),
  })),
});
export type ClassOverview = z.infer<typeof classOverviewSchema>;
export type ClassOverviewStudent = ClassOverview['students'][number];

/** GET /api/basis-groups: the classes the caller may open, each with the relationship that allows it. */
export const classListSchema = z.object({
  groups: z.array(z.object({
    id: z.string(), name: z.string(), level: z.string(), schoolName: z.string(), departmentName: z.string().nullable(),
    studentCount: z.number(), reason: z.string(),
  })),
});
export type ClassList = z.infer<typeof classListSchema>;

/** GET /api/teaching-groups/:teachingGroupId/students */
export const teachingGroupStudentsSchema = z.object({
  group: z.object({ id: z.string(), name: z.string(), subjectCode: z.string(), subjectName: z.string(), schoolName: z.string() }),
  access: accessSchema,
  students: z.array(z.object({
    studentId: z.string(), givenName: z.string(), familyName: z.string(), basisGroupName: z.string().nullable(),
    /** the subject teacher must know about accommodation needs; null when the caller may not see it */
    accommodationNeed: z.boolean().nullable(),
    /** an adapted arrangement applies today, which every teacher of the student must know; null when the caller may not see it */
    adaptedArrangement: z.boolean().nullable(),
  })),
});
export type TeachingGroupStudents = z.infer<typeof teachingGroupStudentsSchema>;
