/**
 * The names a task list shows (R-30…R-33): students, staff members, classes, and a class's current students.
 * Pass `database.query` or a transaction's query function.
 */
import type { QueryFn } from '../../../core/db/client.js';

export interface PersonNameRow { id: string; given_name: string; family_name: string }

export async function studentNames(q: QueryFn, ownerId: string, studentIds: readonly string[]): Promise<PersonNameRow[]> {
  if (!studentIds.length) return [];
  return q<PersonNameRow>(
    'select s.id, p.given_name, p.family_name from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id where s.owner_id = $1 and s.id = any($2::uuid[])', [ownerId, studentIds]);
}

export async function staffNames(q: QueryFn, ownerId: string, staffIds: readonly string[]): Promise<PersonNameRow[]> {
  if (!staffIds.length) return [];
  return q<PersonNameRow>(
    'select sm.id, p.given_name, p.family_name from staff_member sm join person p on p.owner_id = sm.owner_id and p.id = sm.person_id where sm.owner_id = $1 and sm.id = any($2::uuid[])', [ownerId, staffIds]);
}

export async function basisGroupNames(q: QueryFn, ownerId: string, groupIds: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (!groupIds.length) return [];
  return q<{ id: string; name: string }>('select id, name from basis_group where owner_id = $1 and id = any($2::uuid[])', [ownerId, groupIds]);
}

/** The class's active students enrolled on `today`. */
export async function currentStudentsOfClass(q: QueryFn, ownerId: string, basisGroupId: string, today: string): Promise<PersonNameRow[]> {
  return q<PersonNameRow>(
    `select s.id, p.given_name, p.family_name from enrolment e join student s on s.owner_id = e.owner_id and s.id = e.student_id
         join person p on p.owner_id = s.owner_id and p.id = s.person_id
         where e.owner_id = $1 and e.basis_group_id = $2 and e.starts_on <= $3 and (e.ends_on is null or e.ends_on > $3) and s.status = 'active'`,
    [ownerId, basisGroupId, today]);
}
