/**
 * The assessment plan (R-42). Subject teachers plan tests, projects, full-day tests, trip days and
 * cultural events for their teaching groups; a contact teacher (or a leader) plans events for the whole
 * class; the principal and department heads plan for a level or the whole school. The school's conflict
 * rules are checked per student while the form is filled in (the check route) and again on save: a hard
 * rule refuses with 400 naming the rule and the students affected; a warning-only rule saves and warns.
 * Students, their teachers, leaders and guardians with insight read the combined plan; an ICS feed per
 * student and per teaching group uses the shared secret-token mechanism (core/calendarFeed).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { resolveFeedToken, rotateFeedToken } from '../../core/calendarFeed/token.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError, type FieldError } from '../../core/http/errors.js';
import { formatDay } from '../../core/i18n/dates.js';
import type { Locale } from '../../core/i18n/locale.js';
import { t } from '../../core/i18n/messages.js';
import { can } from '../../core/policy/can.js';
import { loadActor, loadStudentFacts, loadStudentsFacts, loadTeachingGroupFacts } from '../../core/policy/facts.js';
import type { Action, Actor } from '../../core/policy/types.js';
import { today as todayOf } from '../../core/time.js';
import { addDays, schoolYearOf, type SchoolCalendar } from '../../core/calendar/calendar.js';
import { studentParams } from '../../core/http/schemas.js';
import { planCalendar, type FeedEvent } from './ics.js';
import { DEFAULT_RULES, type RuleSetting } from './rules.js';
import {
  MAXIMUM_MAX, MAXIMUM_MIN, basisEntryParams, basisParams, checkBody, checkResultSchema, entryBody, feedSchema, groupPlanSchema, mineSchema, rangeQuery, rulesBody, rulesSchema,
  savedSchema, schoolCheckBody, schoolEntryBody, schoolEntryParams, schoolEventsSchema, studentPlanSchema, teachingEntryParams, teachingParams,
  type ConflictView, type EntryBody, type EntryView,
} from './schemas.js';
import {
  PROPOSED_ID, calendarOfYear, conflictsAmong, conflictsOfProposal, dateProblems, entriesOfTeachingGroup, entryById, levelsOfSchool, planOf, plansOfStudents, rulesOf, saveRules,
  schoolEventsOf, studentNames, studentsOfTarget, yearById, type Conflict, type PlanEntry, type Plans, type Target,
} from './service.js';

const tags = ['assessmentPlan'];
const byName = new Intl.Collator('nb');
const feedScope = { student: (id: string) => `assessmentPlan.student:${id}`, group: (id: string) => `assessmentPlan.group:${id}` };

/** Who may change an entry: its group's subject teachers, the class's planners, the leaders for level and school events. */
function mayEdit(actor: Actor, e: PlanEntry): boolean {
  if (e.teachingGroupId) return actor.subjectTeacherOf.some((g) => g.id === e.teachingGroupId);
  const roles = actor.staff.find((s) => s.schoolId === e.schoolId)?.roles ?? [];
  const leader = roles.some((r) => r.role === 'principal' || r.role === 'departmentHead');
  if (e.basisGroupId) return leader || actor.contactTeacherOf.some((g) => g.id === e.basisGroupId);
  return leader;
}

const toView = (actor: Actor) => (e: PlanEntry): EntryView => ({
  id: e.id, kind: e.kind, title: e.title, description: e.description, startsOn: e.startsOn, endsOn: e.endsOn, scope: e.scope, level: e.level,
  subjectCode: e.subjectCode, subjectName: e.subjectName, groupName: e.groupName, teachingGroupId: e.teachingGroupId, basisGroupId: e.basisGroupId,
  editable: mayEdit(actor, e),
});

function ruleText(locale: Locale, rule: RuleSetting | { rule: RuleSetting['rule']; maximum: number | null }): string {
  return t(locale, `assessmentPlan.rule.${rule.rule}`, { maximum: rule.maximum ?? '' });
}

