/** Shapes every feature's routes share: a student in the path, the access reason every answer carries, and problem+json. */
import { z } from 'zod';

/** The `access` object every authorised answer carries (accessOf in access.ts). */
export const accessSchema = z.object({ reason: z.string(), reasonCode: z.string() });
export type Access = z.infer<typeof accessSchema>;
export const studentParams = z.object({ studentId: z.uuid() });

/**
 * Every error answer (application/problem+json, RFC 9457), as problem.ts sends it: the title and
 * detail in the user's language, and for bad input one message per field.
 */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
