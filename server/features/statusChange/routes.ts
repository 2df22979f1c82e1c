/**
 * Status changes (R-52): the preparers start one and record the meetings and documents; the principal
 * decides with reasons, the date it takes effect, the notice and the appeal (R-73's pattern: an individual
 * decision, forvaltningsloven §§ 24–29); the student and the guardians with insight read the decision
 * letter. The enrolment changes only in the decision's transaction, and only when the change is granted.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { requireActor, staffSchool } from '../../core/http/access.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import { loadStudentsFacts } from '../../core/policy/facts.js';
import { guardiansWithInsight } from '../../core/policy/guardianInsight.js';
import type { Actor, StudentFacts } from '../../core/policy/types.js';
import { isAdult } from '../../core/time.js';
import {
  changeProgramme, decisionsOf, documentsOf, endEnrolment, insertDocument, insertMeeting, insertStatusChange, meetingsOf, namesOf, notify, pendingAt,
  saveAppeal, saveDecision, statusChangeOf, statusChangesOf, studentStatus, updatePreparation, type DocumentRow, type MeetingRow, type StatusChangeRow,
} from './queries.js';
import { appealDeadline, checklist } from './rules.js';
import {
  appealBody, decisionBody, documentBody, meetingBody, patchStatusChangeBody, pendingStatusChangesSchema, startStatusChangeBody, statusChangeParams,
  statusChangeSchema, statusChangesParams, statusChangesSchema, statusDecisionsSchema, type StatusChange, type StatusDecision,
} from './schemas.js';

const tags = ['statusChange'];

function toDecision(r: StatusChangeRow): StatusDecision | null {
  if (!r.decided_on || r.granted === null || !r.notified_on) return null;
  return {
    statusChangeId: r.id, kind: r.kind, newProgramme: r.new_programme, granted: r.granted, reasons: r.reasons ?? '', decidedOn: r.decided_on,
    decidedBy: r.decided_by ?? '', schoolName: r.school_name, effectiveOn: r.effective_on, notifiedOn: r.notified_on,
    appealDeadline: appealDeadline(r.notified_on), appealTo: r.appeal_to ?? '',
    appeal: r.appeal_received_on ? { receivedOn: r.appeal_received_on, outcome: r.appeal_outcome, decidedOn: r.appeal_decided_on } : null,
  };
}

/** The notice goes to the student and to the guardians who have insight today (under 18, or by consent: R-62). */
function noticeRecipients(student: StudentFacts, today: string): { personId: string; link: string }[] {
  return [
    { personId: student.personId, link: '/me' },
    ...guardiansWithInsight(student, today).map((g) => ({ personId: g.guardianPersonId, link: `/children/${student.studentId}` })),
  ];
}

function notFuture(field: string, day: string | undefined, today: string): void {
  if (day && day > today) throw badField(field, 'statusChange.inFuture', { today });
}

