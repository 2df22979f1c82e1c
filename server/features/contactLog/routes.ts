/** the contact log — calls, e-mails, letters and meetings with the home, each with a visibility tier. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HttpError } from '../../core/http/errors.js';
import { requireActor } from '../../core/http/access.js';
import { can } from '../../core/policy/can.js';
import type { Actor, StudentFacts } from '../../core/policy/types.js';
import { contactLogEntries, contactLogEntryOf, correctContactLogEntry, insertContactLogEntry, type EntryRow } from './queries.js';
import {
  contactLogEntryParams, contactLogEntrySchema, contactLogParams, contactLogSchema, createContactLogEntryBody, patchContactLogEntryBody,
  type ContactLogEntry,
} from './schemas.js';

type Entry = ContactLogEntry;

function toEntry(r: EntryRow, canEdit: boolean): Entry {
  return {
    id: r.id, occurredOn: r.occurred_on, channel: r.channel, summary: r.summary, visibility: r.visibility,
    author: { personId: r.author_person_id, name: r.author_name },
    createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString(), canEdit,
  };
}

const record = (r: { visibility: Entry['visibility']; author_person_id: string }, student: StudentFacts) =>
  ({ type: 'record' as const, student, visibility: r.visibility, authorPersonId: r.author_person_id });

function notInFuture(req: FastifyRequest, day: string | undefined): void {
  if (day && day > req.today) throw new HttpError(400, 'error.badRequest', {}, [{ field: 'occurredOn', key: 'field.dateInFuture' }]);
}

async function loadVisible(app: FastifyInstance, actor: Actor, student: StudentFacts, today: string, entryId?: string): Promise<Entry[]> {
  const q = app.database.query;
  let rows: EntryRow[];
  if (entryId) {
    const row = await contactLogEntryOf(q, actor.ownerId, student.studentId, entryId);
    rows = row ? [row] : [];
  } else {
    rows = await contactLogEntries(q, actor.ownerId, student.studentId);
  }
  return rows
    .filter((r) => can(actor, 'record.read', record(r, student), today).allow)
    .map((r) => toEntry(r, can(actor, 'record.edit', record(r, student), today).allow));
}

export async function contactLogRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/students/:studentId/contact-log', {
    config: { access: { kind: 'student', action: 'contactLog.read', audit: 'read' } },
    schema: { tags: ['contactLog'], summary: 'Contact log entries the caller may read', params: contactLogParams, response: { 200: contactLogSchema } },
  }, async (req) => ({ entries: await loadVisible(app, requireActor(req), req.student!, req.today) }));

  r.post('/api/students/:studentId/contact-log', {
    config: { access: { kind: 'student', action: 'contactLog.write', audit: 'write' } },
    schema: { tags: ['contactLog'], summary: 'Record a contact with the home', params: contactLogParams, body: createContactLogEntryBody, response: { 201: contactLogEntrySchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    notInFuture(req, req.body.occurredOn);
    const id = randomUUID();
    await insertContactLogEntry(app.database.query, {
      ownerId: actor.ownerId, id, studentId: req.student!.studentId, authorPersonId: actor.personId,
      occurredOn: req.body.occurredOn, channel: req.body.channel, summary: req.body.summary, visibility: req.body.visibility,
    });
    const [entry] = await loadVisible(app, actor, req.student!, req.today, id);
    return reply.status(201).send(entry!);
  });

  r.patch('/api/students/:studentId/contact-log/:entryId', {
    config: { access: { kind: 'student', action: 'contactLog.write', audit: 'write' } },
    schema: { tags: ['contactLog'], summary: 'Correct an entry (the author only)', params: contactLogEntryParams, body: patchContactLogEntryBody, response: { 200: contactLogEntrySchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const student = req.student!;
    const row = await contactLogEntryOf(app.database.query, actor.ownerId, student.studentId, req.params.entryId);
    if (!row || !can(actor, 'record.read', record(row, student), req.today).allow) throw new HttpError(404, 'error.notFound');
    if (!can(actor, 'record.edit', record(row, student), req.today).allow) throw new HttpError(403, 'error.forbidden');
    notInFuture(req, req.body.occurredOn);
    const b = req.body;
    await correctContactLogEntry(app.database.query, actor.ownerId, student.studentId, row.id, {
      occurredOn: b.occurredOn ?? null, channel: b.channel ?? null, summary: b.summary ?? null, visibility: b.visibility ?? null,
      updatedByPersonId: actor.personId,
    });
    const [entry] = await loadVisible(app, actor, student, req.today, row.id);
    return entry!;
  });
}
