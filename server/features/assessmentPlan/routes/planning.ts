/**
 * What the plan's routes share: the window a view covers, the school year of a group, the audit of
 * students named in conflicts, and the check a form calls while the teacher types — run again on save,
 * where a hard rule refuses with 400 naming the rule and the students affected.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { studentEntry, writeAudit } from '../../../core/audit/audit.js';
import { addDays, type SchoolCalendar, type SchoolYearFacts } from '../../../core/calendar/calendar.js';
import type { Database, QueryFn } from '../../../core/db/client.js';
import { requireActor } from '../../../core/http/access.js';
import { HttpError, type FieldError } from '../../../core/http/errors.js';
import { formatDay } from '../../../core/i18n/dates.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { t } from '../../../core/i18n/messages.js';
import { can } from '../../../core/policy/can.js';
import { loadStudentsFacts } from '../../../core/policy/facts.js';
import type { Action, Actor } from '../../../core/policy/types.js';
import { basisGroupYear, entryById, insertEntry, studentNames, teachingGroupYear, updateEntry, yearById, type PlanEntry } from '../queries.js';
import type { checkBody, ConflictView, EntryBody, EntryView } from '../schemas.js';
import { PROPOSED_ID, calendarOfYear, conflictsOfProposal, dateProblems, rulesOf, type Target } from '../service.js';
import { conflictParams, conflictView, toView, withDays } from './views.js';

export interface GroupYear { year: SchoolYearFacts; schoolId: string; schoolYearId: string; subjectId: string | null }

/** the school year of a group (the default window of its views) */
export async function yearOfGroup(q: QueryFn, table: 'teaching_group' | 'basis_group', ownerId: string, id: string): Promise<GroupYear> {
  const row = table === 'teaching_group' ? await teachingGroupYear(q, ownerId, id) : await basisGroupYear(q, ownerId, id);
  const year = row ? await yearById(q, ownerId, row.school_year_id) : null;
  if (!row || !year) throw new HttpError(404, 'error.notFound');
  return { year, schoolId: row.school_id, schoolYearId: row.school_year_id, subjectId: row.subject_id ?? null };
}

export function range(query: { from?: string; to?: string }, year: { startsOn: string; endsOn: string }, locale: Locale): { from: string; to: string } {
  const from = query.from ?? year.startsOn;
  const to = query.to ?? year.endsOn;
  if (to < from) throw new HttpError(400, 'error.badRequest', {}, [{ field: 'to', key: 'assessmentPlan.endsBeforeStarts', params: { startsOn: formatDay(from, locale, { year: true }) } }]);
  // a window of at most two years keeps the answer bounded
  return { from, to: to > addDays(from, 731) ? addDays(from, 731) : to };
}

/** Audits that the caller saw these students' names in the plan's conflicts (per student, with the relationship). */
export async function auditNamed(database: Database, actor: Actor, action: Action, studentIds: readonly string[], today: string, resource: { type: string; id: string }): Promise<void> {
  if (studentIds.length === 0) return;
  const facts = await loadStudentsFacts(database, actor.ownerId, [...studentIds], today);
  await writeAudit(database, [...facts.values()].flatMap((f) => {
    const d = can(actor, 'assessmentPlan.read', { type: 'student', student: f }, today);
    return d.allow ? [studentEntry(actor, action, f.studentId, d.reason, { resourceType: resource.type, resourceId: resource.id })] : [];
  }));
}

/** The check and the save share this: the date problems, and the conflicts the entry would take part in. */
async function evaluate(q: QueryFn, target: Target, body: { kind: EntryBody['kind']; title: string; startsOn: string; endsOn: string | null }, entryId: string | null, locale: Locale, groupName: string | null) {
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

export async function check(q: QueryFn, req: FastifyRequest, target: Target, body: z.infer<typeof checkBody>, groupName: string | null) {
  const res = await evaluate(q, target, body, body.entryId, req.locale, groupName);
  return {
    conflicts: res.conflicts,
    dateErrors: res.dateErrors.map((e) => ({ field: e.field, message: t(req.locale, e.key, e.params ?? {}) })),
    blocked: res.dateErrors.length > 0 || res.hard.length > 0,
  };
}

/** Saves a new or changed entry unless a date is wrong or a hard rule is broken (400 naming the rule and the students). */
export async function save(q: QueryFn, req: FastifyRequest, target: Target & { subjectId: string | null }, body: EntryBody, existing: PlanEntry | null, groupName: string | null): Promise<{ entry: EntryView; warnings: ConflictView[] }> {
  const actor = requireActor(req);
  const res = await evaluate(q, target, body, existing?.id ?? null, req.locale, groupName);
  if (res.dateErrors.length > 0) throw new HttpError(400, 'error.badRequest', {}, res.dateErrors);
  if (res.hard.length > 0) {
    const fields: FieldError[] = res.hard.map((c) => ({ field: 'startsOn', key: 'assessmentPlan.conflict', params: conflictParams(req.locale, res.rules, c) }));
    throw new HttpError(400, 'error.badRequest', {}, fields);
  }
  const id = existing?.id ?? randomUUID();
  const what = { kind: body.kind, title: body.title, description: body.description, startsOn: body.startsOn, endsOn: body.endsOn };
  if (existing) {
    // a school event may move to another level or school year; a group's entry keeps its own (the target is the group's)
    await updateEntry(q, actor.ownerId, id, { ...what, level: target.level, schoolYearId: target.schoolYearId });
  } else {
    await insertEntry(q, actor.ownerId, id, {
      ...what, schoolId: target.schoolId, schoolYearId: target.schoolYearId, teachingGroupId: target.teachingGroupId, basisGroupId: target.basisGroupId,
      level: target.level, subjectId: target.subjectId,
    }, actor.personId);
  }
  const entry = (await entryById(q, actor.ownerId, id))!;
  return { entry: toView(actor)(entry), warnings: res.conflicts.map((c) => ({ ...c, entries: c.entries.map((e) => (e.proposed ? { ...e, id } : e)) })) };
}

/** The entry if `match` says it belongs where the route says; else 404. */
export async function groupEntry(q: QueryFn, ownerId: string, entryId: string, match: (e: PlanEntry) => boolean): Promise<PlanEntry> {
  const e = await entryById(q, ownerId, entryId);
  if (!e || !match(e)) throw new HttpError(404, 'assessmentPlan.notFound');
  return e;
}
