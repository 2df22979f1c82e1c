/**
 * Class-team meetings: the meeting's page brings the class's screening (Vg1), absence and warnings;
 * the team assesses the learning environment, marks students who struggle academically, socially, mentally
 * or physically, agrees who follows up, and produces the follow-up list with proposed measures. For Vg2/Vg3
 * general studies the subject teachers send notes to the contact teacher (copy to the department head)
 * before the meeting. Each student is decided again with can(); every read of a student's part is audited.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import type { Decision } from '../../core/policy/types.js';
import { percentOf, subjectStats, yearContext } from '../absence/index.js';
import { sentWarnings } from '../warnings/index.js';
import {
  concernsOf, contactTeachersOf, deleteConcern, departmentHeads, insertNote, meetingOf, meetingWeeks, notesOf, notify, resultsOf, saveConcern, saveMeeting,
  schoolYearName, screeningSettings, teamOf,
} from './queries.js';
import { classStudents, isBelow, thresholdsOf, type ClassStudent } from './routes.js';
import { DEFAULT_WEEKS, classParams, classStudentParams, concernBody, meetingBody, meetingSchema, noteBody, type ClassTeamMeeting } from './schemas.js';

const tags = ['screening'];
export const NOTE_NOTICE_KIND = 'classTeam.note';
const ABSENCE_LIMIT_PERCENT = 10;

/** The class's students whose part of the meeting the actor may read, with the decision (for the audit). */
async function readable(app: FastifyInstance, req: FastifyRequest): Promise<{ s: ClassStudent; d: Decision }[]> {
  const actor = requireActor(req);
  const ct = req.classTeam!;
  const students = await classStudents(app, actor.ownerId, ct.group.basisGroupId, req.today);
  return students.flatMap((s) => {
    const d = can(actor, 'classTeam.readStudent', { type: 'student', student: s.facts }, req.today);
    return d.allow ? [{ s, d }] : [];
  });
}

const takesNotes = (level: string, students: readonly ClassStudent[]) => (level === 'vg2' || level === 'vg3') && students.some((s) => s.programme === 'general');

async function meetingView(app: FastifyInstance, req: FastifyRequest, visible: { s: ClassStudent }[]): Promise<ClassTeamMeeting> {
  const actor = requireActor(req);
  const ct = req.classTeam!;
  const g = ct.group;
  const q = app.database.query;
  const ids = visible.map((v) => v.s.facts.studentId);
  const vg1 = g.level === 'vg1';
  const [meeting, weeks, team, notes, year, settings, warnings, ctx] = await Promise.all([
    meetingOf(q, actor.ownerId, g.basisGroupId),
    meetingWeeks(q, actor.ownerId, g.schoolId),
    teamOf(q, actor.ownerId, g.basisGroupId, g.schoolId, g.departmentId, req.today),
    notesOf(q, actor.ownerId, g.basisGroupId),
    schoolYearName(q, actor.ownerId, g.basisGroupId),
    vg1 ? screeningSettings(q, actor.ownerId, g.schoolId) : Promise.resolve([]),
    sentWarnings(q, actor.ownerId, ids),
    yearContext(q, actor.ownerId, req.today).catch(() => null),
  ]);
  const [concerns, results, stats] = await Promise.all([
    meeting ? concernsOf(q, actor.ownerId, meeting.id) : Promise.resolve([]),
    vg1 && year ? resultsOf(q, actor.ownerId, year.school_year_id, ids) : Promise.resolve([]),
    ctx ? subjectStats(q, actor.ownerId, ctx.calendar, req.today, ids) : Promise.resolve([]),
  ]);
  const thresholds = thresholdsOf(settings);
  const name = (id: string | null) => {
    const m = team.find((x) => x.staff_member_id === id);
    return m ? `${m.given_name} ${m.family_name}` : '';
  };
  const all = await classStudents(app, actor.ownerId, g.basisGroupId, req.today);
  return {
    access: accessOf(req),
    group: { id: g.basisGroupId, name: g.name, level: g.level },
    weeks: weeks ?? [...DEFAULT_WEEKS],
    meeting: meeting ? { week: meeting.week, heldOn: meeting.held_on, learningEnvironment: meeting.learning_environment } : null,
    canRecord: can(actor, 'classTeam.recordMeeting', { type: 'classTeam', classTeam: ct }, req.today).allow,
    takesNotes: takesNotes(g.level, all),
    canSendNote: takesNotes(g.level, all) && can(actor, 'classTeam.sendNote', { type: 'classTeam', classTeam: ct }, req.today).allow,
    showsScreening: vg1,
    team: team.map((m) => ({ staffMemberId: m.staff_member_id, name: `${m.given_name} ${m.family_name}`, role: m.role })),
    students: visible.map(({ s }) => {
      const id = s.facts.studentId;
      const own = results.filter((r) => r.student_id === id);
      const score = (test: 'norwegian' | 'english' | 'maths') => own.find((r) => r.test === test)?.score ?? null;
      const mine = stats.filter((x) => x.studentId === id);
      const c = concerns.find((x) => x.student_id === id);
      return {
        student: { id, givenName: s.givenName, familyName: s.familyName },
        screening: vg1 ? { norwegian: score('norwegian'), english: score('english'), maths: score('maths'), belowThreshold: own.some((r) => isBelow(thresholds, r.test, r.score)) } : null,
        // only what counts toward the limit: no reasons, nothing about health (L-42)
        absence: {
          highestPercent: mine.reduce((m, x) => Math.max(m, percentOf(x.countingMinutes, x.plannedMinutes)), 0),
          subjectsOverLimit: mine.filter((x) => x.plannedMinutes > 0 && x.countingMinutes * 100 > ABSENCE_LIMIT_PERCENT * x.plannedMinutes).length,
        },
        warnings: warnings.filter((w) => w.studentId === id && !w.withdrawn).length,
        concern: c ? {
          academic: c.academic, social: c.social, mental: c.mental, physical: c.physical,
          followUpBy: c.follow_up_by_staff_member_id ? { staffMemberId: c.follow_up_by_staff_member_id, name: name(c.follow_up_by_staff_member_id) } : null,
          proposedMeasures: c.proposed_measures,
        } : null,
        notes: notes.filter((n) => n.student_id === id).map((n) => ({ id: n.id, author: n.author, text: n.text, createdAt: new Date(n.created_at).toISOString() })),
      };
    }).sort((a, b) => Number(b.concern !== null) - Number(a.concern !== null)),
  };
}

