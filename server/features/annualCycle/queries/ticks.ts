/**
 * Hand ticks (R-30…R-33): a routine with no data behind it is ticked done by the one responsible, saying who
 * and when. Pass `database.query` or a transaction's query function.
 */
import type { QueryFn } from '../../../core/db/client.js';
import type { routineHandTick } from '../tables.js';

/** The task a tick is for: teacherId is the nil uuid unless the task is per teacher of a student. */
export type TickedTask = Pick<typeof routineHandTick.$inferSelect, 'routineId' | 'subjectId' | 'teacherId'>;

/** The key tickedBy's map uses, from a task row. */
export const tickKey = (t: { routine_id: string; subject_id: string; teacher_id: string }) => `${t.routine_id}|${t.subject_id}|${t.teacher_id}`;

/** Who ticked each task of the routines, by tickKey. */
export async function tickedBy(q: QueryFn, ownerId: string, routineIds: readonly string[]): Promise<Map<string, string>> {
  if (!routineIds.length) return new Map<string, string>();
  const rows = await q<{ routine_id: string; subject_id: string; teacher_id: string; ticked_on: string; given_name: string; family_name: string }>(
    `select t.routine_id, t.subject_id, t.teacher_id, t.ticked_on::text, p.given_name, p.family_name
     from routine_hand_tick t join person p on p.owner_id = t.owner_id and p.id = t.ticked_by_person_id
     where t.owner_id = $1 and t.routine_id = any($2::uuid[])`, [ownerId, routineIds]);
  return new Map(rows.map((r) => [tickKey(r), `${r.given_name} ${r.family_name}`]));
}

/** Ticking a ticked task changes nothing: the first tick keeps its day and person. */
export async function insertHandTick(q: QueryFn, ownerId: string, t: TickedTask, tickedOn: string, personId: string): Promise<void> {
  await q(
    `insert into routine_hand_tick (owner_id, routine_id, subject_id, teacher_id, ticked_on, ticked_by_person_id) values ($1, $2, $3, $4, $5, $6)
       on conflict do nothing`, [ownerId, t.routineId, t.subjectId, t.teacherId, tickedOn, personId]);
}

export async function deleteHandTick(q: QueryFn, ownerId: string, t: TickedTask): Promise<void> {
  await q('delete from routine_hand_tick where owner_id = $1 and routine_id = $2 and subject_id = $3 and teacher_id = $4', [ownerId, t.routineId, t.subjectId, t.teacherId]);
}