function namesText(locale: Locale, names: string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} ${t(locale, 'assessmentPlan.andMore', { count: names.length - 5 })}` : shown;
}

/** "mandag 7. desember" for a day's conflict, "i uke 49" for a week's (a school year has each week number once). */
function whenText(locale: Locale, c: { day: string | null; week: string | null }): string {
  return c.day
    ? t(locale, 'assessmentPlan.when.day', { day: formatDay(c.day, locale, { weekday: true }) })
    : t(locale, 'assessmentPlan.when.week', { week: c.week ? Number(c.week.slice(6)) : '' });
}

const DAY_PARAMS = ['day', 'from', 'to', 'startsOn'] as const;

/** A date problem's days in words in the reader's language, with the year (it may be outside the school year). */
function withDays(locale: Locale, e: FieldError): FieldError {
  if (!e.params) return e;
  const params = { ...e.params };
  for (const k of DAY_PARAMS) {
    const v = params[k];
    if (typeof v === 'string') params[k] = formatDay(v, locale, { year: true });
  }
  return { ...e, params };
}

interface Names { get(id: string): { givenName: string; familyName: string } | undefined }

function conflictView(c: Conflict, ctx: { locale: Locale; rules: readonly RuleSetting[]; plans: Plans; names: Names; proposal?: { id: string; title: string; kind: PlanEntry['kind']; startsOn: string; groupName: string | null } }): ConflictView {
  const rule = ctx.rules.find((r) => r.rule === c.rule) ?? DEFAULT_RULES.find((r) => r.rule === c.rule)!;
  const students = c.studentIds
    .map((id) => ({ id, n: ctx.names.get(id) }))
    .filter((x) => x.n)
    .sort((a, b) => byName.compare(a.n!.familyName, b.n!.familyName) || byName.compare(a.n!.givenName, b.n!.givenName))
    .map((x) => ({ id: x.id, name: `${x.n!.givenName} ${x.n!.familyName}` }));
  const when = whenText(ctx.locale, c);
  return {
    rule: c.rule, warningOnly: c.warningOnly, day: c.day, week: c.week,
    message: t(ctx.locale, 'assessmentPlan.conflict', { rule: ruleText(ctx.locale, rule), when, count: c.studentIds.length, students: namesText(ctx.locale, students.map((s) => s.name)) }),
    studentCount: c.studentIds.length,
    students,
    entries: c.entryIds.map((id) => {
      if (ctx.proposal && id === ctx.proposal.id) return { ...ctx.proposal, proposed: true };
      const e = ctx.plans.entries.get(id)!;
      return { id: e.id, title: e.title, kind: e.kind, startsOn: e.startsOn, groupName: e.groupName, proposed: false };
    }),
  };
}

export async function assessmentPlanRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app;
  const q = database.query;

  /** the school year of a group (the default window of its views) */
  async function yearOfGroup(table: 'teaching_group' | 'basis_group', ownerId: string, id: string) {
    const [row] = await q<{ school_year_id: string; school_id: string; subject_id?: string | null }>(
      `select school_year_id, school_id${table === 'teaching_group' ? ', subject_id' : ''} from ${table} where owner_id = $1 and id = $2`, [ownerId, id]);
    const year = row ? await yearById(q, ownerId, row.school_year_id) : null;
    if (!row || !year) throw new HttpError(404, 'error.notFound');
    return { year, schoolId: row.school_id, schoolYearId: row.school_year_id, subjectId: row.subject_id ?? null };
  }

  function range(query: { from?: string; to?: string }, year: { startsOn: string; endsOn: string }, locale: Locale) {
    const from = query.from ?? year.startsOn;
    const to = query.to ?? year.endsOn;
    if (to < from) throw new HttpError(400, 'error.badRequest', {}, [{ field: 'to', key: 'assessmentPlan.endsBeforeStarts', params: { startsOn: formatDay(from, locale, { year: true }) } }]);
    // a window of at most two years keeps the answer bounded
    return { from, to: to > addDays(from, 731) ? addDays(from, 731) : to };
  }

  /** Audits that the caller saw these students' names in the plan's conflicts (per student, with the relationship). */
  async function auditNamed(actor: Actor, action: Action, studentIds: readonly string[], today: string, resource: { type: string; id: string }) {
    if (studentIds.length === 0) return;
    const facts = await loadStudentsFacts(database, actor.ownerId, [...studentIds], today);
    await writeAudit(database, [...facts.values()].flatMap((f) => {
      const d = can(actor, 'assessmentPlan.read', { type: 'student', student: f }, today);
      return d.allow ? [studentEntry(actor, action, f.studentId, d.reason, { resourceType: resource.type, resourceId: resource.id })] : [];
    }));
  }

  /** The check and the save share this: the date problems, and the conflicts the entry would take part in. */
  async function evaluate(target: Target, body: { kind: EntryBody['kind']; title: string; startsOn: string; endsOn: string | null }, entryId: string | null, locale: Locale, groupName: string | null) {
    const year = await yearById(q, target.ownerId, target.schoolYearId);
    if (!year) throw new HttpError(400, 'error.noSchoolYear');
    const calendar: SchoolCalendar = await calendarOfYear(q, target.ownerId, year);
    const dateErrors = dateProblems(calendar, body.kind, body.startsOn, body.endsOn).map((e) => withDays(locale, e));
    const rules = await rulesOf(q, target.ownerId, target.schoolId);
    // projects and cultural events take part in no rule: nothing to look up
    if (dateErrors.length > 0 || body.kind === 'project' || body.kind === 'culturalEvent') return { dateErrors, rules, conflicts: [] as ConflictView[], hard: [] as ConflictView[] };
    const { conflicts, plans } = await conflictsOfProposal(q, { ...target, entryId, kind: body.kind, title: body.title, startsOn: body.startsOn, endsOn: body.endsOn }, rules, calendar);
    const names = await studentNames(q, target.ownerId, [...new Set(conflicts.flatMap((c) => c.studentIds))]);
    const proposal = { id: entryId ?? PROPOSED_ID, title: body.title, kind: body.kind, startsOn: body.startsOn, groupName };
    const views = conflicts.map((c) => conflictView(c, { locale, rules, plans, names, proposal }));
    return { dateErrors, rules, conflicts: views, hard: views.filter((c) => !c.warningOnly) };
  }

  async function check(req: FastifyRequest, target: Target, body: z.infer<typeof checkBody>, groupName: string | null) {
    const res = await evaluate(target, body, body.entryId, req.locale, groupName);
    return {
      conflicts: res.conflicts,
      dateErrors: res.dateErrors.map((e) => ({ field: e.field, message: t(req.locale, e.key, e.params ?? {}) })),
      blocked: res.dateErrors.length > 0 || res.hard.length > 0,
    };
  }

  /** Saves a new or changed entry unless a date is wrong or a hard rule is broken (400 naming the rule and the students). */
  async function save(req: FastifyRequest, target: Target & { subjectId: string | null }, body: EntryBody, existing: PlanEntry | null, groupName: string | null) {
    const actor = requireActor(req);
    const res = await evaluate(target, body, existing?.id ?? null, req.locale, groupName);
    if (res.dateErrors.length > 0) throw new HttpError(400, 'error.badRequest', {}, res.dateErrors);
    if (res.hard.length > 0) {
      const fields: FieldError[] = res.hard.map((c) => ({ field: 'startsOn', key: 'assessmentPlan.conflict', params: conflictParams(req.locale, res.rules, c) }));
      throw new HttpError(400, 'error.badRequest', {}, fields);
    }
    const id = existing?.id ?? randomUUID();
    if (existing) {
      // a school event may move to another level or school year; a group's entry keeps its own (the target is the group's)
      await q(`update assessment_plan_entry set kind = $3, title = $4, description = $5, starts_on = $6, ends_on = $7, level = $8, school_year_id = $9, updated_at = now()
        where owner_id = $1 and id = $2`,
      [actor.ownerId, id, body.kind, body.title, body.description, body.startsOn, body.endsOn, target.level, target.schoolYearId]);
    } else {
      await q(`insert into assessment_plan_entry (owner_id, id, school_id, school_year_id, teaching_group_id, basis_group_id, level, subject_id, kind, title, description, starts_on, ends_on, created_by_person_id)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [actor.ownerId, id, target.schoolId, target.schoolYearId, target.teachingGroupId, target.basisGroupId, target.level, target.subjectId,
        body.kind, body.title, body.description, body.startsOn, body.endsOn, actor.personId]);
    }
    const entry = (await entryById(q, actor.ownerId, id))!;
    return { entry: toView(actor)(entry), warnings: res.conflicts.map((c) => ({ ...c, entries: c.entries.map((e) => (e.proposed ? { ...e, id } : e)) })) };
  }

  /** the parts of the conflict's message (the field error is rendered in the caller's language by the problem handler) */
  function conflictParams(locale: Locale, rules: readonly RuleSetting[], c: ConflictView): Record<string, string | number> {
    const rule = rules.find((x) => x.rule === c.rule) ?? DEFAULT_RULES.find((x) => x.rule === c.rule)!;
    return { rule: ruleText(locale, rule), when: whenText(locale, c), count: c.studentCount, students: namesText(locale, c.students.map((x) => x.name)) };
  }

  async function groupEntry(ownerId: string, entryId: string, match: (e: PlanEntry) => boolean): Promise<PlanEntry> {
    const e = await entryById(q, ownerId, entryId);
    if (!e || !match(e)) throw new HttpError(404, 'assessmentPlan.notFound');
    return e;
  }

  /* ───────────── the caller's own entry points ───────────── */

  r.get('/api/me/assessment-plan', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'Where the caller finds assessment plans: their own student records, the groups they teach and the classes they follow', response: { 200: mineSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    return {
      studentIds: actor.studentIds,
      teachingGroups: actor.subjectTeacherOf.map((g) => ({ id: g.id, name: g.name, subjectCode: g.subjectCode, subjectName: g.subjectName })).sort((a, b) => byName.compare(a.name, b.name)),
      basisGroups: actor.contactTeacherOf.map((g) => ({ id: g.id, name: g.name })).sort((a, b) => byName.compare(a.name, b.name)),
    };
  });

  /* ───────────── a student's combined plan ───────────── */

  r.get('/api/students/:studentId/assessment-plan', {
    config: { access: { kind: 'student', action: 'assessmentPlan.read', audit: 'read' } },
    schema: { tags, summary: "A student's combined plan (all their groups, their class, level and school) with the conflicts in it", params: studentParams, querystring: rangeQuery, response: { 200: studentPlanSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const s = req.student!;
    const year = await schoolYearOf(q, actor.ownerId, req.today);
    const { from, to } = range(req.query, year ?? { startsOn: addDays(req.today, -30), endsOn: addDays(req.today, 180) }, req.locale);
    const calendar = year ? await calendarOfYear(q, actor.ownerId, year) : null;
    const rules = await rulesOf(q, actor.ownerId, s.schoolId);
    const { plans, conflicts } = calendar
      ? await conflictsAmong(q, actor.ownerId, [s.studentId], from, to, rules, calendar)
      : { plans: { entries: new Map(), byStudent: new Map() } as Plans, conflicts: [] as Conflict[] };
    const names = await studentNames(q, actor.ownerId, [s.studentId]);
    const n = names.get(s.studentId);
    return {
      access: accessOf(req), from, to, today: req.today,
      student: { id: s.studentId, givenName: n?.givenName ?? '', familyName: n?.familyName ?? '' },
      entries: planOf(plans, s.studentId).filter((e) => e.startsOn <= to && (e.endsOn ?? e.startsOn) >= from).map(toView(actor)),
      conflicts: conflicts.map((c) => conflictView(c, { locale: req.locale, rules, plans, names })),
    };
  });

  r.post('/api/students/:studentId/assessment-plan/feed', {
    config: { access: { kind: 'student', action: 'assessmentPlan.read', audit: 'write' } },
    schema: { tags, summary: "A calendar feed URL of the student's plan for the caller (a new URL replaces the old one)", params: studentParams, response: { 200: feedSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { token } = await rotateFeedToken(q, actor.ownerId, actor.personId, feedScope.student(req.student!.studentId));
    return { url: `${feedOrigin(req)}/api/assessment-plan/feeds/${token}.ics` };
  });

  /* ───────────── a teaching group's plan ───────────── */

  const teachingTarget = async (req: FastifyRequest) => {
    const g = req.teachingGroup!;
    const y = await yearOfGroup('teaching_group', g.ownerId, g.teachingGroupId);
    return { g, y, target: { ownerId: g.ownerId, schoolId: y.schoolId, schoolYearId: y.schoolYearId, teachingGroupId: g.teachingGroupId, basisGroupId: null, level: null, subjectId: y.subjectId } };
  };

  r.get('/api/teaching-groups/:teachingGroupId/assessment-plan', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.readAssessmentPlan' } },
    schema: { tags, summary: "A teaching group's plan and the conflicts its entries take part in for its students", params: teachingParams, querystring: rangeQuery, response: { 200: groupPlanSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { g, y, target } = await teachingTarget(req);
    const { from, to } = range(req.query, y.year, req.locale);
    const day = req.today < y.year.startsOn ? y.year.startsOn : req.today > y.year.endsOn ? y.year.endsOn : req.today;
    const students = await studentsOfTarget(q, target, day);
    const calendar = await calendarOfYear(q, actor.ownerId, y.year);
    const rules = await rulesOf(q, actor.ownerId, y.schoolId);
    const own = await entriesOfTeachingGroup(q, actor.ownerId, g.teachingGroupId, from, to);
    const ownIds = new Set(own.map((e) => e.id));
    const { plans, conflicts } = await conflictsAmong(q, actor.ownerId, students, from, to, rules, calendar);
    const mine = conflicts.filter((c) => c.entryIds.some((id) => ownIds.has(id)));
    const names = await studentNames(q, actor.ownerId, [...new Set(mine.flatMap((c) => c.studentIds))]);
    await auditNamed(actor, 'teachingGroup.readAssessmentPlan', [...names.keys()], req.today, { type: 'teachingGroup', id: g.teachingGroupId });
    return {
      access: accessOf(req), from, to, today: req.today,
      group: { id: g.teachingGroupId, name: g.name, subjectCode: g.subjectCode, subjectName: g.subjectName, kind: 'teaching' as const },
      canPlan: can(actor, 'teachingGroup.planAssessment', { type: 'teachingGroup', group: g }, req.today).allow,
      studentCount: students.length,
      entries: own.map(toView(actor)),
      conflicts: mine.map((c) => conflictView(c, { locale: req.locale, rules, plans, names })),
    };
  });

  r.post('/api/teaching-groups/:teachingGroupId/assessment-plan/check', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.planAssessment' } },
    schema: { tags, summary: 'The live check while planning: date problems and the conflicts the entry would cause for the group\'s students', params: teachingParams, body: checkBody, response: { 200: checkResultSchema } },
  }, async (req) => {
    const { g, target } = await teachingTarget(req);
    return check(req, target, req.body, g.name);
  });

  r.post('/api/teaching-groups/:teachingGroupId/assessment-plan', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.planAssessment' } },
    schema: { tags, summary: 'Plan a test, project, full-day test, trip day or cultural event for the group (400 on a hard conflict)', params: teachingParams, body: entryBody, response: { 201: savedSchema } },
  }, async (req, reply) => {
    const { g, target } = await teachingTarget(req);
    return reply.status(201).send(await save(req, target, req.body, null, g.name));
  });

  r.put('/api/teaching-groups/:teachingGroupId/assessment-plan/:entryId', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.planAssessment' } },
    schema: { tags, summary: 'Change a planned entry of the group (checked again)', params: teachingEntryParams, body: entryBody, response: { 200: savedSchema } },
  }, async (req) => {
    const { g, target } = await teachingTarget(req);
    const existing = await groupEntry(g.ownerId, req.params.entryId, (e) => e.teachingGroupId === g.teachingGroupId);
    return save(req, target, req.body, existing, g.name);
  });

  r.delete('/api/teaching-groups/:teachingGroupId/assessment-plan/:entryId', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.planAssessment' } },
    schema: { tags, summary: 'Remove a planned entry of the group', params: teachingEntryParams },
  }, async (req, reply) => {
    const g = req.teachingGroup!;
    const e = await groupEntry(g.ownerId, req.params.entryId, (x) => x.teachingGroupId === g.teachingGroupId);
    await q('delete from assessment_plan_entry where owner_id = $1 and id = $2', [g.ownerId, e.id]);
    return reply.status(204).send();
  });

  r.post('/api/teaching-groups/:teachingGroupId/assessment-plan/feed', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.readAssessmentPlan' } },
    schema: { tags, summary: "A calendar feed URL of the group's plan for the caller (a new URL replaces the old one)", params: teachingParams, response: { 200: feedSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { token } = await rotateFeedToken(q, actor.ownerId, actor.personId, feedScope.group(req.teachingGroup!.teachingGroupId));
    return { url: `${feedOrigin(req)}/api/assessment-plan/feeds/${token}.ics` };
  });

  /* ───────────── a class's combined plan ───────────── */

  const basisTarget = async (req: FastifyRequest) => {
    const g = req.group!;
    const y = await yearOfGroup('basis_group', g.ownerId, g.basisGroupId);
    return { g, y, target: { ownerId: g.ownerId, schoolId: y.schoolId, schoolYearId: y.schoolYearId, teachingGroupId: null, basisGroupId: g.basisGroupId, level: null, subjectId: null } };
  };

  r.get('/api/basis-groups/:basisGroupId/assessment-plan', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.readAssessmentPlan' } },
    schema: { tags, summary: "A class's combined plan (the union of its students' plans) with the conflicts per student, summarised", params: basisParams, querystring: rangeQuery, response: { 200: groupPlanSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { g, y, target } = await basisTarget(req);
    const { from, to } = range(req.query, y.year, req.locale);
    const day = req.today < y.year.startsOn ? y.year.startsOn : req.today > y.year.endsOn ? y.year.endsOn : req.today;
    const students = await studentsOfTarget(q, target, day);
    const calendar = await calendarOfYear(q, actor.ownerId, y.year);
    const rules = await rulesOf(q, actor.ownerId, y.schoolId);
    const { plans, conflicts } = await conflictsAmong(q, actor.ownerId, students, from, to, rules, calendar);
    const names = await studentNames(q, actor.ownerId, [...new Set(conflicts.flatMap((c) => c.studentIds))]);
    await auditNamed(actor, 'basisGroup.readAssessmentPlan', [...names.keys()], req.today, { type: 'basisGroup', id: g.basisGroupId });
    const entries = [...new Set(students.flatMap((s) => plans.byStudent.get(s) ?? []))].map((id) => plans.entries.get(id)!)
      .filter((e) => e.startsOn <= to && (e.endsOn ?? e.startsOn) >= from)
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.title.localeCompare(b.title, 'nb'));
    return {
      access: accessOf(req), from, to, today: req.today,
      group: { id: g.basisGroupId, name: g.name, subjectCode: null, subjectName: null, kind: 'basis' as const },
      canPlan: can(actor, 'basisGroup.planAssessment', { type: 'basisGroup', group: g }, req.today).allow,
      studentCount: students.length,
      entries: entries.map(toView(actor)),
      conflicts: conflicts.map((c) => conflictView(c, { locale: req.locale, rules, plans, names })),
    };
  });

  r.post('/api/basis-groups/:basisGroupId/assessment-plan/check', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.planAssessment' } },
    schema: { tags, summary: 'The live check for an event for the whole class', params: basisParams, body: checkBody, response: { 200: checkResultSchema } },
  }, async (req) => {
    const { g, target } = await basisTarget(req);
    return check(req, target, req.body, g.name);
  });

  r.post('/api/basis-groups/:basisGroupId/assessment-plan', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.planAssessment' } },
    schema: { tags, summary: 'Plan an event for the whole class (a trip day, a cultural event, a full-day test)', params: basisParams, body: entryBody, response: { 201: savedSchema } },
  }, async (req, reply) => {
    const { g, target } = await basisTarget(req);
    return reply.status(201).send(await save(req, target, req.body, null, g.name));
  });

  r.put('/api/basis-groups/:basisGroupId/assessment-plan/:entryId', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.planAssessment' } },
    schema: { tags, summary: 'Change an event of the whole class (checked again)', params: basisEntryParams, body: entryBody, response: { 200: savedSchema } },
  }, async (req) => {
    const { g, target } = await basisTarget(req);
    const existing = await groupEntry(g.ownerId, req.params.entryId, (e) => e.basisGroupId === g.basisGroupId);
    return save(req, target, req.body, existing, g.name);
  });

  r.delete('/api/basis-groups/:basisGroupId/assessment-plan/:entryId', {
    config: { access: { kind: 'basisGroup', action: 'basisGroup.planAssessment' } },
    schema: { tags, summary: 'Remove an event of the whole class', params: basisEntryParams },
  }, async (req, reply) => {
    const g = req.group!;
    const e = await groupEntry(g.ownerId, req.params.entryId, (x) => x.basisGroupId === g.basisGroupId);
    await q('delete from assessment_plan_entry where owner_id = $1 and id = $2', [g.ownerId, e.id]);
    return reply.status(204).send();
  });

  /* ───────────── events for a level or the whole school ───────────── */

  async function schoolTarget(req: FastifyRequest, startsOn: string, level: string | null) {
    const actor = requireActor(req);
    const schoolId = actor.staff[0]?.schoolId;
    if (!schoolId) throw new HttpError(403, 'error.forbidden');
    const year = await schoolYearOf(q, actor.ownerId, startsOn);
    if (!year) throw new HttpError(400, 'error.badRequest', {}, [{ field: 'startsOn', key: 'error.noSchoolYear' }]);
    return { ownerId: actor.ownerId, schoolId, schoolYearId: year.id, teachingGroupId: null, basisGroupId: null, level, subjectId: null };
  }

  /** An event for a level or the whole school of the caller's school; 404 for another school's or a group's entry. */
  async function schoolEvent(req: FastifyRequest, entryId: string): Promise<PlanEntry> {
    const actor = requireActor(req);
    const schoolId = actor.staff[0]?.schoolId;
    return groupEntry(actor.ownerId, entryId, (x) => x.schoolId === schoolId && (x.scope === 'level' || x.scope === 'school'));
  }

  r.get('/api/assessment-plan/school-events', {
    config: { access: { kind: 'school', action: 'assessmentPlan.planSchoolEvent' } },
    schema: { tags, summary: "The school's events for a level or the whole school in the school year (to plan, change and remove them)", querystring: rangeQuery, response: { 200: schoolEventsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const schoolId = actor.staff[0]!.schoolId;
    const year = await schoolYearOf(q, actor.ownerId, req.today);
    const { from, to } = range(req.query, year ?? { startsOn: addDays(req.today, -30), endsOn: addDays(req.today, 365) }, req.locale);
    return {
      access: accessOf(req), from, to, today: req.today,
      levels: year ? await levelsOfSchool(q, actor.ownerId, schoolId, year.id) : [],
      entries: (await schoolEventsOf(q, actor.ownerId, schoolId, from, to)).map(toView(actor)),
    };
  });

  r.post('/api/assessment-plan/school-events/check', {
    config: { access: { kind: 'school', action: 'assessmentPlan.planSchoolEvent' } },
    schema: { tags, summary: 'The live check for an event for a level or the whole school', body: schoolCheckBody, response: { 200: checkResultSchema } },
  }, async (req) => check(req, await schoolTarget(req, req.body.startsOn, req.body.level), req.body, null));

  r.post('/api/assessment-plan/school-events', {
    config: { access: { kind: 'school', action: 'assessmentPlan.planSchoolEvent' } },
    schema: { tags, summary: 'Plan an event for a level (e.g. Vg2) or the whole school', body: schoolEntryBody, response: { 201: savedSchema } },
  }, async (req, reply) => {
    const target = await schoolTarget(req, req.body.startsOn, req.body.level);
    return reply.status(201).send(await save(req, target, req.body, null, null));
  });

  r.put('/api/assessment-plan/school-events/:entryId', {
    config: { access: { kind: 'school', action: 'assessmentPlan.planSchoolEvent' } },
    schema: { tags, summary: 'Change an event for a level or the whole school (checked again; refused as a whole, the saved event left as it was)', params: schoolEntryParams, body: schoolEntryBody, response: { 200: savedSchema } },
  }, async (req) => {
    const existing = await schoolEvent(req, req.params.entryId);
    const target = await schoolTarget(req, req.body.startsOn, req.body.level);
    return save(req, target, req.body, existing, null);
  });

  r.delete('/api/assessment-plan/school-events/:entryId', {
    config: { access: { kind: 'school', action: 'assessmentPlan.planSchoolEvent' } },
    schema: { tags, summary: 'Remove an event for a level or the whole school', params: schoolEntryParams },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const e = await schoolEvent(req, req.params.entryId);
    await q('delete from assessment_plan_entry where owner_id = $1 and id = $2', [actor.ownerId, e.id]);
    return reply.status(204).send();
  });

  /* ───────────── the school's rules ───────────── */

  r.get('/api/assessment-plan/rules', {
    config: { access: { kind: 'school', action: 'assessmentPlan.readRules' } },
    schema: { tags, summary: "The school's conflict rules (Elevlos's defaults where the school has not set its own)", response: { 200: rulesSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const schoolId = actor.staff[0]!.schoolId;
    const rules = await rulesOf(q, actor.ownerId, schoolId);
    return {
      access: accessOf(req),
      rules: rules.map((x) => ({ ...x, description: ruleText(req.locale, x) })),
      canManage: can(actor, 'assessmentPlanRule.manage', { type: 'school', ownerId: actor.ownerId, schoolId, schoolName: actor.staff[0]!.schoolName }, req.today).allow,
    };
  });

  r.put('/api/assessment-plan/rules', {
    config: { access: { kind: 'school', action: 'assessmentPlanRule.manage' } },
    schema: { tags, summary: "Set the school's conflict rules: on/off, the maximum, and whether a rule only warns", body: rulesBody, response: { 200: rulesSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const schoolId = actor.staff[0]!.schoolId;
    const seen = new Set<string>();
    const fields: FieldError[] = [];
    req.body.rules.forEach((x, i) => {
      if (seen.has(x.rule)) fields.push({ field: `rules.${i}.rule`, key: 'error.badRequest' });
      seen.add(x.rule);
      const m = x.maximum;
      if (x.rule !== 'noTestAfterExcursion' && (m === null || !Number.isInteger(m) || m < MAXIMUM_MIN || m > MAXIMUM_MAX)) {
        fields.push({ field: `rules.${i}.maximum`, key: 'assessmentPlan.maximumRange', params: { min: MAXIMUM_MIN, max: MAXIMUM_MAX } });
      }
    });
    if (fields.length > 0) throw new HttpError(400, 'error.badRequest', {}, fields);
    await saveRules(q, actor.ownerId, schoolId, actor.personId, req.body.rules);
    const rules = await rulesOf(q, actor.ownerId, schoolId);
    return { access: accessOf(req), rules: rules.map((x) => ({ ...x, description: ruleText(req.locale, x) })), canManage: true };
  });

  /* ───────────── the calendar feeds ───────────── */

  r.get('/api/assessment-plan/feeds/:token.ics', {
    // the token in the URL is the secret (calendar apps cannot log in); decided by the policy as its person each time
    config: { access: { kind: 'public' } },
    schema: { tags, summary: "A student's or a teaching group's assessment plan as an iCalendar feed", params: z.object({ token: z.string().max(200) }) },
  }, async (req, reply) => {
    const body = await feedBody(req.params.token);
    if (body === null) throw new HttpError(404, 'error.notFound');
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'private, max-age=300')
      .header('content-disposition', 'inline; filename="proveplan.ics"')
      .send(body);
  });

  async function feedBody(token: string): Promise<string | null> {
    const feed = await resolveFeedToken(q, token);
    const m = feed && /^assessmentPlan\.(student|group):([0-9a-f-]{36})$/.exec(feed.scope);
    if (!feed || !m) return null;
    const actor = await loadActor(database, feed.ownerId, feed.personId);
    if (!actor) return null;
    const today = todayOf();
    const from = addDays(today, -31);
    const to = addDays(today, 400);
    const locale = actor.locale;
    let entries: PlanEntry[];
    let name: string;
    let link: string;
    if (m[1] === 'student') {
      const facts = await loadStudentFacts(database, actor.ownerId, m[2]!, today);
      const d = facts && can(actor, 'assessmentPlan.read', { type: 'student', student: facts }, today);
      if (!facts || !d || !d.allow) return null;
      const plans = await plansOfStudents(q, actor.ownerId, [facts.studentId], from, to);
      entries = planOf(plans, facts.studentId);
      // no names in the feed: calendar services store it
      name = t(locale, 'assessmentPlan.feedName', { name: facts.basisGroups[0]?.name ?? '' }).trim();
      link = `${app.config.publicUrl}/students/${facts.studentId}/assessment-plan`;
      await writeAudit(database, [studentEntry(actor, 'assessmentPlan.readFeed', facts.studentId, d.reason)]);
    } else {
      const g = await loadTeachingGroupFacts(database, actor.ownerId, m[2]!);
      if (!g || !can(actor, 'teachingGroup.readAssessmentPlan', { type: 'teachingGroup', group: g }, today).allow) return null;
      entries = await entriesOfTeachingGroup(q, actor.ownerId, g.teachingGroupId, from, to);
      name = t(locale, 'assessmentPlan.feedName', { name: g.name });
      link = `${app.config.publicUrl}/teaching-groups/${g.teachingGroupId}/assessment-plan`;
    }
    const events: FeedEvent[] = entries.map((e) => ({
      id: e.id,
      summary: `${t(locale, `assessmentPlan.kind.${e.kind}`)}: ${e.title}${e.subjectCode ? ` (${e.subjectCode})` : ''}`,
      description: [e.groupName ?? (e.level ?? t(locale, 'assessmentPlan.wholeSchool')), e.description].filter(Boolean).join('\n'),
      startsOn: e.startsOn, endsOn: e.endsOn ?? e.startsOn, url: link,
    }));
    return planCalendar(name, events);
  }

  /** Where the caller reached the app (behind a proxy: the forwarded host); PUBLIC_URL when set. */
  function feedOrigin(req: FastifyRequest): string {
    if (process.env.PUBLIC_URL) return app.config.publicUrl;
    return `${req.protocol}://${req.host}`;
  }
}
