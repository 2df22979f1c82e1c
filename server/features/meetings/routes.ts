/**
 * meetings of the four kinds — planned from the student's page (or the resource team's), written
 * by those who take part (minutes saved as they are typed, decisions, actions that carry over), and
 * minutes shared with the family on purpose, within the consent given for an interdisciplinary
 * meeting. Every read and write is decided by the policy and audited once per student.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor, staffSchool } from '../../core/http/access.js';
import { HttpError, badField, notFound } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import { guardiansWithInsight } from '../../core/policy/guardianInsight.js';
import type { Action, Actor, Reason, StudentFacts } from '../../core/policy/types.js';
import { isAdult } from '../../core/time.js';
import { loadStudentFacts } from '../../core/policy/facts.js';
import { caseReadableFor } from '../cases/index.js';
import type { MeetingFacts } from './policy.js';
import {
  actionsFor, addMeetingStudent, agendaOf, decisionOf, decisionsOf, deleteParticipant, guardianNames, insertAction, insertAgendaItem, insertDecision,
  insertMeeting, insertParticipants, insertShare, linkDecisionMeasure, markAction, measureAbout, meetingRow, meetingStudents, meetingsOfPerson,
  meetingsOfStudent, participantsOf, replaceResourceTeam, resourceTeamMeetings, resourceTeamOf, saveConsent, saveMinutes, saveParticipationDecision,
  sharedMinutesOf, sharesOf, staffMemberAt, staffOfSchool, studentAtSchool, studentsMatching, updateMeetingFacts,
  type MeetingSummaryRow, type NewParticipant, type StaffOptionRow,
} from './queries.js';
import { loadMeetingsFacts } from './resource.js';
import {
  actionBody, actionDoneBody, actionParams, agendaItemBody, consentBody, createMeetingBody, createResourceTeamMeetingBody, decisionBody,
  decisionMeasureBody, decisionParams, meetingParams, meetingSchema, minutesBody, minutesSavedSchema, myMeetingsSchema, participantBody, participantParams,
  participationDecisionBody, patchMeetingBody, resourceTeamMembersBody, resourceTeamSchema, shareBody, sharedMinutesSchema, studentMeetingsParams,
  studentMeetingsSchema, studentSearchQuery, studentSearchSchema,
  type Meeting, type MeetingSummary, type ParticipantInput,
} from './schemas.js';

const tags = ['meetings'];
const iso = (v: Date | string) => new Date(v).toISOString();
const meetingResource = (meeting: MeetingFacts) => ({ type: 'meeting' as const, meeting });
const toOption = (r: StaffOptionRow) => ({ staffMemberId: r.staff_member_id, personId: r.person_id, name: r.name, roles: r.roles });

/** One audit entry per student of the meeting: each student's access log shows who read or wrote it. */
async function auditMeeting(app: FastifyInstance, actor: Actor, action: Action | 'meetings.list', m: MeetingFacts, reason: Reason, onlyStudentId?: string) {
  await writeAudit(app.database, m.students.filter((s) => !onlyStudentId || s.studentId === onlyStudentId)
    .map((s) => studentEntry(actor, action, s.studentId, reason, { resourceType: 'meeting', resourceId: m.meetingId })));
}

/** The one student of a meeting about one student; null for the resource team's. */
const onlyStudent = (m: MeetingFacts): StudentFacts | null => (m.kind !== 'resourceTeam' && m.students.length === 1 ? m.students[0]! : null);

/** Who of the family may decide for the student: a guardian with parental responsibility, or the adult student themself (L-05, R-62). */
function decidesForStudent(s: StudentFacts, personId: string, today: string): boolean {
  if (isAdult(s.birthDate, today)) return personId === s.personId;
  return s.guardianships.some((g) => g.guardianPersonId === personId && g.parentalResponsibility);
}

function studentOfBody(m: MeetingFacts, studentId: string | undefined, field = 'studentId'): string {
  if (studentId) {
    if (!m.students.some((s) => s.studentId === studentId)) throw badField(field, 'meetings.studentNotInMeeting');
    return studentId;
  }
  const single = m.students.length === 1 ? m.students[0]! : null;
  if (!single) throw badField(field, 'meetings.studentNeeded');
  return single.studentId;
}

