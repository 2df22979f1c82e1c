/**
 * The contact teacher's queue for a class (R-22: review, merge, approve, send, follow delivery, with
 * the deadline check), the school's list for the principal and department heads (L-21 decisions),
 * and the terms' assessment dates the deadline check counts from.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import { loadGroupStudents, loadStudentsFacts } from '../../core/policy/facts.js';
import { isAdult } from '../../core/time.js';
import { lettersOf, warningsOf } from './queries.js';
import { assessmentDateBody, assessmentDatesSchema, queueSchema, schoolQuery, schoolWarningsSchema } from './schemas.js';
import { DEFAULT_MINIMUM_NOTICE_DAYS, deadlineFor } from './service.js';
import { narrow, viewerOf } from './visibility.js';

const tags = ['warnings'];

export async function groupWarningRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/basis-groups/:basisGroupId/warnings', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readWarnings' } },
    schema: {
      tags, summary: "The class's warnings: proposed ones to review and merge, letters to send, delivery — and how long until the term's assessment",
      params: z.object({ basisGroupId: z.uuid() }), response: { 200: queueSchema },
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
      warningsOf(q, actor.ownerId, ids, actor.personId),
      lettersOf(q, actor.ownerId, ids),
      deadlineFor(q, actor.ownerId, g.schoolId, req.today),
    ]);
    const students = visible
      .map((m) => {
        const mine = narrow('leader', actor, m.facts, warnings.filter((w) => w.studentId === m.facts.studentId), letters.filter((l) => l.studentId === m.facts.studentId));
        return {
          studentId: m.facts.studentId, name: m.row.name as string, isAdult: isAdult(m.facts.birthDate, req.today),
          warnings: mine.warnings.map(({ raisedByPersonId: _r, studentId: _s, ...w }) => w),
          letters: mine.letters.map(({ recipientPersonIds: _r, studentId: _s, ...l }) => l),
        };
      })
      .filter((x) => x.warnings.length > 0)
      .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
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
    const rows = await q<{ student_id: string }>(
      `select distinct w.student_id from warning_notice w join student s on s.owner_id = w.owner_id and s.id = w.student_id
       where w.owner_id = $1 and s.school_id = $2 and ($3::text is null or w.kind = $3) and ($4::text is null or w.state = $4)`,
      [actor.ownerId, schoolId, req.query.kind ?? null, req.query.state ?? null],
    );
    const facts = await loadStudentsFacts(app.database, actor.ownerId, rows.map((x) => x.student_id), req.today);
    const visible = [...facts.values()].filter((f) => can(actor, 'warning.read', { type: 'student', student: f }, req.today).allow && viewerOf(actor, f, req.today) === 'leader');
    const names = new Map((await q<{ id: string; name: string }>(
      `select s.id, p.given_name || ' ' || p.family_name as name from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id
       where s.owner_id = $1 and s.id = any($2::uuid[])`, [actor.ownerId, visible.map((f) => f.studentId)])).map((x) => [x.id, x.name]));
    const warnings = (await warningsOf(q, actor.ownerId, visible.map((f) => f.studentId), actor.personId))
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
    const [term] = await q<{ starts_on: string; ends_on: string }>('select starts_on::text as starts_on, ends_on::text as ends_on from term where owner_id = $1 and id = $2', [actor.ownerId, req.body.termId]);
    if (!term) throw badField('termId', 'warning.unknownTerm');
    if (req.body.assessedOn < term.starts_on || req.body.assessedOn > term.ends_on) {
      throw badField('assessedOn', 'warning.assessmentOutsideTerm', { from: term.starts_on, to: term.ends_on });
    }
    await q(
      `insert into term_assessment_date (owner_id, school_id, term_id, assessed_on, minimum_notice_days, updated_by_person_id)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (owner_id, school_id, term_id) do update set assessed_on = excluded.assessed_on, minimum_notice_days = excluded.minimum_notice_days,
         updated_at = now(), updated_by_person_id = excluded.updated_by_person_id`,
      [actor.ownerId, schoolId, req.body.termId, req.body.assessedOn, req.body.minimumNoticeDays, actor.personId],
    );
    return { terms: await assessmentDates(app, actor.ownerId, schoolId, req.today) };
  });
}

async function assessmentDates(app: FastifyInstance, ownerId: string, schoolId: string, today: string) {
  if (!schoolId) throw new HttpError(404, 'error.notFound');
  const rows = await app.database.query<{ id: string; kind: 'autumn' | 'spring'; starts_on: string; ends_on: string; assessed_on: string | null; minimum_notice_days: number | null }>(
    `select t.id, t.kind, t.starts_on::text as starts_on, t.ends_on::text as ends_on, a.assessed_on::text as assessed_on, a.minimum_notice_days
     from term t join school_year y on y.owner_id = t.owner_id and y.id = t.school_year_id
     left join term_assessment_date a on a.owner_id = t.owner_id and a.term_id = t.id and a.school_id = $2
     where t.owner_id = $1 and y.ends_on >= $3::date order by t.starts_on limit 4`,
    [ownerId, schoolId, today],
  );
  return rows.map((t) => ({
    termId: t.id, kind: t.kind, startsOn: t.starts_on, endsOn: t.ends_on, assessedOn: t.assessed_on ?? t.ends_on, configured: t.assessed_on !== null,
    minimumNoticeDays: t.minimum_notice_days === null ? DEFAULT_MINIMUM_NOTICE_DAYS : Number(t.minimum_notice_days),
  }));
}
