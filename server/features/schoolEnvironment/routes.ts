/**
 * R-70 (L-33, L-34): a concern reported from the student's page reaches the principal at once (a link-only
 * notice); the case is investigated, the activity plan written with the law's five parts and kept in
 * versions, measures carried out and evaluated, and everything done appended to the case's log. A report
 * about a staff member never reaches that staff member; with the leadership involved it is the owner's.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import { loadStudentsFacts } from '../../core/policy/facts.js';
import type { Actor, Reason } from '../../core/policy/types.js';
import type { SchoolEnvironmentCaseFacts } from './policy.js';
import {
  addParticipant, appendLog, caseFactsOfSchool, caseFactsOfStudent, casesByIds, insertCase, insertPlanVersion, logOf, markClosed, markEscalated,
  notify, participantsOf, planVersionsOf, principalsOf, staffMemberOfSchool, staffOfSchool, type CaseFactsRow, type CaseRow, type LogRow, type PlanRow,
} from './queries.js';
import { factsOf } from './resource.js';
import {
  carriedOutBody, caseListSchema, caseParams, caseSchema, closingBody, createdSchema, escalationBody, evaluationBody, logEntryBody, measureParams,
  participantBody, planBody, reportBody, staffListSchema, studentParams, type CaseView, type PlanBody,
} from './schemas.js';
import type { ActivityPlanMeasure } from './tables.js';

const tags = ['schoolEnvironment'];
const FAMILY: Reason['code'][] = ['self', 'guardianWithParentalResponsibility', 'guardianByConsent', 'guardianByInformationDecision'];

type View = CaseView['view'];
const viewOf = (reason: Reason): View => (reason.code === 'author' ? 'receipt' : FAMILY.includes(reason.code) ? 'family' : 'staff');
const link = (caseId: string) => `/school-environment/${caseId}`;

function notFuture(field: string, day: string, today: string): void {
  if (day > today) throw badField(field, 'schoolEnvironment.inFuture');
}

function toPlan(p: PlanRow, log: LogRow[], view: View) {
  return {
    version: p.version, problem: p.problem, savedAt: new Date(p.saved_at).toISOString(), savedBy: view === 'staff' ? p.saved_by : null,
    measures: p.measures.map((m) => ({
      ...m, endsOn: m.endsOn ?? null,
      carriedOutOn: log.filter((e) => e.kind === 'measureCarriedOut' && e.measure_id === m.id).map((e) => e.occurred_on),
      // the evaluation's words are the school's working record; the family sees that and when it was evaluated
      evaluations: log.filter((e) => e.kind === 'measureEvaluated' && e.measure_id === m.id).map((e) => ({ on: e.occurred_on, text: view === 'staff' ? e.text : null })),
    })),
  };
}

async function caseView(app: FastifyInstance, actor: Actor, c: SchoolEnvironmentCaseFacts, reason: Reason, today: string): Promise<Omit<CaseView, 'access' | 'today'>> {
  const q = app.database.query;
  const [row] = await casesByIds(q, actor.ownerId, [c.caseId]);
  const view = viewOf(reason);
  const [log, plans, participants] = view === 'receipt'
    ? [[], [], []]
    : await Promise.all([logOf(q, actor.ownerId, c.caseId), planVersionsOf(q, actor.ownerId, c.caseId), participantsOf(q, actor.ownerId, c.caseId)]);
  const staff = view === 'staff';
  const may = (action: 'schoolEnvironmentCase.investigate' | 'schoolEnvironmentCase.manage') =>
    can(actor, action, { type: 'schoolEnvironmentCase', schoolEnvironmentCase: c }, today).allow;
  return {
    id: c.caseId, view, student: { id: row!.student_id, name: row!.student_name },
    reportedOn: row!.reported_on, countyGovernorFrom: row!.county_governor_from,
    status: row!.closed_on ? 'closed' : 'open', closedOn: row!.closed_on, escalatedToOwnerOn: row!.escalated_to_owner_on,
    leadershipInvolved: row!.leadership_involved,
    reportedBy: view === 'family' ? null : row!.reported_by_name,
    concern: view === 'family' ? null : row!.concern,
    concernsStaffMember: view === 'family' ? null : row!.concerns_name,
    plan: plans[0] ? toPlan(plans[0], log, view) : null,
    earlierPlans: staff ? plans.slice(1).map((p) => toPlan(p, log, view)) : [],
    log: staff ? log.map((e) => ({
      id: e.id, kind: e.kind, occurredOn: e.occurred_on, text: e.text, measureId: e.measure_id, planVersion: e.plan_version, by: e.by_name,
      recordedAt: new Date(e.recorded_at).toISOString(),
    })) : [],
    participants: staff ? participants.map((p) => ({ personId: p.person_id, name: p.name })) : [],
    can: { investigate: staff && may('schoolEnvironmentCase.investigate'), manage: staff && may('schoolEnvironmentCase.manage') },
  };
}

function toSummary(r: CaseRow, view: View) {
  return {
    id: r.id, studentId: r.student_id, studentName: r.student_name, reportedOn: r.reported_on, status: r.closed_on ? 'closed' as const : 'open' as const,
    view, planVersion: view === 'receipt' ? null : r.plan_version, evaluateNext: view === 'staff' ? r.evaluate_next : null, countyGovernorFrom: r.county_governor_from,
  };
}

/** The cases of `rows` the actor may read, each decided with can() and audited on its student. */
async function readable(app: FastifyInstance, actor: Actor, rows: CaseFactsRow[], action: string, today: string) {
  const students = await loadStudentsFacts(app.database, actor.ownerId, [...new Set(rows.map((r) => r.student_id))], today);
  const shown: { id: string; reason: Reason; studentId: string }[] = [];
  for (const r of rows) {
    const s = students.get(r.student_id);
    if (!s) continue;
    const d = can(actor, 'schoolEnvironmentCase.read', { type: 'schoolEnvironmentCase', schoolEnvironmentCase: factsOf(r, s) }, today);
    if (d.allow) shown.push({ id: r.id, reason: d.reason, studentId: r.student_id });
  }
  await writeAudit(app.database, shown.filter((x) => !actor.studentIds.includes(x.studentId)).map((x) =>
    studentEntry(actor, action, x.studentId, x.reason, { resourceType: 'schoolEnvironmentCase', resourceId: x.id })));
  const byId = new Map((await casesByIds(app.database.query, actor.ownerId, shown.map((x) => x.id))).map((r) => [r.id, r]));
  return shown.flatMap((x) => {
    const r = byId.get(x.id);
    return r ? [toSummary(r, viewOf(x.reason))] : [];
  });
}

