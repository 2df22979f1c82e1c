import { z } from 'zod';
import { accessSchema } from '../../core/http/schemas.js';

/** A person's e-mail, phone and address, as far as the reader may see them (L-07). */
export const contactDetailsSchema = z.object({ email: z.string().nullable(), phone: z.string().nullable(), address: z.string().nullable() });

export const studentRecordSchema = z.object({
  access: accessSchema,
  student: z.object({
    id: z.string(), givenName: z.string(), familyName: z.string(), birthDate: z.string().nullable(), age: z.number().nullable(), isAdult: z.boolean(),
    level: z.string(), programme: z.enum(['general', 'vocational']).nullable(), status: z.string(),
    schoolName: z.string(), departmentName: z.string().nullable(),
    basisGroups: z.array(z.object({ id: z.string(), name: z.string(), since: z.string() })),
    teachingGroups: z.array(z.object({ id: z.string(), name: z.string(), subjectCode: z.string(), subjectName: z.string() })),
    minorityLanguage: z.boolean().nullable(),
    yearsOfResidence: z.number().nullable(),
    specialEducationRight: z.boolean().nullable(),
    accommodationNeeds: z.array(z.object({ id: z.string(), description: z.string(), registeredAt: z.string() })).nullable(),
    addressProtected: z.boolean(),
    contact: contactDetailsSchema.nullable(),
  }),
  guardians: z.array(z.object({
    guardianshipId: z.string(), personId: z.string(), name: z.string(), relation: z.enum(['mother', 'father', 'other']),
    parentalResponsibility: z.boolean(), livesWith: z.boolean(),
    insight: z.boolean(), insightReason: z.string(), insightReasonCode: z.string(),
    addressProtection: z.enum(['none', 'protected']),
    contact: contactDetailsSchema.nullable(),
  })),
  permissions: z.object({
    editContactLog: z.boolean(), manageConsent: z.boolean(), readContactLog: z.boolean(),
    // which of the record's other sections this reader may open (each asks the policy again)
    readWarnings: z.boolean(), readConduct: z.boolean(), listDisciplinaryCases: z.boolean(),
  }),
});
export type StudentRecord = z.infer<typeof studentRecordSchema>;
export type ContactDetails = z.infer<typeof contactDetailsSchema>;
/** One of the student's guardians as the record shows them (insight and address protection honoured). */
export type Guardian = StudentRecord['guardians'][number];
