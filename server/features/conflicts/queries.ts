/**
 * Every statement of conflicts between students: the conflict's facts for the access hook, the
 * conflicts with their involved students and steps, the search for a student to name, and the writes.
 * Who may see which student's part is decided in service.ts, after these have read.
 */
import { randomUUID } from 'node:crypto';
import type { QueryFn } from '../../core/db/client.js';
import type { ConflictStatus, conflict, conflictStep, conflictStudent } from './tables.js';

type Conflict = typeof conflict.$inferSelect;
type Involved = typeof conflictStudent.$inferSelect;
type Step = typeof conflictStep.$inferSelect;

/** Who recorded the conflict and which students it involves (by id, in id order). */
export async function conflictRecorderAndStudents(q: QueryFn, ownerId: string, conflictId: string): Promise<{ recorded_by_person_id: string; student_ids: string[] } | undefined> {
  const rows = await q<{ recorded_by_person_id: string; student_ids: string[] }>(
    `select c.recorded_by_person_id, coalesce((select json_agg(cs.student_id order by cs.student_id) from conflict_student cs
       where cs.owner_id = c.owner_id and cs.conflict_id = c.id), '[]'::json) as student_ids
     from conflict c where c.owner_id = $1 and c.id = $2`,
    [ownerId, conflictId],
  );
  return rows[0];
}

/* ───────────── conflicts ───────────── */

export interface ConflictRow {
  id: Conflict['id']; occurred_on: string; description: Conflict['description']; status: ConflictStatus; resolved_on: string | null;
  /** the recorder's name */
  recorded_by: string; recorded_by_person_id: Conflict['recordedByPersonId'];
}

/** Newest first. `where` narrows on c.*; its parameters are numbered from $2. */
async function conflictRows(q: QueryFn, ownerId: string, where: string, params: unknown[]): Promise<ConflictRow[]> {
  return q<ConflictRow>(
    `select c.id, c.occurred_on::text as occurred_on, c.description, c.status, c.resolved_on::text as resolved_on, c.recorded_by_person_id,
       p.given_name || ' ' || p.family_name as recorded_by
     from conflict c join person p on p.owner_id = c.owner_id and p.id = c.recorded_by_person_id
     where c.owner_id = $1 and ${where} order by c.occurred_on desc, c.recorded_at desc`, [ownerId, ...params]);
}

export async function conflictById(q: QueryFn, ownerId: string, conflictId: string): Promise<ConflictRow | undefined> {
  const [row] = await conflictRows(q, ownerId, 'c.id = $2', [conflictId]);
  return row;
}

/** Every conflict recorded at the school (not yet narrowed to what the caller may read). */
export async function conflictsOfSchool(q: QueryFn, ownerId: string, schoolId: string): Promise<ConflictRow[]> {
  return conflictRows(q, ownerId, 'c.school_id = $2', [schoolId]);
}

/** Every conflict the student is involved in (not yet narrowed to what the caller may read). */
export async function conflictsOfStudent(q: QueryFn, ownerId: string, studentId: string): Promise<ConflictRow[]> {
  return conflictRows(q, ownerId, 'c.id in (select conflict_id from conflict_student where owner_id = $1 and student_id = $2)', [studentId]);
}

export interface NewConflict { occurredOn: string; description: string }

export async function insertConflict(tx: QueryFn, ownerId: string, id: string, schoolId: string, c: NewConflict, personId: string): Promise<void> {
  await tx('insert into conflict (owner_id, id, school_id, occurred_on, description, recorded_by_person_id) values ($1, $2, $3, $4, $5, $6)',
    [ownerId, id, schoolId, c.occurredOn, c.description, personId]);
}

/** Resolved on a day, or open again (`resolvedOn` null). */
export async function saveConflictStatus(q: QueryFn, ownerId: string, conflictId: string, status: ConflictStatus, resolvedOn: string | null): Promise<void> {
  await q('update conflict set status = $3, resolved_on = $4 where owner_id = $1 and id = $2', [ownerId, conflictId, status, resolvedOn]);
}

/* ───────────── the students involved ───────────── */

export interface InvolvedRow { conflict_id: Involved['conflictId']; student_id: Involved['studentId']; note: Involved['note']; given_name: string; family_name: string }

export async function involvedRows(q: QueryFn, ownerId: string, conflictIds: string[]): Promise<InvolvedRow[]> {
  if (conflictIds.length === 0) return [];
  return q<InvolvedRow>(
    `select cs.conflict_id, cs.student_id, cs.note, p.given_name, p.family_name
     from conflict_student cs join student s on s.owner_id = cs.owner_id and s.id = cs.student_id
     join person p on p.owner_id = s.owner_id and p.id = s.person_id
     where cs.owner_id = $1 and cs.conflict_id = any($2::uuid[])`, [ownerId, conflictIds]);
}

/** The students of a new conflict, each with what concerns them ('' for none), in one statement. */
export async function insertInvolvedStudents(tx: QueryFn, ownerId: string, conflictId: string, studentIds: readonly string[], notes: readonly string[]): Promise<void> {
  await tx(`insert into conflict_student (owner_id, conflict_id, student_id, note) select $1, $2, * from unnest($3::uuid[], $4::text[])`,
    [ownerId, conflictId, studentIds, notes]);
}

export async function saveStudentNote(q: QueryFn, ownerId: string, conflictId: string, studentId: string, note: string): Promise<void> {
  await q('update conflict_student set note = $4 where owner_id = $1 and conflict_id = $2 and student_id = $3', [ownerId, conflictId, studentId, note]);
}

export interface StudentMatchRow { id: string; given_name: string; family_name: string; group_name: string | null }

/** At most 10 active students of the school whose full name contains every word, by name, with their current class on `today`. */
export async function studentsMatching(q: QueryFn, ownerId: string, schoolId: string, today: string, words: readonly string[]): Promise<StudentMatchRow[]> {
  return q<StudentMatchRow>(
    `select s.id, p.given_name, p.family_name,
         (select bg.name from enrolment e join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
          where e.owner_id = s.owner_id and e.student_id = s.id and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date) limit 1) as group_name
       from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id
       where s.owner_id = $1 and s.school_id = $2 and s.status = 'active'
         and (select bool_and(lower(p.given_name || ' ' || p.family_name) like '%' || w || '%') from unnest($4::text[]) w)
       order by p.family_name, p.given_name limit 10`,
    [ownerId, schoolId, today, words]);
}

/* ───────────── steps ───────────── */

export interface StepRow { id: Step['id']; taken_on: string; description: Step['description']; student_id: Step['studentId']; recorded_by: string }

/** In the order they were taken. */
export async function conflictSteps(q: QueryFn, ownerId: string, conflictId: string): Promise<StepRow[]> {
  return q<StepRow>(
    `select st.id, st.taken_on::text as taken_on, st.description, st.student_id, p.given_name || ' ' || p.family_name as recorded_by
       from conflict_step st join person p on p.owner_id = st.owner_id and p.id = st.recorded_by_person_id
       where st.owner_id = $1 and st.conflict_id = $2 order by st.taken_on, st.recorded_at`, [ownerId, conflictId]);
}

export interface NewStep { studentId: string | null; takenOn: string; description: string }

export async function insertStep(q: QueryFn, ownerId: string, conflictId: string, s: NewStep, personId: string): Promise<void> {
  await q('insert into conflict_step (owner_id, id, conflict_id, student_id, taken_on, description, recorded_by_person_id) values ($1, $2, $3, $4, $5, $6, $7)',
    [ownerId, randomUUID(), conflictId, s.studentId, s.takenOn, s.description, personId]);
}
