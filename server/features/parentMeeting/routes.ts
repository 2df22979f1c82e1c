/**
 * Parent meetings: the contact teacher records a parent meeting of the class — date, topic, the
 * information given (or a short summary) — and, per student, which guardians with insight came. The
 * absent guardians are sent the information (an in-app notice and an e-mail, each with a link only),
 * recorded as sent per guardian. Guardians of adult students are only those the student consented to
 * (guardiansWithInsight); no address is ever shown or shared. The student and guardians with insight
 * read the information of the class's meetings.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import { guardiansWithInsight } from '../../core/policy/guardianInsight.js';
import type { Actor, BasisGroupFacts, StudentFacts } from '../../core/policy/types.js';
import { studentParams } from '../../core/http/schemas.js';
import { enqueueInformMails, familyLink, registerParentMeetingMail } from './mail.js';
import {
  absentNotInformed, classMeetings, classStudentsWithNames, deleteUnlistedAttendance, insertInformationNotices, insertMeeting, markInformed, meetingAttendance,
  meetingOfClassExists, meetingsOfClasses, personName, personNames, updateMeeting, upsertAttendance,
} from './queries.js';
import { basisParams, classMeetingsSchema, informResultSchema, meetingBody, meetingParams, studentMeetingsSchema, type ClassMeetings } from './schemas.js';

const tags = ['parentMeeting'];
const byName = new Intl.Collator('nb');
/** A student of the class and their guardians with insight today: the rows the caller may record. */
type Family = { studentId: string; guardians: { personId: string }[] };
type Body = { heldOn: string; topic: string; information: string; attendance: { studentId: string; guardianPersonId: string; present: boolean }[] };

