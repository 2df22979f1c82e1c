/** Shapes every feature's routes share: a student in the path, and the access reason every answer carries. */
import { z } from 'zod';

/** The `access` object every authorised answer carries (accessOf in access.ts). */
export const accessSchema = z.object({ reason: z.string(), reasonCode: z.string() });
export const studentParams = z.object({ studentId: z.uuid() });
