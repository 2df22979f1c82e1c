/**
 * One student's accommodation needs: the leaders register, change and end them; each current subject
 * teacher confirms having read them; every read is audited (the access hook, audit: 'read').
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { HttpError } from '../../../core/http/errors.js';
import { studentParams } from '../../../core/http/schemas.js';
import { can } from '../../../core/policy/can.js';
import type { Actor, StudentFacts } from '../../../core/policy/types.js';
import {
  confirmNeeds, endNeed, insertNeed, lastReminders, needEnded, needsOf, notify, personNames, receiptsOf, reviseNeed, subjectTeachersOf,
} from '../queries.js';
import { needBody, needParams, studentNeedsSchema, type StudentNeeds } from '../schemas.js';
import { calendarFor, dueOn, needLink, statusOf } from '../service.js';
import { publicNeed, tags } from './common.js';

export async function studentNeedRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  /** One student's page: the needs, and each current subject teacher's receipt. */
  async function studentView(actor: Actor, s: StudentFacts, today: string, access: StudentNeeds['access']): Promise<StudentNeeds> {
    const [needs, teachers, calendar, reminders, names] = await Promise.all([
      needsOf(q, actor.ownerId, [s.studentId]), subjectTeachersOf(q, actor.ownerId, [s.studentId], today),
      calendarFor(q, actor.ownerId, today), lastReminders(q, actor.ownerId, [s.studentId]), personNames(q, actor.ownerId, [s.personId]),
    ]);
    const receipts = await receiptsOf(q, actor.ownerId, needs);
    const list = statusOf(needs, teachers.get(s.studentId) ?? [], receipts, reminders, s.studentId);
    const due = needs.length ? dueOn(calendar, needs) : null;
    const mine = list.find((x) => x.personId === actor.personId);
    return {
      access,
      student: { id: s.studentId, ...(names.get(s.personId) ?? { givenName: '', familyName: '' }) },
      canManage: can(actor, 'accommodationNeed.manage', { type: 'student', student: s }, today).allow,
      canConfirm: mine !== undefined && can(actor, 'accommodationNeed.confirm', { type: 'student', student: s }, today).allow,
      confirmedByMe: mine?.confirmedAt != null,
      needs: needs.map(publicNeed),
      teachers: list,
      dueOn: due,
      overdue: due !== null && today > due && list.some((x) => x.confirmedAt === null),
    };
  }

  r.get('/api/students/:studentId/accommodation-needs', {
    config: { access: { kind: 'student', action: 'accommodationNeed.read', audit: 'read' } },
    schema: { tags, summary: "A student's accommodation needs and which of the current subject teachers have confirmed reading them", params: studentParams, response: { 200: studentNeedsSchema } },
  }, async (req) => studentView(requireActor(req), req.student!, req.today, accessOf(req)));

  r.post('/api/students/:studentId/accommodation-needs', {
    config: { access: { kind: 'student', action: 'accommodationNeed.manage', audit: 'write' } },
    schema: { tags, summary: 'Register an accommodation need (what it is, what the teachers should do); the current subject teachers are asked to confirm', params: studentParams, body: needBody, response: { 201: studentNeedsSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const s = req.student!;
    await insertNeed(q, actor.ownerId, randomUUID(), s.studentId, req.body, actor.personId);
    const teachers = (await subjectTeachersOf(q, actor.ownerId, [s.studentId], req.today)).get(s.studentId) ?? [];
    await notify(q, actor.ownerId, teachers.map((t) => ({ personId: t.personId, link: needLink(s.studentId) })), 'accommodationNeed.toConfirm');
    return reply.code(201).send(await studentView(actor, s, req.today, accessOf(req)));
  });

  async function ownNeed(ownerId: string, studentId: string, needId: string) {
    const ended = await needEnded(q, ownerId, studentId, needId);
    if (ended === undefined) throw new HttpError(404, 'error.notFound');
    if (ended) throw new HttpError(409, 'accommodationNeed.ended');
  }

  r.put('/api/students/:studentId/accommodation-needs/:needId', {
    config: { access: { kind: 'student', action: 'accommodationNeed.manage', audit: 'write' } },
    schema: { tags, summary: 'Change a need: a new revision, so every subject teacher confirms again', params: needParams, body: needBody, response: { 200: studentNeedsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    await ownNeed(actor.ownerId, s.studentId, req.params.needId);
    if (await reviseNeed(q, actor.ownerId, req.params.needId, req.body)) {
      const teachers = (await subjectTeachersOf(q, actor.ownerId, [s.studentId], req.today)).get(s.studentId) ?? [];
      await notify(q, actor.ownerId, teachers.map((t) => ({ personId: t.personId, link: needLink(s.studentId) })), 'accommodationNeed.toConfirm');
    }
    return studentView(actor, s, req.today, accessOf(req));
  });

  r.delete('/api/students/:studentId/accommodation-needs/:needId', {
    config: { access: { kind: 'student', action: 'accommodationNeed.manage', audit: 'write' } },
    schema: { tags, summary: 'End a need that no longer applies (kept for the record)', params: needParams },
  }, async (req, reply) => {
    const actor = requireActor(req);
    // ending an ended need changes nothing (a second click, a retry)
    if (!await endNeed(q, actor.ownerId, req.params.needId, req.student!.studentId)) throw new HttpError(404, 'error.notFound');
    return reply.code(204).send();
  });

  r.post('/api/students/:studentId/accommodation-needs/receipts', {
    config: { access: { kind: 'student', action: 'accommodationNeed.confirm', audit: 'write' } },
    schema: { tags, summary: 'The subject teacher confirms having read every current need of the student (a receipt per need, dated)', params: studentParams, response: { 200: studentNeedsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const needs = await needsOf(q, actor.ownerId, [s.studentId]);
    if (needs.length === 0) throw new HttpError(409, 'accommodationNeed.nothingToConfirm');
    await confirmNeeds(q, actor.ownerId, actor.personId, needs);
    return studentView(actor, s, req.today, accessOf(req));
  });
}
