/**
 * The IOP (R-51, R-75, L-40): the contact teacher (or a leader) records the special-education decision
 * and the plan's subjects; each subject teacher writes their subject's part and reports on the education
 * given; the contact teacher writes the overview and assessment and finalises it, which freezes a version.
 * Every read is audited by the access hook (audit: 'read'); each part is decided again for the reader.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { currentSchoolYear } from '../../../core/calendar/calendar.js';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { HttpError, badField } from '../../../core/http/errors.js';
import { can, pick, relationshipsTo } from '../../../core/policy/can.js';
import type { Actor, StudentFacts } from '../../../core/policy/types.js';
import {
  insertPlan, insertReport, latestDecision, partsOf, personName, planOf, reportOf, reportsOf, reportsPerYear, setReportsPerYear, subjectsByIds,
  subjectsOfStudent, syncParts, updateDecision, updatePartPlan, updatePartReport, updateSummary, type PartRow, type PlanRow, type ReportRow,
} from '../queries.js';
import {
  finaliseBody, finalisedSchema, individualPlanSchema, partBody, partParams, planBody, planParams, planReportSchema, reportBody,
  settingsBody, settingsSchema, summaryBody, versionParams, type IndividualPlanView, type PlanReport,
} from '../schemas.js';
import { PLAN_FOLLOWERS } from '../policy.js';
import type { PlanReportPeriod } from '../tables.js';

const tags = ['individualPlan'];

/** The periods the school writes its review for: the law's one a year (L-40), or autumn and spring. */
export const periodsFor = (reportsPerYear: number): PlanReportPeriod[] => (reportsPerYear === 2 ? ['autumn', 'spring'] : ['year']);

/** Whether the reader follows the whole plan (every part, the summary) rather than only their own subjects. */
const followsWholePlan = (actor: Actor, s: StudentFacts, today: string) => pick(relationshipsTo(actor, s, today), PLAN_FOLLOWERS) !== undefined;

const partFacts = (s: StudentFacts, subjectCode: string) => ({ type: 'individualPlanPart' as const, part: { student: s, subjectCode } });

/** A finalised version as this reader may see it: the subject teacher sees their own subjects' parts only. */
function shownReport(actor: Actor, s: StudentFacts, r: ReportRow, today: string, whole: boolean): PlanReport {
  return {
    version: r.version, period: r.period, schoolYearName: r.school_year_name, finalisedAt: r.finalised_at, finalisedByName: r.finalised_by_name,
    summary: whole ? r.summary : null,
    parts: whole ? r.parts : r.parts.filter((p) => can(actor, 'individualPlanPart.read', partFacts(s, p.subjectCode), today).allow),
  };
}

