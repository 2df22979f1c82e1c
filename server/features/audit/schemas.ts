/** The audit API's shapes: a student's access log (R-61) and the leaders' search of the audit log. */
import { z } from 'zod';

export const accessLogParams = z.object({ studentId: z.uuid() });
export const accessLogQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) });

/** GET /api/students/:studentId/access-log: who has read or changed the student's data, when and why. */
export const accessLogSchema = z.object({
  entries: z.array(z.object({ at: z.string(), actorName: z.string(), action: z.string(), reason: z.string() })),
});
export type AccessLog = z.infer<typeof accessLogSchema>;
export type AccessLogEntry = AccessLog['entries'][number];

/** GET /api/audit: what the search asks for (all optional; the limit defaults to 100). */
export const auditSearchQuery = z.object({
  studentId: z.uuid().optional(),
  actorPersonId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditSearchQuery = z.input<typeof auditSearchQuery>;

export const auditSearchSchema = z.object({
  entries: z.array(z.object({
    at: z.string(), actorName: z.string(), action: z.string(), resourceType: z.string(),
    studentId: z.string().nullable(), studentName: z.string().nullable(), decision: z.enum(['allow', 'deny']), reason: z.string(),
  })),
});
export type AuditSearchResult = z.infer<typeof auditSearchSchema>;
export type AuditEntry = AuditSearchResult['entries'][number];
