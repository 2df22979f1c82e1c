/** The class hour: the week's absence check, the held class hours with their notes, the week's topic, the class's cases. */
import { randomUUID } from 'node:crypto';
import type { QueryFn } from '../../../core/db/client.js';
import type { classHour, classHourCase } from '../tables.js';

type ClassHour = typeof classHour.$inferSelect;
type ClassHourCase = typeof classHourCase.$inferSelect;

/** R-20 in the class hour: how many of the class have undocumented absence this week, and how many were checked. */
export async function absenceThisWeek(q: QueryFn, ownerId: string, studentIds: string[], monday: string): Promise<{ withUndocumented: number; checked: number }> {
  const [row] = await q<{ undocumented: string; checked: string }>(
    `select (select count(distinct a.student_id) from absence a where a.owner_id = $1 and a.student_id = any($2::uuid[])
               and a.day between $3::date and $3::date + 6 and a.reason <> 'schoolHealthService' and a.documented_on is null) as undocumented,
            (select count(*) from weekly_check w where w.owner_id = $1 and w.student_id = any($2::uuid[]) and w.week_start = $3::date) as checked`,
    [ownerId, studentIds, monday]);
  return { withUndocumented: Number(row?.undocumented ?? 0), checked: Number(row?.checked ?? 0) };
}

/** The topic the contact teacher chose for the week starting `monday` (none: the plan's suggestion stands). */
export async function chosenTopicOfWeek(q: QueryFn, ownerId: string, basisGroupId: string, monday: string): Promise<{ topic: string }[]> {
  return q<{ topic: string }>('select topic from class_hour_topic where owner_id = $1 and basis_group_id = $2 and week_start = $3::date', [ownerId, basisGroupId, monday]);
}

/** Every week of the class with a chosen topic. */
export async function chosenTopics(q: QueryFn, ownerId: string, basisGroupId: string): Promise<{ week_start: string; topic: string }[]> {
  return q<{ week_start: string; topic: string }>(
    'select week_start::text, topic from class_hour_topic where owner_id = $1 and basis_group_id = $2', [ownerId, basisGroupId]);
}

export async function chooseTopic(q: QueryFn, ownerId: string, basisGroupId: string, monday: string, topic: string): Promise<void> {
  await q(`insert into class_hour_topic (owner_id, basis_group_id, week_start, topic) values ($1, $2, $3, $4)
        on conflict (owner_id, basis_group_id, week_start) do update set topic = excluded.topic`, [ownerId, basisGroupId, monday, topic]);
}

/** Back to the plan's suggestion for the week. */
export async function unchooseTopic(q: QueryFn, ownerId: string, basisGroupId: string, monday: string): Promise<void> {
  await q('delete from class_hour_topic where owner_id = $1 and basis_group_id = $2 and week_start = $3::date', [ownerId, basisGroupId, monday]);
}

export interface ClassHourRow {
  held_on: string; topic: ClassHour['topic']; notes: ClassHour['notes']; notes_shared: ClassHour['notesShared'];
  /** the name of whoever saved the notes last */
  updated_by: string; updated_at: ClassHour['updatedAt'];
}

/** The class hours held from `from` to `to`, newest first. */
export async function classHoursBetween(q: QueryFn, ownerId: string, basisGroupId: string, from: string, to: string): Promise<ClassHourRow[]> {
  return q<ClassHourRow>(
    `select h.held_on::text, h.topic, h.notes, h.notes_shared, p.given_name || ' ' || p.family_name as updated_by, h.updated_at
         from class_hour h join person p on p.owner_id = h.owner_id and p.id = h.updated_by_person_id
         where h.owner_id = $1 and h.basis_group_id = $2 and h.held_on between $3::date and $4::date order by h.held_on desc`,
    [ownerId, basisGroupId, from, to]);
}

export interface ClassHourNotes { topic: string; notes: string; notesShared: boolean }

/** The notes (and topic) of the class hour held on `heldOn`: one class hour a day, saved over. */
export async function saveClassHour(q: QueryFn, ownerId: string, basisGroupId: string, heldOn: string, b: ClassHourNotes, personId: string): Promise<void> {
  await q(
    `insert into class_hour (owner_id, id, basis_group_id, held_on, topic, notes, notes_shared, updated_by_person_id) values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (owner_id, basis_group_id, held_on) do update set topic = excluded.topic, notes = excluded.notes, notes_shared = excluded.notes_shared,
         updated_by_person_id = excluded.updated_by_person_id, updated_at = now()`,
    [ownerId, randomUUID(), basisGroupId, heldOn, b.topic, b.notes, b.notesShared, personId]);
}

export interface ClassHourCaseRow {
  id: ClassHourCase['id']; title: ClassHourCase['title']; background: ClassHourCase['background']; decision: ClassHourCase['decision'];
  decided_on: string | null;
  /** the name of the contact teacher who prepared it */
  prepared_by: string; created_at: ClassHourCase['createdAt'];
}

/** The class's cases: the undecided first, then newest first. */
export async function classHourCases(q: QueryFn, ownerId: string, basisGroupId: string): Promise<ClassHourCaseRow[]> {
  return q<ClassHourCaseRow>(
    `select c.id, c.title, c.background, c.decision, c.decided_on::text, p.given_name || ' ' || p.family_name as prepared_by, c.created_at
         from class_hour_case c join person p on p.owner_id = c.owner_id and p.id = c.prepared_by_person_id
         where c.owner_id = $1 and c.basis_group_id = $2 order by c.decided_on is not null, c.created_at desc`,
    [ownerId, basisGroupId]);
}

/** A case as the form gives it: no decision is stored without its date, and no date without a decision. */
export interface CaseFields { title: string; background: string; decision: string | null; decidedOn: string | null }

export async function insertClassHourCase(q: QueryFn, ownerId: string, id: string, basisGroupId: string, c: CaseFields, personId: string): Promise<void> {
  await q(`insert into class_hour_case (owner_id, id, basis_group_id, title, background, decision, decided_on, prepared_by_person_id) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [ownerId, id, basisGroupId, c.title, c.background, c.decision, c.decidedOn, personId]);
}

/** False when the class has no such case. */
export async function updateClassHourCase(q: QueryFn, ownerId: string, basisGroupId: string, caseId: string, c: CaseFields): Promise<boolean> {
  const rows = await q(`update class_hour_case set title = $4, background = $5, decision = $6, decided_on = $7
      where owner_id = $1 and basis_group_id = $2 and id = $3 returning id`,
  [ownerId, basisGroupId, caseId, c.title, c.background, c.decision, c.decidedOn]);
  return rows.length > 0;
}
