/**
 * Every statement of the student page (R-01…R-03). The bench measures this page against its SQL floor:
 * the texts stay as they are (PostgreSQL keeps a prepared statement per text).
 */
import type { QueryFn } from '../../core/db/client.js';
import type { AddressProtection, guardianship, student } from '../../core/db/tables.js';

type Student = typeof student.$inferSelect;
type Guardianship = typeof guardianship.$inferSelect;

/** A person's name, birth date and contact details, as both the student and the guardians are read. */
export interface PersonRow {
  given_name: string; family_name: string; birth_date: string | null; email: string | null; phone: string | null;
  street_address: string | null; postal_code: string | null; city: string | null; address_protection: AddressProtection;
}

export interface StudentRow extends PersonRow {
  level: Student['level']; programme: Student['programme']; status: Student['status']; minority_language: boolean;
  years_of_residence: number | null; special_education_right: boolean;
}

/** The student's registry data and person. */
export async function studentProfile(q: QueryFn, ownerId: string, studentId: string): Promise<StudentRow | undefined> {
  const [row] = await q<StudentRow>(
    `select p.given_name, p.family_name, p.birth_date::text as birth_date, p.email, p.phone, p.street_address, p.postal_code, p.city, p.address_protection,
              s.level, s.programme, s.status, s.minority_language, s.years_of_residence, s.special_education_right
       from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id where s.owner_id = $1 and s.id = $2`,
    [ownerId, studentId]);
  return row;
}

export interface CurrentGroupRow {
  id: string; name: string; since: string; kind: 'basis' | 'teaching'; subject_code: string | null; subject_name: string | null;
}

/** The basis groups and teaching groups the student is enrolled in on `today`, by name. */
export async function currentGroups(q: QueryFn, ownerId: string, studentId: string, today: string): Promise<CurrentGroupRow[]> {
  return q<CurrentGroupRow>(
    `select coalesce(bg.id, tg.id) as id, coalesce(bg.name, tg.name) as name, e.starts_on::text as since,
              case when bg.id is null then 'teaching' else 'basis' end as kind, su.code as subject_code, su.name as subject_name
       from enrolment e
       left join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
       left join teaching_group tg on tg.owner_id = e.owner_id and tg.id = e.teaching_group_id
       left join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id
       where e.owner_id = $1 and e.student_id = $2 and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date)
       order by 2`,
    [ownerId, studentId, today]);
}

export interface AccommodationNeedRow { id: string; description: string; registered_at: Date }

/** The student's registered accommodation needs, oldest first. */
export async function accommodationNeedsOf(q: QueryFn, ownerId: string, studentId: string): Promise<AccommodationNeedRow[]> {
  return q<AccommodationNeedRow>(
    'select id, description, registered_at from accommodation_need where owner_id = $1 and student_id = $2 order by registered_at',
    [ownerId, studentId]);
}

export interface GuardianRow extends PersonRow {
  guardianship_id: string; person_id: string; relation: Guardianship['relation']; parental_responsibility: boolean; lives_with: boolean;
}

/** Every guardian of the student with their person. */
export async function guardiansOf(q: QueryFn, ownerId: string, studentId: string): Promise<GuardianRow[]> {
  return q<GuardianRow>(
    `select g.id as guardianship_id, g.guardian_person_id as person_id, g.relation, g.parental_responsibility, g.lives_with,
              p.given_name, p.family_name, p.birth_date::text as birth_date, p.email, p.phone, p.street_address, p.postal_code, p.city, p.address_protection
       from guardianship g join person p on p.owner_id = g.owner_id and p.id = g.guardian_person_id
       where g.owner_id = $1 and g.student_id = $2 order by g.relation, p.family_name`,
    [ownerId, studentId]);
}
