/**
 * cases about a student — raised from the student's page, followed in an append-only
 * chronology, discussed on the resource team's list, and closed with an outcome. Every read is audited on
 * the case's student (the access hook for `:caseId`, the lists here per case).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { loadActor, loadStudentsFacts } from '../../core/policy/facts.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { requireActor, staffSchool } from '../../core/http/access.js';
import { can, pick, relationshipsTo } from '../../core/policy/can.js';
import { describeReason } from '../../core/policy/reasons.js';
import type { Actor, StudentFacts } from '../../core/policy/types.js';
import type { Locale } from '../../core/i18n/locale.js';
import { CASE_STAFF, type CaseFacts } from './policy.js';
import {
  appendEvent, caseOf, casesForResourceTeam, casesOf, eventExists, eventsOf, insertCase, insertParticipant, measuresOfCase, participantsOf,
  setOutcome, setResourceTeam, setVisibility, staffMemberAt, staffOfSchool, type CaseRow,
} from './queries.js';
import {
  addEventBody, addParticipantBody, caseParams, caseSchema, casesParams, casesSchema, createCaseBody, outcomeBody, resourceTeamBody,
  resourceTeamCasesSchema, visibilityBody, type CaseDetail, type CaseSummary,
} from './schemas.js';
import type { CaseEventKind } from './tables.js';

const factsOf = (r: CaseRow, student: StudentFacts): CaseFacts => ({
  caseId: r.id, student, raisedByPersonId: r.raised_by_person_id, visibility: r.visibility, participantPersonIds: r.participant_person_ids,
});

function toSummary(r: CaseRow): CaseSummary {
  return {
    id: r.id, studentId: r.student_id, title: r.title, raisedOn: r.raised_on, raisedByName: r.raised_by_name, status: r.status,
    visibility: r.visibility, outcome: r.outcome, resourceTeamRegisteredAt: r.resource_team_registered_at,
  };
}

export async function casesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  async function event(actor: Actor, caseId: string, kind: CaseEventKind, occurredOn: string, description: string, doneBy = '', correctsEventId: string | null = null) {
    await appendEvent(q, { ownerId: actor.ownerId, id: randomUUID(), caseId, kind, occurredOn, description, doneBy, correctsEventId, byPersonId: actor.personId });
  }

  /** The case as this reader sees it: only the measures they may read, the staff list only to those who manage it. */
  async function detail(actor: Actor, student: StudentFacts, caseId: string, today: string, locale: Locale): Promise<CaseDetail> {
    const row = (await caseOf(q, actor.ownerId, caseId))!;
    const resource = { type: 'case' as const, case: factsOf(row, student) };
    const read = can(actor, 'case.read', resource, today);
    const canManage = can(actor, 'case.manage', resource, today).allow;
    const [events, participants, measures] = await Promise.all([eventsOf(q, actor.ownerId, caseId), participantsOf(q, actor.ownerId, caseId), measuresOfCase(q, actor.ownerId, caseId)]);
    const correctedBy = new Map(events.filter((e) => e.corrects_event_id).map((e) => [e.corrects_event_id!, e.id]));
    const names = await q<{ name: string }>(`select p.given_name || ' ' || p.family_name as name from person p where p.owner_id = $1 and p.id = $2`, [actor.ownerId, student.personId]);
    return {
      ...toSummary(row),
      studentName: names[0]?.name ?? '',
      background: row.background, outcomeReason: row.outcome_reason, outcomeOn: row.outcome_on, outcomeByName: row.outcome_by_name,
      events: events.map((e) => ({
        id: e.id, kind: e.kind, occurredOn: e.occurred_on, description: e.description, doneBy: e.done_by, correctsEventId: e.corrects_event_id,
        correctedByEventId: correctedBy.get(e.id) ?? null, enteredByName: e.entered_by_name, enteredAt: e.entered_at,
      })),
      participants: participants.map((p) => ({ id: p.id, staffMemberId: p.staff_member_id, name: p.name, role: p.role, external: p.external })),
      measures: measures
        .filter((m) => can(actor, 'measure.read', { type: 'measure', measure: { student, ownerPersonId: m.owner_person_id } }, today).allow)
        .map((m) => ({ id: m.id, goal: m.goal, status: m.status, evaluateOn: m.evaluate_on })),
      staffChoices: canManage
        ? (await staffOfSchool(q, actor.ownerId, student.schoolId)).map((s) => ({ staffMemberId: s.staff_member_id, name: s.name }))
        : [],
      canContribute: can(actor, 'case.contribute', resource, today).allow,
      canManage,
      canAddMeasure: can(actor, 'measures.create', { type: 'student', student }, today).allow,
      access: { reason: read.allow ? describeReason(read.reason, locale) : '', reasonCode: read.reason.code },
    };
  }

  /** A day that can be stored and has happened (PostgreSQL has no year 0, which the ISO format allows). */
  function notInFuture(date: string, today: string, field: string, key: string): void {
    if (date < '1900-01-01') throw badField(field, 'cases.dateTooEarly');
    if (date > today) throw badField(field, key);
  }

  r.get('/api/students/:studentId/cases', {
    config: { access: { kind: 'student', action: 'cases.list', audit: 'read' } },
    schema: { tags: ['cases'], summary: "The student's cases the caller may read, each decided by its visibility tier (R-60)", params: casesParams, response: { 200: casesSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const student = req.student!;
    const rows = (await casesOf(q, actor.ownerId, student.studentId))
      .map((row) => ({ row, d: can(actor, 'case.read', { type: 'case', case: factsOf(row, student) }, req.today) }))
      .filter((x) => x.d.allow);
    // each case's title is read here: on record per case, as the case page's own read is
    await writeAudit(app.database, rows.map(({ row, d }) => studentEntry(actor, 'case.read', student.studentId, d.reason, { resourceType: 'case', resourceId: row.id })));
    return { cases: rows.map(({ row }) => toSummary(row)), canRaise: can(actor, 'cases.create', { type: 'student', student }, req.today).allow };
  });

  r.post('/api/students/:studentId/cases', {
    config: { access: { kind: 'student', action: 'cases.create', audit: 'write' } },
    schema: { tags: ['cases'], summary: 'Raise a case about the student for discussion with the counsellor and the leaders (R-54)', params: casesParams, body: createCaseBody, response: { 201: caseSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const student = req.student!;
    const b = req.body;
    notInFuture(b.raisedOn, req.today, 'raisedOn', 'cases.raisedInFuture');
    const staffMemberId = actor.staff.find((s) => s.schoolId === student.schoolId)?.staffMemberId;
    if (!staffMemberId) throw new HttpError(403, 'cases.notStaff');
    const id = randomUUID();
    await insertCase(q, {
      ownerId: actor.ownerId, id, studentId: student.studentId, title: b.title, background: b.background, raisedByStaffMemberId: staffMemberId,
      raisedOn: b.raisedOn, visibility: b.visibility, registerForResourceTeam: b.registerForResourceTeam, byPersonId: actor.personId,
    });
    await event(actor, id, 'raised', b.raisedOn, b.title);
    if (b.registerForResourceTeam) await event(actor, id, 'registeredForResourceTeam', req.today, '');
    return reply.status(201).send(await detail(actor, student, id, req.today, req.locale));
  });

  r.get('/api/cases/:caseId', {
    config: { access: { kind: 'case', action: 'case.read', audit: 'read' } },
    schema: { tags: ['cases'], summary: 'One case: its chronology, participants, outcome and linked measures (R-53, R-60)', params: caseParams, response: { 200: caseSchema } },
  }, async (req) => detail(requireActor(req), req.case!.student, req.case!.caseId, req.today, req.locale));

  r.post('/api/cases/:caseId/events', {
    config: { access: { kind: 'case', action: 'case.contribute', audit: 'write' } },
    schema: { tags: ['cases'], summary: 'Add to the chronology (what happened, who did what, when); a correction names the entry it corrects', params: caseParams, body: addEventBody, response: { 201: caseSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const c = req.case!;
    const b = req.body;
    notInFuture(b.occurredOn, req.today, 'occurredOn', 'cases.occurredInFuture');
    if (b.correctsEventId && !(await eventExists(q, actor.ownerId, c.caseId, b.correctsEventId))) throw badField('correctsEventId', 'cases.unknownEvent');
    await event(actor, c.caseId, b.correctsEventId ? 'correction' : 'entry', b.occurredOn, b.description, b.doneBy, b.correctsEventId ?? null);
    return reply.status(201).send(await detail(actor, c.student, c.caseId, req.today, req.locale));
  });

  r.post('/api/cases/:caseId/participants', {
    config: { access: { kind: 'case', action: 'case.manage', audit: 'write' } },
    schema: { tags: ['cases'], summary: 'Add a participant: a staff member who works with the student, or an external person by name and role', params: caseParams, body: addParticipantBody, response: { 201: caseSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const c = req.case!;
    const b = req.body;
    if (Boolean(b.staffMemberId) === Boolean(b.externalName)) throw badField(b.staffMemberId ? 'externalName' : 'staffMemberId', 'cases.staffOrExternal');
    let name = b.externalName ?? '';
    if (b.staffMemberId) {
      const staff = await staffMemberAt(q, actor.ownerId, b.staffMemberId, c.student.schoolId);
      // a participant reads the case, so they must be someone who may see the student at all
      const participant = staff && await loadActor(app.database, actor.ownerId, staff.person_id, req.today);
      if (!staff || !participant || !pick(relationshipsTo(participant, c.student, req.today), CASE_STAFF)) throw badField('staffMemberId', 'cases.participantNotAtSchool');
      name = staff.name;
    } else if (!b.role) {
      throw badField('role', 'cases.externalNeedsRole');
    }
    const added = await insertParticipant(q, {
      ownerId: actor.ownerId, id: randomUUID(), caseId: c.caseId, staffMemberId: b.staffMemberId ?? null, externalName: b.staffMemberId ? null : name, role: b.role, byPersonId: actor.personId,
    });
    if (!added) throw badField('staffMemberId', 'cases.participantAlready');
    await event(actor, c.caseId, 'participantAdded', req.today, b.role ? `${name} (${b.role})` : name);
    return reply.status(201).send(await detail(actor, c.student, c.caseId, req.today, req.locale));
  });

  r.put('/api/cases/:caseId/resource-team', {
    config: { access: { kind: 'case', action: 'case.contribute', audit: 'write' } },
    schema: { tags: ['cases'], summary: "Put the case on the resource team's list of cases to discuss, or take it off (R-53)", params: caseParams, body: resourceTeamBody, response: { 200: caseSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const c = req.case!;
    const row = (await caseOf(q, actor.ownerId, c.caseId))!;
    if (row.status === 'closed' && req.body.registered) throw new HttpError(409, 'cases.closed');
    if (Boolean(row.resource_team_registered_at) !== req.body.registered) {
      await setResourceTeam(q, actor.ownerId, c.caseId, req.body.registered, actor.personId);
      await event(actor, c.caseId, req.body.registered ? 'registeredForResourceTeam' : 'unregisteredFromResourceTeam', req.today, '');
    }
    return detail(actor, c.student, c.caseId, req.today, req.locale);
  });

  r.put('/api/cases/:caseId/visibility', {
    config: { access: { kind: 'case', action: 'case.manage', audit: 'write' } },
    schema: { tags: ['cases'], summary: 'Who of the staff may read the case (R-60)', params: caseParams, body: visibilityBody, response: { 200: caseSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const c = req.case!;
    if (c.visibility !== req.body.visibility) {
      await setVisibility(q, actor.ownerId, c.caseId, req.body.visibility);
      await event(actor, c.caseId, 'visibilityChanged', req.today, '', req.body.visibility);
    }
    return detail(actor, c.student, c.caseId, req.today, req.locale);
  });

  r.put('/api/cases/:caseId/outcome', {
    config: { access: { kind: 'case', action: 'case.manage', audit: 'write' } },
    schema: { tags: ['cases'], summary: 'What the discussion led to, with a short reason: further mapping, proposed measures, referral to PPT, or closed (R-53)', params: caseParams, body: outcomeBody, response: { 200: caseSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const c = req.case!;
    await setOutcome(q, actor.ownerId, c.caseId, { outcome: req.body.outcome, reason: req.body.reason, on: req.today, byPersonId: actor.personId });
    await event(actor, c.caseId, 'outcome', req.today, req.body.reason, req.body.outcome);
    return detail(actor, c.student, c.caseId, req.today, req.locale);
  });

  r.get('/api/resource-team/cases', {
    config: { access: { kind: 'school', action: 'cases.resourceTeam' } },
    schema: { tags: ['cases'], summary: "The open cases registered for the resource team that the caller may read, decided per student (R-53)", response: { 200: resourceTeamCasesSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await casesForResourceTeam(q, actor.ownerId, staffSchool(req).schoolId, req.today);
    const students = await loadStudentsFacts(app.database, actor.ownerId, [...new Set(rows.map((x) => x.student_id))], req.today);
    const shown = rows
      .map((row) => {
        const student = students.get(row.student_id);
        return { row, d: student ? can(actor, 'case.read', { type: 'case', case: factsOf(row, student) }, req.today) : null };
      })
      .filter((x) => x.d?.allow);
    await writeAudit(app.database, shown.map(({ row, d }) => studentEntry(actor, 'cases.resourceTeam', row.student_id, d!.reason, { resourceType: 'case', resourceId: row.id })));
    return { cases: shown.map(({ row }) => ({ ...toSummary(row), studentName: row.student_name, basisGroupName: row.basis_group_name })) };
  });
}
