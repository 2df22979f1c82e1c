/** The classes and students class life is about: the caller's own classes as a student, and a class's students on a day. */
import type { QueryFn } from '../../../core/db/client.js';

export interface OwnClassRow { id: string; name: string }

/** The classes these student records are enrolled in on `day`, by name. */
export async function ownClassesAsStudent(q: QueryFn, ownerId: string, studentIds: readonly string[], day: string): Promise<OwnClassRow[]> {
  if (studentIds.length === 0) return [];
  return q<OwnClassRow>(
    `select distinct bg.id, bg.name from enrolment e join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
       where e.owner_id = $1 and e.student_id = any($2::uuid[]) and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date) order by bg.name`,
    [ownerId, studentIds, day]);
}

export interface Member { studentId: string; givenName: string; familyName: string }

const byName = new Intl.Collator('nb');

/** The class's current students on `day`, by name. */
export async function classMembers(q: QueryFn, ownerId: string, basisGroupId: string, day: string): Promise<Member[]> {
  const rows = await q<{ student_id: string; given_name: string; family_name: string }>(
    `select s.id as student_id, p.given_name, p.family_name from enrolment e
     join student s on s.owner_id = e.owner_id and s.id = e.student_id
     join person p on p.owner_id = s.owner_id and p.id = s.person_id
     where e.owner_id = $1 and e.basis_group_id = $2 and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date)`,
    [ownerId, basisGroupId, day]);
  return rows.map((r) => ({ studentId: r.student_id, givenName: r.given_name, familyName: r.family_name }))
    .sort((a, b) => byName.compare(a.familyName, b.familyName) || byName.compare(a.givenName, b.givenName));
}
