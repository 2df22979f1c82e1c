/**
 * What the sync asks before it settles what ends: the rows a person is to the school, the memberships
 * of students and groups, and the students of guardianships (sync/ends.ts).
 */
import type { QueryFn } from '../../../core/db/client.js';

/** The student, guardianship (as the guardian) and staff rows of these people. */
export async function rowsOfPeople(q: QueryFn, ownerId: string, personIds: readonly string[]): Promise<{ kind: 'students' | 'guardianships' | 'staff'; id: string }[]> {
  if (!personIds.length) return [];
  return q<{ kind: 'students' | 'guardianships' | 'staff'; id: string }>(
    `select 'students' as kind, id from student where owner_id = $1 and person_id = any($2::uuid[])
     union all select 'guardianships', id from guardianship where owner_id = $1 and guardian_person_id = any($2::uuid[])
     union all select 'staff', id from staff_member where owner_id = $1 and person_id = any($2::uuid[])`, [ownerId, personIds]);
}

/** The memberships of these students and in these groups (basis or teaching). */
export async function enrolmentsOfStudentsAndGroups(q: QueryFn, ownerId: string, studentIds: readonly string[], groupIds: readonly string[]): Promise<string[]> {
  if (!studentIds.length && !groupIds.length) return [];
  const rows = await q<{ id: string }>(
    `select id from enrolment where owner_id = $1
       and (student_id = any($2::uuid[]) or basis_group_id = any($3::uuid[]) or teaching_group_id = any($3::uuid[]))`,
    [ownerId, studentIds, groupIds]);
  return rows.map((r) => r.id);
}

/** Each guardianship's student and the student's status. */
export async function studentsOfGuardianships(q: QueryFn, ownerId: string, ids: readonly string[]): Promise<{ id: string; studentId: string; status: string }[]> {
  if (!ids.length) return [];
  return q<{ id: string; studentId: string; status: string }>(
    `select g.id, g.student_id as "studentId", s.status from guardianship g join student s on s.owner_id = g.owner_id and s.id = g.student_id
     where g.owner_id = $1 and g.id = any($2::uuid[])`, [ownerId, ids]);
}