export async function planRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  async function yearOf(ownerId: string, today: string) {
    const year = await currentSchoolYear(q, ownerId, today);
    if (!year) throw new HttpError(409, 'individualPlan.noSchoolYear');
    return year;
  }

  async function view(actor: Actor, s: StudentFacts, today: string, access: IndividualPlanView['access']): Promise<IndividualPlanView> {
    const year = await currentSchoolYear(q, actor.ownerId, today);
    const whole = followsWholePlan(actor, s, today);
    const asStudent = { type: 'student' as const, student: s };
    const canManage = can(actor, 'individualPlan.manage', asStudent, today).allow;
    const [plan, decision, reports, perYear, subjects, studentName] = await Promise.all([
      year ? planOf(q, actor.ownerId, s.studentId, year.id) : undefined,
      latestDecision(q, actor.ownerId, s.studentId),
      reportsOf(q, actor.ownerId, s.studentId),
      reportsPerYear(q, actor.ownerId, s.schoolId),
      canManage ? subjectsOfStudent(q, actor.ownerId, s.studentId, today) : [],
      personName(q, actor.ownerId, s.personId),
    ]);
    const parts = plan ? await partsOf(q, actor.ownerId, plan.id) : [];
    const shownParts = parts
      .filter((p) => can(actor, 'individualPlanPart.read', partFacts(s, p.subject_code), today).allow)
      .map((p) => ({
        subjectId: p.subject_id, subjectCode: p.subject_code, subjectName: p.subject_name,
        goals: p.goals, content: p.content, organisation: p.organisation, report: p.report,
        reportUpdatedAt: p.report_updated_at, reportUpdatedByName: p.report_updated_by_name,
        canEditPlan: can(actor, 'individualPlanPart.editPlan', partFacts(s, p.subject_code), today).allow,
        canReport: can(actor, 'individualPlanPart.report', partFacts(s, p.subject_code), today).allow,
      }));
    const decisionSubjects = whole && decision ? await subjectsByIds(q, actor.ownerId, decision.subject_ids) : [];
    return {
      access,
      studentName,
      decision: whole && decision ? { id: decision.id, decidedOn: decision.decided_on, reference: decision.reference, subjects: decisionSubjects } : null,
      plan: plan && year ? {
        id: plan.id, schoolYearId: plan.school_year_id, schoolYearName: plan.school_year_name,
        summary: whole ? plan.summary : null,
        parts: shownParts,
        missingReports: shownParts.filter((p) => !p.report.trim()).map((p) => ({ subjectId: p.subjectId, subjectCode: p.subjectCode, subjectName: p.subjectName })),
      } : null,
      versions: reports.map((x) => ({ version: x.version, period: x.period, schoolYearName: x.school_year_name, finalisedAt: x.finalised_at, finalisedByName: x.finalised_by_name })),
      studentSubjects: subjects,
      reportsPerYear: perYear,
      periods: periodsFor(perYear),
      canManage,
      canFinalise: plan !== undefined && can(actor, 'individualPlan.finalise', asStudent, today).allow,
      today,
    };
  }

  /** The current year's plan, or 404: parts and reports are written on a plan that exists. */
  async function currentPlan(actor: Actor, s: StudentFacts, today: string): Promise<PlanRow> {
    const year = await yearOf(actor.ownerId, today);
    const plan = await planOf(q, actor.ownerId, s.studentId, year.id);
    if (!plan) throw new HttpError(404, 'error.notFound');
    return plan;
  }

  /** The plan's part of the subject, or 404; 403 when the reader may not do `action` on it. */
  async function partFor(actor: Actor, s: StudentFacts, today: string, subjectId: string, action: 'individualPlanPart.editPlan' | 'individualPlanPart.report') {
    const plan = await currentPlan(actor, s, today);
    const part = (await partsOf(q, actor.ownerId, plan.id)).find((p) => p.subject_id === subjectId);
    if (!part) throw new HttpError(404, 'error.notFound');
    const facts = partFacts(s, part.subject_code);
    if (!can(actor, 'individualPlanPart.read', facts, today).allow) throw new HttpError(404, 'error.notFound');
    if (!can(actor, action, facts, today).allow) throw new HttpError(403, 'error.forbidden');
    return { plan, part };
  }

  r.get('/api/students/:studentId/individual-plan', {
    config: { access: { kind: 'student', action: 'individualPlan.read', audit: 'read' } },
    schema: { tags, summary: "The student's IOP as the staff work on it: the decision, the parts the reader may see, what is missing, the versions (R-51)", params: planParams, response: { 200: individualPlanSchema } },
  }, async (req) => view(requireActor(req), req.student!, req.today, accessOf(req)));

  r.put('/api/students/:studentId/individual-plan', {
    config: { access: { kind: 'student', action: 'individualPlan.manage', audit: 'write' } },
    schema: { tags, summary: "Record the special-education decision and the plan's subjects for this school year (R-51, L-40)", params: planParams, body: planBody, response: { 200: individualPlanSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const b = req.body;
    if (b.decidedOn > req.today) throw badField('decidedOn', 'individualPlan.decidedInFuture');
    const subjectIds = [...new Set(b.subjectIds)];
    const taken = new Set((await subjectsOfStudent(q, actor.ownerId, s.studentId, req.today)).map((x) => x.id));
    if (subjectIds.some((id) => !taken.has(id))) throw badField('subjectIds', 'individualPlan.subjectNotTaken');
    const year = await yearOf(actor.ownerId, req.today);
    const plan = await planOf(q, actor.ownerId, s.studentId, year.id);
    if (plan) {
      const dropped = (await partsOf(q, actor.ownerId, plan.id)).filter((p) => !subjectIds.includes(p.subject_id) && hasText(p));
      if (dropped[0]) throw badField('subjectIds', 'individualPlan.partHasText', { subject: dropped[0].subject_name });
    }
    await app.database.transaction(async (tx) => {
      let planId = plan?.id;
      if (plan) await updateDecision(tx, actor.ownerId, plan.decision_id, { decidedOn: b.decidedOn, reference: b.reference, subjectIds });
      else {
        planId = randomUUID();
        await insertPlan(tx, {
          ownerId: actor.ownerId, studentId: s.studentId, schoolYearId: year.id, decisionId: randomUUID(), planId,
          decidedOn: b.decidedOn, reference: b.reference, subjectIds, byPersonId: actor.personId,
        });
      }
      await syncParts(tx, actor.ownerId, planId!, subjectIds);
    });
    return view(actor, s, req.today, accessOf(req));
  });

  r.put('/api/students/:studentId/individual-plan/parts/:subjectId', {
    config: { access: { kind: 'student', action: 'individualPlan.writePart', audit: 'write' } },
    schema: { tags, summary: "A subject's goals, content and organisation: the subject's own teachers and the contact teacher (R-51)", params: partParams, body: partBody, response: { 200: individualPlanSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const { plan, part } = await partFor(actor, s, req.today, req.params.subjectId, 'individualPlanPart.editPlan');
    const b = req.body;
    await updatePartPlan(q, actor.ownerId, plan.id, part.subject_id, {
      goals: b.goals ?? part.goals, content: b.content ?? part.content, organisation: b.organisation ?? part.organisation, byPersonId: actor.personId,
    });
    return view(actor, s, req.today, accessOf(req));
  });

  r.put('/api/students/:studentId/individual-plan/parts/:subjectId/report', {
    config: { access: { kind: 'student', action: 'individualPlan.writePart', audit: 'write' } },
    schema: { tags, summary: "The subject teacher's report on the education given in their subject (R-51, L-40)", params: partParams, body: reportBody, response: { 200: individualPlanSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const { plan, part } = await partFor(actor, s, req.today, req.params.subjectId, 'individualPlanPart.report');
    await updatePartReport(q, actor.ownerId, plan.id, part.subject_id, req.body.report, actor.personId);
    return view(actor, s, req.today, accessOf(req));
  });

  r.put('/api/students/:studentId/individual-plan/summary', {
    config: { access: { kind: 'student', action: 'individualPlan.finalise', audit: 'write' } },
    schema: { tags, summary: "The contact teacher's overview of the education given and assessment against the plan's goals, as a draft (§ 11-11)", params: planParams, body: summaryBody, response: { 200: individualPlanSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const plan = await currentPlan(actor, req.student!, req.today);
    await updateSummary(q, actor.ownerId, plan.id, req.body.summary, actor.personId);
    return view(actor, req.student!, req.today, accessOf(req));
  });

  r.post('/api/students/:studentId/individual-plan/reports', {
    config: { access: { kind: 'student', action: 'individualPlan.finalise', audit: 'write' } },
    schema: { tags, summary: 'Finalise the written review: every subject reported, the summary written; freezes a version the student and guardians can read (R-51, R-75, L-40)', params: planParams, body: finaliseBody, response: { 201: planReportSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const s = req.student!;
    const plan = await currentPlan(actor, s, req.today);
    if (!periodsFor(await reportsPerYear(q, actor.ownerId, s.schoolId)).includes(req.body.period)) throw badField('period', 'individualPlan.periodNotUsed');
    const missing = (await partsOf(q, actor.ownerId, plan.id)).filter((p) => !p.report.trim());
    if (missing.length) throw badField('reports', 'individualPlan.reportsMissing', { subjects: missing.map((p) => p.subject_name).join(', ') });
    if (!plan.summary.trim()) throw badField('summary', 'individualPlan.summaryMissing');
    const version = await insertReport(q, { ownerId: actor.ownerId, id: randomUUID(), planId: plan.id, studentId: s.studentId, period: req.body.period, byPersonId: actor.personId });
    const stored = (await reportOf(q, actor.ownerId, s.studentId, version))!;
    return reply.status(201).send(shownReport(actor, s, stored, req.today, true));
  });

  r.get('/api/students/:studentId/individual-plan/reports/:version', {
    config: { access: { kind: 'student', action: 'individualPlan.read', audit: 'read' } },
    schema: { tags, summary: 'One finalised version, kept as it was finalised (R-51)', params: versionParams, response: { 200: planReportSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const row = await reportOf(q, actor.ownerId, s.studentId, req.params.version);
    if (!row) throw new HttpError(404, 'error.notFound');
    return shownReport(actor, s, row, req.today, followsWholePlan(actor, s, req.today));
  });

  r.get('/api/students/:studentId/individual-plan/finalised', {
    config: { access: { kind: 'student', action: 'individualPlan.readFinalised', audit: 'read' } },
    schema: { tags, summary: 'The latest finalised plan and review: what the student and the guardians with insight read, never a draft (L-40, R-62)', params: planParams, response: { 200: finalisedSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const [latest] = await reportsOf(q, actor.ownerId, s.studentId);
    const rels = relationshipsTo(actor, s, req.today);
    // the student and the family read the whole finalised review (§ 11-11); a subject teacher their own subjects
    const whole = followsWholePlan(actor, s, req.today) || rels.some((x) => x.kind === 'self' || x.kind.startsWith('guardian'));
    return { access: accessOf(req), studentName: await personName(q, actor.ownerId, s.personId), report: latest ? shownReport(actor, s, latest, req.today, whole) : null };
  });

  r.get('/api/individual-plan/settings', {
    config: { access: { kind: 'school', action: 'individualPlan.readSettings' } },
    schema: { tags, summary: "How often the school writes the IOP's review: once a year (L-40) or twice (R-51)", response: { 200: settingsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const school = req.resource as { schoolId: string };
    return {
      reportsPerYear: await reportsPerYear(q, actor.ownerId, school.schoolId),
      canConfigure: can(actor, 'individualPlan.configure', req.resource as never, req.today).allow,
    };
  });

  r.put('/api/individual-plan/settings', {
    config: { access: { kind: 'school', action: 'individualPlan.configure' } },
    schema: { tags, summary: "Once or twice a year: the principal's choice for the school (L-40, R-51)", body: settingsBody, response: { 200: settingsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const school = req.resource as { schoolId: string };
    await setReportsPerYear(q, actor.ownerId, school.schoolId, req.body.reportsPerYear, actor.personId);
    return { reportsPerYear: req.body.reportsPerYear, canConfigure: true };
  });
}

const hasText = (p: PartRow) => [p.goals, p.content, p.organisation, p.report].some((x) => x.trim() !== '');
