/**
 * One conversation (`:conversationId`): the meeting view, and the holder's writes — time and place, the
 * student's preparation, notes per section, follow-ups, held with the department
 * head notified, delegation to a subject teacher, cancelling.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../core/http/access.js';
import { HttpError, badField } from '../../../core/http/errors.js';
import { can } from '../../../core/policy/can.js';
import { assertOpen, conversationDetail, loadConversationRow, toFollowUp, upsertNote } from '../meeting.js';
import {
  cancelConversation, delegateConversation, isStaffOfSchool, markConversationHeld, schoolStage, teachesAnyOf, updateConversationArrangements,
} from '../queries/conversations.js';
import { followUp, insertFollowUp, savePreparation, setFollowUpDone } from '../queries/meeting.js';
import { notifyDepartmentHeads } from '../queries/notifications.js';
import {
  conversationDetailSchema, conversationParams, delegateBody, followUpBody, followUpPatch, followUpSchema, heldBody, noteBody, noteSchema,
  patchConversationBody, preparationSchema,
} from '../schemas.js';

const hold = { kind: 'conversation', action: 'conversation.hold', audit: 'write' } as const;
const tags = ['conversations'];

export async function meetingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/conversations/:conversationId', {
    config: { access: { kind: 'conversation', action: 'conversation.read', audit: 'read' } },
    schema: { tags, summary: 'The meeting view: what the caller may see of one conversation, and may do', params: conversationParams, response: { 200: conversationDetailSchema } },
  }, async (req) => conversationDetail(app, req));

  r.patch('/api/conversations/:conversationId', {
    config: { access: hold },
    schema: { tags, summary: 'Time, place, video link, whether the student takes part', params: conversationParams, body: patchConversationBody, response: { 200: conversationDetailSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const row = await loadConversationRow(q, actor.ownerId, req.conversation!.conversationId);
    assertOpen(row);
    const b = req.body;
    const takesPart = b.studentTakesPart ?? row.student_takes_part;
    const reason = b.studentAbsentReason === undefined ? row.student_absent_reason : b.studentAbsentReason;
    // the student takes part in the guardian conference unless a reason not to is recorded
    if (!takesPart && !reason) throw badField('studentAbsentReason', 'field.reasonRequired');
    await updateConversationArrangements(q, actor.ownerId, row.id, {
      plannedAt: { set: b.plannedAt !== undefined, value: b.plannedAt ?? null },
      place: { set: b.place !== undefined, value: b.place ?? null },
      videoLink: { set: b.videoLink !== undefined, value: b.videoLink ?? null },
      studentTakesPart: takesPart, studentAbsentReason: takesPart ? null : reason,
    });
    return conversationDetail(app, req);
  });

  r.put('/api/conversations/:conversationId/preparation', {
    config: { access: { kind: 'conversation', action: 'conversation.prepare', audit: 'write' } },
    schema: { tags, summary: "The student's own preparation (R-13), until the conversation is held", params: conversationParams, body: preparationSchema, response: { 200: conversationDetailSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const row = await loadConversationRow(q, actor.ownerId, req.conversation!.conversationId);
    assertOpen(row);
    await savePreparation(q, actor.ownerId, row.id, req.body);
    return conversationDetail(app, req);
  });

  r.put('/api/conversations/:conversationId/notes/:sectionKey', {
    config: { access: hold },
    schema: {
      tags, summary: 'Write the note for one section (empty text removes it)',
      params: conversationParams.extend({ sectionKey: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,39}$/) }), body: noteBody,
      response: { 200: noteSchema, 204: z.null() },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const row = await loadConversationRow(q, actor.ownerId, req.conversation!.conversationId);
    assertOpen(row, { allowHeld: true });
    const note = await upsertNote(q, req, row, req.params.sectionKey, req.body);
    return note ? note : reply.status(204).send(null);
  });

  r.post('/api/conversations/:conversationId/follow-ups', {
    config: { access: hold },
    schema: { tags, summary: 'Record an agreed follow-up', params: conversationParams, body: followUpBody, response: { 201: followUpSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const row = await loadConversationRow(q, actor.ownerId, req.conversation!.conversationId);
    assertOpen(row, { allowHeld: true });
    const b = req.body;
    if (b.responsiblePersonId) {
      const staff = await isStaffOfSchool(q, actor.ownerId, b.responsiblePersonId, req.student!.schoolId);
      if (!staff || b.responsible !== 'school') throw badField('responsiblePersonId', 'field.notStaffOfSchool');
    }
    const id = randomUUID();
    await insertFollowUp(q, {
      ownerId: actor.ownerId, id, conversationId: row.id, description: b.description, responsible: b.responsible,
      responsiblePersonId: b.responsiblePersonId ?? null, dueOn: b.dueOn ?? null, sharedWithFamily: b.sharedWithFamily, createdByPersonId: actor.personId,
    });
    const f = await followUp(q, actor.ownerId, id);
    return reply.status(201).send(toFollowUp(f!));
  });

  r.patch('/api/conversations/:conversationId/follow-ups/:followUpId', {
    config: { access: hold },
    schema: { tags, summary: 'Mark a follow-up done or not done', params: conversationParams.extend({ followUpId: z.uuid() }), body: followUpPatch, response: { 200: followUpSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const found = await setFollowUpDone(q, actor.ownerId, req.conversation!.conversationId, req.params.followUpId, req.body.done);
    if (!found) throw new HttpError(404, 'error.notFound');
    const f = await followUp(q, actor.ownerId, req.params.followUpId);
    return toFollowUp(f!);
  });

  r.post('/api/conversations/:conversationId/held', {
    config: { access: hold },
    schema: { tags, summary: 'Check the conversation off as held (R-14); new important information notifies the department head', params: conversationParams, body: heldBody, response: { 200: conversationDetailSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const row = await loadConversationRow(q, actor.ownerId, req.conversation!.conversationId);
    assertOpen(row);
    await app.database.transaction(async (tx) => {
      await markConversationHeld(tx, actor.ownerId, row.id, actor.personId, req.body.newImportantInformation, req.today);
      if (req.body.newImportantInformation) await notifyDepartmentHeads(tx, req.student!, row.id);
    });
    return conversationDetail(app, req);
  });

  r.post('/api/conversations/:conversationId/delegate', {
    config: { access: { kind: 'conversation', action: 'conversation.hold', audit: 'write' } },
    schema: { tags, summary: 'Delegate a student conversation to one of the student\'s subject teachers (upper secondary)', params: conversationParams, body: delegateBody, response: { 200: conversationDetailSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const student = req.student!;
    const row = await loadConversationRow(q, actor.ownerId, req.conversation!.conversationId);
    assertOpen(row);
    if (!can(actor, 'conversation.delegate', { type: 'student', student }, req.today).allow) throw new HttpError(403, 'error.forbidden');
    const stage = await schoolStage(q, actor.ownerId, student.schoolId);
    if (stage !== 'upperSecondary' || !['student', 'startOfYear', 'adHoc'].includes(row.kind)) throw new HttpError(400, 'error.notDelegable');
    const teaches = await teachesAnyOf(q, actor.ownerId, req.body.subjectTeacherPersonId, student.teachingGroups.map((g) => g.id));
    if (!teaches) throw badField('subjectTeacherPersonId', 'field.notTeacherOfStudent');
    await delegateConversation(q, actor.ownerId, row.id, req.body.subjectTeacherPersonId, actor.personId);
    return conversationDetail(app, req);
  });

  r.post('/api/conversations/:conversationId/cancel', {
    config: { access: hold },
    schema: { tags, summary: 'Cancel a planned conversation', params: conversationParams, response: { 200: conversationDetailSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const row = await loadConversationRow(q, actor.ownerId, req.conversation!.conversationId);
    assertOpen(row);
    await cancelConversation(q, actor.ownerId, row.id);
    return conversationDetail(app, req);
  });
}
