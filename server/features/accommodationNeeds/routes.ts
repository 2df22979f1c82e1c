/**
 * Accommodation needs — skjemaelever. The department head or the counsellor registers what a
 * student needs and what the teachers should do; it is sensitive, so only the student's current
 * teachers (contact teacher, subject teachers) and the leaders (department head, principal, counsellor)
 * read it — never the student or guardians through this feature, never other teachers. Every current
 * subject teacher confirms having read it (a receipt per teacher and revision); the contact teacher sees
 * who has not, flagged after the first three school weeks, and reminds them (notice + e-mail, recorded).
 * Every read of a need is audited, one entry per student.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import { loadGroupStudents, loadStudentsFacts } from '../../core/policy/facts.js';
import type { Actor, StudentFacts } from '../../core/policy/types.js';
import { studentParams } from '../../core/http/schemas.js';
import { enqueueReminderMails, registerAccommodationMail } from './mail.js';
import {
  basisParams, classNeedsSchema, myCountSchema, myNeedsSchema, needBody, needParams, reminderBody, reminderResultSchema, studentNeedsSchema,
  type ClassNeeds, type StudentNeeds,
} from './schemas.js';
import {
  calendarFor, confirmedAt, dueOn, lastReminders, needLink, needsOf, notify, receiptsOf, schoolStartDue, statusOf, subjectTeachersOf, type Need,
} from './service.js';

const tags = ['accommodationNeeds'];
const byName = new Intl.Collator('nb');
const publicNeed = ({ id, description, guidance, registeredAt, registeredBy, updatedAt, revision }: Need) =>
  ({ id, description, guidance, registeredAt, registeredBy, updatedAt, revision });

async function namesOf(app: FastifyInstance, ownerId: string, personIds: string[]): Promise<Map<string, { givenName: string; familyName: string }>> {
  if (personIds.length === 0) return new Map();
  const rows = await app.database.query<{ id: string; given_name: string; family_name: string }>(
    'select id, given_name, family_name from person where owner_id = $1 and id = any($2::uuid[])', [ownerId, personIds]);
  return new Map(rows.map((r) => [r.id, { givenName: r.given_name, familyName: r.family_name }]));
}

export async function accommodationNeedRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;
  registerAccommodationMail(app.database, app.config);

  /** One student's page: the needs, and each current subject teacher's receipt. */
  async function studentView(actor: Actor, s: StudentFacts, today: string, access: StudentNeeds['access']): Promise<StudentNeeds> {
    const [needs, teachers, calendar, reminders, names] = await Promise.all([
      needsOf(q, actor.ownerId, [s.studentId]), subjectTeachersOf(q, actor.ownerId, [s.studentId], today),
      calendarFor(q, actor.ownerId, today), lastReminders(q, actor.ownerId, [s.studentId]), namesOf(app, actor.ownerId, [s.personId]),
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
    await q(
      `insert into accommodation_need (owner_id, id, student_id, description, guidance, registered_by_person_id) values ($1, $2, $3, $4, $5, $6)`,
      [actor.ownerId, randomUUID(), s.studentId, req.body.description, req.body.guidance, actor.personId],
    );
    const teachers = (await subjectTeachersOf(q, actor.ownerId, [s.studentId], req.today)).get(s.studentId) ?? [];
    await notify(q, actor.ownerId, teachers.map((t) => ({ personId: t.personId, link: needLink(s.studentId) })), 'accommodationNeed.toConfirm');
    return reply.code(201).send(await studentView(actor, s, req.today, accessOf(req)));
  });

  async function ownNeed(ownerId: string, studentId: string, needId: string) {
    const [row] = await q<{ ended: boolean }>('select ended_at is not null as ended from accommodation_need where owner_id = $1 and id = $2 and student_id = $3', [ownerId, needId, studentId]);
    if (!row) throw new HttpError(404, 'error.notFound');
    if (row.ended) throw new HttpError(409, 'accommodationNeed.ended');
  }

  r.put('/api/students/:studentId/accommodation-needs/:needId', {
    config: { access: { kind: 'student', action: 'accommodationNeed.manage', audit: 'write' } },
    schema: { tags, summary: 'Change a need: a new revision, so every subject teacher confirms again', params: needParams, body: needBody, response: { 200: studentNeedsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    await ownNeed(actor.ownerId, s.studentId, req.params.needId);
    const changed = await q(
      `update accommodation_need set description = $3, guidance = $4, revision = revision + 1, updated_at = now()
       where owner_id = $1 and id = $2 and (description <> $3 or guidance <> $4) returning id`,
      [actor.ownerId, req.params.needId, req.body.description, req.body.guidance],
    );
    if (changed.length) {
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
    const rows = await q('update accommodation_need set ended_at = coalesce(ended_at, now()) where owner_id = $1 and id = $2 and student_id = $3 returning id',
      [actor.ownerId, req.params.needId, req.student!.studentId]);
    if (rows.length === 0) throw new HttpError(404, 'error.notFound');
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
    await q(
      `insert into accommodation_need_receipt (owner_id, need_id, teacher_person_id, revision)
       select $1, n, $2, rv from unnest($3::uuid[], $4::int[]) as x(n, rv)
       on conflict (owner_id, need_id, teacher_person_id) do update set revision = excluded.revision, confirmed_at = now()
         where accommodation_need_receipt.revision <> excluded.revision`,
      [actor.ownerId, actor.personId, needs.map((n) => n.id), needs.map((n) => n.revision)],
    );
    return studentView(actor, s, req.today, accessOf(req));
  });

  /** The class's students with needs whom the caller may read, with each one's receipts. */
  async function classView(actor: Actor, group: { basisGroupId: string; name: string }, today: string): Promise<{ view: Omit<ClassNeeds, 'access' | 'canRemind'>; facts: Map<string, StudentFacts> }> {
    const rows = await loadGroupStudents(app.database, actor.ownerId, { kind: 'basis', id: group.basisGroupId }, today, { columns: ', p.given_name, p.family_name', params: [] });
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
        student: { id: facts.studentId, givenName: row.given_name as string, familyName: row.family_name as string },
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
      await q(
        `insert into accommodation_need_reminder (owner_id, id, student_id, teacher_person_id, sent_by_person_id)
         select $1, gen_random_uuid(), s, p, $2 from unnest($3::uuid[], $4::uuid[]) as x(s, p)`,
        [actor.ownerId, actor.personId, items.map((x) => x.studentId), items.map((x) => x.personId)],
      );
      await notify(q, actor.ownerId, items.map((x) => ({ personId: x.personId, link: needLink(x.studentId) })), 'accommodationNeed.reminder');
      await enqueueReminderMails(app.database, actor.ownerId, items);
    }
    const students = [...new Set(items.map((x) => x.studentId))];
    await writeAudit(app.database, students.map((id) => studentEntry(actor, 'basisGroup.remindAccommodationNeeds', id, req.decision!.reason, { resourceType: 'basisGroup', resourceId: g.basisGroupId })));
    return { reminded: items.length, students: students.length };
  });

  /** Students the caller teaches whose current needs the caller has not confirmed. */
  async function toConfirm(actor: Actor, today: string) {
    const groupIds = actor.subjectTeacherOf.map((g) => g.id);
    if (groupIds.length === 0) return [];
    const rows = await q<{ student_id: string }>(
      `select distinct e.student_id from enrolment e
       where e.owner_id = $1 and e.teaching_group_id = any($2::uuid[]) and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date)
         and exists (select 1 from accommodation_need a where a.owner_id = e.owner_id and a.student_id = e.student_id and a.ended_at is null)`,
      [actor.ownerId, groupIds, today],
    );
    const facts = await loadStudentsFacts(app.database, actor.ownerId, rows.map((x) => x.student_id), today);
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
    const [names, calendar] = await Promise.all([namesOf(app, actor.ownerId, list.map((x) => x.facts.personId)), calendarFor(q, actor.ownerId, req.today)]);
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