export async function statusChangeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  async function shown(actor: Actor, student: StudentFacts, rows: StatusChangeRow[], today: string): Promise<StatusChange[]> {
    const ids = rows.map((x) => x.id);
    const [meetings, documents] = await Promise.all([meetingsOf(q, actor.ownerId, ids), documentsOf(q, actor.ownerId, ids)]);
    const recipients = noticeRecipients(student, today);
    const names = await namesOf(q, actor.ownerId, recipients.map((x) => x.personId));
    const adult = isAdult(student.birthDate, today);
    const canPrepare = can(actor, 'statusChange.prepare', { type: 'student', student }, today).allow;
    const canDecide = can(actor, 'statusChange.decide', { type: 'student', student }, today).allow;
    const byChange = <T extends MeetingRow | DocumentRow>(list: T[], id: string) => list.filter((x) => x.status_change_id === id);
    return rows.map((row) => {
      const ms = byChange(meetings, row.id);
      const ds = byChange(documents, row.id);
      const decided = row.decided_on !== null;
      return {
        id: row.id, studentId: row.student_id, kind: row.kind, background: row.background, proposedOn: row.proposed_on, newProgramme: row.new_programme,
        startedBy: row.started_by, startedOn: row.started_on,
        meetings: ms.map((m) => ({ id: m.id, heldOn: m.held_on, participants: m.participants, others: m.others, note: m.note, recordedBy: m.recorded_by })),
        documents: ds.map((d) => ({ id: d.id, title: d.title, receivedOn: d.received_on, receivedFrom: d.received_from, recordedBy: d.recorded_by })),
        // a meeting only called (a date ahead) is not yet held
        checklist: checklist(ms.filter((m) => m.held_on <= today), ds.length, adult),
        decision: toDecision(row),
        noticeTo: recipients.map((x) => names.get(x.personId) ?? ''),
        appealNote: row.appeal_note ?? '',
        canPrepare: canPrepare && !decided,
        canDecide: canDecide && !decided,
        canRecordAppeal: canDecide && decided,
      };
    });
  }

  async function one(actor: Actor, student: StudentFacts, id: string, today: string): Promise<StatusChange> {
    const row = await statusChangeOf(q, actor.ownerId, student.studentId, id);
    if (!row) throw new HttpError(404, 'error.notFound');
    return (await shown(actor, student, [row], today))[0]!;
  }

  /** The status change, undecided (else 409): the preparation and the decision both need it so. */
  async function undecided(qq: typeof q, actor: Actor, studentId: string, id: string): Promise<StatusChangeRow> {
    const row = await statusChangeOf(qq, actor.ownerId, studentId, id, true);
    if (!row) throw new HttpError(404, 'error.notFound');
    if (row.decided_on) throw new HttpError(409, 'statusChange.decided');
    return row;
  }

  r.get('/api/students/:studentId/status-changes', {
    config: { access: { kind: 'student', action: 'statusChange.read', audit: 'read' } },
    schema: { tags, summary: "The student's status changes with their preparation and decision (R-52)", params: statusChangesParams, response: { 200: statusChangesSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const student = req.student!;
    const rows = await statusChangesOf(q, actor.ownerId, student.studentId);
    return {
      statusChanges: await shown(actor, student, rows, req.today),
      canStart: can(actor, 'statusChange.prepare', { type: 'student', student }, req.today).allow,
      studentIsAdult: isAdult(student.birthDate, req.today),
      studentStatus: await studentStatus(q, actor.ownerId, student.studentId),
      schoolName: student.schoolName,
    };
  });

  r.post('/api/students/:studentId/status-changes', {
    config: { access: { kind: 'student', action: 'statusChange.prepare', audit: 'write' } },
    schema: { tags, summary: 'Start a status change: leaving, changing programme or changing school (R-52)', params: statusChangesParams, body: startStatusChangeBody, response: { 201: statusChangeSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const student = req.student!;
    const b = req.body;
    if (b.newProgramme && b.kind !== 'changingProgramme') throw badField('newProgramme', 'statusChange.programmeOnlyForChange');
    if ((await studentStatus(q, actor.ownerId, student.studentId)) === 'left') throw new HttpError(409, 'statusChange.alreadyLeft');
    const id = randomUUID();
    await insertStatusChange(q, {
      ownerId: actor.ownerId, id, studentId: student.studentId, kind: b.kind, background: b.background, proposedOn: b.proposedOn,
      newProgramme: b.newProgramme ?? null, byPersonId: actor.personId,
    });
    return reply.status(201).send(await one(actor, student, id, req.today));
  });

  r.patch('/api/students/:studentId/status-changes/:statusChangeId', {
    config: { access: { kind: 'student', action: 'statusChange.prepare', audit: 'write' } },
    schema: { tags, summary: 'Correct the background, the proposed date or the new programme before the decision', params: statusChangeParams, body: patchStatusChangeBody, response: { 200: statusChangeSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const student = req.student!;
    const b = req.body;
    await app.database.transaction(async (tx) => {
      const row = await undecided(tx, actor, student.studentId, req.params.statusChangeId);
      const newProgramme = b.newProgramme === undefined ? row.new_programme : b.newProgramme;
      if (newProgramme && row.kind !== 'changingProgramme') throw badField('newProgramme', 'statusChange.programmeOnlyForChange');
      await updatePreparation(tx, actor.ownerId, row.id, { background: b.background ?? row.background, proposedOn: b.proposedOn ?? row.proposed_on, newProgramme });
    });
    return one(actor, student, req.params.statusChangeId, req.today);
  });

  r.post('/api/students/:studentId/status-changes/:statusChangeId/meetings', {
    config: { access: { kind: 'student', action: 'statusChange.prepare', audit: 'write' } },
    schema: { tags, summary: 'Record a meeting called in preparation: date, who took part, a short note (R-52)', params: statusChangeParams, body: meetingBody, response: { 201: statusChangeSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const student = req.student!;
    const b = req.body;
    await app.database.transaction(async (tx) => {
      const row = await undecided(tx, actor, student.studentId, req.params.statusChangeId);
      await insertMeeting(tx, actor.ownerId, {
        id: randomUUID(), statusChangeId: row.id, heldOn: b.heldOn, participants: [...new Set(b.participants ?? [])], others: b.others ?? '', note: b.note ?? '', byPersonId: actor.personId,
      });
    });
    return reply.status(201).send(await one(actor, student, req.params.statusChangeId, req.today));
  });

  r.post('/api/students/:studentId/status-changes/:statusChangeId/documents', {
    config: { access: { kind: 'student', action: 'statusChange.prepare', audit: 'write' } },
    schema: { tags, summary: 'Record a document gathered for the decision: title, received on, from whom (R-52)', params: statusChangeParams, body: documentBody, response: { 201: statusChangeSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const student = req.student!;
    const b = req.body;
    notFuture('receivedOn', b.receivedOn, req.today);
    await app.database.transaction(async (tx) => {
      const row = await undecided(tx, actor, student.studentId, req.params.statusChangeId);
      await insertDocument(tx, actor.ownerId, { id: randomUUID(), statusChangeId: row.id, title: b.title, receivedOn: b.receivedOn, receivedFrom: b.receivedFrom, byPersonId: actor.personId });
    });
    return reply.status(201).send(await one(actor, student, req.params.statusChangeId, req.today));
  });

  r.post('/api/students/:studentId/status-changes/:statusChangeId/decision', {
    config: { access: { kind: 'student', action: 'statusChange.decide', audit: 'write' } },
    schema: {
      tags, params: statusChangeParams, body: decisionBody, response: { 200: statusChangeSchema },
      summary: "The principal's decision (vedtak): granted or refused, reasons, the date it takes effect; the notice goes to the student and the guardians with insight, with the appeal deadline (R-52, R-62)",
    },
  }, async (req) => {
    const actor = requireActor(req);
    const student = req.student!;
    const b = req.body;
    if (b.granted && !b.effectiveOn) throw badField('effectiveOn', 'statusChange.effectiveNeeded');
    if (b.effectiveOn && b.effectiveOn < req.today) throw badField('effectiveOn', 'statusChange.effectiveBeforeDecision', { today: req.today });
    await app.database.transaction(async (tx) => {
      const row = await undecided(tx, actor, student.studentId, req.params.statusChangeId);
      const held = (await meetingsOf(tx, actor.ownerId, [row.id])).filter((m) => m.held_on <= req.today);
      if (checklist(held, 0, false).meetingWithStudent !== 'done') throw new HttpError(409, 'statusChange.noMeetingWithStudent');
      await saveDecision(tx, actor.ownerId, row.id, {
        granted: b.granted, reasons: b.reasons, effectiveOn: b.granted ? b.effectiveOn! : null, notifiedOn: req.today, appealTo: b.appealTo,
        decidedOn: req.today, byPersonId: actor.personId,
      });
      // the one place the enrolment changes: a granted decision, in the same transaction as the decision itself
      if (b.granted && row.kind === 'changingProgramme') await changeProgramme(tx, actor.ownerId, student.studentId, row.new_programme);
      else if (b.granted) await endEnrolment(tx, actor.ownerId, student.studentId, b.effectiveOn!);
      await notify(tx, actor.ownerId, 'statusChange.decision', noticeRecipients(student, req.today));
    });
    return one(actor, student, req.params.statusChangeId, req.today);
  });

  r.put('/api/students/:studentId/status-changes/:statusChangeId/appeal', {
    config: { access: { kind: 'student', action: 'statusChange.decide', audit: 'write' } },
    schema: { tags, summary: 'Record an appeal of the decision and, later, its outcome (forvaltningsloven § 28)', params: statusChangeParams, body: appealBody, response: { 200: statusChangeSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const student = req.student!;
    const b = req.body;
    const row = await statusChangeOf(q, actor.ownerId, student.studentId, req.params.statusChangeId);
    if (!row) throw new HttpError(404, 'error.notFound');
    if (!row.decided_on) throw new HttpError(409, 'statusChange.notDecided');
    if (b.receivedOn < row.decided_on) throw badField('receivedOn', 'statusChange.beforeDecision', { on: row.decided_on });
    notFuture('receivedOn', b.receivedOn, req.today);
    if (b.outcome && !b.decidedOn) throw badField('decidedOn', 'statusChange.outcomeNeedsDate');
    if (b.decidedOn && b.decidedOn < b.receivedOn) throw badField('decidedOn', 'statusChange.beforeDate', { on: b.receivedOn });
    notFuture('decidedOn', b.decidedOn, req.today);
    await saveAppeal(q, actor.ownerId, row.id, { receivedOn: b.receivedOn, note: b.note ?? '', outcome: b.outcome ?? null, decidedOn: b.decidedOn ?? null, byPersonId: actor.personId });
    return one(actor, student, row.id, req.today);
  });

  r.get('/api/students/:studentId/status-decisions', {
    config: { access: { kind: 'student', action: 'statusDecision.read', audit: 'read' } },
    schema: { tags, summary: 'The decision letters about the student: reasons, effective date, the right to appeal and its deadline — never the preparation', params: statusChangesParams, response: { 200: statusDecisionsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await decisionsOf(q, actor.ownerId, req.student!.studentId);
    return { decisions: rows.map(toDecision).filter((d): d is StatusDecision => d !== null) };
  });

  r.get('/api/status-changes/pending', {
    config: { access: { kind: 'school', action: 'statusChange.listPending' } },
    schema: { tags, summary: "The status changes at the principal's school awaiting a decision (home page)", response: { 200: pendingStatusChangesSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { schoolId } = staffSchool(req);
    const rows = await pendingAt(q, actor.ownerId, schoolId);
    const facts = await loadStudentsFacts(app.database, actor.ownerId, rows.map((x) => x.student_id), req.today);
    // decided per student at read time, and each student named is on the student's access log
    const shownRows = rows.flatMap((row) => {
      const student = facts.get(row.student_id);
      const d = student ? can(actor, 'statusChange.read', { type: 'student', student }, req.today) : null;
      return d?.allow ? [{ row, reason: d.reason }] : [];
    });
    await writeAudit(app.database, shownRows.map(({ row, reason }) => studentEntry(actor, 'statusChange.listPending', row.student_id, reason, { resourceType: 'statusChange', resourceId: row.id })));
    return {
      statusChanges: shownRows.map(({ row }) => ({
        id: row.id, studentId: row.student_id, studentName: row.student_name, kind: row.kind, proposedOn: row.proposed_on, startedOn: row.started_on,
      })),
    };
  });
}
