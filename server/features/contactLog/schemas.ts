/** The contact log's shapes: an entry as the reader sees it, and what the author sends. */
import { z } from 'zod';
import { visibilityTiers, type Visibility } from '../../core/db/tables.js';
import { studentParams } from '../../core/http/schemas.js';

export type { Visibility };

export const contactChannels = ['phone', 'email', 'letter', 'meeting', 'message'] as const;
export const contactChannelSchema = z.enum(contactChannels);
export type ContactChannel = z.infer<typeof contactChannelSchema>;

export const contactLogEntrySchema = z.object({
  id: z.string(), occurredOn: z.string(), channel: contactChannelSchema, summary: z.string(), visibility: z.enum(visibilityTiers),
  author: z.object({ personId: z.string(), name: z.string() }), createdAt: z.string(), updatedAt: z.string(), canEdit: z.boolean(),
});
export type ContactLogEntry = z.infer<typeof contactLogEntrySchema>;

/** GET /api/students/:studentId/contact-log: the entries the caller may read. */
export const contactLogSchema = z.object({ entries: z.array(contactLogEntrySchema) });
export type ContactLog = z.infer<typeof contactLogSchema>;

const isoDate = z.iso.date();
const fields = {
  occurredOn: isoDate,
  channel: contactChannelSchema,
  summary: z.string().trim().min(1).max(4000),
  visibility: z.enum(visibilityTiers),
};
/** POST: a new entry; the visibility tier defaults to the contact teacher and the leaders. */
export const createContactLogEntryBody = z.strictObject({ ...fields, visibility: fields.visibility.default('contactTeacherAndLeaders') });
export type NewContactLogEntry = z.input<typeof createContactLogEntryBody>;
/** PATCH: the author corrects any of the fields. */
export const patchContactLogEntryBody = z.strictObject(fields).partial();
export type ContactLogEntryPatch = z.input<typeof patchContactLogEntryBody>;

export const contactLogParams = studentParams;
export const contactLogEntryParams = studentParams.extend({ entryId: z.uuid() });
