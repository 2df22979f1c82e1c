/** R-10: the school's conversation plan, each class's progress against it, and the leaders' compliance view. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { csvExport } from '../../core/csv/export.js';
import { accessOf, requireActor, staffSchool } from '../../core/http/access.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { t as message } from '../../core/i18n/messages.js';
import { can } from '../../core/policy/can.js';
import type { Actor } from '../../core/policy/types.js';
import { ageOn, isAdult } from '../../core/time.js';
import { loadPlan, toPlanFacts, type LoadedPlan } from './planData.js';
import { planEvaluator, type StudentPlanStatus } from './planStatus.js';
import {
  classPlanStudents, complianceStudents, deletePlanWindows, departmentName, insertPlanWindows, upsertConversationPlan,
} from './queries/plan.js';
import { classPlanSchema, complianceQuery, complianceSchema, planBodySchema, planSchema, type PlanRow } from './schemas.js';

const byName = new Intl.Collator('nb');
const groupParams = z.object({ basisGroupId: z.uuid() });

const schoolOf = staffSchool;

async function planOrFail(app: FastifyInstance, actor: Actor, schoolId: string, day: string): Promise<LoadedPlan> {
  const plan = await loadPlan(app.database.query, actor.ownerId, schoolId, day);
  if (!plan) throw new HttpError(404, 'error.noSchoolYear');
  return plan;
}

const publicPlan = (p: LoadedPlan) => ({
  schoolYear: p.schoolYear, terms: p.terms, conversationsPerYear: p.conversationsPerYear, windows: p.windows,
});

/** The class plan's rows: every student the caller may see, with where they stand. */
async function classRows(app: FastifyInstance, req: FastifyRequest, plan: LoadedPlan): Promise<PlanRow[]> {
  const actor = requireActor(req);
  const group = req.group!;
  const students = await classPlanStudents(app.database, actor.ownerId, group.basisGroupId, req.today, plan.schoolYear.id);
  const decided = students
    .map(({ facts, row }) => ({ facts, row, d: can(actor, 'student.read', { type: 'student', student: facts }, req.today) }))
    .filter((x) => x.d.allow);
  decided.sort((a, b) => byName.compare(a.row.family_name, b.row.family_name) || byName.compare(a.row.given_name, b.row.given_name));
  await writeAudit(app.database, decided.map(({ facts, d }) =>
    studentEntry(actor, 'basisGroup.readConversationPlan', facts.studentId, d.reason, { resourceType: 'basisGroup', resourceId: group.basisGroupId })));
  const statusOf = planEvaluator(plan, plan.terms, req.today);
  return decided.map(({ facts, row }) => {
    const adult = isAdult(facts.birthDate, req.today);
    const status: StudentPlanStatus = statusOf(toPlanFacts(row, adult));
    return {
      studentId: facts.studentId, name: `${row.given_name} ${row.family_name}`, level: row.level,
      age: facts.birthDate ? ageOn(facts.birthDate, req.today) : null, isAdult: adult, ...status,
    };
  });
}

const CSV_STATUS: Record<string, Record<string, string>> = {
  nb: { held: 'holdt', planned: 'planlagt', due: 'skal holdes', overdue: 'forfalt', upcoming: 'kommer', notApplicable: 'ikke aktuelt', met: 'oppfylt', missed: 'ikke oppfylt', notRequired: 'ikke påkrevd', notOffered: 'ikke tilbudt', offered: 'tilbudt', booked: 'bestilt', declined: 'takket nei' },
  nn: { held: 'halden', planned: 'planlagd', due: 'skal haldast', overdue: 'forfalle', upcoming: 'kjem', notApplicable: 'ikkje aktuelt', met: 'oppfylt', missed: 'ikkje oppfylt', notRequired: 'ikkje påkravd', notOffered: 'ikkje tilbode', offered: 'tilbode', booked: 'bestilt', declined: 'takka nei' },
  en: { held: 'held', planned: 'planned', due: 'due', overdue: 'overdue', upcoming: 'upcoming', notApplicable: 'not applicable', met: 'met', missed: 'missed', notRequired: 'not required', notOffered: 'not offered', offered: 'offered', booked: 'booked', declined: 'declined' },
};

function planCsv(rows: PlanRow[], plan: LoadedPlan, locale: 'nb' | 'nn' | 'en'): string {
  const t = CSV_STATUS[locale]!;
  const kindName = (k: string) => message(locale, `conversation.kind.${k}` as never);
  const header = [
    message(locale, 'csv.student'), message(locale, 'csv.level'),
    ...plan.windows.map((w) => `${kindName(w.kind)} (${w.opensOn}–${w.closesOn})`),
    message(locale, 'csv.held'), message(locale, 'csv.l01Autumn'), message(locale, 'csv.l01Spring'), message(locale, 'csv.l02'),
    message(locale, 'csv.guardianConference'),
  ];
  const body = rows.map((r) => [
    r.name, r.level.toUpperCase(),
    ...r.cells.map((c) => (c.date ? `${t[c.status]} ${c.date}` : c.progress ? `${t[c.status]} ${c.progress.held}/${c.progress.of}` : t[c.status])),
    `${r.held}/${r.target}`, t[r.law.l01Autumn], t[r.law.l01Spring], t[r.law.l02], t[r.guardianConference],
  ]);
  return csvExport([header, ...body]);
}

