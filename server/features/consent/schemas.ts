/** The consent API's shapes (R-16, L-05, L-06): an adult student's consents, and information decisions. */
import { z } from 'zod';

/** GET/PUT /api/students/:studentId/consents: each guardian, and whether the adult student gave them insight. */
export const consentsSchema = z.object({
  isAdult: z.boolean(),
  guardians: z.array(z.object({
    guardianPersonId: z.string(), name: z.string(), active: z.boolean(),
    consent: z.object({ grantedAt: z.string(), withdrawnAt: z.string().nullable() }).nullable(),
  })),
});
export type Consents = z.infer<typeof consentsSchema>;

export const consentsParams = z.object({ studentId: z.uuid() });
export const consentParams = z.object({ studentId: z.uuid(), guardianPersonId: z.uuid() });
/** PUT /api/students/:studentId/consents/:guardianPersonId: the adult student grants or withdraws. */
export const consentBody = z.strictObject({ granted: z.boolean() });
export type ConsentBody = z.input<typeof consentBody>;

export const informationDecisionParams = z.object({ studentId: z.uuid(), guardianshipId: z.uuid() });
/** L-06: the school's decision on a request for information from a parent without parental responsibility. */
export const informationDecisionBody = z.strictObject({ granted: z.boolean(), reason: z.string().trim().min(1).max(2000) });
export type InformationDecisionBody = z.input<typeof informationDecisionBody>;
export const informationDecisionSchema = z.object({ id: z.string(), granted: z.boolean(), decidedAt: z.string() });
export type InformationDecision = z.infer<typeof informationDecisionSchema>;
