/** R-10…R-17: the conversation plan, templates, conversations, notes, follow-ups, guardian conferences. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import { loadStudentsFacts } from '../../core/policy/facts.js';
import type { ConversationFacts } from './policy.js';
import { conferenceRoutes } from './conferences.js';
import {
  CONVERSATION_SQL, FOLLOW_UP_SQL, NOTE_SQL, assertOpen, conversationDetail, factsOf, loadConversationRow, noteRecord,
  notifyDepartmentHeads, readsAsFamily, toFollowUp, toNote, toSummary, upsertNote, visibleFollowUps, type ConversationRow,
} from './meeting.js';
import { planRoutes } from './planRoutes.js';
import {
  conversationDetailSchema, conversationParams, conversationSummarySchema, createConversationBody, delegateBody, followUpBody,
  followUpPatch, followUpSchema, heldBody, noteBody, noteSchema, notificationSchema, patchConversationBody, preparationSchema,
  studentConversationsSchema,
} from './schemas.js';
import { currentTemplateVersionId, insertConversation, schoolYearOn } from './service.js';
import { loadTemplateVersion, templateRoutes } from './templates.js';
import { studentParams } from '../../core/http/schemas.js';
import { conversationKinds, type ConversationKind } from './tables.js';

const hold = { kind: 'conversation', action: 'conversation.hold', audit: 'write' } as const;
const tags = ['conversations'];

export async function conversationRoutes(app: FastifyInstance): Promise<void> {
  await app.register(planRoutes);
  await app.register(templateRoutes);
  await app.register(conferenceRoutes);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/students/:studentId/conversations', {
    config: { access: { kind: 'student', action: 'conversation.list', audit: 'read' } },
    schema: { tags, summary: "A student's conversations the caller may see, and which kinds the caller may plan", params: studentParams, response: { 200: studentConversationsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const student = req.student!;
    const rows = await q<ConversationRow>(`${CONVERSATION_SQL} where c.owner_id = $1 and c.student_id = $2
      order by coalesce(c.held_at, c.planned_at, c.created_at) desc`, [actor.ownerId, student.studentId]);
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
    schema: { tags, summary: 'Plan a conversation with the student', params: studentParams, body: createConversationBody, response: { 201: z.object({ id: z.string() }) } },
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
    // R-15: the student takes part in the guardian conference unless a reason not to is recorded
    if (!takesPart && !reason) throw badField('studentAbsentReason', 'field.reasonRequired');
    await q(
      `update conversation set planned_at = case when $3 then $4::timestamptz else planned_at end, place = case when $5 then $6 else place end,
         video_link = case when $7 then $8 else video_link end, student_takes_part = $9, student_absent_reason = $10
       where owner_id = $1 and id = $2`,
      [actor.ownerId, row.id, b.plannedAt !== undefined, b.plannedAt ?? null, b.place !== undefined, b.place ?? null,
        b.videoLink !== undefined, b.videoLink ?? null, takesPart, takesPart ? null : reason],
    );
    return conversationDetail(app, req);
  });

  r.put('/api/conversations/:conversationId/preparation', {
    config: { access: { kind: 'conversation', action: 'conversation.prepare', audit: 'write' } },
    schema: { tags, summary: "The student's own preparation (R-13), until the conversation is held", params: conversationParams, body: preparationSchema, response: { 200: conversationDetailSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const row = await loadConversationRow(q, actor.ownerId, req.conversation!.conversationId);
    assertOpen(row);
    const b = req.body;
    await q(
      `insert into conversation_preparation (owner_id, conversation_id, pleased_with, want_to_improve, need_help_with, raise_with_guardians, not_covered)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (owner_id, conversation_id) do update set pleased_with = excluded.pleased_with, want_to_improve = excluded.want_to_improve,
         need_help_with = excluded.need_help_with, raise_with_guardians = excluded.raise_with_guardians, not_covered = excluded.not_covered, updated_at = now()`,
      [actor.ownerId, row.id, b.pleasedWith, b.wantToImprove, b.needHelpWith, b.raiseWithGuardians, b.notCovered],
    );
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
      const [staff] = await q('select 1 from staff_member where owner_id = $1 and person_id = $2 and school_id = $3', [actor.ownerId, b.responsiblePersonId, req.student!.schoolId]);
      if (!staff || b.responsible !== 'school') throw badField('responsiblePersonId', 'field.notStaffOfSchool');
    }
    const id = randomUUID();
    await q(
      `insert into conversation_follow_up (owner_id, id, conversation_id, description, responsible, responsible_person_id, due_on, shared_with_family, created_by_person_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [actor.ownerId, id, row.id, b.description, b.responsible, b.responsiblePersonId ?? null, b.dueOn ?? null, b.sharedWithFamily, actor.personId],
    );
    const [f] = await q<Parameters<typeof toFollowUp>[0]>(`${FOLLOW_UP_SQL} where f.owner_id = $1 and f.id = $2`, [actor.ownerId, id]);
    return reply.status(201).send(toFollowUp(f!));
  });

  r.patch('/api/conversations/:conversationId/follow-ups/:followUpId', {
    config: { access: hold },
    schema: { tags, summary: 'Mark a follow-up done or not done', params: conversationParams.extend({ followUpId: z.uuid() }), body: followUpPatch, response: { 200: followUpSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await q<Parameters<typeof toFollowUp>[0]>(
      `update conversation_follow_up set done_at = case when $4 then coalesce(done_at, now()) end
       where owner_id = $1 and conversation_id = $2 and id = $3 returning id`,
      [actor.ownerId, req.conversation!.conversationId, req.params.followUpId, req.body.done],
    );
    if (!rows[0]) throw new HttpError(404, 'error.notFound');
    const [f] = await q<Parameters<typeof toFollowUp>[0]>(`${FOLLOW_UP_SQL} where f.owner_id = $1 and f.id = $2`, [actor.ownerId, req.params.followUpId]);
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
      await tx(
        // checked off after the meeting: it was held at the agreed time if that has passed, else now — "now" being
        // the school's today when the clock is pinned (demo, tests), so the annual cycle sees it held on time
        `with clock as (select case when now()::date > $5::date then ($5::date + time '12:00') at time zone 'Europe/Oslo' else now() end as now)
         update conversation set held_at = case when planned_at <= (select now from clock) then planned_at else (select now from clock) end, held_by_person_id = $3,
           new_important_information = $4, planned_at = coalesce(planned_at, (select now from clock))
         where owner_id = $1 and id = $2 and held_at is null`,
        [actor.ownerId, row.id, actor.personId, req.body.newImportantInformation, req.today],
      );
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
    const [school] = await q<{ stage: string }>('select stage from school where owner_id = $1 and id = $2', [actor.ownerId, student.schoolId]);
    if (school?.stage !== 'upperSecondary' || !['student', 'startOfYear', 'adHoc'].includes(row.kind)) throw new HttpError(400, 'error.notDelegable');
    const [teaches] = await q(
      `select 1 from subject_teacher_assignment sta join staff_member sm on sm.owner_id = sta.owner_id and sm.id = sta.staff_member_id
       where sta.owner_id = $1 and sm.person_id = $2 and sta.teaching_group_id = any($3::uuid[])`,
      [actor.ownerId, req.body.subjectTeacherPersonId, student.teachingGroups.map((g) => g.id)],
    );
    if (!teaches) throw badField('subjectTeacherPersonId', 'field.notTeacherOfStudent');
    await q('update conversation set holder_person_id = $3, delegated_by_person_id = $4 where owner_id = $1 and id = $2',
      [actor.ownerId, row.id, req.body.subjectTeacherPersonId, actor.personId]);
    return conversationDetail(app, req);
  });

  r.post('/api/conversations/:conversationId/cancel', {
    config: { access: hold },
    schema: { tags, summary: 'Cancel a planned conversation', params: conversationParams, response: { 200: conversationDetailSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const row = await loadConversationRow(q, actor.ownerId, req.conversation!.conversationId);
    assertOpen(row);
    await q('update conversation set cancelled_at = now() where owner_id = $1 and id = $2', [actor.ownerId, row.id]);
    return conversationDetail(app, req);
  });

  r.get('/api/me/conversations', {
    config: { access: { kind: 'session' } },
    schema: {
      tags, summary: 'My conversations: as a student my own, as staff the ones I hold',
      response: { 200: z.object({ conversations: z.array(conversationSummarySchema.extend({ student: z.object({ id: z.string(), name: z.string() }) })) }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await q<ConversationRow & { student_name: string }>(
      `${CONVERSATION_SQL.replace('from conversation c', `, sp.given_name || ' ' || sp.family_name as student_name from conversation c
        join student st on st.owner_id = c.owner_id and st.id = c.student_id join person sp on sp.owner_id = st.owner_id and sp.id = st.person_id`)}
       where c.owner_id = $1 and (c.student_id = any($2::uuid[]) or c.holder_person_id = $3) and c.cancelled_at is null
       order by c.held_at is not null, coalesce(c.planned_at, c.created_at) limit 200`,
      [actor.ownerId, actor.studentIds, actor.personId],
    );
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
      response: { 200: z.object({ access: z.object({ reason: z.string(), reasonCode: z.string() }), followUps: z.array(followUpSchema), notes: z.array(noteSchema.extend({ conversationKind: z.string(), conversationDate: z.string().nullable() })) }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const student = req.student!;
    const conversations = await q<ConversationRow>(`${CONVERSATION_SQL} where c.owner_id = $1 and c.student_id = $2 and c.cancelled_at is null`, [actor.ownerId, student.studentId]);
    const byId = new Map(conversations.map((c) => [c.id, c]));
    const family = readsAsFamily(actor, student);
    const followUps = (await q<Parameters<typeof toFollowUp>[0]>(`${FOLLOW_UP_SQL} where f.owner_id = $1 and f.conversation_id = any($2::uuid[]) and f.shared_with_family order by f.due_on nulls last`,
      [actor.ownerId, conversations.map((c) => c.id)]));
    const notes = (await q<Parameters<typeof toNote>[0] & { conversation_id: string }>(`${NOTE_SQL.replace('select n.id', 'select n.conversation_id, n.id')} where n.owner_id = $1 and n.conversation_id = any($2::uuid[]) and n.shared_with_family order by n.updated_at desc`,
      [actor.ownerId, conversations.map((c) => c.id)]))
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
    schema: { tags, summary: 'My notifications (no content, only a link the policy checks on opening)', response: { 200: z.object({ notifications: z.array(notificationSchema) }) } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await q<{ id: string; kind: string; link: string; created_at: Date; read_at: Date | null }>(
      'select id, kind, link, created_at, read_at from notification where owner_id = $1 and recipient_person_id = $2 order by created_at desc limit 50',
      [actor.ownerId, actor.personId],
    );
    return { notifications: rows.map((n) => ({ id: n.id, kind: n.kind, link: n.link, createdAt: new Date(n.created_at).toISOString(), readAt: n.read_at ? new Date(n.read_at).toISOString() : null })) };
  });

  r.post('/api/me/notifications/:notificationId/read', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'Mark one of my notifications as read', params: z.object({ notificationId: z.uuid() }) },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const rows = await q('update notification set read_at = coalesce(read_at, now()) where owner_id = $1 and id = $2 and recipient_person_id = $3 returning id',
      [actor.ownerId, req.params.notificationId, actor.personId]);
    if (!rows[0]) throw new HttpError(404, 'error.notFound');
    return reply.status(204).send();
  });
}
