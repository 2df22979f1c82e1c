/**
 * Conflicts between students, also across classes: record what happened, the steps taken and
 * whether it is resolved. Internal to the staff (never shown to students or guardians). Who sees which
 * student's part is decided in service.ts; every read is audited once per student seen by name.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import { loadStudentsFacts } from '../../core/policy/facts.js';
import { loadConflictFacts } from './resource.js';
import type { Action, Actor, StudentFacts } from '../../core/policy/types.js';
import type { ConflictFacts } from './policy.js';
import { studentParams } from '../../core/http/schemas.js';
import {
  conflictListSchema, conflictParams, conflictSchema, createBody, noteBody, noteParams, searchQuery, searchSchema, statusBody, stepBody,
  studentConflictsSchema,
} from './schemas.js';
import { conflictRows, conflictView, involvedFor, involvedRows, scopeOf, type Scope } from './service.js';

const tags = ['conflicts'];

async function auditSeen(app: FastifyInstance, actor: Actor, action: Action, conflictId: string, scope: Scope, only?: string[]) {
  await writeAudit(app.database, [...scope.known].filter(([id]) => !only || only.includes(id))
    .map(([studentId, reason]) => studentEntry(actor, action, studentId, reason, { resourceType: 'conflict', resourceId: conflictId })));
}

/** Conflicts given by id, each decided on its own; the ones the actor may not read are left out. */
async function visibleSummaries(app: FastifyInstance, actor: Actor, where: string, params: unknown[], today: string) {
  const q = app.database.query;
  const rows = await conflictRows(q, actor.ownerId, where, params);
  const involved = await involvedRows(q, actor.ownerId, rows.map((r) => r.id));
  const facts = await loadStudentsFacts(app.database, actor.ownerId, [...new Set(involved.map((i) => i.student_id))], today);
  return rows.flatMap((r) => {
    const mine = involved.filter((i) => i.conflict_id === r.id);
    const c: ConflictFacts = { conflictId: r.id, recordedByPersonId: r.recorded_by_person_id, students: mine.flatMap((i) => facts.get(i.student_id) ?? []) };
    const d = can(actor, 'conflict.read', { type: 'conflict', conflict: c }, today);
    if (!d.allow) return [];
    const scope = scopeOf(actor, c, today, d.reason);
    // the list shows names, not notes
    const students = involvedFor(scope, c.students, mine).map((s) => ({ ...s, note: null }));
    return [{ summary: { id: r.id, occurredOn: r.occurred_on, status: r.status, resolvedOn: r.resolved_on, students }, scope }];
  });
}

function scopeFor(req: FastifyRequest): Scope {
  return scopeOf(requireActor(req), req.conflict!, req.today, req.decision!.reason);
}

