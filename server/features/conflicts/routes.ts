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
import {
  conflictById, conflictsOfSchool, conflictsOfStudent, insertConflict, insertInvolvedStudents, insertStep, involvedRows, saveConflictStatus, saveStudentNote,
  studentsMatching, type ConflictRow,
} from './queries.js';
import { conflictView, involvedFor, scopeOf, type Scope } from './service.js';

const tags = ['conflicts'];

async function auditSeen(app: FastifyInstance, actor: Actor, action: Action, conflictId: string, scope: Scope, only?: string[]) {
  await writeAudit(app.database, [...scope.known].filter(([id]) => !only || only.includes(id))
    .map(([studentId, reason]) => studentEntry(actor, action, studentId, reason, { resourceType: 'conflict', resourceId: conflictId })));
}

/** The conflicts, each decided on its own; the ones the actor may not read are left out. */
async function visibleSummaries(app: FastifyInstance, actor: Actor, rows: readonly ConflictRow[], today: string) {
  const q = app.database.query;
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
    const list = await visibleSummaries(app, actor, await conflictsOfSchool(q, actor.ownerId, actor.staff[0]!.schoolId), req.today);
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
    const rows = await studentsMatching(q, actor.ownerId, actor.staff[0]!.schoolId, req.today, words);
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
      await insertConflict(tx, actor.ownerId, id, schoolId, b, actor.personId);
      await insertInvolvedStudents(tx, actor.ownerId, id, ids, b.students.map((s) => s.note ?? ''));
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
    await insertStep(q, actor.ownerId, c.conflictId, { studentId, takenOn: b.takenOn, description: b.description }, actor.personId);
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
    const row = await conflictById(q, actor.ownerId, c.conflictId);
    if (status === 'resolved' && !resolvedOn) throw badField('resolvedOn', 'conflict.resolvedOnRequired');
    if (status === 'open' && resolvedOn) throw badField('resolvedOn', 'conflict.resolvedOnNotAllowed');
    if (resolvedOn && resolvedOn > req.today) throw badField('resolvedOn', 'conflict.inFuture', { today: req.today });
    if (resolvedOn && resolvedOn < row!.occurred_on) throw badField('resolvedOn', 'conflict.resolvedBeforeOccurred', { occurredOn: row!.occurred_on });
    await saveConflictStatus(q, actor.ownerId, c.conflictId, status, resolvedOn);
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
    await saveStudentNote(q, actor.ownerId, c.conflictId, studentId, req.body.note);
    await auditSeen(app, actor, 'conflict.update', c.conflictId, scope, [studentId]);
    return conflictView(q, actor, c, scope, accessOf(req), req.today);
  });

  r.get('/api/students/:studentId/conflicts', {
    config: { access: { kind: 'student', action: 'conflict.readStudentPart', audit: 'read' } },
    schema: { tags, summary: 'The conflicts a student is involved in (for the student page; staff only)', params: studentParams, response: { 200: studentConflictsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const list = await visibleSummaries(app, actor, await conflictsOfStudent(q, actor.ownerId, s.studentId), req.today);
    // the student's own read is audited by the access hook; others named in the list are audited here
    for (const x of list) await auditSeen(app, actor, 'conflict.list', x.summary.id, x.scope, [...x.scope.known.keys()].filter((id) => id !== s.studentId));
    return { access: accessOf(req), today: req.today, conflicts: list.map((x) => x.summary) };
  });
}


