/** Where the caller finds plans, and a student's combined plan (all their groups, their class, level and school) with its conflicts. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { addDays, schoolYearOf } from '../../../core/calendar/calendar.js';
import { rotateFeedToken } from '../../../core/calendarFeed/token.js';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { studentParams } from '../../../core/http/schemas.js';
import { studentNames } from '../queries.js';
import { feedSchema, mineSchema, rangeQuery, studentPlanSchema } from '../schemas.js';
import { calendarOfYear, conflictsAmong, planOf, rulesOf, type Conflict, type Plans } from '../service.js';
import { feedScope, feedUrl } from './feeds.js';
import { range } from './planning.js';
import { byName, conflictView, tags, toView } from './views.js';

export async function studentPlanRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  /* ───────────── the caller's own entry points ───────────── */

  r.get('/api/me/assessment-plan', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'Where the caller finds assessment plans: their own student records, the groups they teach and the classes they follow', response: { 200: mineSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    return {
      studentIds: actor.studentIds,
      teachingGroups: actor.subjectTeacherOf.map((g) => ({ id: g.id, name: g.name, subjectCode: g.subjectCode, subjectName: g.subjectName })).sort((a, b) => byName.compare(a.name, b.name)),
      basisGroups: actor.contactTeacherOf.map((g) => ({ id: g.id, name: g.name })).sort((a, b) => byName.compare(a.name, b.name)),
    };
  });

  /* ───────────── a student's combined plan ───────────── */

  r.get('/api/students/:studentId/assessment-plan', {
    config: { access: { kind: 'student', action: 'assessmentPlan.read', audit: 'read' } },
    schema: { tags, summary: "A student's combined plan (all their groups, their class, level and school) with the conflicts in it", params: studentParams, querystring: rangeQuery, response: { 200: studentPlanSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const year = await schoolYearOf(q, actor.ownerId, req.today);
    const { from, to } = range(req.query, year ?? { startsOn: addDays(req.today, -30), endsOn: addDays(req.today, 180) }, req.locale);
    const calendar = year ? await calendarOfYear(q, actor.ownerId, year) : null;
    const rules = await rulesOf(q, actor.ownerId, s.schoolId);
    const { plans, conflicts } = calendar
      ? await conflictsAmong(q, actor.ownerId, [s.studentId], from, to, rules, calendar)
      : { plans: { entries: new Map(), byStudent: new Map() } as Plans, conflicts: [] as Conflict[] };
    const names = await studentNames(q, actor.ownerId, [s.studentId]);
    const n = names.get(s.studentId);
    return {
      access: accessOf(req), from, to, today: req.today,
      student: { id: s.studentId, givenName: n?.givenName ?? '', familyName: n?.familyName ?? '' },
      entries: planOf(plans, s.studentId).filter((e) => e.startsOn <= to && (e.endsOn ?? e.startsOn) >= from).map(toView(actor)),
      conflicts: conflicts.map((c) => conflictView(c, { locale: req.locale, rules, plans, names })),
    };
  });

  r.post('/api/students/:studentId/assessment-plan/feed', {
    config: { access: { kind: 'student', action: 'assessmentPlan.read', audit: 'write' } },
    schema: { tags, summary: "A calendar feed URL of the student's plan for the caller (a new URL replaces the old one)", params: studentParams, response: { 200: feedSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { token } = await rotateFeedToken(q, actor.ownerId, actor.personId, feedScope.student(req.student!.studentId));
    return { url: feedUrl(app, token) };
  });
}
