/**
 * The annual cycle (årshjul, R-30…R-33): the school's routines and the tasks they make, computed from the
 * data. Every staff member reads the cycle; the principal and the school admin edit it; each person sees
 * their own tasks this week and overdue; the department head (own department) and the principal (school)
 * see compliance per routine, class and teacher, with drill-down to the class and the student.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor, staffSchool } from '../../core/http/access.js';
import { HttpError, badField, type FieldError } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import { loadBasisGroupFacts } from '../../core/policy/facts.js';
import type { Actor } from '../../core/policy/types.js';
import { studentParams } from '../../core/http/schemas.js';
import { weekOf } from './defaults.js';
import { registerDigestMail } from './digest.js';
import { allEvidenceSources, evidenceSource, isHandTicked } from '../../core/evidence/sources.js';
import { subjectKindOfScope } from './evidence.js';
import {
  basisParams, classComplianceSchema, complianceQuery, complianceSchema, copyBody, cycleQuery, cycleSchema, digestBody, digestSchema, myTasksSchema, routineBody,
  routineParams, studentTasksSchema, tickBody, tickParams, tickQuery, type Compliance, type CycleView, type RoutineBody,
} from './schemas.js';
import { copyCycle, cycleFor, ensureCycle, responsibilityOf, routineById, routinesOf, schoolYearOn, statusOf, tasksOf, type Cycle, type RoutineRow, type TaskRow, type ComplianceCounts } from './service.js';
import { complianceSnapshot, forgetCompliance, maxAgeSeconds, registerComplianceJob, settleCompliance } from './compliance.js';
import { myTasks, namesOf } from './homeTasks.js';

const tags = ['annualCycle'];
const byName = new Intl.Collator('nb');

export const weeksOf = (r: { opensOn: string; closesOn: string }) => ({ from: weekOf(r.opensOn), to: weekOf(r.closesOn) });
export const titleOf = (r: RoutineRow, locale: string) => (locale === 'nn' ? r.titleNn : r.titleNb);

async function yearFor(app: FastifyInstance, ownerId: string, schoolYearId: string | undefined, today: string) {
  const q = app.database.query;
  if (schoolYearId) {
    const [row] = await q<{ id: string; name: string; startsOn: string; endsOn: string }>(
      'select id, name, starts_on::text as "startsOn", ends_on::text as "endsOn" from school_year where owner_id = $1 and id = $2', [ownerId, schoolYearId]);
    if (!row) throw badField('schoolYearId', 'error.notFound');
    return row;
  }
  const row = await schoolYearOn(q, ownerId, today);
  if (!row) throw new HttpError(404, 'error.noSchoolYear');
  return row;
}

/** The cycle of the school year the request is about; any school without one gets the default (or last year's, moved). */
async function cycleOf(app: FastifyInstance, req: FastifyRequest, schoolYearId: string | undefined, today: string) {
  const actor = requireActor(req);
  const year = await yearFor(app, actor.ownerId, schoolYearId, today);
  const { schoolId } = staffSchool(req);
  const cycle = await ensureCycle(app.database, actor.ownerId, schoolId, year.id, actor.personId);
  return { year, cycle, schoolId };
}

