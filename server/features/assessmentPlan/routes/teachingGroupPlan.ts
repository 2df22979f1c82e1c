/** A teaching group's plan: its subject teachers plan tests, projects, full-day tests, trip days and cultural events for it. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { rotateFeedToken } from '../../../core/calendarFeed/token.js';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { can } from '../../../core/policy/can.js';
import { deleteEntry, entriesOfTeachingGroup, studentNames } from '../queries.js';
import { checkBody, checkResultSchema, entryBody, feedSchema, groupPlanSchema, rangeQuery, savedSchema, teachingEntryParams, teachingParams } from '../schemas.js';
import { calendarOfYear, conflictsAmong, rulesOf, studentsOfTarget } from '../service.js';
import { feedScope, feedUrl } from './feeds.js';
import { auditNamed, check, groupEntry, range, save, yearOfGroup } from './planning.js';
import { conflictView, tags, toView } from './views.js';

export async function teachingGroupPlanRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  const teachingTarget = async (req: FastifyRequest) => {
    const g = req.teachingGroup!;
    const y = await yearOfGroup(q, 'teaching_group', g.ownerId, g.teachingGroupId);
    return { g, y, target: { ownerId: g.ownerId, schoolId: y.schoolId, schoolYearId: y.schoolYearId, teachingGroupId: g.teachingGroupId, basisGroupId: null, level: null, subjectId: y.subjectId } };
  };

  r.get('/api/teaching-groups/:teachingGroupId/assessment-plan', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.readAssessmentPlan' } },
    schema: { tags, summary: "A teaching group's plan and the conflicts its entries take part in for its students", params: teachingParams, querystring: rangeQuery, response: { 200: groupPlanSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { g, y, target } = await teachingTarget(req);
    const { from, to } = range(req.query, y.year, req.locale);
    const day = req.today < y.year.startsOn ? y.year.startsOn : req.today > y.year.endsOn ? y.year.endsOn : req.today;
    const students = await studentsOfTarget(q, target, day);
    const calendar = await calendarOfYear(q, actor.ownerId, y.year);
    const rules = await rulesOf(q, actor.ownerId, y.schoolId);
    const own = await entriesOfTeachingGroup(q, actor.ownerId, g.teachingGroupId, from, to);
    const ownIds = new Set(own.map((e) => e.id));
    const { plans, conflicts } = await conflictsAmong(q, actor.ownerId, students, from, to, rules, calendar);
    const mine = conflicts.filter((c) => c.entryIds.some((id) => ownIds.has(id)));
    const names = await studentNames(q, actor.ownerId, [...new Set(mine.flatMap((c) => c.studentIds))]);
    await auditNamed(app.database, actor, 'teachingGroup.readAssessmentPlan', [...names.keys()], req.today, { type: 'teachingGroup', id: g.teachingGroupId });
    return {
      access: accessOf(req), from, to, today: req.today,
      group: { id: g.teachingGroupId, name: g.name, subjectCode: g.subjectCode, subjectName: g.subjectName, kind: 'teaching' as const },
      canPlan: can(actor, 'teachingGroup.planAssessment', { type: 'teachingGroup', group: g }, req.today).allow,
      studentCount: students.length,
      entries: own.map(toView(actor)),
      conflicts: mine.map((c) => conflictView(c, { locale: req.locale, rules, plans, names })),
    };
  });

  r.post('/api/teaching-groups/:teachingGroupId/assessment-plan/check', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.planAssessment' } },
    schema: { tags, summary: 'The live check while planning: date problems and the conflicts the entry would cause for the group\'s students', params: teachingParams, body: checkBody, response: { 200: checkResultSchema } },
  }, async (req) => {
    const { g, target } = await teachingTarget(req);
    return check(q, req, target, req.body, g.name);
  });

  r.post('/api/teaching-groups/:teachingGroupId/assessment-plan', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.planAssessment' } },
    schema: { tags, summary: 'Plan a test, project, full-day test, trip day or cultural event for the group (400 on a hard conflict)', params: teachingParams, body: entryBody, response: { 201: savedSchema } },
  }, async (req, reply) => {
    const { g, target } = await teachingTarget(req);
    return reply.status(201).send(await save(q, req, target, req.body, null, g.name));
  });

  r.put('/api/teaching-groups/:teachingGroupId/assessment-plan/:entryId', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.planAssessment' } },
    schema: { tags, summary: 'Change a planned entry of the group (checked again)', params: teachingEntryParams, body: entryBody, response: { 200: savedSchema } },
  }, async (req) => {
    const { g, target } = await teachingTarget(req);
    const existing = await groupEntry(q, g.ownerId, req.params.entryId, (e) => e.teachingGroupId === g.teachingGroupId);
    return save(q, req, target, req.body, existing, g.name);
  });

  r.delete('/api/teaching-groups/:teachingGroupId/assessment-plan/:entryId', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.planAssessment' } },
    schema: { tags, summary: 'Remove a planned entry of the group', params: teachingEntryParams },
  }, async (req, reply) => {
    const g = req.teachingGroup!;
    const e = await groupEntry(q, g.ownerId, req.params.entryId, (x) => x.teachingGroupId === g.teachingGroupId);
    await deleteEntry(q, g.ownerId, e.id);
    return reply.status(204).send();
  });

  r.post('/api/teaching-groups/:teachingGroupId/assessment-plan/feed', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.readAssessmentPlan' } },
    schema: { tags, summary: "A calendar feed URL of the group's plan for the caller (a new URL replaces the old one)", params: teachingParams, response: { 200: feedSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { token } = await rotateFeedToken(q, actor.ownerId, actor.personId, feedScope.group(req.teachingGroup!.teachingGroupId));
    return { url: feedUrl(app, token) };
  });
}
