/**
 * Absence by class: the contact teacher's class overview with emerging-absence signals and
 * the last follow-up, and the class hour's weekly check. Every student of the class is decided on its
 * own with can(), and each read is audited.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { badField } from '../../core/http/errors.js';
import { addDays, isoWeek, mondayOfIsoWeek, weekStart } from '../../core/calendar/calendar.js';
import { hours, loadRules, yearContext } from './context.js';
import { auditStudents, groupStudents } from './groupStudents.js';
import { deleteWeeklyCheck, lastFollowUps, upsertWeeklyCheck, weeklyChecks } from './queries/groups.js';
import { absenceRows, subjectStats } from './queries/stats.js';
import { emergingSignals, followedUp, isAbsence, percentOf, subjectStatus } from './rules.js';
import { basisGroupParams as basisParams, checkBody, checkParams, classAbsenceSchema, weekQuery, weekSchema } from './schemas.js';

const tags = ['absence'];

function groupBy<T>(list: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const l = out.get(k);
    if (l) l.push(x);
    else out.set(k, [x]);
  }
  return out;
}

export async function basisGroupAbsenceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/basis-groups/:basisGroupId/absence', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readAbsence' } },
    schema: { tags, summary: "The class's absence: each student's highest subject percentage, emerging-absence signals and whether they were followed up", params: basisParams, response: { 200: classAbsenceSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const group = req.group!;
    const ctx = await yearContext(q, actor.ownerId, req.today);
    const students = await groupStudents(app, actor, { kind: 'basis', id: group.basisGroupId }, req.today, req.today);
    const ids = students.map((s) => s.facts.studentId);
    const [stats, rows, rules, followUps] = await Promise.all([
      subjectStats(q, actor.ownerId, ctx.calendar, req.today, ids),
      absenceRows(q, actor.ownerId, ids, ctx.year.startsOn, req.today),
      loadRules(q, actor.ownerId, group.schoolId),
      lastFollowUps(q, actor.ownerId, ids, actor.personId),
    ]);
    const codeOf = new Map(stats.map((x) => [x.subjectId, x.subjectCode]));
    // by student once: a class has a year's rows (thousands), and filtering them per student was quadratic
    const statsOf = groupBy(stats, (x) => x.studentId);
    const rowsOf = groupBy(rows, (x) => x.studentId);
    const followUpOf = new Map(followUps.map((f) => [f.student_id, f.last_on]));
    await auditStudents(app, actor, 'basisGroup.readAbsence', students, req.today, { type: 'basisGroup', id: group.basisGroupId });
    return {
      access: accessOf(req),
      group: { id: group.basisGroupId, name: group.name },
      today: req.today,
      rules,
      students: students.map((s) => {
        const mine = statsOf.get(s.facts.studentId) ?? [];
        const myRows = rowsOf.get(s.facts.studentId) ?? [];
        const absence = myRows.filter(isAbsence);
        const last = followUpOf.get(s.facts.studentId) ?? null;
        const signals = emergingSignals(myRows, mine.map((x) => ({ subjectId: x.subjectId, heldMinutes: x.heldMinutes })), ctx.calendar, req.today, rules)
          .map((sig) => ({ kind: sig.kind, raisedOn: sig.raisedOn, subjectCode: sig.subjectId ? codeOf.get(sig.subjectId) ?? null : null, weekday: sig.weekday, value: sig.value, followedUp: followedUp(sig, last) }));
        const ranked = mine.map((x) => ({ x, percent: percentOf(x.countingMinutes, x.plannedMinutes), status: subjectStatus(x, null) }))
          .sort((a, b) => b.percent - a.percent);
        const top = ranked[0];
        return {
          studentId: s.facts.studentId, givenName: s.givenName, familyName: s.familyName,
          absenceHours: hours(absence.reduce((m, x) => m + x.minutes, 0)),
          fullDays: new Set(absence.filter((x) => x.fullDay).map((x) => x.day)).size,
          lateCount: absence.filter((x) => x.late).length,
          highest: top && top.percent > 0 ? { subjectCode: top.x.subjectCode, subjectName: top.x.subjectName, percent: top.percent, status: top.status } : null,
          subjectsOverLimit: ranked.filter((x) => x.status === 'overLimit').length,
          subjectsNearLimit: ranked.filter((x) => x.status === 'nearLimit').length,
          signals,
          lastFollowUpOn: last,
          needsFollowUp: signals.some((x) => !x.followedUp),
        };
      }),
    };
  });

  r.get('/api/basis-groups/:basisGroupId/absence/week', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.checkAbsence' } },
    schema: { tags, summary: "The class hour's weekly check (R-20): each student's undocumented absence this week, and whether it was checked", params: basisParams, querystring: weekQuery, response: { 200: weekSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const group = req.group!;
    let monday = weekStart(req.today);
    if (req.query.week) {
      const [y, w] = req.query.week.split('-W').map(Number) as [number, number];
      if (w < 1 || w > 53) throw badField('week', 'absence.badWeek');
      monday = mondayOfIsoWeek(y, w);
    }
    const sunday = addDays(monday, 6);
    const ctx = await yearContext(q, actor.ownerId, req.today);
    const students = await groupStudents(app, actor, { kind: 'basis', id: group.basisGroupId }, monday > req.today ? req.today : sunday < req.today ? sunday : req.today, req.today);
    const ids = students.map((s) => s.facts.studentId);
    const [rows, checks] = await Promise.all([
      absenceRows(q, actor.ownerId, ids, monday, sunday),
      weeklyChecks(q, actor.ownerId, monday, ids),
    ]);
    await auditStudents(app, actor, 'basisGroup.checkAbsence', students, req.today, { type: 'basisGroup', id: group.basisGroupId });
    const week = (d: string) => { const w = isoWeek(d); return `${w.year}-W${String(w.week).padStart(2, '0')}`; };
    const next = addDays(monday, 7);
    return {
      access: accessOf(req),
      group: { id: group.basisGroupId, name: group.name },
      week: week(monday), weekStart: monday, weekEnd: sunday,
      previousWeek: week(addDays(monday, -7)), nextWeek: next <= req.today ? week(next) : null,
      schoolDays: ctx.calendar.schoolDaysBetween(monday, sunday),
      students: students.map((s) => {
        const undocumented = rows.filter((x) => x.studentId === s.facts.studentId && isAbsence(x) && x.documentedOn === null);
        const c = checks.find((x) => x.student_id === s.facts.studentId);
        return {
          studentId: s.facts.studentId, givenName: s.givenName, familyName: s.familyName,
          undocumentedMinutes: undocumented.reduce((m, x) => m + x.minutes, 0),
          lateCount: undocumented.filter((x) => x.late).length,
          items: undocumented.map((x) => ({ day: x.day, startsAt: x.startsAt.slice(0, 5), subjectCode: x.subjectCode, minutes: x.minutes, late: x.late, fullDay: x.fullDay })),
          checked: c ? { at: new Date(c.at).toISOString(), by: c.by } : null,
        };
      }),
    };
  });

  r.put('/api/basis-groups/:basisGroupId/absence/week/:weekStart/students/:studentId', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.checkAbsence' } },
    schema: { tags, summary: 'Mark one student\'s absence as checked (or not) for the week', params: checkParams, body: checkBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { weekStart: monday, studentId } = req.params;
    if (weekStart(monday) !== monday) throw badField('weekStart', 'absence.badWeek');
    const students = await groupStudents(app, actor, { kind: 'basis', id: req.group!.basisGroupId }, monday > req.today ? req.today : monday, req.today);
    const student = students.find((s) => s.facts.studentId === studentId);
    if (!student) throw badField('studentId', 'absence.studentNotInClass');
    if (req.body.checked) {
      await upsertWeeklyCheck(q, actor.ownerId, studentId, monday, actor.personId);
    } else {
      await deleteWeeklyCheck(q, actor.ownerId, studentId, monday);
    }
    await writeAudit(app.database, [studentEntry(actor, 'basisGroup.checkAbsence', studentId, req.decision!.allow ? req.decision!.reason : { code: 'noRelationship', params: {} }, { resourceType: 'basisGroup', resourceId: req.group!.basisGroupId })]);
    return reply.status(204).send(null);
  });
}
