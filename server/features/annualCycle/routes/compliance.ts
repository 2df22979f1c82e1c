/**
 * The leaders' compliance (R-30…R-33): the department head (own department) and the principal (school) see
 * it per routine, class and teacher, with drill-down to the class and the student.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../../core/audit/audit.js';
import { isHandTicked } from '../../../core/evidence/sources.js';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { studentParams } from '../../../core/http/schemas.js';
import { HttpError } from '../../../core/http/errors.js';
import { can } from '../../../core/policy/can.js';
import { loadBasisGroupFacts } from '../../../core/policy/facts.js';
import { complianceSnapshot, maxAgeSeconds } from '../compliance.js';
import { namesOf } from '../homeTasks.js';
import type { ComplianceCounts } from '../queries/compliance.js';
import { currentStudentsOfClass } from '../queries/names.js';
import { routinesOf } from '../queries/routines.js';
import type { TaskRow } from '../queries/tasks.js';
import { tickKey, tickedBy } from '../queries/ticks.js';
import { basisParams, classComplianceSchema, complianceQuery, complianceSchema, cycleQuery, studentTasksSchema, type Compliance } from '../schemas.js';
import { ensureCycle, statusOf, tasksOf } from '../service.js';
import { byName, cycleOf, tags, titleOf, weeksOf, yearFor } from './common.js';

export async function complianceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/annual-cycle/compliance', {
    config: { access: { kind: 'school', action: 'annualCycle.readCompliance' } },
    schema: {
      tags, summary: 'Compliance per routine, class and teacher: done/total, overdue (principal: the school; department head: the department). Counts are kept up to keptForSeconds (computedAt says when they were computed); refresh=true computes them now',
      querystring: complianceQuery, response: { 200: complianceSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const { year, cycle, schoolId } = await cycleOf(app, req, req.query.schoolYearId, req.today);
    const roles = actor.staff.find((s) => s.schoolId === schoolId)?.roles ?? [];
    const principal = roles.some((x) => x.role === 'principal');
    const departmentIds = principal ? undefined : roles.filter((x) => x.role === 'departmentHead' && x.departmentId).map((x) => x.departmentId!);
    const routines = await routinesOf(q, actor.ownerId, cycle.id);
    const empty: Compliance = {
      access: accessOf(req), scope: principal ? 'school' : 'department', today: req.today, schoolYear: year.name, computedAt: null, keptForSeconds: maxAgeSeconds(),
      routines: [], classes: [], teachers: [],
    };
    await writeAudit(app.database, [{ ownerId: actor.ownerId, actorPersonId: actor.personId, action: 'annualCycle.readCompliance', resourceType: 'school', resourceId: schoolId, studentId: null, decision: 'allow', reason: req.decision!.reason }]);
    if (!routines.length) return empty;
    const { rows, computedAt, keptForSeconds } = await complianceSnapshot(app.database, { ownerId: actor.ownerId, schoolId, schoolYearId: year.id, cycleId: cycle.id, today: req.today }, routines, departmentIds,
      { refresh: req.query.refresh === 'true', onError: (e) => req.log.error(e, 'annual-cycle compliance: computing the counts behind an answer failed') });
    const classRows = rows.filter((x) => x.dim === 'class');
    const teacherRows = rows.filter((x) => x.dim === 'teacher');
    const names = await namesOf(app, actor.ownerId, [], [...new Set(teacherRows.map((x) => x.key!))], [...new Set(classRows.flatMap((x) => (x.key ? [x.key] : [])))]);
    const zero = (): ComplianceCounts => ({ total: 0, done: 0, overdue: 0, late: 0, open: 0 });
    const add = (a: ComplianceCounts, b: ComplianceCounts) => { a.total += b.total; a.done += b.done; a.overdue += b.overdue; a.late += b.late; a.open += b.open; return a; };
    const pick = (x: ComplianceCounts) => ({ total: x.total, done: x.done, overdue: x.overdue, late: x.late, open: x.open });
    const perRoutine = new Map<string, ComplianceCounts>();
    for (const x of classRows) perRoutine.set(x.routine_id, add(perRoutine.get(x.routine_id) ?? zero(), x));
    const grouped = (list: typeof rows, name: (key: string) => string) => {
      const m = new Map<string, { c: ComplianceCounts; by: (ComplianceCounts & { routineId: string })[] }>();
      for (const x of list) {
        if (!x.key) continue;
        const e = m.get(x.key) ?? { c: zero(), by: [] };
        add(e.c, x);
        e.by.push({ routineId: x.routine_id, ...pick(x) });
        m.set(x.key, e);
      }
      return [...m.entries()].map(([key, e]) => ({ key, name: name(key), ...e.c, byRoutine: e.by })).sort((a, b) => byName.compare(a.name, b.name));
    };
    return {
      ...empty,
      computedAt,
      keptForSeconds,
      routines: routines.filter((x) => perRoutine.has(x.id)).map((x) => ({
        routineId: x.id, title: titleOf(x, req.locale), opensOn: x.opensOn, closesOn: x.closesOn, weeks: weeksOf(x), responsibleRole: x.responsibleRole,
        handTicked: isHandTicked(x.evidenceKind), ...pick(perRoutine.get(x.id)!),
      })),
      classes: grouped(classRows, (k) => names.group.get(k) ?? '').map(({ key, ...x }) => ({ basisGroupId: key, ...x })),
      teachers: grouped(teacherRows, (k) => names.staff.get(k) ?? '').map(({ key, ...x }) => ({ staffMemberId: key, ...x })),
    };
  });

  r.get('/api/annual-cycle/compliance/classes/:basisGroupId', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: "A class's routine tasks per student (drill-down): its contact teacher, the department head, the principal", params: basisParams, querystring: cycleQuery, response: { 200: classComplianceSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const group = await loadBasisGroupFacts(app.database, actor.ownerId, req.params.basisGroupId);
    if (!group) throw new HttpError(404, 'error.notFound');
    const decision = can(actor, 'basisGroup.readRoutineCompliance', { type: 'basisGroup', group }, req.today);
    if (!decision.allow) {
      await writeAudit(app.database, [{ ownerId: actor.ownerId, actorPersonId: actor.personId, action: 'basisGroup.readRoutineCompliance', resourceType: 'basisGroup', resourceId: group.basisGroupId, studentId: null, decision: 'deny', reason: decision.reason }]);
      throw decision.hide ? new HttpError(404, 'error.notFound') : new HttpError(403, 'error.forbidden');
    }
    req.decision = decision;
    const year = await yearFor(app, actor.ownerId, req.query.schoolYearId, req.today);
    const cycle = await ensureCycle(app.database, actor.ownerId, group.schoolId, year.id, actor.personId);
    const routines = await routinesOf(q, actor.ownerId, cycle.id);
    const rows = await tasksOf(app.database, { ownerId: actor.ownerId, schoolId: group.schoolId, schoolYearId: year.id, cycleId: cycle.id, today: req.today }, routines, { basisGroupId: group.basisGroupId });
    const ticks = await tickedBy(q, actor.ownerId, [...new Set(rows.filter((t) => t.hand_ticked).map((t) => t.routine_id))]);
    const students = await currentStudentsOfClass(q, actor.ownerId, group.basisGroupId, req.today);
    const used = new Set(rows.map((t) => t.routine_id));
    const worst = (list: TaskRow[]) => {
      const order = ['overdue', 'open', 'upcoming', 'doneLate', 'done'] as const;
      const statuses = list.map((t) => statusOf(t, req.today));
      return order.find((s) => statuses.includes(s)) ?? 'done';
    };
    await writeAudit(app.database, students.map((s) => studentEntry(actor, 'basisGroup.readRoutineCompliance', s.id, decision.reason, { resourceType: 'basisGroup', resourceId: group.basisGroupId })));
    return {
      access: accessOf(req),
      basisGroup: { id: group.basisGroupId, name: group.name },
      today: req.today,
      routines: routines.filter((x) => used.has(x.id)).map((x) => ({ routineId: x.id, title: titleOf(x, req.locale), scope: x.scope, closesOn: x.closesOn, weeks: weeksOf(x), handTicked: isHandTicked(x.evidenceKind) })),
      classTasks: rows.filter((t) => t.subject_kind === 'basisGroup').map((t) => ({ routineId: t.routine_id, status: statusOf(t, req.today), doneOn: t.done_on, tickedBy: ticks.get(tickKey(t)) ?? null })),
      students: students.map((s) => {
        const own = rows.filter((t) => t.student_id === s.id);
        const byRoutine = new Map<string, TaskRow[]>();
        for (const t of own) byRoutine.set(t.routine_id, [...(byRoutine.get(t.routine_id) ?? []), t]);
        return {
          studentId: s.id, givenName: s.given_name, familyName: s.family_name,
          tasks: [...byRoutine.entries()].map(([routineId, list]) => ({ routineId, total: list.length, done: list.filter((t) => t.done_on).length, status: worst(list) })),
        };
      }).sort((a, b) => byName.compare(a.familyName, b.familyName) || byName.compare(a.givenName, b.givenName)),
    };
  });

  r.get('/api/students/:studentId/routine-tasks', {
    config: { access: { kind: 'student', action: 'student.readRoutineTasks', audit: 'read' } },
    schema: { tags, summary: "One student's routine tasks this school year: what is done (with the evidence's date), open and overdue", params: studentParams, response: { 200: studentTasksSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const year = await yearFor(app, actor.ownerId, undefined, req.today);
    const cycle = await ensureCycle(app.database, actor.ownerId, s.schoolId, year.id, actor.personId);
    const routines = await routinesOf(q, actor.ownerId, cycle.id);
    const rows = await tasksOf(app.database, { ownerId: actor.ownerId, schoolId: s.schoolId, schoolYearId: year.id, cycleId: cycle.id, today: req.today }, routines, { studentId: s.studentId });
    const ticks = await tickedBy(q, actor.ownerId, [...new Set(rows.filter((t) => t.hand_ticked).map((t) => t.routine_id))]);
    const names = await namesOf(app, actor.ownerId, [], [...new Set(rows.flatMap((t) => (t.staff_id ? [t.staff_id] : [])))], []);
    const byId = new Map(routines.map((x) => [x.id, x]));
    return {
      access: accessOf(req),
      today: req.today,
      tasks: rows.map((t) => {
        const routine = byId.get(t.routine_id)!;
        return {
          routineId: t.routine_id, title: titleOf(routine, req.locale), teacher: t.staff_id ? names.staff.get(t.staff_id) ?? null : null,
          opensOn: t.opens_on, closesOn: t.closes_on, weeks: weeksOf(routine), status: statusOf(t, req.today), doneOn: t.done_on,
          handTicked: t.hand_ticked, tickedBy: ticks.get(tickKey(t)) ?? null,
        };
      }).sort((a, b) => a.closesOn.localeCompare(b.closesOn) || byName.compare(a.title, b.title) || byName.compare(a.teacher ?? '', b.teacher ?? '')),
    };
  });
}
