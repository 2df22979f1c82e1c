/**
 * One student's absence (R-20, R-71…R-74): the summary per subject with the limit (L-10…L-13), full
 * days by the contact teacher, reasons and documentation, self-certification (L-12), the higher-risk
 * condition, the principal's decision (L-13), the diploma (L-14) and the trail of changes.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessOf, requireActor } from '../../core/http/access.js';
import { badField } from '../../core/http/errors.js';
import { t } from '../../core/i18n/messages.js';
import { can } from '../../core/policy/can.js';
import type { Action, Actor, StudentFacts } from '../../core/policy/types.js';
import { isAdult } from '../../core/time.js';
import { studentParams } from '../../core/http/schemas.js';
import {
  assertReligiousHolidayDays, assertSelfCertification, documentationFor, hours, yearContext, type Target, type YearContext,
} from './context.js';
import {
  ABSENCE_LIMIT_PERCENT, DIPLOMA_MAX_EXCLUDED_DAYS, countsTowardLimit, diplomaFigures, isAbsence, percentOf, subjectStatus,
} from './rules.js';
import {
  changesSchema, createdSchema, dayParams, decisionBody, diplomaBody, diplomaSchema, documentBody, fullDayBody, higherRiskBody, selfCertifyBody,
  studentAbsenceSchema, type StudentAbsence,
} from './schemas.js';
import {
  hasHigherRiskCondition, lessonsOn, storedRows, studentGroupsOn, type Change, type StoredRow,
} from './queries/registration.js';
import { absenceRows, subjectStats } from './queries/stats.js';
import {
  absenceChanges, deleteHigherRiskCondition, diplomaRequest, higherRiskConditions, insertLimitDecision, personName, studentLimitDecisions,
  subjectEnrolmentCount, upsertDiplomaRequest, upsertHigherRiskCondition,
} from './queries/student.js';
import { applyChanges, assertSchoolDay, notifyGuardians } from './service.js';

const tags = ['absence'];
/** a full-day registration covers at most three weeks of school days at a time */
const MAX_DAYS = 15;

const allowed = (actor: Actor, action: Action, student: StudentFacts, today: string) =>
  can(actor, action, { type: 'student', student }, today).allow;