/** The measures of a plan as saved: existing ids kept when they were in the last version, new ones given theirs. */
function measuresToSave(b: PlanBody, last: PlanRow | undefined): ActivityPlanMeasure[] {
  const known = new Set(last?.measures.map((m) => m.id) ?? []);
  return b.measures.map((m, i) => {
    if (m.endsOn && m.endsOn < m.startsOn) throw badField(`measures.${i}.endsOn`, 'schoolEnvironment.endsBeforeStart');
    if (m.evaluateOn < m.startsOn) throw badField(`measures.${i}.evaluateOn`, 'schoolEnvironment.evaluateBeforeStart');
    if (m.id && !known.has(m.id)) throw badField(`measures.${i}.id`, 'schoolEnvironment.unknownMeasure');
    return { id: m.id ?? randomUUID(), description: m.description, startsOn: m.startsOn, endsOn: m.endsOn ?? null, responsible: m.responsible, evaluateOn: m.evaluateOn };
  });
}

export async function schoolEnvironmentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  const open = (req: FastifyRequest): SchoolEnvironmentCaseFacts => req.schoolEnvironmentCase!;
  async function notClosed(req: FastifyRequest): Promise<void> {
    const [row] = await casesByIds(q, req.actor!.ownerId, [open(req).caseId]);
    if (row?.closed_on) throw new HttpError(409, 'schoolEnvironment.closed');
  }
  const view = async (req: FastifyRequest) => ({ access: accessOf(req), today: req.today, ...(await caseView(app, req.actor!, open(req), req.decision!.reason, req.today)) });

  r.post('/api/students/:studentId/school-environment-cases', {
    config: { access: { kind: 'student', action: 'schoolEnvironmentCase.report', audit: 'write' } },
    schema: {
      tags, summary: 'Report a concern that the student does not have a safe and good school environment (L-33); about a staff member (L-34) it never reaches them',
      params: studentParams, body: reportBody, response: { 201: createdSchema },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const s = req.student!;
    let concerns: { staffMemberId: string; personId: string; leader: boolean } | null = null;
    if (req.body.concernsStaffMemberId) {
      const sm = await staffMemberOfSchool(q, actor.ownerId, req.body.concernsStaffMemberId, s.schoolId);
      if (!sm) throw badField('concernsStaffMemberId', 'schoolEnvironment.staffNotAtSchool');
      if (sm.person_id === actor.personId) throw badField('concernsStaffMemberId', 'schoolEnvironment.reportAboutSelf');
      concerns = { staffMemberId: req.body.concernsStaffMemberId, personId: sm.person_id, leader: sm.leader };
    }
    // § 12-5: with the principal or a department head involved, the report goes straight to the owner
    const leadershipInvolved = concerns?.leader ?? false;
    const id = randomUUID();
    await app.database.transaction(async (tx) => {
      await insertCase(tx, {
        ownerId: actor.ownerId, id, studentId: s.studentId, schoolId: s.schoolId, byPersonId: actor.personId, reportedOn: req.today,
        concern: req.body.concern, concernsStaffMemberId: concerns?.staffMemberId ?? null, concernsPersonId: concerns?.personId ?? null, leadershipInvolved,
      });
      await appendLog(tx, actor.ownerId, id, actor.personId, { kind: 'reported', occurredOn: req.today, text: '' });
      if (!leadershipInvolved) {
        const principals = (await principalsOf(tx, actor.ownerId, s.schoolId)).filter((p) => p !== actor.personId && p !== concerns?.personId);
        await notify(tx, actor.ownerId, principals, 'schoolEnvironmentCase.reported', link(id));
      }
    });
    return reply.status(201).send({ id, notified: leadershipInvolved ? 'schoolOwner' as const : 'principal' as const });
  });

  r.get('/api/students/:studentId/school-environment-cases', {
    config: { access: { kind: 'student', action: 'schoolEnvironmentCase.list', audit: 'read' } },
    schema: { tags, summary: "The student's school-environment cases the caller may read (each decided on its own)", params: studentParams, response: { 200: caseListSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await caseFactsOfStudent(q, actor.ownerId, req.student!.studentId);
    return { cases: await readable(app, actor, rows, 'schoolEnvironmentCase.list', req.today) };
  });

  r.get('/api/school-environment-cases', {
    config: { access: { kind: 'school', action: 'schoolEnvironment.readSchool' } },
    schema: { tags, summary: "The school's school-environment cases the caller may read: the principal's, an assigned staff member's, a reporter's receipts", response: { 200: caseListSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await caseFactsOfSchool(q, actor.ownerId, actor.staff[0]!.schoolId);
    return { cases: await readable(app, actor, rows, 'schoolEnvironment.readSchool', req.today) };
  });

  r.get('/api/school-environment/staff', {
    config: { access: { kind: 'school', action: 'schoolEnvironment.readStaff' } },
    schema: { tags, summary: "The school's staff: whom a § 12-5 report is about, or whom the principal assigns to a case", response: { 200: staffListSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await staffOfSchool(q, actor.ownerId, actor.staff[0]!.schoolId);
    return { staff: rows.filter((x) => x.person_id !== actor.personId).map((x) => ({ staffMemberId: x.id, name: x.name })) };
  });

  r.get('/api/school-environment-cases/:caseId', {
    config: { access: { kind: 'schoolEnvironmentCase', action: 'schoolEnvironmentCase.read', audit: 'read' } },
    schema: { tags, summary: 'One case: the whole case to those handling it, the receipt to the reporter, the activity plan to the student and guardians', params: caseParams, response: { 200: caseSchema } },
  }, async (req) => view(req));

  r.post('/api/school-environment-cases/:caseId/log-entries', {
    config: { access: { kind: 'schoolEnvironmentCase', action: 'schoolEnvironmentCase.investigate', audit: 'write' } },
    schema: { tags, summary: 'Document a step of the investigation: what was done, when (by the caller)', params: caseParams, body: logEntryBody, response: { 201: caseSchema } },
  }, async (req, reply) => {
    await notClosed(req);
    notFuture('occurredOn', req.body.occurredOn, req.today);
    await appendLog(q, req.actor!.ownerId, open(req).caseId, req.actor!.personId, { kind: 'investigation', occurredOn: req.body.occurredOn, text: req.body.text });
    return reply.status(201).send(await view(req));
  });

  r.put('/api/school-environment-cases/:caseId/activity-plan', {
    config: { access: { kind: 'schoolEnvironmentCase', action: 'schoolEnvironmentCase.investigate', audit: 'write' } },
    schema: { tags, summary: "Save the activity plan (L-33: the problem; each measure's what, when, who and evaluation date) as a new version", params: caseParams, body: planBody, response: { 200: caseSchema } },
  }, async (req) => {
    await notClosed(req);
    const actor = req.actor!;
    const c = open(req);
    const [last] = await planVersionsOf(q, actor.ownerId, c.caseId);
    const measures = measuresToSave(req.body, last);
    await app.database.transaction(async (tx) => {
      const version = await insertPlanVersion(tx, actor.ownerId, c.caseId, actor.personId, req.body.problem, measures);
      await appendLog(tx, actor.ownerId, c.caseId, actor.personId, { kind: 'planSaved', occurredOn: req.today, text: '', planVersion: version });
    });
    return view(req);
  });

  async function measureInPlan(req: FastifyRequest, measureId: string): Promise<void> {
    const [last] = await planVersionsOf(q, req.actor!.ownerId, open(req).caseId);
    if (!last?.measures.some((m) => m.id === measureId)) throw new HttpError(404, 'schoolEnvironment.unknownMeasure');
  }

  r.post('/api/school-environment-cases/:caseId/measures/:measureId/carried-out', {
    config: { access: { kind: 'schoolEnvironmentCase', action: 'schoolEnvironmentCase.investigate', audit: 'write' } },
    schema: { tags, summary: 'Record that a measure of the plan was carried out (when, and a note)', params: measureParams, body: carriedOutBody, response: { 201: caseSchema } },
  }, async (req, reply) => {
    await notClosed(req);
    await measureInPlan(req, req.params.measureId);
    notFuture('on', req.body.on, req.today);
    await appendLog(q, req.actor!.ownerId, open(req).caseId, req.actor!.personId, { kind: 'measureCarriedOut', occurredOn: req.body.on, text: req.body.text, measureId: req.params.measureId });
    return reply.status(201).send(await view(req));
  });

  r.post('/api/school-environment-cases/:caseId/measures/:measureId/evaluations', {
    config: { access: { kind: 'schoolEnvironmentCase', action: 'schoolEnvironmentCase.investigate', audit: 'write' } },
    schema: { tags, summary: 'Evaluate a measure of the plan: how did it work?', params: measureParams, body: evaluationBody, response: { 201: caseSchema } },
  }, async (req, reply) => {
    await notClosed(req);
    await measureInPlan(req, req.params.measureId);
    notFuture('on', req.body.on, req.today);
    await appendLog(q, req.actor!.ownerId, open(req).caseId, req.actor!.personId, { kind: 'measureEvaluated', occurredOn: req.body.on, text: req.body.text, measureId: req.params.measureId });
    return reply.status(201).send(await view(req));
  });

  r.post('/api/school-environment-cases/:caseId/participants', {
    config: { access: { kind: 'schoolEnvironmentCase', action: 'schoolEnvironmentCase.manage', audit: 'write' } },
    schema: { tags, summary: 'The principal assigns a staff member to the case (never the one it is about); they are told by a link-only notice', params: caseParams, body: participantBody, response: { 201: caseSchema } },
  }, async (req, reply) => {
    await notClosed(req);
    const actor = req.actor!;
    const c = open(req);
    const sm = await staffMemberOfSchool(q, actor.ownerId, req.body.staffMemberId, c.student.schoolId);
    if (!sm) throw badField('staffMemberId', 'schoolEnvironment.staffNotAtSchool');
    if (sm.person_id === c.concernsPersonId) throw badField('staffMemberId', 'schoolEnvironment.participantConcerned');
    await app.database.transaction(async (tx) => {
      if (await addParticipant(tx, actor.ownerId, c.caseId, sm.person_id, actor.personId)) {
        await appendLog(tx, actor.ownerId, c.caseId, actor.personId, { kind: 'participantAdded', occurredOn: req.today, text: '' });
        await notify(tx, actor.ownerId, [sm.person_id], 'schoolEnvironmentCase.assigned', link(c.caseId));
      }
    });
    req.schoolEnvironmentCase = { ...c, participantPersonIds: [...c.participantPersonIds, sm.person_id] };
    return reply.status(201).send(await view(req));
  });

  r.post('/api/school-environment-cases/:caseId/escalation', {
    config: { access: { kind: 'schoolEnvironmentCase', action: 'schoolEnvironmentCase.manage', audit: 'write' } },
    schema: { tags, summary: 'A serious case is sent to the school owner (L-33): recorded with why', params: caseParams, body: escalationBody, response: { 200: caseSchema } },
  }, async (req) => {
    await notClosed(req);
    const actor = req.actor!;
    const c = open(req);
    await app.database.transaction(async (tx) => {
      if (!(await markEscalated(tx, actor.ownerId, c.caseId, req.today))) throw new HttpError(409, 'schoolEnvironment.alreadyEscalated');
      await appendLog(tx, actor.ownerId, c.caseId, actor.personId, { kind: 'escalatedToOwner', occurredOn: req.today, text: req.body.text });
    });
    return view(req);
  });

  r.post('/api/school-environment-cases/:caseId/closing', {
    config: { access: { kind: 'schoolEnvironmentCase', action: 'schoolEnvironmentCase.manage', audit: 'write' } },
    schema: { tags, summary: 'The principal closes the case, saying why (the student has a safe and good school environment)', params: caseParams, body: closingBody, response: { 200: caseSchema } },
  }, async (req) => {
    const actor = req.actor!;
    const c = open(req);
    await app.database.transaction(async (tx) => {
      if (!(await markClosed(tx, actor.ownerId, c.caseId, req.today))) throw new HttpError(409, 'schoolEnvironment.closed');
      await appendLog(tx, actor.ownerId, c.caseId, actor.personId, { kind: 'closed', occurredOn: req.today, text: req.body.text });
    });
    return view(req);
  });
}
