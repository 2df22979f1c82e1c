/** A subject teacher's own list: the students taught whose needs the teacher has not confirmed. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../../core/audit/audit.js';
import { requireActor } from '../../../core/http/access.js';
import { can } from '../../../core/policy/can.js';
import { loadStudentsFacts } from '../../../core/policy/facts.js';
import type { Actor } from '../../../core/policy/types.js';
import { needsOf, personNames, receiptsOf, studentsWithNeedsIn } from '../queries.js';
import { myCountSchema, myNeedsSchema } from '../schemas.js';
import { calendarFor, confirmedAt, dueOn } from '../service.js';
import { byName, publicNeed, tags } from './common.js';

export async function myNeedRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  /** Students the caller teaches whose current needs the caller has not confirmed. */
  async function toConfirm(actor: Actor, today: string) {
    const groupIds = actor.subjectTeacherOf.map((g) => g.id);
    if (groupIds.length === 0) return [];
    const studentIds = await studentsWithNeedsIn(q, actor.ownerId, groupIds, today);
    const facts = await loadStudentsFacts(app.database, actor.ownerId, studentIds, today);
    const mine = [...facts.values()].filter((f) => can(actor, 'accommodationNeed.confirm', { type: 'student', student: f }, today).allow);
    const needs = await needsOf(q, actor.ownerId, mine.map((f) => f.studentId));
    const receipts = await receiptsOf(q, actor.ownerId, needs);
    return mine.flatMap((f) => {
      const own = needs.filter((n) => n.studentId === f.studentId);
      return own.length && confirmedAt(own, receipts, actor.personId) === null ? [{ facts: f, needs: own }] : [];
    });
  }

  r.get('/api/me/accommodation-needs', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'The needs I must still confirm: students I teach whose accommodation needs I have not confirmed', response: { 200: myNeedsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const list = await toConfirm(actor, req.today);
    const [names, calendar] = await Promise.all([personNames(q, actor.ownerId, list.map((x) => x.facts.personId)), calendarFor(q, actor.ownerId, req.today)]);
    const own = new Set(actor.subjectTeacherOf.map((g) => g.id));
    const students = list.map(({ facts, needs }) => {
      const due = dueOn(calendar, needs);
      return {
        student: { id: facts.studentId, ...(names.get(facts.personId) ?? { givenName: '', familyName: '' }) },
        groups: facts.teachingGroups.filter((g) => own.has(g.id)).map((g) => g.name).sort(),
        needs: needs.map(publicNeed), dueOn: due, overdue: due !== null && req.today > due,
      };
    }).sort((a, b) => byName.compare(a.student.familyName, b.student.familyName) || byName.compare(a.student.givenName, b.student.givenName));
    await writeAudit(app.database, list.map(({ facts }) => {
      const d = can(actor, 'accommodationNeed.read', { type: 'student', student: facts }, req.today);
      return studentEntry(actor, 'accommodationNeed.read', facts.studentId, d.reason, { resourceType: 'accommodationNeed' });
    }));
    return { count: students.length, students };
  });

  r.get('/api/me/accommodation-needs/count', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'How many students I teach have needs I have not confirmed (for the home page; no content)', response: { 200: myCountSchema } },
  }, async (req) => ({ count: (await toConfirm(requireActor(req), req.today)).length }));
}
