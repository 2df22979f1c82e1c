/**
 * A class's accommodation needs: the contact teacher sees which subject teachers have not confirmed,
 * flagged after the first three school weeks, and reminds them (a notice and an e-mail each, recorded).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../../core/audit/audit.js';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { badField } from '../../../core/http/errors.js';
import { can } from '../../../core/policy/can.js';
import type { Actor, StudentFacts } from '../../../core/policy/types.js';
import { enqueueReminderMails } from '../mail.js';
import { classStudentsWithNames, insertReminders, lastReminders, needsOf, notify, receiptsOf, subjectTeachersOf } from '../queries.js';
import { basisParams, classNeedsSchema, reminderBody, reminderResultSchema, type ClassNeeds } from '../schemas.js';
import { calendarFor, dueOn, needLink, schoolStartDue, statusOf } from '../service.js';
import { byName, tags } from './common.js';

export async function classNeedRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  /** The class's students with needs whom the caller may read, with each one's receipts. */
  async function classView(actor: Actor, group: { basisGroupId: string; name: string }, today: string): Promise<{ view: Omit<ClassNeeds, 'access' | 'canRemind'>; facts: Map<string, StudentFacts> }> {
    const rows = await classStudentsWithNames(app.database, actor.ownerId, group.basisGroupId, today);
    const readable = rows.filter(({ facts }) => can(actor, 'accommodationNeed.read', { type: 'student', student: facts }, today).allow);
    const ids = readable.map((x) => x.facts.studentId);
    const [needs, teachers, calendar, reminders] = await Promise.all([
      needsOf(q, actor.ownerId, ids), subjectTeachersOf(q, actor.ownerId, ids, today), calendarFor(q, actor.ownerId, today), lastReminders(q, actor.ownerId, ids),
    ]);
    const receipts = await receiptsOf(q, actor.ownerId, needs);
    const students = readable.flatMap(({ facts, row }) => {
      const own = needs.filter((n) => n.studentId === facts.studentId);
      if (own.length === 0) return [];
      const list = statusOf(own, teachers.get(facts.studentId) ?? [], receipts, reminders, facts.studentId);
      const notConfirmed = list.filter((x) => x.confirmedAt === null).length;
      const due = dueOn(calendar, own);
      return [{
        student: { id: facts.studentId, givenName: row.given_name, familyName: row.family_name },
        needCount: own.length, teachers: list, notConfirmed, dueOn: due, overdue: due !== null && today > due && notConfirmed > 0,
      }];
    }).sort((a, b) => byName.compare(a.student.familyName, b.student.familyName) || byName.compare(a.student.givenName, b.student.givenName));
    return {
      view: { group: { id: group.basisGroupId, name: group.name }, schoolStartDueOn: schoolStartDue(calendar), students },
      facts: new Map(readable.map((x) => [x.facts.studentId, x.facts])),
    };
  }

  async function auditStudents(actor: Actor, action: string, facts: StudentFacts[], today: string, resourceId: string) {
    await writeAudit(app.database, facts.flatMap((f) => {
      const d = can(actor, 'accommodationNeed.read', { type: 'student', student: f }, today);
      return d.allow ? [studentEntry(actor, action, f.studentId, d.reason, { resourceType: 'basisGroup', resourceId })] : [];
    }));
  }

  r.get('/api/basis-groups/:basisGroupId/accommodation-needs', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readAccommodationNeeds' } },
    schema: { tags, summary: "The class's students with accommodation needs and, per student, which subject teachers have not confirmed", params: basisParams, response: { 200: classNeedsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const g = req.group!;
    const { view, facts } = await classView(actor, g, req.today);
    await auditStudents(actor, 'basisGroup.readAccommodationNeeds', view.students.map((s) => facts.get(s.student.id)!), req.today, g.basisGroupId);
    return { access: accessOf(req), canRemind: can(actor, 'basisGroup.remindAccommodationNeeds', { type: 'basisGroup', group: g }, req.today).allow, ...view };
  });

  r.post('/api/basis-groups/:basisGroupId/accommodation-needs/reminders', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.remindAccommodationNeeds' } },
    schema: { tags, summary: 'Remind the subject teachers who have not confirmed (a notice and an e-mail each, recorded)', params: basisParams, body: reminderBody, response: { 200: reminderResultSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const g = req.group!;
    const { view } = await classView(actor, g, req.today);
    const byId = new Map(view.students.map((s) => [s.student.id, s]));
    const chosen = req.body.studentIds ?? view.students.filter((s) => s.notConfirmed > 0).map((s) => s.student.id);
    chosen.forEach((id, i) => { if (!byId.has(id)) throw badField(`studentIds.${i}`, 'accommodationNeed.notInClass'); });
    const items = [...new Set(chosen)].flatMap((id) => byId.get(id)!.teachers.filter((x) => x.confirmedAt === null).map((x) => ({ personId: x.personId, studentId: id })));
    if (items.length) {
      await insertReminders(q, actor.ownerId, actor.personId, items);
      await notify(q, actor.ownerId, items.map((x) => ({ personId: x.personId, link: needLink(x.studentId) })), 'accommodationNeed.reminder');
      await enqueueReminderMails(app.database, actor.ownerId, items);
    }
    const students = [...new Set(items.map((x) => x.studentId))];
    await writeAudit(app.database, students.map((id) => studentEntry(actor, 'basisGroup.remindAccommodationNeeds', id, req.decision!.reason, { resourceType: 'basisGroup', resourceId: g.basisGroupId })));
    return { reminded: items.length, students: students.length };
  });
}
