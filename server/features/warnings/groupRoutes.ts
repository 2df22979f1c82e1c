/**
 * The contact teacher's queue for a class (R-22: review, merge, approve, send, follow delivery, with
 * the deadline check), the school's list for the principal and department heads (L-21 decisions),
 * and the terms' assessment dates the deadline check counts from.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import { loadGroupStudents, loadStudentsFacts } from '../../core/policy/facts.js';
import { isAdult } from '../../core/time.js';
import { lettersOf } from './queries/letters.js';
import { recipientRows, studentNames } from './queries/people.js';
import { termAssessmentDates, termDates, upsertAssessmentDate } from './queries/terms.js';
import { studentsWithWarnings, warningsOf } from './queries/warnings.js';
import { assessmentDateBody, assessmentDatesSchema, basisGroupParams, queueSchema, schoolQuery, schoolWarningsSchema } from './schemas.js';
import { DEFAULT_MINIMUM_NOTICE_DAYS, deadlineFor, recipientsOf } from './service.js';
import { narrow, viewerOf } from './visibility.js';

const tags = ['warnings'];

/** A student's part of the queue still waits for the contact teacher: a proposed warning, or an approved letter not sent. */
const pendingIn = (s: { warnings: { state: string }[]; letters: { sentAt: string | null }[] }): boolean =>
  s.warnings.some((w) => w.state === 'proposed') || s.letters.some((l) => l.sentAt === null);