export async function conflictRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/conflicts', {
    config: { access: { kind: 'school', action: 'conflict.list' } },
    schema: { tags, summary: 'The conflicts between students the caller may see, newest first (other classes\' students by class only)', response: { 200: conflictListSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const list = await visibleSummaries(app, actor, 'c.school_id = $2', [actor.staff[0]!.schoolId], req.today);
    for (const x of list) await auditSeen(app, actor, 'conflict.list', x.summary.id, x.scope);
    return { access: accessOf(req), today: req.today, conflicts: list.map((x) => x.summary) };
  });

  r.get('/api/conflicts/students', {
    config: { access: { kind: 'school', action: 'conflict.record' } },
    // a name and a class, as on any class list at the school: what it takes to name the other student in a conflict
    schema: { tags, summary: "Find a student at the school by name (at most 10), to name them in a conflict", querystring: searchQuery, response: { 200: searchSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const words = req.query.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 4);
    const rows = await q<{ id: string; given_name: string; family_name: string; group_name: string | null }>(
      `select s.id, p.given_name, p.family_name,
         (select bg.name from enrolment e join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
          where e.owner_id = s.owner_id and e.student_id = s.id and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date) limit 1) as group_name
       from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id
       where s.owner_id = $1 and s.school_id = $2 and s.status = 'active'
         and (select bool_and(lower(p.given_name || ' ' || p.family_name) like '%' || w || '%') from unnest($4::text[]) w)
       order by p.family_name, p.given_name limit 10`,
      [actor.ownerId, actor.staff[0]!.schoolId, req.today, words]);
    return { students: rows.map((x) => ({ studentId: x.id, givenName: x.given_name, familyName: x.family_name, groupName: x.group_name })) };
  });

  r.post('/api/conflicts', {
    config: { access: { kind: 'school', action: 'conflict.record' } },
    schema: { tags, summary: 'Record a conflict between students (the caller must follow up at least one of them)', body: createBody, response: { 201: conflictSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    const schoolId = actor.staff[0]!.schoolId;
    if (b.occurredOn > req.today) throw badField('occurredOn', 'conflict.inFuture', { today: req.today });
    const ids = b.students.map((s) => s.studentId);
    const facts = await loadStudentsFacts(app.database, actor.ownerId, ids, req.today);
    const students: StudentFacts[] = [...facts.values()];
    // the policy first: someone with no relationship to any of the students learns nothing about the others
    const d = can(actor, 'conflict.record', { type: 'conflict', conflict: { conflictId: '', recordedByPersonId: actor.personId, students } }, req.today);
    if (!d.allow) throw new HttpError(403, 'conflict.noRelationship');
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) throw badField(`students.${i}.studentId`, 'conflict.duplicateStudent');
      seen.add(id);
      const s = facts.get(id);
      if (!s) throw badField(`students.${i}.studentId`, 'conflict.unknownStudent');
      if (s.schoolId !== schoolId) throw badField(`students.${i}.studentId`, 'conflict.otherSchool');
    });
    const id = randomUUID();
    await app.database.transaction(async (tx) => {
      await tx('insert into conflict (owner_id, id, school_id, occurred_on, description, recorded_by_person_id) values ($1, $2, $3, $4, $5, $6)',
        [actor.ownerId, id, schoolId, b.occurredOn, b.description, actor.personId]);
      await tx(`insert into conflict_student (owner_id, conflict_id, student_id, note) select $1, $2, * from unnest($3::uuid[], $4::text[])`,
        [actor.ownerId, id, ids, b.students.map((s) => s.note ?? '')]);
    });
    const c = (await loadConflictFacts(app.database, actor.ownerId, id, req.today))!;
    const decision = can(actor, 'conflict.read', { type: 'conflict', conflict: c }, req.today);
    const scope = scopeOf(actor, c, req.today, decision.reason);
    await auditSeen(app, actor, 'conflict.record', id, scope);
    req.decision = decision;
    return reply.code(201).send(await conflictView(q, actor, c, scope, accessOf(req), req.today));
  });

  r.get('/api/conflicts/:conflictId', {
    config: { access: { kind: 'conflict', action: 'conflict.read', audit: 'read' } },
    schema: { tags, summary: 'One conflict, narrowed to what the caller may see of each involved student', params: conflictParams, response: { 200: conflictSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const scope = scopeFor(req);
    await auditSeen(app, actor, 'conflict.read', req.conflict!.conflictId, scope);
    return conflictView(q, actor, req.conflict!, scope, accessOf(req), req.today);
  });

  r.post('/api/conflicts/:conflictId/steps', {
    config: { access: { kind: 'conflict', action: 'conflict.update', audit: 'write' } },
    schema: { tags, summary: 'Record a step taken to resolve the conflict, shared or with one student the caller follows up', params: conflictParams, body: stepBody, response: { 200: conflictSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const c = req.conflict!;
    const scope = scopeFor(req);
    const b = req.body;
    if (b.takenOn > req.today) throw badField('takenOn', 'conflict.inFuture', { today: req.today });
    const studentId = b.studentId ?? null;
    if (studentId && !c.students.some((s) => s.studentId === studentId)) throw badField('studentId', 'conflict.notInvolved');
    if (studentId && !scope.known.has(studentId)) throw badField('studentId', 'conflict.studentNotYours');
    await q('insert into conflict_step (owner_id, id, conflict_id, student_id, taken_on, description, recorded_by_person_id) values ($1, $2, $3, $4, $5, $6, $7)',
      [actor.ownerId, randomUUID(), c.conflictId, studentId, b.takenOn, b.description, actor.personId]);
    await auditSeen(app, actor, 'conflict.update', c.conflictId, scope, studentId ? [studentId] : undefined);
    return conflictView(q, actor, c, scope, accessOf(req), req.today);
  });

  r.put('/api/conflicts/:conflictId/status', {
    config: { access: { kind: 'conflict', action: 'conflict.update', audit: 'write' } },
    schema: { tags, summary: 'Mark the conflict resolved (with the date) or open again', params: conflictParams, body: statusBody, response: { 200: conflictSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const c = req.conflict!;
    const scope = scopeFor(req);
    const { status } = req.body;
    const resolvedOn = req.body.resolvedOn ?? null;
    const [row] = await conflictRows(q, actor.ownerId, 'c.id = $2', [c.conflictId]);
    if (status === 'resolved' && !resolvedOn) throw badField('resolvedOn', 'conflict.resolvedOnRequired');
    if (status === 'open' && resolvedOn) throw badField('resolvedOn', 'conflict.resolvedOnNotAllowed');
    if (resolvedOn && resolvedOn > req.today) throw badField('resolvedOn', 'conflict.inFuture', { today: req.today });
    if (resolvedOn && resolvedOn < row!.occurred_on) throw badField('resolvedOn', 'conflict.resolvedBeforeOccurred', { occurredOn: row!.occurred_on });
    await q('update conflict set status = $3, resolved_on = $4 where owner_id = $1 and id = $2', [actor.ownerId, c.conflictId, status, resolvedOn]);
    await auditSeen(app, actor, 'conflict.update', c.conflictId, scope);
    return conflictView(q, actor, c, scope, accessOf(req), req.today);
  });

  r.put('/api/conflicts/:conflictId/students/:studentId/note', {
    config: { access: { kind: 'conflict', action: 'conflict.update', audit: 'write' } },
    schema: { tags, summary: 'Write what concerns one involved student the caller follows up', params: noteParams, body: noteBody, response: { 200: conflictSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const c = req.conflict!;
    const scope = scopeFor(req);
    const { studentId } = req.params;
    if (!c.students.some((s) => s.studentId === studentId)) throw badField('studentId', 'conflict.notInvolved');
    if (!scope.known.has(studentId)) throw badField('studentId', 'conflict.studentNotYours');
    await q('update conflict_student set note = $4 where owner_id = $1 and conflict_id = $2 and student_id = $3', [actor.ownerId, c.conflictId, studentId, req.body.note]);
    await auditSeen(app, actor, 'conflict.update', c.conflictId, scope, [studentId]);
    return conflictView(q, actor, c, scope, accessOf(req), req.today);
  });

  r.get('/api/students/:studentId/conflicts', {
    config: { access: { kind: 'student', action: 'conflict.readStudentPart', audit: 'read' } },
    schema: { tags, summary: 'The conflicts a student is involved in (for the student page; staff only)', params: studentParams, response: { 200: studentConflictsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const list = await visibleSummaries(app, actor,
      'c.id in (select conflict_id from conflict_student where owner_id = $1 and student_id = $2)', [s.studentId], req.today);
    // the student's own read is audited by the access hook; others named in the list are audited here
    for (const x of list) await auditSeen(app, actor, 'conflict.list', x.summary.id, x.scope, [...x.scope.known.keys()].filter((id) => id !== s.studentId));
    return { access: accessOf(req), today: req.today, conflicts: list.map((x) => x.summary) };
  });
}