function validateRoutine(b: RoutineBody, year: { startsOn: string; endsOn: string }): void {
  const errors: FieldError[] = [];
  if (b.closesOn < b.opensOn) errors.push({ field: 'closesOn', key: 'annualCycle.windowOrder', params: { opensOn: b.opensOn } });
  for (const f of ['opensOn', 'closesOn'] as const) {
    if (b[f] < year.startsOn || b[f] > year.endsOn) errors.push({ field: f, key: 'annualCycle.outsideYear', params: { startsOn: year.startsOn, endsOn: year.endsOn } });
  }
  const source = evidenceSource(b.evidenceKind);
  if (!source.subjects.includes(subjectKindOfScope[b.scope])) errors.push({ field: 'evidenceKind', key: 'annualCycle.evidenceNotForScope', params: { scope: b.scope } });
  if (source.param?.values) {
    if (!b.evidenceParam) errors.push({ field: 'evidenceParam', key: 'annualCycle.paramRequired', params: { param: source.param.name } });
    else if (!source.param.values.includes(b.evidenceParam)) errors.push({ field: 'evidenceParam', key: 'annualCycle.paramInvalid', params: { values: source.param.values.join(', ') } });
  } else if (!source.param && b.evidenceParam) {
    errors.push({ field: 'evidenceParam', key: 'annualCycle.paramNotAllowed' });
  }
  if (b.excludeAdults && !['eachStudent', 'eachSubjectTeacherOfStudent'].includes(b.scope)) errors.push({ field: 'excludeAdults', key: 'annualCycle.excludeAdultsScope' });
  if (errors.length) throw new HttpError(400, 'error.badRequest', {}, errors);
}

async function cycleView(app: FastifyInstance, req: FastifyRequest, actor: Actor, year: { id: string; name: string; startsOn: string; endsOn: string }, cycle: Cycle): Promise<CycleView> {
  const q = app.database.query;
  const [routines, years, copied] = await Promise.all([
    routinesOf(q, actor.ownerId, cycle.id),
    q<{ id: string; name: string; has_cycle: boolean }>(
      `select y.id, y.name, exists (select 1 from annual_cycle c where c.owner_id = y.owner_id and c.school_year_id = y.id and c.school_id = $2) as has_cycle
       from school_year y where y.owner_id = $1 order by y.starts_on`, [actor.ownerId, cycle.schoolId]),
    cycle.copiedFromCycleId
      ? q<{ name: string }>('select y.name from annual_cycle c join school_year y on y.owner_id = c.owner_id and y.id = c.school_year_id where c.owner_id = $1 and c.id = $2', [actor.ownerId, cycle.copiedFromCycleId])
      : Promise.resolve([]),
  ]);
  return {
    access: accessOf(req),
    schoolYear: year,
    schoolYears: years.map((y) => ({ id: y.id, name: y.name, hasCycle: y.has_cycle })),
    copiedFromSchoolYear: copied[0]?.name ?? null,
    canManage: can(actor, 'annualCycle.manage', { type: 'school', ownerId: actor.ownerId, schoolId: cycle.schoolId, schoolName: '' }, req.today).allow,
    routines: routines.map((r) => ({
      id: r.id, builtinKey: r.builtinKey, titleNb: r.titleNb, titleNn: r.titleNn, descriptionNb: r.descriptionNb, descriptionNn: r.descriptionNn,
      scope: r.scope, level: r.level, programme: r.programme, excludeAdults: r.excludeAdults, responsibleRole: r.responsibleRole, opensOn: r.opensOn, closesOn: r.closesOn,
      weeks: weeksOf(r), evidenceKind: r.evidenceKind, evidenceParam: r.evidenceParam, handTicked: isHandTicked(r.evidenceKind),
    })),
    evidenceKinds: allEvidenceSources().map((s) => ({
      kind: s.kind, subjects: [...s.subjects], handTicked: isHandTicked(s.kind),
      param: s.param ? { name: s.param.name, values: s.param.values ? [...s.param.values] : null } : null,
    })),
  };
}

async function ticksOf(app: FastifyInstance, ownerId: string, routineIds: string[]) {
  if (!routineIds.length) return new Map<string, string>();
  const rows = await app.database.query<{ routine_id: string; subject_id: string; teacher_id: string; ticked_on: string; given_name: string; family_name: string }>(
    `select t.routine_id, t.subject_id, t.teacher_id, t.ticked_on::text, p.given_name, p.family_name
     from routine_hand_tick t join person p on p.owner_id = t.owner_id and p.id = t.ticked_by_person_id
     where t.owner_id = $1 and t.routine_id = any($2::uuid[])`, [ownerId, routineIds]);
  return new Map(rows.map((r) => [`${r.routine_id}|${r.subject_id}|${r.teacher_id}`, `${r.given_name} ${r.family_name}`]));
}

