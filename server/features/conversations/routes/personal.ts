/** What a person reads across conversations: their own conversations, what was shared with the family, their notifications. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { studentEntry, writeAudit } from '../../../core/audit/audit.js';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { HttpError } from '../../../core/http/errors.js';
import { studentParams } from '../../../core/http/schemas.js';
import { can } from '../../../core/policy/can.js';
import { isUuid, loadStudentsFacts } from '../../../core/policy/facts.js';
import { studentOfLink, studentsReadableBy } from '../../../core/policy/stillReads.js';
import { factsOf, noteRecord, readsAsFamily, toNote, toSummary, visibleFollowUps } from '../meeting.js';
import { myConversations, uncancelledConversationsOfStudent } from '../queries/conversations.js';
import { sharedFollowUpsOf, sharedNotesOf } from '../queries/meeting.js';
import { markNotificationRead, notificationsOf, studentsOfConversations } from '../queries/notifications.js';
import { myConversationsSchema, notificationsSchema, sharedFollowUpsSchema } from '../schemas.js';

const tags = ['conversations'];

export async function personalRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/me/conversations', {
    config: { access: { kind: 'session' } },
    schema: {
      tags, summary: 'My conversations: as a student my own, as staff the ones I hold',
      response: { 200: myConversationsSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await myConversations(q, actor.ownerId, actor.studentIds, actor.personId);
    const students = await loadStudentsFacts(app.database, actor.ownerId, [...new Set(rows.map((x) => x.student_id))], req.today);
    const visible = rows.flatMap((row) => {
      const s = students.get(row.student_id);
      if (!s) return [];
      const d = can(actor, 'conversation.read', { type: 'conversation', conversation: factsOf(row, s) }, req.today);
      return d.allow ? [{ row, s, d }] : [];
    });
    await writeAudit(app.database, visible.filter((v) => !actor.studentIds.includes(v.s.studentId)).map((v) =>
      studentEntry(actor, 'conversation.list', v.s.studentId, v.d.reason, { resourceType: 'conversation', resourceId: v.row.id })));
    return { conversations: visible.map(({ row }) => ({ ...toSummary(row), student: { id: row.student_id, name: row.student_name } })) };
  });

  r.get('/api/students/:studentId/shared-follow-ups', {
    config: { access: { kind: 'student', action: 'conversation.list', audit: 'read' } },
    schema: {
      tags, summary: 'Follow-ups and notes shared with the student and guardians', params: studentParams,
      response: { 200: sharedFollowUpsSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const student = req.student!;
    const conversations = await uncancelledConversationsOfStudent(q, actor.ownerId, student.studentId);
    const byId = new Map(conversations.map((c) => [c.id, c]));
    const family = readsAsFamily(actor, student);
    const conversationIds = conversations.map((c) => c.id);
    const followUps = await sharedFollowUpsOf(q, actor.ownerId, conversationIds);
    const notes = (await sharedNotesOf(q, actor.ownerId, conversationIds))
      .filter((n) => can(actor, 'record.read', noteRecord(n, student), req.today).allow);
    return {
      access: accessOf(req),
      followUps: visibleFollowUps(followUps, family),
      notes: notes.map((n) => {
        const c = byId.get(n.conversation_id)!;
        return { ...toNote(n, false), conversationKind: c.kind, conversationDate: c.held_at ? new Date(c.held_at).toISOString() : c.planned_at ? new Date(c.planned_at).toISOString() : null };
      }),
    };
  });

  r.get('/api/me/notifications', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'My notifications (no content, only a link the policy checks on opening)', response: { 200: notificationsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const all = await notificationsOf(q, actor.ownerId, actor.personId);
    // a notice was decided when it was made; it is shown only while the person still reads its student
    const conversationIds = all.map((n) => /^\/conversations\/([0-9a-f-]{36})/i.exec(n.link)?.[1]).filter((id): id is string => !!id && isUuid(id));
    const conversationStudents = await studentsOfConversations(q, actor.ownerId, conversationIds);
    const studentOf = (link: string): string | null | undefined => {
      const conversationId = /^\/conversations\/([0-9a-f-]{36})/i.exec(link)?.[1];
      // a conversation that no longer exists names no one the person may be shown
      return conversationId ? conversationStudents.get(conversationId) ?? undefined : studentOfLink(link);
    };
    const readable = await studentsReadableBy(app.database, actor, all.map((n) => studentOf(n.link)).filter((id): id is string => !!id), req.today);
    const rows = all.filter((n) => {
      const studentId = studentOf(n.link);
      return studentId === null || (studentId !== undefined && readable.has(studentId));
    });
    return { notifications: rows.map((n) => ({ id: n.id, kind: n.kind, link: n.link, createdAt: new Date(n.created_at).toISOString(), readAt: n.read_at ? new Date(n.read_at).toISOString() : null })) };
  });

  r.post('/api/me/notifications/:notificationId/read', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'Mark one of my notifications as read', params: z.object({ notificationId: z.uuid() }) },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const found = await markNotificationRead(q, actor.ownerId, req.params.notificationId, actor.personId);
    if (!found) throw new HttpError(404, 'error.notFound');
    return reply.status(204).send();
  });
}
