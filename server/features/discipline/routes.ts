/**
 * Disciplinary cases (R-23, R-73; L-30…L-32): incidents against the school rules, the student's right to
 * be heard, measures, the principal's suspension decision (advance notice, hearing, reasons, notification,
 * appeal — within the law's caps by stage), a teacher's removal from their own lesson (≤ 2 hours), and
 * reports of physical interventions. Every read is audited on the case's student.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import type { Level } from '../../core/db/tables.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { studentParams } from '../../core/http/schemas.js';
import { assertSuspensionWithinCaps, stageOf } from './rules.js';
import {
  appealBody, caseListSchema, caseParams, caseSchema, createdSchema, decisionBody, hearingBody, incidentBody, informedBody,
  interventionBody, interventionParams, measureBody, noticeBody, openBody, removalBody,
} from './schemas.js';
import { SUMMARY_SQL, caseView, summarise, type SummaryRow } from './service.js';

const tags = ['discipline'];
const basisParams = z.object({ basisGroupId: z.uuid() });

/** A date that has to have happened already. */
function notFuture(field: string, day: string | undefined, today: string): void {
  if (day && day > today) throw badField(field, 'discipline.inFuture');
}

export async function disciplineRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  const view = async (req: FastifyRequest) => ({ access: accessOf(req), today: req.today, ...(await caseView(q, req.actor!, req.disciplinaryCase!, req.decision!.reason, req.today)) });
  const created = (reply: FastifyReply, id: string) => reply.status(201).send({ id });

  /* ── lists ── */

  r.get('/api/students/:studentId/disciplinary-cases', {
    config: { access: { kind: 'student', action: 'disciplinaryCase.list', audit: 'read' } },
    schema: { tags, summary: "A student's disciplinary cases the caller may see (the family: those with decisions addressed to them)", params: studentParams, response: { 200: caseListSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await q<SummaryRow>(SUMMARY_SQL('dc.student_id = $3'), [actor.ownerId, req.today, req.student!.studentId]);
    const cases = await summarise(app.database, actor, rows, req.today);
    return { access: accessOf(req), today: req.today, cases: cases.map((c) => c.summary) };
  });

  r.post('/api/students/:studentId/disciplinary-cases', {
    config: { access: { kind: 'student', action: 'disciplinaryCase.open', audit: 'write' } },
    schema: { tags, summary: 'Report an incident against the school rules (L-30): opens a case with the reporter as its author', params: studentParams, body: openBody, response: { 201: createdSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const s = req.student!;
    const i = req.body.incident;
    notFuture('incident.occurredOn', i.occurredOn, req.today);
    const id = randomUUID();
    await app.database.transaction(async (tx) => {
      // stamped on "today" when the clock is pinned (demo, tests), so the case is never opened after its own dates
      await tx(`insert into disciplinary_case (owner_id, id, student_id, school_id, reported_by_person_id, opened_at)
        values ($1, $2, $3, $4, $5, case when now()::date > $6::date then $6::date + time '12:00' else now() end)`,
        [actor.ownerId, id, s.studentId, s.schoolId, actor.personId, req.today]);
      await tx(`insert into disciplinary_incident (owner_id, id, case_id, occurred_on, place, description, rule, reported_by_person_id)
        values ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7)`, [actor.ownerId, id, i.occurredOn, i.place, i.description, i.rule, actor.personId]);
    });
    return created(reply, id);
  });

  r.get('/api/basis-groups/:basisGroupId/disciplinary-cases', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readDiscipline' } },
    schema: { tags, summary: "The disciplinary cases of the class's students", params: basisParams, response: { 200: caseListSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await q<SummaryRow>(SUMMARY_SQL(`dc.student_id in (select e.student_id from enrolment e where e.owner_id = $1 and e.basis_group_id = $3
      and e.starts_on <= $2::date and (e.ends_on is null or e.ends_on > $2::date))`), [actor.ownerId, req.today, req.group!.basisGroupId]);
    const cases = await summarise(app.database, actor, rows, req.today);
    await writeAudit(app.database, cases.map((c) => studentEntry(actor, 'basisGroup.readDiscipline', c.studentId, c.reason, { resourceType: 'disciplinaryCase', resourceId: c.summary.id })));
    return { access: accessOf(req), today: req.today, cases: cases.map((c) => c.summary) };
  });

  r.get('/api/disciplinary-cases', {
    config: { access: { kind: 'school', action: 'discipline.readSchool' } },
    schema: { tags, summary: "The school's disciplinary cases (a department head's: the department's)", response: { 200: caseListSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const staff = actor.staff[0]!;
    const rows = await q<SummaryRow>(SUMMARY_SQL('dc.school_id = $3'), [actor.ownerId, req.today, staff.schoolId]);
    // can() per case narrows a department head to the department's students
    const cases = await summarise(app.database, actor, rows, req.today);
    await writeAudit(app.database, cases.map((c) => studentEntry(actor, 'discipline.readSchool', c.studentId, c.reason, { resourceType: 'disciplinaryCase', resourceId: c.summary.id })));
    return { access: accessOf(req), today: req.today, cases: cases.map((c) => c.summary) };
  });

  /* ── one case ── */

  r.get('/api/disciplinary-cases/:caseId', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.read', audit: 'read' } },
    schema: { tags, summary: 'One disciplinary case: staff see all of it, the student and guardians the decisions addressed to them', params: caseParams, response: { 200: caseSchema } },
  }, async (req) => view(req));

  r.post('/api/disciplinary-cases/:caseId/incidents', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.update', audit: 'write' } },
    schema: { tags, summary: 'Add an incident (date, place, description, which school rule)', params: caseParams, body: incidentBody, response: { 201: createdSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    notFuture('occurredOn', b.occurredOn, req.today);
    const id = randomUUID();
    await q(`insert into disciplinary_incident (owner_id, id, case_id, occurred_on, place, description, rule, reported_by_person_id) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [actor.ownerId, id, req.disciplinaryCase!.caseId, b.occurredOn, b.place, b.description, b.rule, actor.personId]);
    return created(reply, id);
  });

  r.post('/api/disciplinary-cases/:caseId/hearings', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.update', audit: 'write' } },
    schema: { tags, summary: "Record the student's right to be heard: the date and the student's view (forvaltningsloven § 16)", params: caseParams, body: hearingBody, response: { 201: createdSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    notFuture('heardOn', req.body.heardOn, req.today);
    const id = randomUUID();
    await q('insert into disciplinary_hearing (owner_id, id, case_id, heard_on, student_view, heard_by_person_id) values ($1, $2, $3, $4, $5, $6)',
      [actor.ownerId, id, req.disciplinaryCase!.caseId, req.body.heardOn, req.body.studentView, actor.personId]);
    return created(reply, id);
  });

  r.post('/api/disciplinary-cases/:caseId/measures', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.update', audit: 'write' } },
    schema: { tags, summary: 'Record a measure taken (R-23); a sanction for a single incident may carry a lower conduct grade (L-22)', params: caseParams, body: measureBody, response: { 201: createdSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    if (b.kind === 'suspension' || b.kind === 'removalFromLesson') throw badField('kind', 'discipline.measureKindNotHere');
    notFuture('decidedOn', b.decidedOn, req.today);
    const id = randomUUID();
    await q(`insert into disciplinary_measure (owner_id, id, case_id, kind, description, decided_on, decided_by_person_id, single_incident, addressed_to_family, evaluate_on)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [actor.ownerId, id, req.disciplinaryCase!.caseId, b.kind, b.description, b.decidedOn, actor.personId, b.singleIncident ?? false, b.addressedToFamily ?? false, b.evaluateOn ?? null]);
    return created(reply, id);
  });

  r.post('/api/disciplinary-cases/:caseId/removals', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.removeFromLesson', audit: 'write' } },
    schema: { tags, summary: 'A subject teacher removes the student from their own lesson, at most 2 hours (L-31)', params: caseParams, body: removalBody, response: { 201: createdSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    const c = req.disciplinaryCase!;
    if (!c.student.teachingGroups.some((g) => g.id === b.teachingGroupId)) throw badField('teachingGroupId', 'conduct.notInGroup');
    // the student's lesson, but another teacher's: only that teacher removes from it (L-31)
    if (!actor.subjectTeacherOf.some((g) => g.id === b.teachingGroupId)) throw new HttpError(403, 'discipline.notOwnGroup');
    notFuture('on', b.on, req.today);
    const id = randomUUID();
    await q(`insert into disciplinary_measure (owner_id, id, case_id, kind, description, decided_on, decided_by_person_id, teaching_group_id, minutes, single_incident)
      values ($1, $2, $3, 'removalFromLesson', $4, $5, $6, $7, $8, true)`,
      [actor.ownerId, id, c.caseId, b.description, b.on, actor.personId, b.teachingGroupId, b.minutes]);
    return created(reply, id);
  });

  /* ── suspension (L-31): only the principal ── */

  r.put('/api/disciplinary-cases/:caseId/suspension/notice', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.suspend', audit: 'write' } },
    schema: { tags, summary: 'The principal sends advance notice of a suspension (forvaltningsloven § 16)', params: caseParams, body: noticeBody, response: { 200: caseSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    notFuture('noticeSentOn', req.body.noticeSentOn, req.today);
    const [existing] = await q<{ decided_on: string | null }>('select decided_on::text from suspension where owner_id = $1 and case_id = $2', [actor.ownerId, req.disciplinaryCase!.caseId]);
    if (existing?.decided_on) throw new HttpError(409, 'discipline.noticeAfterDecision');
    await q(`insert into suspension (owner_id, case_id, notice_sent_on, notice_by_person_id) values ($1, $2, $3, $4)
      on conflict (owner_id, case_id) do update set notice_sent_on = excluded.notice_sent_on, notice_by_person_id = excluded.notice_by_person_id`,
      [actor.ownerId, req.disciplinaryCase!.caseId, req.body.noticeSentOn, actor.personId]);
    return view(req);
  });

  r.put('/api/disciplinary-cases/:caseId/suspension/decision', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.suspend', audit: 'write' } },
    schema: {
      tags, summary: "The principal's suspension decision (L-31): after advance notice and the student's hearing (else 409), within the caps by stage, with reasons and notification",
      params: caseParams, body: decisionBody, response: { 200: caseSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const c = req.disciplinaryCase!;
    const b = req.body;
    const [s] = await q<{ notice_sent_on: string; decided_on: string | null }>('select notice_sent_on::text, decided_on::text from suspension where owner_id = $1 and case_id = $2', [actor.ownerId, c.caseId]);
    if (!s) throw new HttpError(409, 'discipline.noNotice');
    if (s.decided_on) throw new HttpError(409, 'discipline.alreadyDecided');
    const [heard] = await q<{ n: number }>('select count(*)::int as n from disciplinary_hearing where owner_id = $1 and case_id = $2 and heard_on >= $3::date',
      [actor.ownerId, c.caseId, s.notice_sent_on]);
    if (!heard?.n) throw new HttpError(409, 'discipline.noHearing');
    if (b.decidedOn < s.notice_sent_on) throw badField('decidedOn', 'discipline.beforeNotice', { on: s.notice_sent_on });
    notFuture('decidedOn', b.decidedOn, req.today);
    if (b.startsOn < b.decidedOn) throw badField('startsOn', 'discipline.beforeDecision', { on: b.decidedOn });
    if (b.notifiedOn && b.notifiedOn < b.decidedOn) throw badField('notifiedOn', 'discipline.beforeDecision', { on: b.decidedOn });
    notFuture('notifiedOn', b.notifiedOn, req.today);
    const [st] = await q<{ level: Level }>('select level from student where owner_id = $1 and id = $2', [actor.ownerId, c.student.studentId]);
    assertSuspensionWithinCaps(stageOf(st!.level), b);
    const measureId = randomUUID();
    await app.database.transaction(async (tx) => {
      await tx(`insert into disciplinary_measure (owner_id, id, case_id, kind, description, decided_on, decided_by_person_id, single_incident, addressed_to_family)
        values ($1, $2, $3, 'suspension', $4, $5, $6, $7, true)`, [actor.ownerId, measureId, c.caseId, b.reasons, b.decidedOn, actor.personId, b.singleIncident ?? false]);
      await tx(`update suspension set decided_on = $3, decided_by_person_id = $4, measure_id = $5, scope = $6, days = $7, lessons = $8, starts_on = $9,
          reasons = $10, milder_measures = $11, guardians_told_on = $12, notified_on = $13
        where owner_id = $1 and case_id = $2`,
        [actor.ownerId, c.caseId, b.decidedOn, actor.personId, measureId, b.scope, b.scope === 'days' ? b.days : null, b.scope === 'lessons' ? b.lessons : null,
          b.startsOn, b.reasons, b.milderMeasures, b.guardiansToldOn ?? null, b.notifiedOn ?? null]);
    });
    return view(req);
  });

  r.put('/api/disciplinary-cases/:caseId/suspension/appeal', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.suspend', audit: 'write' } },
    schema: { tags, summary: 'Record an appeal of the suspension decision and its outcome (forvaltningsloven § 28)', params: caseParams, body: appealBody, response: { 200: caseSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const b = req.body;
    const [s] = await q<{ decided_on: string | null }>('select decided_on::text from suspension where owner_id = $1 and case_id = $2', [actor.ownerId, req.disciplinaryCase!.caseId]);
    if (!s?.decided_on) throw new HttpError(409, 'discipline.notDecided');
    if (b.receivedOn < s.decided_on) throw badField('receivedOn', 'discipline.beforeDecision', { on: s.decided_on });
    notFuture('receivedOn', b.receivedOn, req.today);
    if (b.outcome && !b.decidedOn) throw badField('decidedOn', 'discipline.outcomeNeedsDate');
    if (b.decidedOn && b.decidedOn < b.receivedOn) throw badField('decidedOn', 'discipline.beforeDate', { on: b.receivedOn });
    await q('update suspension set appeal_received_on = $3, appeal_outcome = $4, appeal_decided_on = $5 where owner_id = $1 and case_id = $2',
      [actor.ownerId, req.disciplinaryCase!.caseId, b.receivedOn, b.outcome ?? null, b.decidedOn ?? null]);
    return view(req);
  });

  /* ── physical interventions (L-32) ── */

  r.post('/api/disciplinary-cases/:caseId/physical-interventions', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.reportIntervention', audit: 'write' } },
    schema: { tags, summary: "Document a physical intervention (L-32): the incident, the intervention, the student's view, reported to the principal", params: caseParams, body: interventionBody, response: { 201: createdSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    notFuture('occurredOn', b.occurredOn, req.today);
    notFuture('reportedToPrincipalOn', b.reportedToPrincipalOn, req.today);
    if (b.reportedToPrincipalOn < b.occurredOn) throw badField('reportedToPrincipalOn', 'discipline.beforeDate', { on: b.occurredOn });
    const id = randomUUID();
    await q(`insert into physical_intervention (owner_id, id, case_id, occurred_on, incident_account, intervention_account, student_view, performed_by_person_id, reported_to_principal_on)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [actor.ownerId, id, req.disciplinaryCase!.caseId, b.occurredOn, b.incidentAccount, b.interventionAccount, b.studentView, actor.personId, b.reportedToPrincipalOn]);
    return created(reply, id);
  });

  r.put('/api/disciplinary-cases/:caseId/physical-interventions/:interventionId/parents-informed', {
    config: { access: { kind: 'disciplinaryCase', action: 'disciplinaryCase.informParents', audit: 'write' } },
    schema: { tags, summary: 'The principal records when the parents were informed of the physical intervention (L-32)', params: interventionParams, body: informedBody, response: { 200: caseSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const [x] = await q<{ occurred_on: string; parents_informed_on: string | null }>(
      'select occurred_on::text, parents_informed_on::text from physical_intervention where owner_id = $1 and case_id = $2 and id = $3',
      [actor.ownerId, req.disciplinaryCase!.caseId, req.params.interventionId]);
    if (!x) throw new HttpError(404, 'error.notFound');
    if (x.parents_informed_on) throw new HttpError(409, 'discipline.alreadyInformed');
    notFuture('informedOn', req.body.informedOn, req.today);
    if (req.body.informedOn < x.occurred_on) throw badField('informedOn', 'discipline.beforeDate', { on: x.occurred_on });
    await q('update physical_intervention set parents_informed_on = $4, parents_informed_by_person_id = $5 where owner_id = $1 and case_id = $2 and id = $3',
      [actor.ownerId, req.disciplinaryCase!.caseId, req.params.interventionId, req.body.informedOn, actor.personId]);
    return view(req);
  });
}