export async function parentMeetingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;
  registerParentMeetingMail(app.database, app.config);

  /** The class's current students whom the caller may see, each with the guardians with insight today. */
  async function families(actor: Actor, g: BasisGroupFacts, today: string) {
    const rows = await classStudentsWithNames(app.database, actor.ownerId, g.basisGroupId, today);
    const visible = rows.filter(({ facts }) => can(actor, 'parentMeeting.read', { type: 'student', student: facts }, today).allow);
    const guardianIds = [...new Set(visible.flatMap(({ facts }) => guardiansWithInsight(facts, today).map((x) => x.guardianPersonId)))];
    const names = new Map((await personNames(q, actor.ownerId, guardianIds)).map((x) => [x.id, x.name]));
    return visible.map(({ facts, row }) => ({
      facts,
      studentId: facts.studentId, givenName: row.given_name, familyName: row.family_name,
      guardians: guardiansWithInsight(facts, today).map((x) => ({ personId: x.guardianPersonId, name: names.get(x.guardianPersonId) ?? '' })),
    })).sort((a, b) => byName.compare(a.familyName, b.familyName) || byName.compare(a.givenName, b.givenName));
  }

  async function view(actor: Actor, g: BasisGroupFacts, today: string): Promise<{ data: Omit<ClassMeetings, 'access' | 'canManage'>; facts: StudentFacts[] }> {
    const fam = await families(actor, g, today);
    const meetings = await classMeetings(q, actor.ownerId, g.basisGroupId);
    const att = await meetingAttendance(q, actor.ownerId, meetings.map((m) => m.id));
    const visible = new Set(fam.map((f) => f.studentId));
    return {
      facts: fam.map((f) => f.facts),
      data: {
        group: { id: g.basisGroupId, name: g.name, level: g.level },
        today,
        families: fam.map(({ studentId, givenName, familyName, guardians }) => ({ studentId, givenName, familyName, guardians })),
        meetings: meetings.map((m) => {
          const rows = att.filter((a) => a.meeting_id === m.id && visible.has(a.student_id)).map((a) => ({
            studentId: a.student_id, guardianPersonId: a.guardian_person_id, guardianName: a.guardian_name, present: a.present,
            informedAt: a.informed_at ? new Date(a.informed_at).toISOString() : null,
          }));
          return {
            id: m.id, heldOn: m.held_on, topic: m.topic, information: m.information, recordedBy: m.recorded_by, attendance: rows,
            present: rows.filter((a) => a.present).length, absent: rows.filter((a) => !a.present).length, informed: rows.filter((a) => !a.present && a.informedAt).length,
          };
        }),
      },
    };
  }

  async function respond(actor: Actor, g: BasisGroupFacts, today: string, access: ClassMeetings['access'], auditAction: string | null) {
    const { data, facts } = await view(actor, g, today);
    if (auditAction) {
      await writeAudit(app.database, facts.map((f) => studentEntry(actor, auditAction, f.studentId, can(actor, 'parentMeeting.read', { type: 'student', student: f }, today).reason, { resourceType: 'basisGroup', resourceId: g.basisGroupId })));
    }
    return { access, canManage: can(actor, 'basisGroup.manageParentMeetings', { type: 'basisGroup', group: g }, today).allow, ...data };
  }

  /** Every attendance row names a current student of the class and one of their guardians with insight today. */
  async function checkBody(actor: Actor, g: BasisGroupFacts, today: string, b: Body): Promise<Family[]> {
    if (b.heldOn > today) throw badField('heldOn', 'parentMeeting.inFuture', { today });
    const list = await families(actor, g, today);
    const fam = new Map(list.map((f) => [f.studentId, new Set(f.guardians.map((x) => x.personId))]));
    const seen = new Set<string>();
    b.attendance.forEach((a, i) => {
      if (!fam.get(a.studentId)?.has(a.guardianPersonId)) throw badField(`attendance.${i}.guardianPersonId`, 'parentMeeting.notGuardian');
      const k = `${a.studentId}|${a.guardianPersonId}`;
      if (seen.has(k)) throw badField(`attendance.${i}`, 'parentMeeting.duplicate');
      seen.add(k);
    });
    return list;
  }

  /**
   * `editable`: the class's current students and their guardians with insight today — all the caller can
   * list. Of those, rows no longer listed go; rows of students who have left and guardians who lost insight
   * since the meeting are not the caller's to see, so a correction keeps them as recorded. An absent guardian
   * who was already informed keeps that record.
   */
  async function saveAttendance(ownerId: string, meetingId: string, rows: Body['attendance'], editable: Family[]) {
    const pairs = editable.flatMap((f) => f.guardians.map((g) => ({ studentId: f.studentId, personId: g.personId })));
    await deleteUnlistedAttendance(q, ownerId, meetingId, rows, pairs);
    if (rows.length === 0) return;
    await upsertAttendance(q, ownerId, meetingId, rows);
  }

  async function meetingOf(ownerId: string, basisGroupId: string, meetingId: string) {
    if (!await meetingOfClassExists(q, ownerId, basisGroupId, meetingId)) throw new HttpError(404, 'error.notFound');
  }

  r.get('/api/basis-groups/:basisGroupId/parent-meetings', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readParentMeetings' } },
    schema: { tags, summary: "The class's parent meetings with attendance per guardian, and who of the absent has been sent the information", params: basisParams, response: { 200: classMeetingsSchema } },
  }, async (req) => respond(requireActor(req), req.group!, req.today, accessOf(req), 'basisGroup.readParentMeetings'));

  r.post('/api/basis-groups/:basisGroupId/parent-meetings', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.manageParentMeetings' } },
    schema: { tags, summary: 'Record a parent meeting held: date, topic, information given, and attendance per guardian', params: basisParams, body: meetingBody, response: { 201: classMeetingsSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const g = req.group!;
    const editable = await checkBody(actor, g, req.today, req.body);
    const id = randomUUID();
    await insertMeeting(q, actor.ownerId, id, g.basisGroupId, req.body, actor.personId);
    await saveAttendance(actor.ownerId, id, req.body.attendance, editable);
    return reply.code(201).send(await respond(actor, g, req.today, accessOf(req), 'basisGroup.manageParentMeetings'));
  });

  r.put('/api/basis-groups/:basisGroupId/parent-meetings/:meetingId', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.manageParentMeetings' } },
    schema: { tags, summary: 'Correct a parent meeting and its attendance', params: meetingParams, body: meetingBody, response: { 200: classMeetingsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const g = req.group!;
    await meetingOf(actor.ownerId, g.basisGroupId, req.params.meetingId);
    const editable = await checkBody(actor, g, req.today, req.body);
    await updateMeeting(q, actor.ownerId, req.params.meetingId, req.body);
    await saveAttendance(actor.ownerId, req.params.meetingId, req.body.attendance, editable);
    return respond(actor, g, req.today, accessOf(req), 'basisGroup.manageParentMeetings');
  });

  r.post('/api/basis-groups/:basisGroupId/parent-meetings/:meetingId/inform-absent', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.manageParentMeetings' } },
    schema: { tags, summary: 'Send the absent guardians (with insight today) the information: a notice and an e-mail with a link, recorded per guardian; never twice', params: meetingParams, response: { 200: informResultSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const g = req.group!;
    await meetingOf(actor.ownerId, g.basisGroupId, req.params.meetingId);
    const fam = new Map((await families(actor, g, req.today)).map((f) => [f.studentId, f]));
    const pending = await absentNotInformed(q, actor.ownerId, req.params.meetingId);
    // insight is decided today: an adult student may have withdrawn consent since the meeting
    const items = pending.filter((p) => fam.get(p.student_id)?.guardians.some((x) => x.personId === p.guardian_person_id))
      .map((p) => ({ personId: p.guardian_person_id, studentId: p.student_id }));
    if (items.length) {
      await markInformed(q, actor.ownerId, req.params.meetingId, actor.personId, items);
      await insertInformationNotices(q, actor.ownerId, items.map((x) => ({ personId: x.personId, link: familyLink(x.studentId) })));
      await enqueueInformMails(app.database, actor.ownerId, req.params.meetingId, items);
      await writeAudit(app.database, [...new Set(items.map((x) => x.studentId))].map((id) =>
        studentEntry(actor, 'basisGroup.manageParentMeetings', id, req.decision!.reason, { resourceType: 'parentMeeting', resourceId: req.params.meetingId })));
    }
    return { informed: items.length };
  });

  r.get('/api/students/:studentId/parent-meetings', {
    config: { access: { kind: 'student', action: 'parentMeeting.read', audit: 'read' } },
    schema: { tags, summary: "The information from the parent meetings of the student's class (for the family)", params: studentParams, response: { 200: studentMeetingsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const person = await personName(q, actor.ownerId, s.personId);
    const meetings = await meetingsOfClasses(q, actor.ownerId, s.basisGroups.map((x) => x.id));
    return {
      access: accessOf(req),
      student: { id: s.studentId, givenName: person?.given_name ?? '', familyName: person?.family_name ?? '' },
      meetings: meetings.map((m) => ({ id: m.id, heldOn: m.held_on, topic: m.topic, information: m.information, className: m.class_name })),
    };
  });
}
