/** A person's own tasks (R-30…R-33), and the hand ticks of routines with no data behind them (only the one responsible). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../../core/audit/audit.js';
import { NIL_UUID, isHandTicked } from '../../../core/evidence/sources.js';
import { requireActor } from '../../../core/http/access.js';
import { HttpError, badField } from '../../../core/http/errors.js';
import { myTasks } from '../homeTasks.js';
import { forgetCompliance } from '../queries/compliance.js';
import { deleteHandTick, insertHandTick } from '../queries/ticks.js';
import { myTasksSchema, routineParams, tickBody, tickParams, tickQuery } from '../schemas.js';
import { responsibilityOf, tasksOf } from '../service.js';
import { ownRoutine, tags } from './common.js';

export async function taskRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/annual-cycle/my-tasks', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'My tasks this week and overdue, one line per routine (class-level tasks: per class), overdue first; each student named is decided by the policy and audited (staff); empty for everyone else', response: { 200: myTasksSchema } },
  }, async (req) => myTasks(app, requireActor(req), req.locale, req.today));

  /** The task the actor ticks must be theirs, and the routine must have no data behind it. */
  async function tickable(req: FastifyRequest, routineId: string, subjectId: string, teacherId: string | undefined) {
    const actor = requireActor(req);
    const { routine, year, cycle } = await ownRoutine(app, req, routineId);
    if (!isHandTicked(routine.evidenceKind)) throw badField('routineId', 'annualCycle.notHandTicked');
    const rows = await tasksOf(app.database, { ownerId: actor.ownerId, schoolId: routine.schoolId, schoolYearId: year.id, cycleId: cycle.id, today: req.today }, [routine],
      { responsible: responsibilityOf(actor, routine.schoolId)!, routineIds: [routine.id] });
    const task = rows.find((t) => t.subject_id === subjectId && t.teacher_id === (teacherId ?? NIL_UUID));
    if (!task) throw new HttpError(403, 'annualCycle.notYourTask');
    return { actor, routine, task };
  }

  r.post('/api/annual-cycle/routines/:routineId/ticks', {
    config: { access: { kind: 'school', action: 'annualCycle.tick' } },
    schema: { tags, summary: 'Tick a task of a routine with no data behind it as done (records who and when); only the one responsible', params: routineParams, body: tickBody },
  }, async (req, reply) => {
    const { actor, routine, task } = await tickable(req, req.params.routineId, req.body.subjectId, req.body.teacherId);
    await insertHandTick(q, actor.ownerId, { routineId: routine.id, subjectId: task.subject_id, teacherId: task.teacher_id }, req.today, actor.personId);
    await forgetCompliance(q, actor.ownerId, routine.cycleId);
    if (task.student_id) await writeAudit(app.database, [studentEntry(actor, 'annualCycle.tick', task.student_id, req.decision!.reason, { resourceType: 'routine', resourceId: routine.id })]);
    return reply.code(204).send();
  });

  r.delete('/api/annual-cycle/routines/:routineId/ticks/:subjectId', {
    config: { access: { kind: 'school', action: 'annualCycle.tick' } },
    schema: { tags, summary: 'Take back a hand tick (only the one responsible)', params: tickParams, querystring: tickQuery },
  }, async (req, reply) => {
    const { actor, routine, task } = await tickable(req, req.params.routineId, req.params.subjectId, req.query.teacherId);
    await deleteHandTick(q, actor.ownerId, { routineId: routine.id, subjectId: task.subject_id, teacherId: task.teacher_id });
    await forgetCompliance(q, actor.ownerId, routine.cycleId);
    if (task.student_id) await writeAudit(app.database, [studentEntry(actor, 'annualCycle.tick', task.student_id, req.decision!.reason, { resourceType: 'routine', resourceId: routine.id })]);
    return reply.code(204).send();
  });
}