/** The summary the student page, the student, guardians and the subject teacher read; narrowed by who asks. */
export async function studentAbsence(app: FastifyInstance, req: FastifyRequest): Promise<StudentAbsence> {
  const q = app.database.query;
  const actor = requireActor(req);
  const s = req.student!;
  const today = req.today;
  const ctx = await yearContext(q, actor.ownerId, today);
  const reason = req.decision!.allow ? req.decision!.reason.code : 'noRelationship';
  const scope = reason === 'subjectTeacher' ? 'ownSubject' : 'all';
  const ownCodes = new Set(s.teachingGroups.filter((g) => actor.subjectTeacherOf.some((x) => x.id === g.id)).map((g) => g.subjectCode));
  const inScope = (code: string) => scope === 'all' || ownCodes.has(code);
  const isGuardian = reason.startsWith('guardian');
  const mayDocument = allowed(actor, 'absence.recordHigherRisk', s, today);

  const [stats, rows, decisions, risk] = await Promise.all([
    subjectStats(q, actor.ownerId, ctx.calendar, today, [s.studentId]),
    absenceRows(q, actor.ownerId, [s.studentId], ctx.year.startsOn, ctx.year.endsOn),
    studentLimitDecisions(q, actor.ownerId, s.studentId, ctx.year.id),
    higherRiskConditions(q, actor.ownerId, s.studentId),
  ]);
  const person = await personName(q, actor.ownerId, s.personId);
  const higherRisk = risk.length > 0;
  const decisionOf = new Map(decisions.map((d) => [d.subject_id, d]));
  const shown = rows.filter((r) => inScope(r.subjectCode));

  const subjects = stats.filter((x) => inScope(x.subjectCode)).map((x) => {
    const d = decisionOf.get(x.subjectId);
    const decision = d ? { granted: d.granted, limitPercent: d.limit_percent } : null;
    return {
      subjectId: x.subjectId, subjectCode: x.subjectCode, subjectName: x.subjectName,
      plannedHours: hours(x.plannedMinutes), heldHours: hours(x.heldMinutes), absenceHours: hours(x.absenceMinutes),
      countingHours: hours(x.countingMinutes), selfCertifiedHours: hours(x.selfCertifiedMinutes),
      percent: percentOf(x.countingMinutes, x.plannedMinutes), absencePercent: percentOf(x.absenceMinutes, x.plannedMinutes),
      heldPercent: percentOf(x.absenceMinutes, x.heldMinutes),
      limitPercent: d?.granted && d.limit_percent ? d.limit_percent : ABSENCE_LIMIT_PERCENT,
      status: subjectStatus(x, decision),
      lateCount: x.lateCount,
      selfCertificationAllowed: higherRisk || x.healthOrUndocumentedMinutes * 100 < ABSENCE_LIMIT_PERCENT * x.plannedMinutes,
      decision: d ? {
        id: d.id, granted: d.granted, limitPercent: d.limit_percent, ground: d.ground,
        // the decision's reasons are for the student and the staff who handle it, not for guardians (L-42)
        reasons: isGuardian || reason === 'subjectTeacher' ? null : d.reasons, decidedAt: d.decided_at, decidedBy: d.decided_by,
      } : null,
    };
  });
  const absence = shown.filter(isAbsence);
  return {
    access: accessOf(req),
    student: { id: s.studentId, givenName: person?.given_name ?? '', familyName: person?.family_name ?? '', isAdult: isAdult(s.birthDate, today) },
    schoolYear: ctx.year,
    today,
    scope,
    subjects,
    entries: shown.map((r) => ({
      day: r.day, lessonId: r.lessonId, startsAt: r.startsAt.slice(0, 5), groupName: r.groupName, subjectCode: r.subjectCode, subjectName: r.subjectName,
      minutes: r.minutes, late: r.late, fullDay: r.fullDay, reason: r.reason, documentedOn: r.documentedOn, countsTowardLimit: countsTowardLimit(r),
    })),
    totals: {
      fullDays: new Set(absence.filter((r) => r.fullDay).map((r) => r.day)).size,
      lateCount: absence.filter((r) => r.late).length,
      absenceHours: hours(absence.reduce((m, r) => m + r.minutes, 0)),
    },
    // L-42: the fact of a documented condition is for the student and those who handle the documentation
    higherRiskCondition: higherRisk && (reason === 'self' || mayDocument) ? { documentedOn: risk[0]!.documented_on } : null,
    permissions: {
      registerDay: allowed(actor, 'absence.registerDay', s, today),
      document: allowed(actor, 'absence.document', s, today),
      selfCertify: allowed(actor, 'absence.selfCertify', s, today),
      recordHigherRisk: mayDocument,
      decideLimit: allowed(actor, 'absence.decideLimit', s, today),
      readDiploma: allowed(actor, 'absence.readDiploma', s, today),
      requestDiploma: allowed(actor, 'absence.requestDiploma', s, today),
    },
  };
}

/** The stored rows the items name (a whole day, or one lesson of it); an item that names none is bad input. */
function rowsFor(items: readonly { day: string; lessonId?: string | undefined }[], stored: readonly StoredRow[]): { row: StoredRow; field: string }[] {
  const out: { row: StoredRow; field: string }[] = [];
  items.forEach((item, i) => {
    const hit = stored.filter((r) => r.day === item.day && (!item.lessonId || r.lessonId === item.lessonId));
    if (hit.length === 0) throw badField(`items.${i}`, 'absence.noSuchAbsence', { day: item.day });
    for (const row of hit) out.push({ row, field: `items.${i}` });
  });
  return out;
}

async function write(app: FastifyInstance, req: FastifyRequest, changes: Change[]): Promise<void> {
  const actor = requireActor(req);
  await app.database.transaction(async (tx) => {
    const { newAbsenceDays } = await applyChanges(tx, actor.ownerId, actor.personId, changes);
    if (newAbsenceDays.length) await notifyGuardians(tx, [req.student!], req.today);
  });
}