export async function meetingsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  /** Turns a participant sent by the client into a row, or a 400 naming the field. */
  async function participantRow(m: { schoolId: string; ownerId: string; students: StudentFacts[]; kind: string }, p: ParticipantInput, at: string, today: string): Promise<NewParticipant> {
    if (p.kind === 'staff') {
      const staff = p.staffMemberId ? await staffMemberAt(q, m.ownerId, m.schoolId, p.staffMemberId) : undefined;
      if (!staff) throw badField(`${at}staffMemberId`, 'meetings.staffNotAtSchool');
      return { kind: 'staff', personId: staff.person_id, name: '', organisation: '', role: '' };
    }
    if (p.kind === 'guardian') {
      const family = m.kind === 'resourceTeam' ? [] : m.students.flatMap((s) => guardiansWithInsight(s, today).map((g) => g.guardianPersonId));
      if (!p.personId || !family.includes(p.personId)) throw badField(`${at}personId`, 'meetings.notFamily');
      return { kind: 'guardian', personId: p.personId, name: '', organisation: '', role: '' };
    }
    if (!p.name) throw badField(`${at}name`, 'meetings.externalNeedsName');
    if (!p.organisation) throw badField(`${at}organisation`, 'meetings.externalNeedsName');
    return { kind: 'external', personId: null, name: p.name, organisation: p.organisation, role: p.role ?? '' };
  }

  async function familyOptions(m: MeetingFacts, today: string): Promise<Meeting['familyOptions']> {
    const s = onlyStudent(m);
    if (!s) return [];
    const ids = guardiansWithInsight(s, today).map((g) => g.guardianPersonId);
    const adult = isAdult(s.birthDate, today);
    const names = await guardianNames(q, m.ownerId, adult ? [...ids, s.personId] : ids);
    return names.map((n) => ({ personId: n.id, name: n.name, isStudent: n.id === s.personId }));
  }

  /** The meeting as this reader sees it (the caller has been allowed meeting.read). */
  async function detail(req: FastifyRequest, m: MeetingFacts): Promise<Meeting> {
    const actor = requireActor(req);
    const row = (await meetingRow(q, actor.ownerId, m.meetingId))!;
    const canEdit = can(actor, 'meeting.edit', meetingResource(m), req.today).allow;
    const [students, participants, agenda, decisions, actions, shares] = await Promise.all([
      meetingStudents(q, actor.ownerId, m.meetingId), participantsOf(q, actor.ownerId, m.meetingId), agendaOf(q, actor.ownerId, m.meetingId),
      decisionsOf(q, actor.ownerId, m.meetingId), actionsFor(q, actor.ownerId, m.meetingId), sharesOf(q, actor.ownerId, m.meetingId),
    ]);
    return {
      access: accessOf(req),
      id: row.id, kind: row.kind, startsAt: iso(row.starts_at), place: row.place,
      students: students.map((s) => ({ id: s.id, name: s.name })),
      participants: participants.map((p) => ({ id: p.id, kind: p.kind, personId: p.person_id, name: p.name, organisation: p.organisation, role: p.role, consentCovers: p.consent_covers })),
      agenda: agenda.map((a) => ({ id: a.id, title: a.title, studentId: a.student_id, studentName: a.student_name, caseId: a.case_id })),
      minutes: { text: row.minutes, updatedAt: row.minutes_updated_at ? iso(row.minutes_updated_at) : null, updatedBy: row.minutes_updated_by },
      decisions: decisions.map((d) => ({ id: d.id, studentId: d.student_id, text: d.text, measureId: d.measure_id })),
      actions: actions.map((a) => ({
        id: a.id, studentId: a.student_id, description: a.description, responsibleName: a.responsible_name, dueOn: a.due_on,
        done: a.done_at !== null, doneAt: a.done_at ? iso(a.done_at) : null, doneBy: a.done_by,
        fromMeeting: a.meeting_id === m.meetingId ? null : { id: a.meeting_id, startsAt: iso(a.meeting_starts_at) },
      })),
      shares: shares.map((s) => ({ id: s.id, recipient: s.recipient, participantName: s.participant_name, sharedBy: s.shared_by, sharedAt: iso(s.shared_at) })),
      participationDecision: row.participation_decided_by_person_id && row.participation_decided_on
        ? { decidedBy: row.participation_decided_by ?? '', decidedByPersonId: row.participation_decided_by_person_id, decidedOn: row.participation_decided_on, note: row.participation_decision_note }
        : null,
      consent: row.consent_given_by_person_id && row.consent_given_on
        ? { givenBy: row.consent_given_by ?? '', givenByPersonId: row.consent_given_by_person_id, givenOn: row.consent_given_on, guardians: row.consent_covers_guardians, note: row.consent_note }
        : null,
      canEdit,
      familyOptions: canEdit ? await familyOptions(m, req.today) : [],
      staffOptions: canEdit ? (await staffOfSchool(q, actor.ownerId, m.schoolId)).map(toOption) : [],
    };
  }

  /** After a write: the audit entry per student, and the meeting as it is now (with the facts reloaded, participants may have changed). */
  async function afterEdit(req: FastifyRequest): Promise<Meeting> {
    const actor = requireActor(req);
    await auditMeeting(app, actor, 'meeting.edit', req.meeting!, req.decision!.reason);
    const [fresh] = await loadMeetingsFacts(app.database, actor.ownerId, [req.meeting!.meetingId], req.today);
    return detail(req, fresh!);
  }

  /** Summaries of the meetings the actor may read, each decided on its own and audited per student named. */
  async function visible(actor: Actor, rows: MeetingSummaryRow[], today: string, onlyStudentId?: string): Promise<MeetingSummary[]> {
    const facts = new Map((await loadMeetingsFacts(app.database, actor.ownerId, rows.map((x) => x.id), today)).map((f) => [f.meetingId, f]));
    const out: MeetingSummary[] = [];
    for (const row of rows) {
      const m = facts.get(row.id);
      const d = m ? can(actor, 'meeting.read', meetingResource(m), today) : null;
      if (!m || !d?.allow) continue;
      await auditMeeting(app, actor, 'meetings.list', m, d.reason, onlyStudentId);
      const students = row.student_ids.map((id, i) => ({ id, name: row.student_names[i] ?? '' })).filter((s) => !onlyStudentId || s.id === onlyStudentId);
      out.push({ id: row.id, kind: row.kind, startsAt: iso(row.starts_at), place: row.place, students, openActions: row.open_actions, sharedWithGuardians: row.shared });
    }
    return out;
  }

  // ---- the student's meetings, and the family's shared minutes

  r.get('/api/students/:studentId/meetings', {
    config: { access: { kind: 'student', action: 'meetings.list', audit: 'read' } },
    schema: { tags, summary: "The meetings about the student that the caller may see (R-53, R-60)", params: studentMeetingsParams, response: { 200: studentMeetingsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const student = req.student!;
    const meetings = await visible(actor, await meetingsOfStudent(q, actor.ownerId, student.studentId), req.today, student.studentId);
    return { meetings, canCreate: can(actor, 'meetings.create', { type: 'student', student }, req.today).allow };
  });

  r.post('/api/students/:studentId/meetings', {
    config: { access: { kind: 'student', action: 'meetings.create', audit: 'write' } },
    schema: { tags, summary: 'Plan a collaboration, interdisciplinary or responsibility-group meeting about the student (R-53)', params: studentMeetingsParams, body: createMeetingBody, response: { 201: meetingSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const student = req.student!;
    const b = req.body;
    const shape = { ownerId: actor.ownerId, schoolId: student.schoolId, students: [student], kind: b.kind };
    const rows: NewParticipant[] = [];
    for (const [i, p] of (b.participants ?? []).entries()) rows.push(await participantRow(shape, p, `participants.${i}.`, req.today));
    // the one who plans the meeting takes part in it
    rows.unshift({ kind: 'staff', personId: actor.personId, name: '', organisation: '', role: '' });
    const id = randomUUID();
    await app.database.transaction(async (tx) => {
      await insertMeeting(tx, { ownerId: actor.ownerId, id, schoolId: student.schoolId, kind: b.kind, startsAt: b.startsAt, place: b.place ?? '', byPersonId: actor.personId });
      await addMeetingStudent(tx, actor.ownerId, id, student.studentId);
      await insertParticipants(tx, actor.ownerId, id, rows.map((p) => ({ ...p, id: randomUUID() })));
    });
    const [m] = await loadMeetingsFacts(app.database, actor.ownerId, [id], req.today);
    return reply.status(201).send(await detail(req, m!));
  });

  r.get('/api/students/:studentId/shared-minutes', {
    config: { access: { kind: 'student', action: 'meetingMinutes.readShared', audit: 'read' } },
    schema: { tags, summary: 'Minutes the school shared with the family on purpose (R-62), for the student and guardians with insight', params: studentMeetingsParams, response: { 200: sharedMinutesSchema } },
  }, async (req) => {
    const rows = await sharedMinutesOf(q, req.student!.ownerId, req.student!.studentId);
    return { minutes: rows.map((x) => ({ id: x.id, meetingId: x.meeting_id, kind: x.kind, startsAt: iso(x.starts_at), text: x.text, sharedAt: iso(x.shared_at), sharedBy: x.shared_by })) };
  });

  r.get('/api/me/meetings', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'The meetings the caller takes part in, upcoming and past ("Mine møter")', response: { 200: myMeetingsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const list = actor.staff.length ? await visible(actor, await meetingsOfPerson(q, actor.ownerId, actor.personId), req.today) : [];
    // by the app's day, so a meeting later today is still upcoming
    const upcoming = (m: MeetingSummary) => m.startsAt.slice(0, 10) >= req.today;
    return { upcoming: list.filter(upcoming).reverse(), past: list.filter((m) => !upcoming(m)) };
  });

  // ---- the resource team

  r.get('/api/resource-team', {
    config: { access: { kind: 'school', action: 'resourceTeam.read' } },
    schema: { tags, summary: "The school's resource team: its fixed members and its meetings (R-53)", response: { 200: resourceTeamSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { schoolId } = staffSchool(req);
    const school = { type: 'school' as const, ownerId: actor.ownerId, schoolId, schoolName: '' };
    const canManage = can(actor, 'resourceTeam.manage', school, req.today).allow;
    return {
      members: (await resourceTeamOf(q, actor.ownerId, schoolId)).map(toOption),
      canManage,
      canPlan: can(actor, 'resourceTeam.plan', school, req.today).allow,
      staffOptions: canManage ? (await staffOfSchool(q, actor.ownerId, schoolId)).map(toOption) : [],
      meetings: await visible(actor, await resourceTeamMeetings(q, actor.ownerId, schoolId), req.today),
    };
  });

  r.put('/api/resource-team/members', {
    config: { access: { kind: 'school', action: 'resourceTeam.manage' } },
    schema: { tags, summary: "Set the resource team's fixed members (R-53)", body: resourceTeamMembersBody, response: { 200: resourceTeamSchema.pick({ members: true }) } },
  }, async (req) => {
    const actor = requireActor(req);
    const { schoolId } = staffSchool(req);
    for (const [i, id] of req.body.staffMemberIds.entries()) {
      if (!(await staffMemberAt(q, actor.ownerId, schoolId, id))) throw badField(`staffMemberIds.${i}`, 'meetings.staffNotAtSchool');
    }
    await replaceResourceTeam(q, actor.ownerId, schoolId, [...new Set(req.body.staffMemberIds)], actor.personId);
    return { members: (await resourceTeamOf(q, actor.ownerId, schoolId)).map(toOption) };
  });

  r.post('/api/resource-team/meetings', {
    config: { access: { kind: 'school', action: 'resourceTeam.plan' } },
    schema: { tags, summary: "Plan the resource team's monthly meeting; its fixed members take part (R-53)", body: createResourceTeamMeetingBody, response: { 201: meetingSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { schoolId } = staffSchool(req);
    const id = randomUUID();
    const members = await resourceTeamOf(q, actor.ownerId, schoolId);
    const people = [...new Set([actor.personId, ...members.map((x) => x.person_id)])];
    await app.database.transaction(async (tx) => {
      await insertMeeting(tx, { ownerId: actor.ownerId, id, schoolId, kind: 'resourceTeam', startsAt: req.body.startsAt, place: req.body.place ?? '', byPersonId: actor.personId });
      await insertParticipants(tx, actor.ownerId, id, people.map((personId) => ({ id: randomUUID(), kind: 'staff' as const, personId, name: '', organisation: '', role: '' })));
    });
    const [m] = await loadMeetingsFacts(app.database, actor.ownerId, [id], req.today);
    return reply.status(201).send(await detail(req, m!));
  });

  // ---- one meeting

  const readAccess = { access: { kind: 'meeting' as const, action: 'meeting.read' as const } };
  const editAccess = { access: { kind: 'meeting' as const, action: 'meeting.edit' as const } };

  r.get('/api/meetings/:meetingId', {
    config: readAccess,
    schema: { tags, summary: 'One meeting: participants, agenda, minutes, decisions, and its own and carried-over actions (R-53)', params: meetingParams, response: { 200: meetingSchema } },
  }, async (req) => {
    await auditMeeting(app, requireActor(req), 'meeting.read', req.meeting!, req.decision!.reason);
    return detail(req, req.meeting!);
  });

  r.patch('/api/meetings/:meetingId', {
    config: editAccess,
    schema: { tags, summary: "Change the meeting's time or place", params: meetingParams, body: patchMeetingBody, response: { 200: meetingSchema } },
  }, async (req) => {
    const row = (await meetingRow(q, req.meeting!.ownerId, req.meeting!.meetingId))!;
    await updateMeetingFacts(q, req.meeting!.ownerId, row.id, req.body.startsAt ?? iso(row.starts_at), req.body.place ?? row.place);
    return afterEdit(req);
  });

  r.put('/api/meetings/:meetingId/minutes', {
    config: editAccess,
    // saved as it is typed (the page's autosave); the text stays the staff's until shared on purpose
    schema: { tags, summary: 'Save the minutes as they are typed (R-53)', params: meetingParams, body: minutesBody, response: { 200: minutesSavedSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const at = await saveMinutes(q, actor.ownerId, req.meeting!.meetingId, req.body.text, actor.personId);
    await auditMeeting(app, actor, 'meeting.edit', req.meeting!, req.decision!.reason);
    return { updatedAt: iso(at) };
  });

  r.post('/api/meetings/:meetingId/participants', {
    config: editAccess,
    schema: { tags, summary: 'Add a participant: a staff member, a guardian, or an external person by name and agency', params: meetingParams, body: participantBody, response: { 201: meetingSchema } },
  }, async (req, reply) => {
    const m = req.meeting!;
    const row = await participantRow(m, req.body, '', req.today);
    await insertParticipants(q, m.ownerId, m.meetingId, [{ ...row, id: randomUUID() }]);
    return reply.status(201).send(await afterEdit(req));
  });

  r.delete('/api/meetings/:meetingId/participants/:participantId', {
    config: editAccess,
    schema: { tags, summary: 'Remove a participant', params: participantParams, response: { 200: meetingSchema } },
  }, async (req) => {
    if (!(await deleteParticipant(q, req.meeting!.ownerId, req.meeting!.meetingId, req.params.participantId))) throw notFound();
    return afterEdit(req);
  });

  r.put('/api/meetings/:meetingId/participation-decision', {
    config: editAccess,
    schema: { tags, summary: 'Responsibility group: record that the guardians decided who takes part (R-53)', params: meetingParams, body: participationDecisionBody, response: { 200: meetingSchema } },
  }, async (req) => {
    const m = req.meeting!;
    if (m.kind !== 'responsibilityGroup') throw new HttpError(400, 'meetings.decisionOnlyResponsibilityGroup');
    const s = onlyStudent(m);
    if (!s || !decidesForStudent(s, req.body.decidedByPersonId, req.today)) throw badField('decidedByPersonId', 'meetings.deciderNotFamily');
    await saveParticipationDecision(q, m.ownerId, m.meetingId, req.body.decidedByPersonId, req.body.decidedOn, req.body.note ?? '');
    return afterEdit(req);
  });

  r.put('/api/meetings/:meetingId/consent', {
    config: editAccess,
    schema: { tags, summary: 'Interdisciplinary meeting: record the consent given for it, and whom the minutes may reach (R-53, R-62)', params: meetingParams, body: consentBody, response: { 200: meetingSchema } },
  }, async (req) => {
    const m = req.meeting!;
    if (m.kind !== 'interdisciplinary') throw new HttpError(400, 'meetings.consentOnlyInterdisciplinary');
    const s = onlyStudent(m);
    if (!s || !decidesForStudent(s, req.body.givenByPersonId, req.today)) throw badField('givenByPersonId', 'meetings.consentGiver');
    const externals = new Set((await participantsOf(q, m.ownerId, m.meetingId)).filter((p) => p.kind === 'external').map((p) => p.id));
    const ids = req.body.externalParticipantIds ?? [];
    const bad = ids.findIndex((id) => !externals.has(id));
    if (bad >= 0) throw badField(`externalParticipantIds.${bad}`, 'meetings.notExternal');
    await saveConsent(q, m.ownerId, m.meetingId, { givenByPersonId: req.body.givenByPersonId, givenOn: req.body.givenOn, guardians: req.body.guardians, externalParticipantIds: ids, note: req.body.note ?? '' });
    return afterEdit(req);
  });

  r.post('/api/meetings/:meetingId/agenda-items', {
    config: editAccess,
    schema: { tags, summary: "Add an agenda item; the resource team's each name a student (R-53)", params: meetingParams, body: agendaItemBody, response: { 201: meetingSchema } },
  }, async (req, reply) => {
    const m = req.meeting!;
    const studentId: string | null = req.body.studentId ?? null;
    if (m.kind === 'resourceTeam') {
      if (!studentId) throw badField('studentId', 'meetings.studentNeeded');
      if (!(await studentAtSchool(q, m.ownerId, m.schoolId, studentId))) throw badField('studentId', 'meetings.studentNotAtSchool');
    } else if (studentId || req.body.caseId) {
      studentOfBody(m, studentId ?? undefined, req.body.caseId && !studentId ? 'caseId' : 'studentId');
    }
    const caseId = req.body.caseId ?? null;
    if (caseId) {
      // the case is the cases feature's: it says whether it is about this student and the writer may read it
      const about = studentId ?? m.students[0]!.studentId;
      const student = await loadStudentFacts(app.database, m.ownerId, about, req.today);
      if (!student || !(await caseReadableFor(app.database, requireActor(req), student, caseId, req.today))) throw badField('caseId', 'meetings.unknownCase');
    }
    await app.database.transaction(async (tx) => {
      await insertAgendaItem(tx, m.ownerId, m.meetingId, { id: randomUUID(), title: req.body.title, studentId: studentId ?? (caseId ? m.students[0]!.studentId : null), caseId });
      if (studentId) await addMeetingStudent(tx, m.ownerId, m.meetingId, studentId);
    });
    return reply.status(201).send(await afterEdit(req));
  });

  r.get('/api/meetings/:meetingId/student-search', {
    config: editAccess,
    schema: { tags, summary: "Find a student at the school by name (at most 10), to put on the resource team's agenda", params: meetingParams, querystring: studentSearchQuery, response: { 200: studentSearchSchema } },
  }, async (req) => {
    const m = req.meeting!;
    if (m.kind !== 'resourceTeam') throw new HttpError(400, 'meetings.notResourceTeam');
    const words = req.query.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 4);
    const rows = await studentsMatching(q, m.ownerId, m.schoolId, req.today, words);
    return { students: rows.map((x) => ({ id: x.id, name: x.name, groupName: x.group_name })) };
  });

  r.post('/api/meetings/:meetingId/decisions', {
    config: editAccess,
    schema: { tags, summary: 'Record a decision of the meeting about one of its students', params: meetingParams, body: decisionBody, response: { 201: meetingSchema } },
  }, async (req, reply) => {
    const m = req.meeting!;
    const studentId = studentOfBody(m, req.body.studentId);
    await insertDecision(q, m.ownerId, m.meetingId, { id: randomUUID(), studentId, text: req.body.text, byPersonId: requireActor(req).personId });
    return reply.status(201).send(await afterEdit(req));
  });

  r.put('/api/meetings/:meetingId/decisions/:decisionId/measure', {
    config: editAccess,
    schema: { tags, summary: 'Link the measure made from a decision (R-55), so each leads to the other', params: decisionParams, body: decisionMeasureBody, response: { 200: meetingSchema } },
  }, async (req) => {
    const m = req.meeting!;
    const d = await decisionOf(q, m.ownerId, m.meetingId, req.params.decisionId);
    if (!d) throw notFound();
    if (!(await measureAbout(q, m.ownerId, req.body.measureId, d.student_id))) throw badField('measureId', 'meetings.unknownMeasure');
    await linkDecisionMeasure(q, m.ownerId, d.id, req.body.measureId);
    return afterEdit(req);
  });

  r.post('/api/meetings/:meetingId/actions', {
    config: editAccess,
    schema: { tags, summary: 'Record an action: who does what by when; it carries over until done (R-53)', params: meetingParams, body: actionBody, response: { 201: meetingSchema } },
  }, async (req, reply) => {
    const m = req.meeting!;
    const studentId = studentOfBody(m, req.body.studentId);
    const who = (await participantsOf(q, m.ownerId, m.meetingId)).find((p) => p.id === req.body.responsibleParticipantId);
    if (!who) throw badField('responsibleParticipantId', 'meetings.unknownParticipant');
    const name = who.kind === 'external' ? `${who.name} (${who.organisation})` : who.name;
    await insertAction(q, m.ownerId, m.meetingId, {
      id: randomUUID(), studentId, description: req.body.description, responsibleParticipantId: who.id, responsibleName: name, dueOn: req.body.dueOn,
      byPersonId: requireActor(req).personId,
    });
    return reply.status(201).send(await afterEdit(req));
  });

  r.patch('/api/meetings/:meetingId/actions/:actionId', {
    config: editAccess,
    schema: { tags, summary: "Mark an action done (or open again), at this meeting or one it carried over to", params: actionParams, body: actionDoneBody, response: { 200: meetingSchema } },
  }, async (req) => {
    const m = req.meeting!;
    const shown = await actionsFor(q, m.ownerId, m.meetingId);
    if (!shown.some((a) => a.id === req.params.actionId)) throw notFound();
    await markAction(q, m.ownerId, req.params.actionId, req.body.done, requireActor(req).personId, m.meetingId);
    return afterEdit(req);
  });

  r.post('/api/meetings/:meetingId/shares', {
    config: editAccess,
    schema: {
      tags, summary: 'Share the minutes on purpose: with the guardians (their phone view), or sent to an external participant — within the consent (R-53, R-62)',
      params: meetingParams, body: shareBody, response: { 201: meetingSchema },
    },
  }, async (req, reply) => {
    const m = req.meeting!;
    const row = (await meetingRow(q, m.ownerId, m.meetingId))!;
    let participantId: string | null = null;
    if (req.body.recipient === 'guardians') {
      if (!onlyStudent(m)) throw badField('recipient', 'meetings.guardiansOnlySingle');
      if (m.kind === 'interdisciplinary') {
        if (!row.consent_given_by_person_id) throw badField('recipient', 'meetings.noConsent');
        if (!row.consent_covers_guardians) throw badField('recipient', 'meetings.consentNotGuardians');
      }
    } else {
      const p = (await participantsOf(q, m.ownerId, m.meetingId)).find((x) => x.id === req.body.participantId);
      if (!p || p.kind !== 'external') throw badField('participantId', 'meetings.externalOnly');
      const name = `${p.name} (${p.organisation})`;
      if (m.kind === 'interdisciplinary' && !row.consent_given_by_person_id) throw badField('participantId', 'meetings.noConsent');
      // the consent given for an interdisciplinary meeting names whom the minutes may reach; in a responsibility group the family chose who takes part
      const covered = m.kind === 'interdisciplinary' ? p.consent_covers : m.kind === 'responsibilityGroup' && row.participation_decided_by_person_id !== null;
      if (!covered) throw badField('participantId', 'meetings.consentNotExternal', { name });
      participantId = p.id;
    }
    if (!row.minutes.trim()) throw badField('minutes', 'meetings.minutesEmpty');
    await insertShare(q, m.ownerId, m.meetingId, { id: randomUUID(), recipient: req.body.recipient, participantId, text: row.minutes, byPersonId: requireActor(req).personId });
    return reply.status(201).send(await afterEdit(req));
  });
}