export async function groupWarningRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/basis-groups/:basisGroupId/warnings', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readWarnings' } },
    schema: {
      tags, summary: "The class's warnings: proposed ones to review and merge, letters to send, delivery — and how long until the term's assessment",
      params: basisGroupParams, response: { 200: queueSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const g = req.group!;
    const members = await loadGroupStudents(app.database, actor.ownerId, { kind: 'basis', id: g.basisGroupId }, req.today,
      { columns: `, p.given_name || ' ' || p.family_name as name`, params: [] });
    // each student decided again: the queue shows only what this reader may see of each
    const visible = members.filter((m) => viewerOf(actor, m.facts, req.today) === 'leader');
    const ids = visible.map((m) => m.facts.studentId);
    const [warnings, letters, deadline] = await Promise.all([
      warningsOf(q, actor.ownerId, ids, actor.personId, req.today),
      lettersOf(q, actor.ownerId, ids),
      deadlineFor(q, actor.ownerId, g.schoolId, req.today),
    ]);
    // who a letter goes to: its copies once sent, the recipients of today before (named in "Send"'s question)
    const recipientIds = new Map(visible.map((m) => [m.facts.studentId, recipientsOf(m.facts, req.today)]));
    const people = await recipientRows(q, actor.ownerId, [...new Set([
      ...[...recipientIds.values()].flat().map((r) => r.personId), ...letters.flatMap((l) => l.recipientPersonIds)])]);
    const nameOf = (personId: string) => { const p = people.get(personId); return p ? `${p.given_name} ${p.family_name}` : ''; };
    const students = visible
      .map((m) => {
        const mine = narrow('leader', actor, m.facts, warnings.filter((w) => w.studentId === m.facts.studentId), letters.filter((l) => l.studentId === m.facts.studentId));
        const upcoming = recipientIds.get(m.facts.studentId)!.map((r) => r.personId);
        return {
          studentId: m.facts.studentId, name: m.row.name as string, isAdult: isAdult(m.facts.birthDate, req.today),
          warnings: mine.warnings.map(({ raisedByPersonId: _r, studentId: _s, ...w }) => w),
          letters: mine.letters
            .map(({ recipientPersonIds, studentId: _s, ...l }) => ({ ...l, recipients: (l.sentAt ? recipientPersonIds : upcoming).map(nameOf).filter(Boolean) }))
            // a letter still to send before those sent
            .sort((a, b) => Number(a.sentAt !== null) - Number(b.sentAt !== null)),
        };
      })
      .filter((x) => x.warnings.length > 0)
      // students with something still to do (a proposed warning, a letter not sent) first, then by name
      .sort((a, b) => Number(!pendingIn(a)) - Number(!pendingIn(b)) || a.name.localeCompare(b.name, 'nb'));
    return {
      access: accessOf(req), group: { id: g.basisGroupId, name: g.name }, today: req.today, deadline,
      canCoordinate: actor.contactTeacherOf.some((c) => c.id === g.basisGroupId), students,
    };
  });

  r.get('/api/warnings', {
    config: { access: { kind: 'school', action: 'warning.readSchool' } },
    schema: { tags, summary: "The school's warnings (a department head's narrowed to the department), e.g. sent IV warnings awaiting the principal's decision", querystring: schoolQuery, response: { 200: schoolWarningsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const schoolId = actor.staff[0]?.schoolId ?? '';
    const rows = await studentsWithWarnings(q, actor.ownerId, schoolId, req.query.kind ?? null, req.query.state ?? null);
    const facts = await loadStudentsFacts(app.database, actor.ownerId, rows.map((x) => x.student_id), req.today);
    const visible = [...facts.values()].filter((f) => can(actor, 'warning.read', { type: 'student', student: f }, req.today).allow && viewerOf(actor, f, req.today) === 'leader');
    const names = new Map((await studentNames(q, actor.ownerId, visible.map((f) => f.studentId))).map((x) => [x.id, x.name]));
    const warnings = (await warningsOf(q, actor.ownerId, visible.map((f) => f.studentId), actor.personId, req.today))
      .filter((w) => (!req.query.kind || w.kind === req.query.kind) && (!req.query.state || w.state === req.query.state));
    return {
      access: accessOf(req),
      warnings: warnings.map(({ raisedByPersonId: _r, ...w }) => ({
        ...w, studentName: names.get(w.studentId) ?? '', group: facts.get(w.studentId)?.basisGroups.map((g) => g.name).join(', ') ?? '',
      })),
    };
  });

  r.get('/api/warnings/assessment-dates', {
    config: { access: { kind: 'school', action: 'warning.manageAssessmentDates' } },
    schema: { tags, summary: "The terms' assessment dates the warnings' deadline check counts from", response: { 200: assessmentDatesSchema } },
  }, async (req) => ({ terms: await assessmentDates(app, requireActor(req).ownerId, requireActor(req).staff[0]?.schoolId ?? '', req.today) }));

  r.put('/api/warnings/assessment-dates', {
    config: { access: { kind: 'school', action: 'warning.manageAssessmentDates' } },
    schema: { tags, summary: "Set a term's assessment date and how many days' notice a warning needs", body: assessmentDateBody, response: { 200: assessmentDatesSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const schoolId = actor.staff[0]?.schoolId ?? '';
    const term = await termDates(q, actor.ownerId, req.body.termId);
    if (!term) throw badField('termId', 'warning.unknownTerm');
    if (req.body.assessedOn < term.starts_on || req.body.assessedOn > term.ends_on) {
      throw badField('assessedOn', 'warning.assessmentOutsideTerm', { from: term.starts_on, to: term.ends_on });
    }
    await upsertAssessmentDate(q, actor.ownerId, schoolId, {
      termId: req.body.termId, assessedOn: req.body.assessedOn, minimumNoticeDays: req.body.minimumNoticeDays, updatedByPersonId: actor.personId,
    });
    return { terms: await assessmentDates(app, actor.ownerId, schoolId, req.today) };
  });
}

async function assessmentDates(app: FastifyInstance, ownerId: string, schoolId: string, today: string) {
  if (!schoolId) throw new HttpError(404, 'error.notFound');
  const rows = await termAssessmentDates(app.database.query, ownerId, schoolId, today);
  return rows.map((t) => ({
    termId: t.id, kind: t.kind, startsOn: t.starts_on, endsOn: t.ends_on, assessedOn: t.assessed_on ?? t.ends_on, configured: t.assessed_on !== null,
    minimumNoticeDays: t.minimum_notice_days === null ? DEFAULT_MINIMUM_NOTICE_DAYS : Number(t.minimum_notice_days),
  }));
}
