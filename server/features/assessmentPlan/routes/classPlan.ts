/** A class's combined plan (R-42): the union of its students' plans; the contact teacher (or a leader) plans events for the whole class. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { can } from '../../../core/policy/can.js';
import { deleteEntry, studentNames } from '../queries.js';
import { basisEntryParams, basisParams, checkBody, checkResultSchema, entryBody, groupPlanSchema, rangeQuery, savedSchema } from '../schemas.js';
import { calendarOfYear, conflictsAmong, rulesOf, studentsOfTarget } from '../service.js';
import { auditNamed, check, groupEntry, range, save, yearOfGroup } from './planning.js';
import { conflictView, tags, toView } from './views.js';

export async function classPlanRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  const basisTarget = async (req: FastifyRequest) => {
    const g = req.group!;
    const y = await yearOfGroup(q, 'basis_group', g.ownerId, g.basisGroupId);
    return { g, y, target: { ownerId: g.ownerId, schoolId: y.schoolId, schoolYearId: y.schoolYearId, teachingGroupId: null, basisGroupId: g.basisGroupId, level: null, subjectId: null } };
  };

  r.get('/api/basis-groups/:basisGroupId/assessment-plan', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readAssessmentPlan' } },
    schema: { tags, summary: "A class's combined plan (the union of its students' plans) with the conflicts per student, summarised", params: basisParams, querystring: rangeQuery, response: { 200: groupPlanSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { g, y, target } = await basisTarget(req);
    const { from, to } = range(req.query, y.year, req.locale);
    const day = req.today < y.year.startsOn ? y.year.startsOn : req.today > y.year.endsOn ? y.year.endsOn : req.today;
    const students = await studentsOfTarget(q, target, day);
    const calendar = await calendarOfYear(q, actor.ownerId, y.year);
    const rules = await rulesOf(q, actor.ownerId, y.schoolId);
    const { plans, conflicts } = await conflictsAmong(q, actor.ownerId, students, from, to, rules, calendar);
    const names = await studentNames(q, actor.ownerId, [...new Set(conflicts.flatMap((c) => c.studentIds))]);
    await auditNamed(app.database, actor, 'basisGroup.readAssessmentPlan', [...names.keys()], req.today, { type: 'basisGroup', id: g.basisGroupId });
    const entries = [...new Set(students.flatMap((s) => plans.byStudent.get(s) ?? []))].map((id) => plans.entries.get(id)!)
      .filter((e) => e.startsOn <= to && (e.endsOn ?? e.startsOn) >= from)
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.title.localeCompare(b.title, 'nb'));
    return {
      access: accessOf(req), from, to, today: req.today,
      group: { id: g.basisGroupId, name: g.name, subjectCode: null, subjectName: null, kind: 'basis' as const },
      canPlan: can(actor, 'basisGroup.planAssessment', { type: 'basisGroup', group: g }, req.today).allow,
      studentCount: students.length,
      entries: entries.map(toView(actor)),
      conflicts: conflicts.map((c) => conflictView(c, { locale: req.locale, rules, plans, names })),
    };
  });

  r.post('/api/basis-groups/:basisGroupId/assessment-plan/check', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.planAssessment' } },
    schema: { tags, summary: 'The live check for an event for the whole class', params: basisParams, body: checkBody, response: { 200: checkResultSchema } },
  }, async (req) => {
    const { g, target } = await basisTarget(req);
    return check(q, req, target, req.body, g.name);
  });

  r.post('/api/basis-groups/:basisGroupId/assessment-plan', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.planAssessment' } },
    schema: { tags, summary: 'Plan an event for the whole class (a trip day, a cultural event, a full-day test)', params: basisParams, body: entryBody, response: { 201: savedSchema } },
  }, async (req, reply) => {
    const { g, target } = await basisTarget(req);
    return reply.status(201).send(await save(q, req, target, req.body, null, g.name));
  });

  r.put('/api/basis-groups/:basisGroupId/assessment-plan/:entryId', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.planAssessment' } },
    schema: { tags, summary: 'Change an event of the whole class (checked again)', params: basisEntryParams, body: entryBody, response: { 200: savedSchema } },
  }, async (req) => {
    const { g, target } = await basisTarget(req);
    const existing = await groupEntry(q, g.ownerId, req.params.entryId, (e) => e.basisGroupId === g.basisGroupId);
    return save(q, req, target, req.body, existing, g.name);
  });

  r.delete('/api/basis-groups/:basisGroupId/assessment-plan/:entryId', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.planAssessment' } },
    schema: { tags, summary: 'Remove an event of the whole class', params: basisEntryParams },
  }, async (req, reply) => {
    const g = req.group!;
    const e = await groupEntry(q, g.ownerId, req.params.entryId, (x) => x.basisGroupId === g.basisGroupId);
    await deleteEntry(q, g.ownerId, e.id);
    return reply.status(204).send();
  });
}