const tickKey = (t: { routine_id: string; subject_id: string; teacher_id: string }) => `${t.routine_id}|${t.subject_id}|${t.teacher_id}`;
const NIL = '00000000-0000-0000-0000-000000000000';

type Counts = ComplianceCounts;

export async function annualCycleRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;
  registerDigestMail(app.database, app.config);
  registerComplianceJob(app.database);
  app.addHook('onClose', async () => settleCompliance(app.database));

  r.get('/api/annual-cycle', {
    config: { access: { kind: 'school', action: 'annualCycle.read' } },
    schema: { tags, summary: "The school's annual cycle for a school year (default: the current): its routines, windows (ISO weeks) and evidence", querystring: cycleQuery, response: { 200: cycleSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { year, cycle } = await cycleOf(app, req, req.query.schoolYearId, req.today);
    return cycleView(app, req, actor, year, cycle);
  });

  r.post('/api/annual-cycle/routines', {
    config: { access: { kind: 'school', action: 'annualCycle.manage' } },
    schema: { tags, summary: 'Add a routine to the school year\'s annual cycle', body: routineBody, response: { 201: cycleSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    const { year, cycle } = await cycleOf(app, req, b.schoolYearId, req.today);
    validateRoutine(b, year);
    await q(
      `insert into routine (owner_id, id, cycle_id, position, title_nb, title_nn, description_nb, description_nn, scope, level, programme, responsible_role,
         opens_on, closes_on, evidence_kind, evidence_param, updated_by_person_id, exclude_adults)
       values ($1, gen_random_uuid(), $2, (select coalesce(max(position), 0) + 1 from routine where owner_id = $1 and cycle_id = $2), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [actor.ownerId, cycle.id, b.titleNb, b.titleNn, b.descriptionNb, b.descriptionNn, b.scope, b.level, b.programme, b.responsibleRole, b.opensOn, b.closesOn,
        b.evidenceKind, b.evidenceParam, actor.personId, b.excludeAdults]);
    await forgetCompliance(q, actor.ownerId, cycle.id);
    return reply.code(201).send(await cycleView(app, req, actor, year, cycle));
  });

  async function ownRoutine(req: FastifyRequest, routineId: string) {
    const actor = requireActor(req);
    const routine = await routineById(q, actor.ownerId, routineId);
    if (!routine || routine.schoolId !== staffSchool(req).schoolId) throw new HttpError(404, 'error.notFound');
    const [c] = await q<{ school_year_id: string }>('select school_year_id from annual_cycle where owner_id = $1 and id = $2', [actor.ownerId, routine.cycleId]);
    const year = await yearFor(app, actor.ownerId, c!.school_year_id, '');
    const cycle = (await cycleFor(app.database, actor.ownerId, routine.schoolId, c!.school_year_id))!;
    return { routine, year, cycle };
  }

  r.put('/api/annual-cycle/routines/:routineId', {
    config: { access: { kind: 'school', action: 'annualCycle.manage' } },
    schema: { tags, summary: 'Change a routine (its tasks follow at once: they are computed, not stored)', params: routineParams, body: routineBody, response: { 200: cycleSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { routine, year, cycle } = await ownRoutine(req, req.params.routineId);
    const b = req.body;
    validateRoutine(b, year);
    await q(
      `update routine set title_nb = $3, title_nn = $4, description_nb = $5, description_nn = $6, scope = $7, level = $8, programme = $9, responsible_role = $10,
         opens_on = $11, closes_on = $12, evidence_kind = $13, evidence_param = $14, updated_by_person_id = $15, exclude_adults = $16, updated_at = now()
       where owner_id = $1 and id = $2`,
      [actor.ownerId, routine.id, b.titleNb, b.titleNn, b.descriptionNb, b.descriptionNn, b.scope, b.level, b.programme, b.responsibleRole, b.opensOn, b.closesOn,
        b.evidenceKind, b.evidenceParam, actor.personId, b.excludeAdults]);
    await forgetCompliance(q, actor.ownerId, cycle.id);
    return cycleView(app, req, actor, year, cycle);
  });

  r.delete('/api/annual-cycle/routines/:routineId', {
    config: { access: { kind: 'school', action: 'annualCycle.manage' } },
    schema: { tags, summary: 'Remove a routine from the cycle (with its hand ticks)', params: routineParams },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { routine } = await ownRoutine(req, req.params.routineId);
    await q('delete from routine where owner_id = $1 and id = $2', [actor.ownerId, routine.id]);
    await forgetCompliance(q, actor.ownerId, routine.cycleId);
    return reply.code(204).send();
  });

  r.post('/api/annual-cycle/copy', {
    config: { access: { kind: 'school', action: 'annualCycle.manage' } },
    schema: { tags, summary: 'Copy a school year\'s cycle into another school year, every window moved to the same ISO week and weekday', body: copyBody, response: { 201: cycleSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { fromSchoolYearId, toSchoolYearId } = req.body;
    if (fromSchoolYearId === toSchoolYearId) throw badField('toSchoolYearId', 'annualCycle.sameYear');
    const { schoolId } = staffSchool(req);
    const to = await yearFor(app, actor.ownerId, toSchoolYearId, req.today).catch(() => { throw badField('toSchoolYearId', 'error.notFound'); });
    const from = await cycleFor(app.database, actor.ownerId, schoolId, fromSchoolYearId);
    if (!from) throw badField('fromSchoolYearId', 'annualCycle.noCycle');
    const id = await copyCycle(app.database, actor.ownerId, from, to.id, actor.personId);
    if (!id) throw badField('toSchoolYearId', 'annualCycle.alreadyExists');
    return reply.code(201).send(await cycleView(app, req, actor, to, (await cycleFor(app.database, actor.ownerId, schoolId, to.id))!));
  });

  r.get('/api/annual-cycle/my-tasks', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'My tasks this week and overdue, one line per routine (class-level tasks: per class), overdue first; each student named is decided by the policy and audited (staff); empty for everyone else', response: { 200: myTasksSchema } },
  }, async (req) => myTasks(app, requireActor(req), req.locale, req.today));

  /** The task the actor ticks must be theirs, and the routine must have no data behind it. */
  async function tickable(req: FastifyRequest, routineId: string, subjectId: string, teacherId: string | undefined) {
    const actor = requireActor(req);
    const { routine, year, cycle } = await ownRoutine(req, routineId);
    if (!isHandTicked(routine.evidenceKind)) throw badField('routineId', 'annualCycle.notHandTicked');
    const rows = await tasksOf(app.database, { ownerId: actor.ownerId, schoolId: routine.schoolId, schoolYearId: year.id, cycleId: cycle.id, today: req.today }, [routine],
      { responsible: responsibilityOf(actor, routine.schoolId)!, routineIds: [routine.id] });
    const task = rows.find((t) => t.subject_id === subjectId && t.teacher_id === (teacherId ?? NIL));
    if (!task) throw new HttpError(403, 'annualCycle.notYourTask');
    return { actor, routine, task };
  }

  r.post('/api/annual-cycle/routines/:routineId/ticks', {
    config: { access: { kind: 'school', action: 'annualCycle.tick' } },
    schema: { tags, summary: 'Tick a task of a routine with no data behind it as done (records who and when); only the one responsible', params: routineParams, body: tickBody },
  }, async (req, reply) => {
    const { actor, routine, task } = await tickable(req, req.params.routineId, req.body.subjectId, req.body.teacherId);
    await q(
      `insert into routine_hand_tick (owner_id, routine_id, subject_id, teacher_id, ticked_on, ticked_by_person_id) values ($1, $2, $3, $4, $5, $6)
       on conflict do nothing`, [actor.ownerId, routine.id, task.subject_id, task.teacher_id, req.today, actor.personId]);
    await forgetCompliance(q, actor.ownerId, routine.cycleId);
    if (task.student_id) await writeAudit(app.database, [studentEntry(actor, 'annualCycle.tick', task.student_id, req.decision!.reason, { resourceType: 'routine', resourceId: routine.id })]);
    return reply.code(204).send();
  });

  r.delete('/api/annual-cycle/routines/:routineId/ticks/:subjectId', {
    config: { access: { kind: 'school', action: 'annualCycle.tick' } },
    schema: { tags, summary: 'Take back a hand tick (only the one responsible)', params: tickParams, querystring: tickQuery },
  }, async (req, reply) => {
    const { actor, routine, task } = await tickable(req, req.params.routineId, req.params.subjectId, req.query.teacherId);
    await q('delete from routine_hand_tick where owner_id = $1 and routine_id = $2 and subject_id = $3 and teacher_id = $4', [actor.ownerId, routine.id, task.subject_id, task.teacher_id]);
    await forgetCompliance(q, actor.ownerId, routine.cycleId);
    if (task.student_id) await writeAudit(app.database, [studentEntry(actor, 'annualCycle.tick', task.student_id, req.decision!.reason, { resourceType: 'routine', resourceId: routine.id })]);
    return reply.code(204).send();
  });

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
    const zero = (): Counts => ({ total: 0, done: 0, overdue: 0, late: 0, open: 0 });
    const add = (a: Counts, b: Counts) => { a.total += b.total; a.done += b.done; a.overdue += b.overdue; a.late += b.late; a.open += b.open; return a; };
    const pick = (x: Counts) => ({ total: x.total, done: x.done, overdue: x.overdue, late: x.late, open: x.open });
    const perRoutine = new Map<string, Counts>();
    for (const x of classRows) perRoutine.set(x.routine_id, add(perRoutine.get(x.routine_id) ?? zero(), x));
    const grouped = (list: typeof rows, name: (key: string) => string) => {
      const m = new Map<string, { c: Counts; by: (Counts & { routineId: string })[] }>();
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
    const ticks = await ticksOf(app, actor.ownerId, [...new Set(rows.filter((t) => t.hand_ticked).map((t) => t.routine_id))]);
    const [students] = await Promise.all([
      q<{ id: string; given_name: string; family_name: string }>(
        `select s.id, p.given_name, p.family_name from enrolment e join student s on s.owner_id = e.owner_id and s.id = e.student_id
         join person p on p.owner_id = s.owner_id and p.id = s.person_id
         where e.owner_id = $1 and e.basis_group_id = $2 and e.starts_on <= $3 and (e.ends_on is null or e.ends_on > $3) and s.status = 'active'`,
        [actor.ownerId, group.basisGroupId, req.today]),
    ]);
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
    const ticks = await ticksOf(app, actor.ownerId, [...new Set(rows.filter((t) => t.hand_ticked).map((t) => t.routine_id))]);
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

  r.get('/api/annual-cycle/digest-preference', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'Whether I get the weekly e-mail of my overdue tasks (on unless turned off)', response: { 200: digestSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const [pref] = await q<{ weekly_digest: boolean }>('select weekly_digest from routine_digest_preference where owner_id = $1 and person_id = $2', [actor.ownerId, actor.personId]);
    return { weeklyDigest: pref?.weekly_digest ?? true };
  });

  r.put('/api/annual-cycle/digest-preference', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'Turn the weekly e-mail of my overdue tasks on or off', body: digestBody, response: { 200: digestSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    await q(
      `insert into routine_digest_preference (owner_id, person_id, weekly_digest) values ($1, $2, $3)
       on conflict (owner_id, person_id) do update set weekly_digest = excluded.weekly_digest, updated_at = now()`,
      [actor.ownerId, actor.personId, req.body.weeklyDigest]);
    return { weeklyDigest: req.body.weeklyDigest };
  });
}
