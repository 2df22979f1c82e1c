/** measures about a student — created, edited and evaluated from the student's page; overdue evaluations on the owner's home page. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { HttpError } from '../../core/http/errors.js';
import { requireActor } from '../../core/http/access.js';
import { can } from '../../core/policy/can.js';
import { loadStudentFacts } from '../../core/policy/facts.js';
import type { Actor, StudentFacts } from '../../core/policy/types.js';
import { caseReadableFor, recordMeasureInCase } from '../cases/index.js';
import { concernExists, insertMeasure, openProposals, measureOf, measuresOf, overdueOwnedBy, staffMemberAt, updateMeasure, type MeasureRow } from './queries.js';
import {
  createMeasureBody, evaluateMeasureBody, measureParams, measureSchema, measuresParams, measuresSchema, overdueMeasuresSchema, patchMeasureBody,
  type Measure,
} from './schemas.js';

const facts = (r: MeasureRow, student: StudentFacts) => ({ type: 'measure' as const, measure: { student, ownerPersonId: r.owner_person_id } });

function toMeasure(r: MeasureRow, canEdit: boolean, today: string): Measure {
  return {
    id: r.id, studentId: r.student_id, goal: r.goal, actions: r.actions,
    owner: { staffMemberId: r.owner_staff_member_id, personId: r.owner_person_id, name: r.owner_name },
    startsOn: r.starts_on, evaluateOn: r.evaluate_on, evaluation: r.evaluation, nextStep: r.next_step, evaluatedOn: r.evaluated_on,
    status: r.status, overdue: r.status !== 'ended' && r.evaluate_on < today,
    source: r.class_team_meeting_id && r.basis_group_id
      ? { classTeamMeetingId: r.class_team_meeting_id, basisGroupId: r.basis_group_id, basisGroupName: r.basis_group_name ?? '', week: r.week ?? 0 }
      : null,
    caseId: r.case_id,
    canEdit,
  };
}

function evaluationNotBeforeStart(startsOn: string, evaluateOn: string, field = 'evaluateOn'): void {
  if (evaluateOn < startsOn) throw new HttpError(400, 'error.badRequest', {}, [{ field, key: 'measures.evaluateBeforeStart' }]);
}

async function ownerAtSchool(app: FastifyInstance, actor: Actor, student: StudentFacts, staffMemberId: string | undefined): Promise<string> {
  const id = staffMemberId ?? actor.staff.find((s) => s.schoolId === student.schoolId)?.staffMemberId;
  if (!id || !(await staffMemberAt(app.database.query, actor.ownerId, id, student.schoolId))) {
    throw new HttpError(400, 'error.badRequest', {}, [{ field: 'ownerStaffMemberId', key: 'measures.ownerNotAtSchool' }]);
  }
  return id;
}

export async function measuresRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** One measure the caller may edit, or the 404/403 that says as much as they may know. */
  async function editable(actor: Actor, student: StudentFacts, measureId: string, today: string): Promise<MeasureRow> {
    const row = await measureOf(app.database.query, actor.ownerId, student.studentId, measureId);
    if (!row || !can(actor, 'measure.read', facts(row, student), today).allow) throw new HttpError(404, 'error.notFound');
    if (!can(actor, 'measure.edit', facts(row, student), today).allow) throw new HttpError(403, 'error.forbidden');
    return row;
  }

  async function shown(actor: Actor, student: StudentFacts, id: string, today: string): Promise<Measure> {
    const row = (await measureOf(app.database.query, actor.ownerId, student.studentId, id))!;
    return toMeasure(row, can(actor, 'measure.edit', facts(row, student), today).allow, today);
  }

  r.get('/api/students/:studentId/measures', {
    config: { access: { kind: 'student', action: 'measures.list', audit: 'read' } },
    schema: { tags: ['measures'], summary: "The student's measures the caller may read (R-55)", params: measuresParams, response: { 200: measuresSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const student = req.student!;
    const rows = await measuresOf(app.database.query, actor.ownerId, student.studentId);
    const measures = rows
      .filter((m) => can(actor, 'measure.read', facts(m, student), req.today).allow)
      .map((m) => toMeasure(m, can(actor, 'measure.edit', facts(m, student), req.today).allow, req.today));
    const canAdd = can(actor, 'measures.create', { type: 'student', student }, req.today).allow;
    // the follow-up list is the class team's record; the followers who may add a measure are all in that team
    const proposals = canAdd && can(actor, 'classTeam.readStudent', { type: 'student', student }, req.today).allow
      ? (await openProposals(app.database.query, actor.ownerId, student.studentId)).map((p) => ({
        classTeamMeetingId: p.meeting_id, basisGroupId: p.basis_group_id, basisGroupName: p.basis_group_name, week: p.week,
        proposedMeasures: p.proposed_measures, followUpByStaffMemberId: p.follow_up_by,
      }))
      : [];
    return {
      measures,
      canAdd,
      proposals,
      myStaffMemberId: actor.staff.find((s) => s.schoolId === student.schoolId)?.staffMemberId ?? null,
    };
  });

  r.post('/api/students/:studentId/measures', {
    config: { access: { kind: 'student', action: 'measures.create', audit: 'write' } },
    schema: { tags: ['measures'], summary: 'Add a measure, perhaps proposed at a class-team meeting (R-55)', params: measuresParams, body: createMeasureBody, response: { 201: measureSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const student = req.student!;
    const b = req.body;
    evaluationNotBeforeStart(b.startsOn, b.evaluateOn);
    const owner = await ownerAtSchool(app, actor, student, b.ownerStaffMemberId);
    if (b.classTeamMeetingId && !(await concernExists(app.database.query, actor.ownerId, b.classTeamMeetingId, student.studentId))) {
      throw new HttpError(400, 'error.badRequest', {}, [{ field: 'classTeamMeetingId', key: 'measures.unknownMeeting' }]);
    }
    if (b.caseId && !(await caseReadableFor(app.database, actor, student, b.caseId, req.today))) {
      throw new HttpError(400, 'error.badRequest', {}, [{ field: 'caseId', key: 'measures.unknownCase' }]);
    }
    const id = randomUUID();
    await insertMeasure(app.database.query, {
      ownerId: actor.ownerId, id, studentId: student.studentId, goal: b.goal, actions: b.actions, ownerStaffMemberId: owner,
      startsOn: b.startsOn, evaluateOn: b.evaluateOn, classTeamMeetingId: b.classTeamMeetingId ?? null, caseId: b.caseId ?? null, byPersonId: actor.personId,
    });
    if (b.caseId) await recordMeasureInCase(app.database, actor, b.caseId, b.goal, req.today);
    return reply.status(201).send(await shown(actor, student, id, req.today));
  });

  r.patch('/api/students/:studentId/measures/:measureId', {
    config: { access: { kind: 'student', action: 'measures.list', audit: 'write' } },
    schema: { tags: ['measures'], summary: 'Correct a measure (its followers and its owner)', params: measureParams, body: patchMeasureBody, response: { 200: measureSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const student = req.student!;
    const row = await editable(actor, student, req.params.measureId, req.today);
    const b = req.body;
    const startsOn = b.startsOn ?? row.starts_on;
    const evaluateOn = b.evaluateOn ?? row.evaluate_on;
    evaluationNotBeforeStart(startsOn, evaluateOn, b.evaluateOn ? 'evaluateOn' : 'startsOn');
    const owner = b.ownerStaffMemberId ? await ownerAtSchool(app, actor, student, b.ownerStaffMemberId) : row.owner_staff_member_id;
    await updateMeasure(app.database.query, actor.ownerId, row.id, {
      goal: b.goal ?? row.goal, actions: b.actions ?? row.actions, ownerStaffMemberId: owner, startsOn, evaluateOn,
      evaluation: row.evaluation, nextStep: row.next_step, evaluatedOn: row.evaluated_on, status: row.status, byPersonId: actor.personId,
    });
    return shown(actor, student, row.id, req.today);
  });

  r.post('/api/students/:studentId/measures/:measureId/evaluation', {
    config: { access: { kind: 'student', action: 'measures.list', audit: 'write' } },
    schema: { tags: ['measures'], summary: '"How did it work?", the next step, and whether the measure continues (R-55)', params: measureParams, body: evaluateMeasureBody, response: { 200: measureSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const student = req.student!;
    const row = await editable(actor, student, req.params.measureId, req.today);
    const b = req.body;
    let evaluateOn = row.evaluate_on;
    if (b.outcome === 'continued') {
      if (!b.nextEvaluateOn) throw new HttpError(400, 'error.badRequest', {}, [{ field: 'nextEvaluateOn', key: 'measures.nextEvaluationNeeded' }]);
      evaluationNotBeforeStart(row.starts_on, b.nextEvaluateOn, 'nextEvaluateOn');
      evaluateOn = b.nextEvaluateOn;
    }
    await updateMeasure(app.database.query, actor.ownerId, row.id, {
      goal: row.goal, actions: row.actions, ownerStaffMemberId: row.owner_staff_member_id, startsOn: row.starts_on, evaluateOn,
      evaluation: b.evaluation, nextStep: b.nextStep ?? '', evaluatedOn: req.today, status: b.outcome, byPersonId: actor.personId,
    });
    return shown(actor, student, row.id, req.today);
  });

  r.get('/api/me/measures/overdue', {
    config: { access: { kind: 'session' } },
    schema: { tags: ['measures'], summary: "The caller's own measures whose evaluation is overdue (home page)", response: { 200: overdueMeasuresSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await overdueOwnedBy(app.database.query, actor.ownerId, actor.personId, req.today);
    const shownRows: { row: (typeof rows)[number]; reason: ReturnType<typeof can>['reason'] }[] = [];
    for (const row of rows) {
      // decided per student at read time: an owner who no longer teaches the student no longer sees the measure
      const student = await loadStudentFacts(app.database, actor.ownerId, row.student_id, req.today);
      const d = student ? can(actor, 'measure.read', facts(row, student), req.today) : null;
      if (d?.allow) shownRows.push({ row, reason: d.reason });
    }
    await writeAudit(app.database, shownRows.map(({ row, reason }) => studentEntry(actor, 'measure.read', row.student_id, reason, { resourceType: 'measure', resourceId: row.id })));
    return { measures: shownRows.map(({ row }) => ({ id: row.id, studentId: row.student_id, studentName: row.student_name, goal: row.goal, evaluateOn: row.evaluate_on })) };
  });
}
