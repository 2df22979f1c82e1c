/** A student's conversations: the ones the caller may see, which kinds the caller may plan, and planning one. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { HttpError, badField } from '../../../core/http/errors.js';
import { studentParams } from '../../../core/http/schemas.js';
import { can } from '../../../core/policy/can.js';
import { factsOf, toSummary } from '../meeting.js';
import type { ConversationFacts } from '../policy.js';
import { conversationsOfStudent, insertConversation, schoolYearOn } from '../queries/conversations.js';
import { currentTemplateVersionId } from '../queries/templates.js';
import { conversationCreatedSchema, createConversationBody, studentConversationsSchema } from '../schemas.js';
import { conversationKinds, type ConversationKind } from '../tables.js';
import { loadTemplateVersion } from '../templates.js';

const tags = ['conversations'];

export async function studentConversationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/students/:studentId/conversations', {
    config: { access: { kind: 'student', action: 'conversation.list', audit: 'read' } },
    schema: { tags, summary: "A student's conversations the caller may see, and which kinds the caller may plan", params: studentParams, response: { 200: studentConversationsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const student = req.student!;
    const rows = await conversationsOfStudent(q, actor.ownerId, student.studentId);
    const visible = rows.filter((row) => can(actor, 'conversation.read', { type: 'conversation', conversation: factsOf(row, student) }, req.today).allow);
    const planFacts = (kind: ConversationKind, teachingGroupId: string | null): ConversationFacts =>
      ({ conversationId: '', kind, holderPersonId: actor.personId, delegated: false, teachingGroupId, held: false, student });
    type PlanChoice = { kind: ConversationKind; teachingGroups: { id: string; name: string; subjectCode: string }[] };
    const canPlan = conversationKinds.flatMap((kind): PlanChoice[] => {
      if (kind === 'subject') {
        const groups = student.teachingGroups.filter((g) => can(actor, 'conversation.plan', { type: 'conversation', conversation: planFacts(kind, g.id) }, req.today).allow);
        return groups.length ? [{ kind, teachingGroups: groups.map((g) => ({ id: g.id, name: g.name, subjectCode: g.subjectCode })) }] : [];
      }
      return can(actor, 'conversation.plan', { type: 'conversation', conversation: planFacts(kind, null) }, req.today).allow ? [{ kind, teachingGroups: [] }] : [];
    });
    return { access: accessOf(req), conversations: visible.map(toSummary), canPlan };
  });

  r.post('/api/students/:studentId/conversations', {
    config: { access: { kind: 'student', action: 'conversation.plan', audit: 'write' } },
    schema: { tags, summary: 'Plan a conversation with the student', params: studentParams, body: createConversationBody, response: { 201: conversationCreatedSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const student = req.student!;
    const b = req.body;
    if (b.kind === 'subject' && !b.teachingGroupId) throw badField('teachingGroupId', 'field.subjectNeedsGroup');
    const teachingGroupId = b.kind === 'subject' ? b.teachingGroupId! : null;
    if (teachingGroupId && !student.teachingGroups.some((g) => g.id === teachingGroupId)) throw badField('teachingGroupId', 'field.notStudentsGroup');
    const decision = can(actor, 'conversation.plan', {
      type: 'conversation', conversation: { conversationId: '', kind: b.kind, holderPersonId: actor.personId, delegated: false, teachingGroupId, held: false, student },
    }, req.today);
    if (!decision.allow) throw new HttpError(403, 'error.forbidden');
    if (b.templateVersionId) {
      const v = await loadTemplateVersion(q, actor.ownerId, b.templateVersionId);
      if (!v || v.schoolId !== student.schoolId) throw badField('templateVersionId', 'field.unknownTemplateVersion');
      if (v.kind !== b.kind) throw badField('templateVersionId', 'field.templateKindMismatch');
    }
    const year = await schoolYearOn(q, actor.ownerId, b.plannedAt?.slice(0, 10) ?? req.today);
    if (!year) throw badField('plannedAt', 'error.noSchoolYear');
    const id = await insertConversation(q, {
      ownerId: actor.ownerId, studentId: student.studentId, schoolId: student.schoolId, schoolYearId: year.id, kind: b.kind,
      holderPersonId: actor.personId, createdByPersonId: actor.personId, teachingGroupId,
      templateVersionId: b.templateVersionId ?? (await currentTemplateVersionId(q, actor.ownerId, student.schoolId, b.kind)),
      plannedAt: b.plannedAt ?? null, place: b.place ?? null, videoLink: b.videoLink ?? null,
    });
    return reply.status(201).send({ id });
  });
}
