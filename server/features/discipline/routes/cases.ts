/** The disciplinary cases by student, class and school; opening a case; and one case with its incidents, hearings, measures and removals. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../../core/audit/audit.js';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { HttpError, badField } from '../../../core/http/errors.js';
import { studentParams } from '../../../core/http/schemas.js';
import {
  caseSummariesOfClass, caseSummariesOfSchool, caseSummariesOfStudent, insertCase, insertHearing, insertIncident, insertMeasure, insertOpeningIncident,
  insertRemoval,
} from '../queries.js';
import {
  basisGroupParams as basisParams, caseListSchema, caseParams, caseSchema, createdSchema, hearingBody, incidentBody, measureBody, openBody, removalBody,
} from '../schemas.js';
import { summarise } from '../service.js';
import { created, notFuture, tags, view } from './common.js';

export async function caseRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  /* ── lists ── */

  r.get('/api/students/:studentId/disciplinary-cases', {
    config: { access: { kind: 'student', action: 'disciplinaryCase.list', audit: 'read' } },
    schema: { tags, summary: "A student's disciplinary cases the caller may see (the family: those with decisions addressed to them)", params: studentParams, response: { 200: caseListSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await caseSummariesOfStudent(q, actor.ownerId, req.today, req.student!.studentId);
    const cases = await summarise(app.database, actor, rows, req.today);
    return { access: accessOf(req), today: req.today, cases: cases.map((c) => c.summary) };
  });

  r.post('/api/students/:studentId/disciplinary-cases', {
    config: { access: { kind: 'student', action: 'disciplinaryCase.open', audit: 'write' } },
    schema: { tags, summary: 'Report an incident against the school rules (L-30): opens a case with the reporter as its author', params: studentParams, body: openBody, response: { 201: createdSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const s = req.student!;
    const i = req.body.incident;
    notFuture('incident.occurredOn', i.occurredOn, req.today);
    const id = randomUUID();
    await app.database.transaction(async (tx) => {
      await insertCase(tx, actor.ownerId, id, { studentId: s.studentId, schoolId: s.schoolId }, actor.personId, req.today);
      await insertOpeningIncident(tx, actor.ownerId, id, i, actor.personId);
    });
    return created(reply, id);
  });

  r.get('/api/basis-groups/:basisGroupId/disciplinary-cases', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readDiscipline' } },
    schema: { tags, summary: "The disciplinary cases of the class's students", params: basisParams, response: { 200: caseListSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await caseSummariesOfClass(q, actor.ownerId, req.today, req.group!.basisGroupId);
    const cases = await summarise(app.database, actor, rows, req.today);
    await writeAudit(app.database, cases.map((c) => studentEntry(actor, 'basisGroup.readDiscipline', c.studentId, c.reason, { resourceType: 'disciplinaryCase', resourceId: c.summary.id })));
    return { access: accessOf(req), today: req.today, cases: cases.map((c) => c.summary) };
  });

  r.get('/api/disciplinary-cases', {
    config: { access: { kind: 'school', action: 'discipline.readSchool' } },
    schema: { tags, summary: "The school's disciplinary cases (a department head's: the department's)", response: { 200: caseListSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const staff = actor.staff[0]!;
    const rows = await caseSummariesOfSchool(q, actor.ownerId, req.today, staff.schoolId);
    // can() per case narrows a department head to the department's students
    const cases = await summarise(app.database, actor, rows, req.today);
    await writeAudit(app.database, cases.map((c) => studentEntry(actor, 'discipline.readSchool', c.studentId, c.reason, { resourceType: 'disciplinaryCase', resourceId: c.summary.id })));
    return { access: accessOf(req), today: req.today, cases: cases.map((c) => c.summary) };
  });

  /* ── one case ── */

  r.get('/api/disciplinary-cases/:caseId', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.read', audit: 'read' } },
    schema: { tags, summary: 'One disciplinary case: staff see all of it, the student and guardians the decisions addressed to them', params: caseParams, response: { 200: caseSchema } },
  }, async (req) => view(q, req));

  r.post('/api/disciplinary-cases/:caseId/incidents', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.update', audit: 'write' } },
    schema: { tags, summary: 'Add an incident (date, place, description, which school rule)', params: caseParams, body: incidentBody, response: { 201: createdSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    notFuture('occurredOn', b.occurredOn, req.today);
    const id = randomUUID();
    await insertIncident(q, actor.ownerId, id, req.disciplinaryCase!.caseId, b, actor.personId);
    return created(reply, id);
  });

  r.post('/api/disciplinary-cases/:caseId/hearings', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.update', audit: 'write' } },
    schema: { tags, summary: "Record the student's right to be heard: the date and the student's view (forvaltningsloven § 16)", params: caseParams, body: hearingBody, response: { 201: createdSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    notFuture('heardOn', req.body.heardOn, req.today);
    const id = randomUUID();
    await insertHearing(q, actor.ownerId, id, req.disciplinaryCase!.caseId, req.body.heardOn, req.body.studentView, actor.personId);
    return created(reply, id);
  });

  r.post('/api/disciplinary-cases/:caseId/measures', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.update', audit: 'write' } },
    schema: { tags, summary: 'Record a measure taken (R-23); a sanction for a single incident may carry a lower conduct grade (L-22)', params: caseParams, body: measureBody, response: { 201: createdSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    if (b.kind === 'suspension' || b.kind === 'removalFromLesson') throw badField('kind', 'discipline.measureKindNotHere');
    notFuture('decidedOn', b.decidedOn, req.today);
    const id = randomUUID();
    await insertMeasure(q, actor.ownerId, id, req.disciplinaryCase!.caseId, {
      kind: b.kind, description: b.description, decidedOn: b.decidedOn, singleIncident: b.singleIncident ?? false, addressedToFamily: b.addressedToFamily ?? false,
      evaluateOn: b.evaluateOn ?? null,
    }, actor.personId);
    return created(reply, id);
  });

  r.post('/api/disciplinary-cases/:caseId/removals', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.removeFromLesson', audit: 'write' } },
    schema: { tags, summary: 'A subject teacher removes the student from their own lesson, at most 2 hours (L-31)', params: caseParams, body: removalBody, response: { 201: createdSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    const c = req.disciplinaryCase!;
    if (!c.student.teachingGroups.some((g) => g.id === b.teachingGroupId)) throw badField('teachingGroupId', 'conduct.notInGroup');
    // the student's lesson, but another teacher's: only that teacher removes from it (L-31)
    if (!actor.subjectTeacherOf.some((g) => g.id === b.teachingGroupId)) throw new HttpError(403, 'discipline.notOwnGroup');
    notFuture('on', b.on, req.today);
    const id = randomUUID();
    await insertRemoval(q, actor.ownerId, id, c.caseId, b, actor.personId);
    return created(reply, id);
  });
}