/** Compliance per class or per department; the department head is narrowed to their own department. */
async function complianceRows(app: FastifyInstance, req: FastifyRequest, plan: LoadedPlan, schoolId: string, departmentId: string | null) {
  const actor = requireActor(req);
  const rows = await complianceStudents(app.database, actor.ownerId, req.today, plan.schoolYear.id, schoolId, departmentId);
  const byClass = departmentId !== null;
  const statusOf = planEvaluator(plan, plan.terms, req.today);
  const groups = new Map<string, { id: string; name: string; statuses: StudentPlanStatus[] }>();
  for (const r of rows) {
    const key = byClass ? r.group_id ?? 'none' : r.department_id ?? 'none';
    const name = (byClass ? r.group_name : r.department_name) ?? '–';
    const g = groups.get(key) ?? { id: key, name, statuses: [] };
    g.statuses.push(statusOf(toPlanFacts(r, isAdult(r.plan_birth_date, req.today))));
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => byName.compare(a.name, b.name)).map((g) => {
    const count = (f: (s: StudentPlanStatus) => boolean) => g.statuses.filter(f).length;
    return {
      id: g.id, name: g.name, scope: byClass ? ('basisGroup' as const) : ('department' as const),
      students: g.statuses.length,
      startOfYearHeld: count((s) => s.cells.some((c) => c.kind === 'startOfYear' && c.status === 'held')),
      guardianConferenceHeld: count((s) => s.guardianConference === 'held'),
      guardianConferenceEligible: count((s) => s.guardianConference !== 'notApplicable'),
      overdue: count((s) => s.cells.some((c) => c.status === 'overdue')),
      targetMet: count((s) => s.held >= s.target),
      l01Missing: count((s) => s.law.l01Autumn === 'missed' || s.law.l01Spring === 'missed'),
      l02Missing: count((s) => s.law.l02 === 'missed'),
    };
  });
}

export async function planRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/conversation-plan', {
    config: { access: { kind: 'school', action: 'conversationTemplate.read' } },
    schema: { tags: ['conversations'], summary: "The school's conversation plan for the current school year", response: { 200: planSchema } },
  }, async (req) => publicPlan(await planOrFail(app, requireActor(req), schoolOf(req).schoolId, req.today)));

  r.put('/api/conversation-plan', {
    config: { access: { kind: 'school', action: 'conversationPlan.manage' } },
    schema: { tags: ['conversations'], summary: 'Set the target and the windows (principal)', body: planBodySchema, response: { 200: planSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { schoolId } = schoolOf(req);
    const current = await planOrFail(app, actor, schoolId, req.today);
    const { startsOn, endsOn } = current.schoolYear;
    req.body.windows.forEach((w, i) => {
      if (w.closesOn < w.opensOn) throw badField(`windows.${i}.closesOn`, 'field.closesBeforeOpens');
      if (w.opensOn < startsOn || w.closesOn > endsOn) throw badField(`windows.${i}.opensOn`, 'field.outsideSchoolYear', { from: startsOn, to: endsOn });
    });
    await app.database.transaction(async (q) => {
      const planId = await upsertConversationPlan(q, actor.ownerId, randomUUID(), schoolId, current.schoolYear.id, req.body.conversationsPerYear, actor.personId);
      await deletePlanWindows(q, actor.ownerId, planId);
      await insertPlanWindows(q, actor.ownerId, planId, req.body.windows);
    });
    return publicPlan(await planOrFail(app, actor, schoolId, req.today));
  });

  r.get('/api/basis-groups/:basisGroupId/conversation-plan', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readConversationPlan' } },
    schema: { tags: ['conversations'], summary: 'Who in the class has had which conversation, what is due and what is overdue', params: groupParams, response: { 200: classPlanSchema } },
  }, async (req) => {
    const g = req.group!;
    const plan = await planOrFail(app, requireActor(req), g.schoolId, req.today);
    return {
      access: accessOf(req), group: { id: g.basisGroupId, name: g.name, level: g.level }, plan: publicPlan(plan),
      students: await classRows(app, req, plan),
    };
  });

  r.get('/api/basis-groups/:basisGroupId/conversation-plan.csv', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readConversationPlan' } },
    schema: { tags: ['conversations'], summary: 'The class plan as CSV (semicolon-separated, UTF-8)', params: groupParams },
  }, async (req, reply) => {
    const g = req.group!;
    const plan = await planOrFail(app, requireActor(req), g.schoolId, req.today);
    const csv = planCsv(await classRows(app, req, plan), plan, req.locale);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="samtaleplan-${g.name.replace(/[^\p{L}\p{N}-]/gu, '')}.csv"`)
      .send(csv);
  });

  r.get('/api/conversation-compliance', {
    config: { access: { kind: 'school', action: 'conversationPlan.readCompliance' } },
    schema: {
      tags: ['conversations'], summary: 'Conversation compliance per department (principal) or per class (department head)',
      querystring: complianceQuery, response: { 200: complianceSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const { schoolId, schoolName } = schoolOf(req);
    const isPrincipal = req.decision!.reason.code === 'principal';
    // a department head sees their own department's classes, whatever they ask for
    const ownDepartment = actor.staff[0]!.roles.find((x) => x.role === 'departmentHead');
    const departmentId = isPrincipal ? req.query.departmentId ?? null : ownDepartment?.departmentId ?? null;
    if (!isPrincipal && req.query.departmentId && req.query.departmentId !== departmentId) throw new HttpError(403, 'error.forbidden');
    const plan = await planOrFail(app, actor, schoolId, req.today);
    const rows = await complianceRows(app, req, plan, schoolId, departmentId);
    // the department head's own department name came with the actor; a principal's drill-down asks
    const title = !departmentId ? schoolName
      : !isPrincipal && ownDepartment?.departmentName != null ? ownDepartment.departmentName
        : (await departmentName(app.database.query, actor.ownerId, departmentId)) ?? schoolName;
    return { access: accessOf(req), scope: departmentId ? ('department' as const) : ('school' as const), title, rows };
  });
}