export async function meetingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  const audit = (req: FastifyRequest, action: string, rows: { s: ClassStudent; d: Decision }[]) =>
    writeAudit(app.database, rows.map(({ s, d }) => studentEntry(requireActor(req), action, s.facts.studentId, d.reason, { resourceType: 'classTeamMeeting', resourceId: req.classTeam!.group.basisGroupId })));

  r.get('/api/basis-groups/:basisGroupId/class-team-meeting', {
    config: { access: { kind: 'classTeam', action: 'classTeam.readMeeting' } },
    schema: { tags, summary: "R-32: the class's class-team meeting: screening (Vg1), absence and warnings per student, the team's assessment and the follow-up list", params: classParams, response: { 200: meetingSchema } },
  }, async (req) => {
    const visible = await readable(app, req);
    await audit(req, 'classTeam.readStudent', visible);
    return meetingView(app, req, visible);
  });

  r.put('/api/basis-groups/:basisGroupId/class-team-meeting', {
    config: { access: { kind: 'classTeam', action: 'classTeam.recordMeeting' } },
    schema: { tags, summary: 'R-32: the meeting itself — its week, the day it was held, and the assessment of the learning environment', params: classParams, body: meetingBody, response: { 200: meetingSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    if (req.body.heldOn && req.body.heldOn > req.today) throw badField('heldOn', 'screening.meeting.heldInFuture', { today: req.today });
    await saveMeeting(q, actor.ownerId, req.classTeam!.group.basisGroupId, actor.personId, req.body);
    return meetingView(app, req, await readable(app, req));
  });

  r.put('/api/basis-groups/:basisGroupId/class-team-meeting/students/:studentId', {
    config: { access: { kind: 'classTeam', action: 'classTeam.recordMeeting' } },
    schema: {
      tags, summary: "R-32: a student on the follow-up list — how they struggle, who follows up and the proposed measures; nothing marked takes them off the list",
      params: classStudentParams, body: concernBody, response: { 200: meetingSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const ct = req.classTeam!;
    const visible = await readable(app, req);
    const row = visible.find((v) => v.s.facts.studentId === req.params.studentId);
    if (!row) throw new HttpError(404, 'error.notFound');
    const b = req.body;
    if (b.followUpByStaffMemberId) {
      const team = await teamOf(q, actor.ownerId, ct.group.basisGroupId, ct.group.schoolId, ct.group.departmentId, req.today);
      if (!team.some((m) => m.staff_member_id === b.followUpByStaffMemberId)) throw badField('followUpByStaffMemberId', 'screening.meeting.notInTeam');
    }
    const existing = await meetingOf(q, actor.ownerId, ct.group.basisGroupId);
    const weeks = (await meetingWeeks(q, actor.ownerId, ct.group.schoolId)) ?? [...DEFAULT_WEEKS];
    const meetingId = existing?.id ?? await saveMeeting(q, actor.ownerId, ct.group.basisGroupId, actor.personId, { week: weeks[0]!, heldOn: null, learningEnvironment: '' });
    const marked = b.academic || b.social || b.mental || b.physical || b.followUpByStaffMemberId !== null || b.proposedMeasures !== '';
    if (marked) await saveConcern(q, actor.ownerId, meetingId, req.params.studentId, actor.personId, b);
    else await deleteConcern(q, actor.ownerId, meetingId, req.params.studentId);
    await audit(req, 'classTeam.recordMeeting', [row]);
    return meetingView(app, req, visible);
  });

  r.post('/api/basis-groups/:basisGroupId/class-team-meeting/notes', {
    config: { access: { kind: 'classTeam', action: 'classTeam.sendNote' } },
    schema: {
      tags, summary: 'R-32 (Vg2/Vg3 general studies): a subject teacher sends the contact teacher a note on a student who needs follow-up, copy to the department head (link-only notice)',
      params: classParams, body: noteBody, response: { 200: meetingSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const ct = req.classTeam!;
    const all = await classStudents(app, actor.ownerId, ct.group.basisGroupId, req.today);
    if (!takesNotes(ct.group.level, all)) throw badField('studentId', 'screening.meeting.noNotesForClass');
    const visible = await readable(app, req);
    const row = visible.find((v) => v.s.facts.studentId === req.body.studentId);
    if (!row) throw badField('studentId', 'screening.notInClass');
    await insertNote(q, actor.ownerId, ct.group.basisGroupId, req.body.studentId, actor.personId, req.body.text);
    const recipients = [...await contactTeachersOf(q, actor.ownerId, ct.group.basisGroupId),
      ...(ct.group.departmentId ? await departmentHeads(q, actor.ownerId, ct.group.schoolId, [ct.group.departmentId]) : [])];
    await notify(q, actor.ownerId, recipients.filter((p) => p !== actor.personId), NOTE_NOTICE_KIND, `/classes/${ct.group.basisGroupId}/class-team-meeting`);
    await audit(req, 'classTeam.sendNote', [row]);
    return meetingView(app, req, visible);
  });
}