export async function studentAbsenceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/students/:studentId/absence', {
    config: { access: { kind: 'student', action: 'absence.read', audit: 'read' } },
    schema: { tags, summary: "A student's absence per subject against the limit, and each registration (narrowed to the subject for a subject teacher)", params: studentParams, response: { 200: studentAbsenceSchema } },
  }, async (req) => studentAbsence(app, req));

  r.post('/api/students/:studentId/absence/days', {
    config: { access: { kind: 'student', action: 'absence.registerDay', audit: 'write' } },
    schema: { tags, summary: 'Full days of absence (contact teacher): absence in each of the days\' lessons', params: studentParams, body: fullDayBody, response: { 200: studentAbsenceSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const b = req.body;
    const ctx = await yearContext(q, actor.ownerId, req.today);
    const to = b.to ?? b.from;
    if (to < b.from) throw badField('to', 'absence.toBeforeFrom');
    assertSchoolDay(ctx.calendar, b.from, req.today, 'from');
    assertSchoolDay(ctx.calendar, to, req.today, 'to');
    const days = ctx.calendar.schoolDaysBetween(b.from, to);
    if (days.length > MAX_DAYS) throw badField('to', 'absence.rangeTooLong', { max: MAX_DAYS });
    const documentedOn = documentationFor(b.reason, b.documentedOn, req.today);
    const groups = await studentGroupsOn(q, actor.ownerId, s.studentId, days);
    const changes: Change[] = [];
    for (const day of days) {
      for (const l of await lessonsOn(q, actor.ownerId, groups.get(day) ?? [], day)) {
        changes.push({ studentId: s.studentId, day, lessonId: l.id, row: { minutes: l.minutes, late: false, fullDay: true, reason: b.reason, documentedOn } });
      }
    }
    if (changes.length === 0) throw badField('from', 'absence.noLessons', { day: b.from });
    if (b.reason === 'religiousHoliday') await assertReligiousHolidayDays(q, actor.ownerId, ctx, s.studentId, days, 'reason');
    if (b.reason === 'selfCertification') {
      await assertSelfCertification(q, actor.ownerId, ctx, req.today, s.studentId, changes.map((c) => ({ day: c.day, lessonId: c.lessonId, field: 'reason' })));
    }
    await write(app, req, changes);
    return studentAbsence(app, req);
  });

  r.delete('/api/students/:studentId/absence/days/:day', {
    config: { access: { kind: 'student', action: 'absence.registerDay', audit: 'write' } },
    schema: { tags, summary: 'Remove a day of absence registered by mistake (the trail keeps it)', params: dayParams, response: { 200: studentAbsenceSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const stored = await storedRows(q, actor.ownerId, [req.student!.studentId], [req.params.day]);
    if (stored.length === 0) throw badField('day', 'absence.noSuchAbsence', { day: req.params.day });
    await write(app, req, stored.map((x) => ({ studentId: x.studentId, day: x.day, lessonId: x.lessonId, row: null })));
    return studentAbsence(app, req);
  });

  r.post('/api/students/:studentId/absence/documentation', {
    config: { access: { kind: 'student', action: 'absence.document', audit: 'write' } },
    schema: { tags, summary: 'Reason and documentation of registered absence (coded reasons only, L-42)', params: studentParams, body: documentBody, response: { 200: studentAbsenceSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const b = req.body;
    const ctx = await yearContext(q, actor.ownerId, req.today);
    const documentedOn = documentationFor(b.reason, b.documentedOn, req.today);
    const stored = await storedRows(q, actor.ownerId, [s.studentId], [...new Set(b.items.map((i) => i.day))]);
    const hits = rowsFor(b.items, stored);
    if (b.reason === 'religiousHoliday') await assertReligiousHolidayDays(q, actor.ownerId, ctx, s.studentId, hits.map((h) => h.row.day), 'reason');
    if (b.reason === 'selfCertification') {
      await assertSelfCertification(q, actor.ownerId, ctx, req.today, s.studentId, hits.map((h): Target => ({ day: h.row.day, lessonId: h.row.lessonId, field: h.field })));
    }
    await write(app, req, hits.map(({ row }) => ({ studentId: row.studentId, day: row.day, lessonId: row.lessonId, row: { ...row, reason: b.reason, documentedOn } })));
    return studentAbsence(app, req);
  });

  r.post('/api/students/:studentId/absence/self-certification', {
    config: { access: { kind: 'student', action: 'absence.selfCertify', audit: 'write' } },
    schema: { tags, summary: "The student's own declaration of health absence (L-12), while the subject's health and undocumented absence is under 10 %", params: studentParams, body: selfCertifyBody, response: { 200: studentAbsenceSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const ctx = await yearContext(q, actor.ownerId, req.today);
    const stored = await storedRows(q, actor.ownerId, [s.studentId], [...new Set(req.body.items.map((i) => i.day))]);
    // already self-certified rows are left as they are, so sending the same declaration twice does no harm
    const hits = rowsFor(req.body.items, stored).filter((h) => h.row.reason !== 'schoolHealthService' && h.row.reason !== 'selfCertification');
    for (const h of hits) if (h.row.documentedOn !== null) throw badField(h.field, 'absence.alreadyDocumented', { day: h.row.day });
    await assertSelfCertification(q, actor.ownerId, ctx, req.today, s.studentId, hits.map((h) => ({ day: h.row.day, lessonId: h.row.lessonId, field: h.field })));
    await write(app, req, hits.map(({ row }) => ({ studentId: row.studentId, day: row.day, lessonId: row.lessonId, row: { ...row, reason: 'selfCertification', documentedOn: req.today } })));
    return studentAbsence(app, req);
  });

  r.put('/api/students/:studentId/absence/higher-risk', {
    config: { access: { kind: 'student', action: 'absence.recordHigherRisk', audit: 'write' } },
    schema: { tags, summary: 'Record that health personnel documented a condition with a higher risk of absence (only the fact, L-42)', params: studentParams, body: higherRiskBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (req.body.documentedOn > req.today) throw badField('documentedOn', 'absence.documentedInFuture');
    await upsertHigherRiskCondition(q, actor.ownerId, req.student!.studentId, req.body.documentedOn, actor.personId);
    return reply.status(204).send(null);
  });

  r.delete('/api/students/:studentId/absence/higher-risk', {
    config: { access: { kind: 'student', action: 'absence.recordHigherRisk', audit: 'write' } },
    schema: { tags, summary: 'Remove the higher-risk condition', params: studentParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await deleteHigherRiskCondition(q, actor.ownerId, req.student!.studentId);
    return reply.status(204).send(null);
  });

  r.post('/api/students/:studentId/absence/decisions', {
    config: { access: { kind: 'student', action: 'absence.decideLimit', audit: 'write' } },
    schema: { tags, summary: "The principal's own decision that the student still gets a grade with up to 15 % absence (L-13)", params: studentParams, body: decisionBody, response: { 201: createdSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const b = req.body;
    const ctx = await yearContext(q, actor.ownerId, req.today);
    const takes = await subjectEnrolmentCount(q, actor.ownerId, req.student!.studentId, b.subjectId, ctx.year.id);
    if (!takes) throw badField('subjectId', 'absence.notStudentsSubject');
    if (b.granted && b.limitPercent === undefined) throw badField('limitPercent', 'absence.limitRequired');
    if (!b.granted && b.limitPercent !== undefined) throw badField('limitPercent', 'absence.limitNotAllowed');
    const id = randomUUID();
    await insertLimitDecision(q, actor.ownerId, {
      id, studentId: req.student!.studentId, subjectId: b.subjectId, schoolYearId: ctx.year.id, granted: b.granted,
      limitPercent: b.granted ? b.limitPercent ?? null : null, ground: b.ground, reasons: b.reasons, decidedByPersonId: actor.personId,
    });
    return reply.status(201).send({ id });
  });

  r.get('/api/students/:studentId/absence/diploma', {
    config: { access: { kind: 'student', action: 'absence.readDiploma', audit: 'read' } },
    schema: { tags, summary: "The diploma's absence (L-14): days and single hours, the days the student asked to leave out", params: studentParams, response: { 200: diplomaSchema } },
  }, async (req) => diploma(app, req));

  r.put('/api/students/:studentId/absence/diploma', {
    config: { access: { kind: 'student', action: 'absence.requestDiploma', audit: 'write' } },
    schema: { tags, summary: 'The student asks for up to 10 documented days to be left out, and for the reasons to be attached', params: studentParams, body: diplomaBody, response: { 200: diplomaSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const ctx = await yearContext(q, actor.ownerId, req.today);
    const excluded = [...new Set(req.body.excludedDays)].sort();
    if (excluded.length > DIPLOMA_MAX_EXCLUDED_DAYS) throw badField('excludedDays', 'absence.diplomaTooManyDays', { max: DIPLOMA_MAX_EXCLUDED_DAYS });
    const figures = await diplomaInput(app, actor.ownerId, ctx, s.studentId, []);
    excluded.forEach((day, i) => {
      const d = figures.fullDays.find((x) => x.day === day);
      if (!d) throw badField(`excludedDays.${i}`, 'absence.diplomaNotFullDay', { day });
      if (!d.eligible) throw badField(`excludedDays.${i}`, 'absence.diplomaNotEligible', { day, why: t(req.locale, `absence.why.${d.ineligibleBecause!}`) });
    });
    await upsertDiplomaRequest(q, actor.ownerId, s.studentId, ctx.year.id, excluded, req.body.reasonsAttached, actor.personId);
    return diploma(app, req);
  });

  r.get('/api/students/:studentId/absence/changes', {
    config: { access: { kind: 'student', action: 'absence.document', audit: 'read' } },
    schema: { tags, summary: 'The trail of every change to the student\'s absence: who, when, what it became', params: studentParams, response: { 200: changesSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await absenceChanges(q, actor.ownerId, req.student!.studentId);
    return {
      access: accessOf(req),
      changes: rows.map((c) => ({
        at: new Date(c.at).toISOString(), by: c.by, day: c.day, subjectCode: c.code, startsAt: c.starts_at.slice(0, 5),
        minutes: c.minutes === null ? null : Number(c.minutes), late: c.late, fullDay: c.full_day, reason: c.reason, documentedOn: c.documented_on,
      })),
    };
  });
}

async function diplomaInput(app: FastifyInstance, ownerId: string, ctx: YearContext, studentId: string, excluded: readonly string[]) {
  const q = app.database.query;
  const [rows, higherRisk] = await Promise.all([
    absenceRows(q, ownerId, [studentId], ctx.year.startsOn, ctx.year.endsOn),
    hasHigherRiskCondition(q, ownerId, studentId),
  ]);
  return diplomaFigures(rows, ctx.calendar, excluded, higherRisk);
}

async function diploma(app: FastifyInstance, req: FastifyRequest) {
  const actor = requireActor(req);
  const s = req.student!;
  const ctx = await yearContext(app.database.query, actor.ownerId, req.today);
  const request = await diplomaRequest(app.database.query, actor.ownerId, s.studentId, ctx.year.id);
  const excluded = parseDays(request?.excluded_days);
  const f = await diplomaInput(app, actor.ownerId, ctx, s.studentId, excluded);
  const attached = request?.reasons_attached ?? false;
  return {
    access: accessOf(req),
    schoolYear: { id: ctx.year.id, name: ctx.year.name },
    days: f.days,
    hours: f.hours,
    fullDays: f.fullDays.map((d) => ({ ...d, excluded: excluded.includes(d.day) })),
    excludedDays: f.excludedDays,
    reasonsAttached: attached,
    byReason: attached ? f.byReason : null,
    maxExcludedDays: DIPLOMA_MAX_EXCLUDED_DAYS,
    canRequest: allowed(actor, 'absence.requestDiploma', s, req.today),
  };
}

/** A date[] comes back as an array from node-postgres and PGlite; as text ("{a,b}") where a driver leaves it. */
function parseDays(v: string[] | string | undefined): string[] {
  if (!v) return [];
  if (Array.isArray(v)) return v.map(String);
  return v.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
}

