/** The duty rota: a fair rota generated for a period, its tidying routines, and the students away for a longer period. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays } from '../../../core/calendar/calendar.js';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { HttpError, badField } from '../../../core/http/errors.js';
import {
  awayPeriods, awayPeriodsForRota, deleteAway, dutyRotaAssignments, insertAway, insertDutyRota, insertDutyRotaAssignments, latestDutyRota,
  updateDutyRotaRoutines, type AssignmentRow,
} from '../queries/dutyRota.js';
import { classMembers, type Member } from '../queries/members.js';
import { awayBody, awayParams, basisParams, dutyRotaSchema, rotaBody, rotaParams, routinesBody } from '../schemas.js';
import { generateRota } from '../rota.js';
import { defaultRoutines, rotaWeeks, weekNumber } from '../service.js';
import { MANAGE, READ, auditStudents, created, groupOf, tags, who } from './common.js';

export async function dutyRotaRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/basis-groups/:basisGroupId/duty-rota', {
    config: { access: READ },
    schema: { tags, summary: "The class's latest duty rota with the tidying routines and each student's count; the away periods for the contact teacher", params: basisParams, response: { 200: dutyRotaSchema } },
  }, async (req) => {
    const w = who(req);
    const { actor, group } = w;
    const members = await classMembers(q, actor.ownerId, group.basisGroupId, req.today);
    const rota = await latestDutyRota(q, actor.ownerId, group.basisGroupId);
    const [assignments, away] = await Promise.all([
      rota ? dutyRotaAssignments(q, actor.ownerId, rota.id) : Promise.resolve([]),
      w.canManage ? awayPeriods(q, actor.ownerId, group.basisGroupId) : Promise.resolve([]),
    ]);
    const byId = new Map(members.map((m) => [m.studentId, m]));
    const person = (a: AssignmentRow): Member => ({ studentId: a.student_id, givenName: a.given_name, familyName: a.family_name });
    const weeks = [...new Set(assignments.map((a) => a.week_start))];
    const counts = new Map<string, number>();
    for (const a of assignments) counts.set(a.student_id, (counts.get(a.student_id) ?? 0) + 1);
    if (away.length) await auditStudents(app, req, 'basisGroup.readClassLife', away.map((a) => a.student_id), group.basisGroupId);
    return {
      access: accessOf(req), group: groupOf(req), canManage: w.canManage, students: members,
      rota: rota ? {
        id: rota.id, startsOn: rota.starts_on, endsOn: rota.ends_on, perWeek: Number(rota.per_week), routines: rota.routines,
        weeks: weeks.map((m) => ({ weekStart: m, number: weekNumber(m), students: assignments.filter((a) => a.week_start === m).map(person) })),
        counts: members.map((m) => ({ ...m, count: counts.get(m.studentId) ?? 0 })),
      } : null,
      away: away.filter((a) => byId.has(a.student_id)).map((a) => ({ ...byId.get(a.student_id)!, id: a.id, fromOn: a.from_on, toOn: a.to_on })),
      defaultRoutines: defaultRoutines(req.locale),
    };
  });

  r.post('/api/basis-groups/:basisGroupId/duty-rota', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Generate a fair duty rota for a period (holiday weeks skipped, students away skipped), with the tidying routines', params: basisParams, body: rotaBody, response: { 201: created } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    const groupId = req.group!.basisGroupId;
    if (b.endsOn < b.startsOn) throw badField('endsOn', 'classLife.termEndsBeforeStart');
    if (b.endsOn > addDays(b.startsOn, 366)) throw badField('endsOn', 'classLife.periodTooLong');
    const members = await classMembers(q, actor.ownerId, groupId, b.startsOn > req.today ? b.startsOn : req.today);
    if (members.length < b.perWeek) throw badField('perWeek', 'classLife.perWeekTooMany', { count: members.length });
    const awayRows = await awayPeriodsForRota(q, actor.ownerId, groupId);
    const away = new Map<string, { fromOn: string; toOn: string }[]>();
    for (const a of awayRows) away.set(a.student_id, [...(away.get(a.student_id) ?? []), { fromOn: a.from_on, toOn: a.to_on }]);
    const weeks = await rotaWeeks(q, actor.ownerId, b.startsOn, b.endsOn);
    const id = randomUUID();
    const plan = generateRota({ studentIds: members.map((m) => m.studentId), weeks, perWeek: b.perWeek, away, seed: id });
    const rows = plan.flatMap((w) => w.studentIds.map((s) => [w.weekStart, s] as const));
    await app.database.transaction(async (tx) => {
      await insertDutyRota(tx, actor.ownerId, id, groupId, { startsOn: b.startsOn, endsOn: b.endsOn, perWeek: b.perWeek, routines: b.routines ?? defaultRoutines(req.locale) }, actor.personId);
      if (rows.length) await insertDutyRotaAssignments(tx, actor.ownerId, id, rows);
    });
    return reply.code(201).send({ id });
  });

  r.put('/api/basis-groups/:basisGroupId/duty-rota/:rotaId/routines', {
    config: { access: MANAGE },
    schema: { tags, summary: "Edit the rota's tidying routines", params: rotaParams, body: routinesBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (!(await updateDutyRotaRoutines(q, actor.ownerId, req.group!.basisGroupId, req.params.rotaId, req.body.routines))) throw new HttpError(404, 'classLife.rotaNotFound');
    return reply.code(204).send(null);
  });

  r.post('/api/basis-groups/:basisGroupId/duty-rota/away', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Mark a student as away for a longer period (skipped by the rota); no reason is stored', params: basisParams, body: awayBody, response: { 201: created } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    if (!(req.group!.memberStudentIds ?? []).includes(b.studentId)) throw badField('studentId', 'classLife.notInClass');
    if (b.toOn < b.fromOn) throw badField('toOn', 'classLife.termEndsBeforeStart');
    if (b.toOn > addDays(b.fromOn, 366)) throw badField('toOn', 'classLife.periodTooLong');
    const id = randomUUID();
    await insertAway(q, actor.ownerId, id, req.group!.basisGroupId, b, actor.personId);
    await auditStudents(app, req, 'basisGroup.manageClassLife', [b.studentId], req.group!.basisGroupId);
    return reply.code(201).send({ id });
  });

  r.delete('/api/basis-groups/:basisGroupId/duty-rota/away/:awayId', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Remove an away period', params: awayParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const studentId = await deleteAway(q, actor.ownerId, req.group!.basisGroupId, req.params.awayId);
    if (studentId === null) throw new HttpError(404, 'classLife.awayNotFound');
    await auditStudents(app, req, 'basisGroup.manageClassLife', [studentId], req.group!.basisGroupId);
    return reply.code(204).send(null);
  });
}
