/** The guardian's view: the children they have insight in (L-05, L-06). */
import { z } from 'zod';

/** GET /api/guardian/children */
export const guardianChildrenSchema = z.object({
  children: z.array(z.object({
    studentId: z.string(), name: z.string(), level: z.string(), schoolName: z.string(), basisGroupName: z.string().nullable(), reason: z.string(),
  })),
});
export type GuardianChildren = z.infer<typeof guardianChildrenSchema>;
export type GuardianChild = GuardianChildren['children'][number];
