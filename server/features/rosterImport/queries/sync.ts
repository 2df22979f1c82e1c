/**
 * Every statement the sync writes Elevlos's own tables with: per kind of record, finding the row an
 * unlinked record already is (its natural key), inserting, updating and ending. Each takes column
 * arrays and is one `… from unnest(…)` statement whatever the number of rows (the sync calls them in
 * chunks), so a county's import is a few hundred statements, not a million.
 */
import type { QueryFn } from '../../../core/db/client.js';
import type { AddressProtection, Level, StaffRole } from '../../../core/db/tables.js';
import { today as todayInOslo } from '../../../core/time.js';
import { studentsFinishingTheYear } from './yearTurn.js';

const col = <R, T>(rows: readonly R[], f: (r: R) => T): T[] => rows.map(f);

// ---------------------------------------------------------------------------------------------
// Finding what Elevlos already has (an unlinked record that is a row already: the demo, a first admin's school)

export interface Match { i: number; id: string }

export async function localSchools(q: QueryFn, ownerId: string): Promise<{ id: string; name: string }[]> {
  return q<{ id: string; name: string }>('select id, name from school where owner_id = $1 order by name, id', [ownerId]);
}

export async function matchSchoolYears(q: QueryFn, ownerId: string, names: readonly string[]): Promise<Match[]> {
  return q<Match>(
    `select u.i::int as i, t.id from unnest($2::text[]) with ordinality as u(name, i) join school_year t on t.owner_id = $1 and t.name = u.name order by u.i, t.id`,
    [ownerId, names]);
}

export async function matchTerms(q: QueryFn, ownerId: string, keys: readonly { schoolYearId: string; kind: string }[]): Promise<Match[]> {
  return q<Match>(
    `select u.i::int as i, t.id from unnest($2::uuid[], $3::text[]) with ordinality as u(school_year_id, kind, i)
     join term t on t.owner_id = $1 and t.school_year_id = u.school_year_id and t.kind = u.kind order by u.i, t.id`,
    [ownerId, col(keys, (k) => k.schoolYearId), col(keys, (k) => k.kind)]);
}

export async function matchDepartments(q: QueryFn, ownerId: string, keys: readonly { schoolId: string; name: string }[]): Promise<Match[]> {
  return q<Match>(
    `select u.i::int as i, t.id from unnest($2::uuid[], $3::text[]) with ordinality as u(school_id, name, i)
     join department t on t.owner_id = $1 and t.school_id = u.school_id and lower(t.name) = lower(u.name) order by u.i, t.id`,
    [ownerId, col(keys, (k) => k.schoolId), col(keys, (k) => k.name)]);
}

export async function matchSubjects(q: QueryFn, ownerId: string, codes: readonly string[]): Promise<Match[]> {
  return q<Match>(
    `select u.i::int as i, t.id from unnest($2::text[]) with ordinality as u(code, i) join subject t on t.owner_id = $1 and t.code = u.code order by u.i`,
    [ownerId, codes]);
}

/** People by national identity number (unique per owner). */
export async function matchPeopleByNin(q: QueryFn, ownerId: string, nins: readonly string[]): Promise<Match[]> {
  return q<Match>(
    `select u.i::int as i, p.id from unnest($2::text[]) with ordinality as u(nin, i) join person p on p.owner_id = $1 and p.national_identity_number = u.nin order by u.i`,
    [ownerId, nins]);
}

/** People by the Feide id their account logs in with. */
export async function matchPeopleByFeideId(q: QueryFn, ownerId: string, feideIds: readonly string[]): Promise<Match[]> {
  return q<Match>(
    `select u.i::int as i, a.person_id as id from unnest($2::text[]) with ordinality as u(feide_id, i)
     join account a on a.owner_id = $1 and a.oidc_subject = u.feide_id order by u.i, a.person_id`,
    [ownerId, feideIds]);
}

export async function matchStudents(q: QueryFn, ownerId: string, keys: readonly { personId: string; schoolId: string }[]): Promise<Match[]> {
  return q<Match>(
    `select u.i::int as i, s.id from unnest($2::uuid[], $3::uuid[]) with ordinality as u(person_id, school_id, i)
     join student s on s.owner_id = $1 and s.person_id = u.person_id and s.school_id = u.school_id order by u.i, s.id`,
    [ownerId, col(keys, (k) => k.personId), col(keys, (k) => k.schoolId)]);
}

export async function matchGuardianships(q: QueryFn, ownerId: string, keys: readonly { studentId: string; guardianPersonId: string }[]): Promise<Match[]> {
  return q<Match>(
    `select u.i::int as i, g.id from unnest($2::uuid[], $3::uuid[]) with ordinality as u(student_id, guardian_person_id, i)
     join guardianship g on g.owner_id = $1 and g.student_id = u.student_id and g.guardian_person_id = u.guardian_person_id order by u.i`,
    [ownerId, col(keys, (k) => k.studentId), col(keys, (k) => k.guardianPersonId)]);
}

export async function matchStaff(q: QueryFn, ownerId: string, keys: readonly { personId: string; schoolId: string }[]): Promise<Match[]> {
  return q<Match>(
    `select u.i::int as i, m.id from unnest($2::uuid[], $3::uuid[]) with ordinality as u(person_id, school_id, i)
     join staff_member m on m.owner_id = $1 and m.person_id = u.person_id and m.school_id = u.school_id order by u.i`,
    [ownerId, col(keys, (k) => k.personId), col(keys, (k) => k.schoolId)]);
}

export async function matchStaffRoles(q: QueryFn, ownerId: string, keys: readonly { staffMemberId: string; role: string; departmentId: string | null }[]): Promise<Match[]> {
  return q<Match>(
    `select u.i::int as i, r.id from unnest($2::uuid[], $3::text[], $4::uuid[]) with ordinality as u(staff_member_id, role, department_id, i)
     join staff_role r on r.owner_id = $1 and r.staff_member_id = u.staff_member_id and r.role = u.role
       and r.department_id is not distinct from u.department_id order by u.i, r.id`,
    [ownerId, col(keys, (k) => k.staffMemberId), col(keys, (k) => k.role), col(keys, (k) => k.departmentId)]);
}

export async function matchBasisGroups(q: QueryFn, ownerId: string, keys: readonly { schoolId: string; schoolYearId: string; name: string }[]): Promise<Match[]> {
  return q<Match>(
    `select u.i::int as i, g.id from unnest($2::uuid[], $3::uuid[], $4::text[]) with ordinality as u(school_id, school_year_id, name, i)
     join basis_group g on g.owner_id = $1 and g.school_id = u.school_id and g.school_year_id = u.school_year_id and g.name = u.name order by u.i, g.id`,
    [ownerId, col(keys, (k) => k.schoolId), col(keys, (k) => k.schoolYearId), col(keys, (k) => k.name)]);
}

export async function matchTeachingGroups(q: QueryFn, ownerId: string, keys: readonly { schoolId: string; schoolYearId: string; name: string }[]): Promise<Match[]> {
  return q<Match>(
    `select u.i::int as i, g.id from unnest($2::uuid[], $3::uuid[], $4::text[]) with ordinality as u(school_id, school_year_id, name, i)
     join teaching_group g on g.owner_id = $1 and g.school_id = u.school_id and g.school_year_id = u.school_year_id and g.name = u.name order by u.i, g.id`,
    [ownerId, col(keys, (k) => k.schoolId), col(keys, (k) => k.schoolYearId), col(keys, (k) => k.name)]);
}

export async function matchEnrolments(q: QueryFn, ownerId: string, keys: readonly { studentId: string; basisGroupId: string | null; teachingGroupId: string | null; startsOn: string }[]): Promise<Match[]> {
  return q<Match>(
    `select u.i::int as i, e.id from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::date[]) with ordinality as u(student_id, basis_group_id, teaching_group_id, starts_on, i)
     join enrolment e on e.owner_id = $1 and e.student_id = u.student_id and e.starts_on = u.starts_on
       and e.basis_group_id is not distinct from u.basis_group_id and e.teaching_group_id is not distinct from u.teaching_group_id order by u.i, e.id`,
    [ownerId, col(keys, (k) => k.studentId), col(keys, (k) => k.basisGroupId), col(keys, (k) => k.teachingGroupId), col(keys, (k) => k.startsOn)]);
}

export async function matchLessons(q: QueryFn, ownerId: string, keys: readonly { teachingGroupId: string; weekday: number; startsAt: string; startsOn: string }[]): Promise<Match[]> {
  return q<Match>(
    `select u.i::int as i, l.id from unnest($2::uuid[], $3::int[], $4::time[], $5::date[]) with ordinality as u(teaching_group_id, weekday, starts_at, starts_on, i)
     join lesson l on l.owner_id = $1 and l.teaching_group_id = u.teaching_group_id and l.weekday = u.weekday and l.starts_at = u.starts_at
       and l.starts_on = u.starts_on order by u.i, l.id`,
    [ownerId, col(keys, (k) => k.teachingGroupId), col(keys, (k) => k.weekday), col(keys, (k) => k.startsAt), col(keys, (k) => k.startsOn)]);
}

// ---------------------------------------------------------------------------------------------
// What would collide with another row (a unique national identity number, Feide id or subject code)

export async function peopleWithNins(q: QueryFn, ownerId: string, nins: readonly string[]): Promise<{ nin: string; id: string }[]> {
  return q<{ nin: string; id: string }>(
    'select national_identity_number as nin, id from person where owner_id = $1 and national_identity_number = any($2::text[])', [ownerId, nins]);
}

/** Accounts of any owner that log in, or are named, with these Feide ids (both are unique across the installation). */
export async function accountsWithFeideIds(q: QueryFn, feideIds: readonly string[]): Promise<{ feide_id: string; owner_id: string; person_id: string }[]> {
  return q<{ feide_id: string; owner_id: string; person_id: string }>(
    `select lower(coalesce(a.oidc_subject, a.username)) as feide_id, a.owner_id, a.person_id from account a
     where lower(a.oidc_subject) = any($1::text[]) or lower(a.username) = any($1::text[])`, [feideIds]);
}

export async function subjectsWithCodes(q: QueryFn, ownerId: string, codes: readonly string[]): Promise<{ code: string; id: string }[]> {
  return q<{ code: string; id: string }>('select code, id from subject where owner_id = $1 and code = any($2::text[])', [ownerId, codes]);
}

// ---------------------------------------------------------------------------------------------
// Writing, per kind: insert (new rows) and update (changed records, and unlinked rows that were matched)

export interface SchoolRow { id: string; name: string; stage: string }
export async function insertSchools(q: QueryFn, ownerId: string, rows: readonly SchoolRow[]): Promise<void> {
  await q(`insert into school (owner_id, id, name, stage) select $1::uuid, * from unnest($2::uuid[], $3::text[], $4::text[])`,
    [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.name), col(rows, (r) => r.stage)]);
}
export async function updateSchools(q: QueryFn, ownerId: string, rows: readonly SchoolRow[]): Promise<void> {
  await q(`update school t set name = u.name, stage = u.stage from unnest($2::uuid[], $3::text[], $4::text[]) as u(id, name, stage)
     where t.owner_id = $1 and t.id = u.id`, [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.name), col(rows, (r) => r.stage)]);
}

export interface SchoolYearRow { id: string; name: string; startsOn: string; endsOn: string }
export async function insertSchoolYears(q: QueryFn, ownerId: string, rows: readonly SchoolYearRow[]): Promise<void> {
  await q(`insert into school_year (owner_id, id, name, starts_on, ends_on) select $1::uuid, * from unnest($2::uuid[], $3::text[], $4::date[], $5::date[])`,
    [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.name), col(rows, (r) => r.startsOn), col(rows, (r) => r.endsOn)]);
}
export async function updateSchoolYears(q: QueryFn, ownerId: string, rows: readonly SchoolYearRow[]): Promise<void> {
  await q(`update school_year t set name = u.name, starts_on = u.starts_on, ends_on = u.ends_on
     from unnest($2::uuid[], $3::text[], $4::date[], $5::date[]) as u(id, name, starts_on, ends_on) where t.owner_id = $1 and t.id = u.id`,
    [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.name), col(rows, (r) => r.startsOn), col(rows, (r) => r.endsOn)]);
}

export interface TermRow { id: string; schoolYearId: string; kind: string; startsOn: string; endsOn: string }
export async function insertTerms(q: QueryFn, ownerId: string, rows: readonly TermRow[]): Promise<void> {
  await q(`insert into term (owner_id, id, school_year_id, kind, starts_on, ends_on) select $1::uuid, * from unnest($2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::date[])`,
    [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.schoolYearId), col(rows, (r) => r.kind), col(rows, (r) => r.startsOn), col(rows, (r) => r.endsOn)]);
}
export async function updateTerms(q: QueryFn, ownerId: string, rows: readonly TermRow[]): Promise<void> {
  await q(`update term t set school_year_id = u.school_year_id, kind = u.kind, starts_on = u.starts_on, ends_on = u.ends_on
     from unnest($2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::date[]) as u(id, school_year_id, kind, starts_on, ends_on) where t.owner_id = $1 and t.id = u.id`,
    [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.schoolYearId), col(rows, (r) => r.kind), col(rows, (r) => r.startsOn), col(rows, (r) => r.endsOn)]);
}

export interface DepartmentRow { id: string; schoolId: string; name: string }
export async function insertDepartments(q: QueryFn, ownerId: string, rows: readonly DepartmentRow[]): Promise<void> {
  await q(`insert into department (owner_id, id, school_id, name) select $1::uuid, * from unnest($2::uuid[], $3::uuid[], $4::text[])`,
    [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.schoolId), col(rows, (r) => r.name)]);
}
export async function updateDepartments(q: QueryFn, ownerId: string, rows: readonly DepartmentRow[]): Promise<void> {
  await q(`update department t set school_id = u.school_id, name = u.name from unnest($2::uuid[], $3::uuid[], $4::text[]) as u(id, school_id, name)
     where t.owner_id = $1 and t.id = u.id`, [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.schoolId), col(rows, (r) => r.name)]);
}

export interface SubjectRow { id: string; code: string; name: string; annualHours: number }
export async function insertSubjects(q: QueryFn, ownerId: string, rows: readonly SubjectRow[]): Promise<void> {
  await q(`insert into subject (owner_id, id, code, name, annual_hours) select $1::uuid, * from unnest($2::uuid[], $3::text[], $4::text[], $5::int[])`,
    [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.code), col(rows, (r) => r.name), col(rows, (r) => r.annualHours)]);
}
/** 0 annual hours is a source that has none (FINT): the hours Elevlos holds, which the absence limit counts on, stay. */
export async function updateSubjects(q: QueryFn, ownerId: string, rows: readonly SubjectRow[]): Promise<void> {
  await q(`update subject t set code = u.code, name = u.name, annual_hours = case when u.annual_hours > 0 then u.annual_hours else t.annual_hours end
     from unnest($2::uuid[], $3::text[], $4::text[], $5::int[]) as u(id, code, name, annual_hours) where t.owner_id = $1 and t.id = u.id`,
    [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.code), col(rows, (r) => r.name), col(rows, (r) => r.annualHours)]);
}

export interface PersonRow {
  id: string; givenName: string; familyName: string; birthDate: string | null; nationalIdentityNumber: string | null; email: string | null;
  phone: string | null; streetAddress: string | null; postalCode: string | null; city: string | null; addressProtection: AddressProtection;
}
const personParams = (ownerId: string, rows: readonly PersonRow[]) => [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.givenName),
  col(rows, (r) => r.familyName), col(rows, (r) => r.birthDate), col(rows, (r) => r.nationalIdentityNumber), col(rows, (r) => r.email),
  col(rows, (r) => r.phone), col(rows, (r) => r.streetAddress), col(rows, (r) => r.postalCode), col(rows, (r) => r.city), col(rows, (r) => r.addressProtection)];
const PERSON_UNNEST = `unnest($2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
  as u(id, given_name, family_name, birth_date, nin, email, phone, street_address, postal_code, city, address_protection)`;
export async function insertPeople(q: QueryFn, ownerId: string, rows: readonly PersonRow[]): Promise<void> {
  await q(`insert into person (owner_id, id, given_name, family_name, birth_date, national_identity_number, email, phone, street_address, postal_code, city, address_protection)
     select $1::uuid, u.* from ${PERSON_UNNEST}`, personParams(ownerId, rows));
}
/** A national identity number the source stops giving is kept (the guardians' ID-porten login is matched on it); a new one replaces it. */
export async function updatePeople(q: QueryFn, ownerId: string, rows: readonly PersonRow[]): Promise<void> {
  await q(`update person t set given_name = u.given_name, family_name = u.family_name, birth_date = u.birth_date,
       national_identity_number = coalesce(u.nin, t.national_identity_number), email = u.email, phone = u.phone, street_address = u.street_address,
       postal_code = u.postal_code, city = u.city, address_protection = u.address_protection
     from ${PERSON_UNNEST} where t.owner_id = $1 and t.id = u.id`, personParams(ownerId, rows));
}

/** Imported staff and students with a Feide id log in with it: the account's OIDC subject (never a password). */
export async function setAccountSubjects(q: QueryFn, ownerId: string, rows: readonly { personId: string; feideId: string }[]): Promise<number> {
  const updated = await q(
    `update account a set oidc_subject = u.feide_id from unnest($2::uuid[], $3::text[]) as u(person_id, feide_id)
     where a.owner_id = $1 and a.person_id = u.person_id and a.oidc_subject is distinct from u.feide_id
       and not exists (select 1 from account b where b.oidc_subject = u.feide_id and b.id <> a.id) returning a.id`,
    [ownerId, col(rows, (r) => r.personId), col(rows, (r) => r.feideId)]);
  return updated.length;
}
export async function insertFeideAccounts(q: QueryFn, ownerId: string, rows: readonly { personId: string; feideId: string }[]): Promise<number> {
  const inserted = await q(
    `insert into account (owner_id, id, person_id, username, oidc_subject)
     select $1::uuid, gen_random_uuid(), u.person_id, u.feide_id, u.feide_id from unnest($2::uuid[], $3::text[]) as u(person_id, feide_id)
     where not exists (select 1 from account a where a.owner_id = $1 and a.person_id = u.person_id)
     on conflict do nothing returning id`,
    [ownerId, col(rows, (r) => r.personId), col(rows, (r) => r.feideId)]);
  return inserted.length;
}

export interface StudentRow { id: string; personId: string; schoolId: string; departmentId: string | null; level: Level; programme: string | null; status: string }
const studentParams = (ownerId: string, rows: readonly StudentRow[]) => [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.personId),
  col(rows, (r) => r.schoolId), col(rows, (r) => r.departmentId), col(rows, (r) => r.level), col(rows, (r) => r.programme), col(rows, (r) => r.status)];
export async function insertStudents(q: QueryFn, ownerId: string, rows: readonly StudentRow[]): Promise<void> {
  await q(`insert into student (owner_id, id, person_id, school_id, department_id, level, programme, status)
     select $1::uuid, * from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[])`, studentParams(ownerId, rows));
}
export async function updateStudents(q: QueryFn, ownerId: string, rows: readonly StudentRow[]): Promise<void> {
  await q(`update student t set person_id = u.person_id, school_id = u.school_id, department_id = u.department_id, level = u.level,
       programme = u.programme, status = u.status
     from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[]) as u(id, person_id, school_id, department_id, level, programme, status)
     where t.owner_id = $1 and t.id = u.id`, studentParams(ownerId, rows));
}

export interface GuardianshipRow { id: string; studentId: string; guardianPersonId: string; relation: string; parentalResponsibility: boolean; livesWith: boolean }
const guardianshipInsert = `insert into guardianship (owner_id, id, student_id, guardian_person_id, relation, parental_responsibility, lives_with)
     select $1::uuid, * from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::boolean[], $7::boolean[])`;
/** Guardianships under new ids: no row can have them, so no conflict to look for. */
export async function insertGuardianships(q: QueryFn, ownerId: string, rows: readonly GuardianshipRow[]): Promise<void> {
  await q(guardianshipInsert, [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.studentId), col(rows, (r) => r.guardianPersonId),
    col(rows, (r) => r.relation), col(rows, (r) => r.parentalResponsibility), col(rows, (r) => r.livesWith)]);
}
/** Insert or, for a guardianship the sync ended and deleted before, bring it back under its old id. */
export async function upsertGuardianships(q: QueryFn, ownerId: string, rows: readonly GuardianshipRow[]): Promise<void> {
  await q(`${guardianshipInsert}
     on conflict (owner_id, id) do update set student_id = excluded.student_id, guardian_person_id = excluded.guardian_person_id,
       relation = excluded.relation, parental_responsibility = excluded.parental_responsibility, lives_with = excluded.lives_with`,
    [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.studentId), col(rows, (r) => r.guardianPersonId), col(rows, (r) => r.relation),
      col(rows, (r) => r.parentalResponsibility), col(rows, (r) => r.livesWith)]);
}

export interface StaffRow { id: string; personId: string; schoolId: string; title: string | null }
export async function insertStaff(q: QueryFn, ownerId: string, rows: readonly StaffRow[]): Promise<void> {
  await q(`insert into staff_member (owner_id, id, person_id, school_id, title) select $1::uuid, * from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[])`,
    [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.personId), col(rows, (r) => r.schoolId), col(rows, (r) => r.title)]);
}
export async function updateStaff(q: QueryFn, ownerId: string, rows: readonly StaffRow[]): Promise<void> {
  await q(`update staff_member t set person_id = u.person_id, school_id = u.school_id, title = u.title
     from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[]) as u(id, person_id, school_id, title) where t.owner_id = $1 and t.id = u.id`,
    [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.personId), col(rows, (r) => r.schoolId), col(rows, (r) => r.title)]);
}

export interface StaffRoleRow { id: string; staffMemberId: string; role: StaffRole; departmentId: string | null }
export async function upsertStaffRoles(q: QueryFn, ownerId: string, rows: readonly StaffRoleRow[]): Promise<void> {
  await q(`insert into staff_role (owner_id, id, staff_member_id, role, department_id) select $1::uuid, * from unnest($2::uuid[], $3::uuid[], $4::text[], $5::uuid[])
     on conflict (owner_id, id) do update set staff_member_id = excluded.staff_member_id, role = excluded.role, department_id = excluded.department_id`,
    [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.staffMemberId), col(rows, (r) => r.role), col(rows, (r) => r.departmentId)]);
}
/** A role the source no longer gives is an access right gone: removed at once. */
export async function deleteStaffRoles(q: QueryFn, ownerId: string, ids: readonly string[]): Promise<void> {
  await q('delete from staff_role where owner_id = $1 and id = any($2::uuid[])', [ownerId, ids]);
}

export interface BasisGroupRow { id: string; schoolId: string; schoolYearId: string; departmentId: string | null; name: string; level: Level }
const basisParams = (ownerId: string, rows: readonly BasisGroupRow[]) => [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.schoolId),
  col(rows, (r) => r.schoolYearId), col(rows, (r) => r.departmentId), col(rows, (r) => r.name), col(rows, (r) => r.level)];
export async function insertBasisGroups(q: QueryFn, ownerId: string, rows: readonly BasisGroupRow[]): Promise<void> {
  await q(`insert into basis_group (owner_id, id, school_id, school_year_id, department_id, name, level)
     select $1::uuid, * from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[])`, basisParams(ownerId, rows));
}
export async function updateBasisGroups(q: QueryFn, ownerId: string, rows: readonly BasisGroupRow[]): Promise<void> {
  await q(`update basis_group t set school_id = u.school_id, school_year_id = u.school_year_id, department_id = u.department_id, name = u.name, level = u.level
     from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[]) as u(id, school_id, school_year_id, department_id, name, level)
     where t.owner_id = $1 and t.id = u.id`, basisParams(ownerId, rows));
}

export interface TeachingGroupRow { id: string; schoolId: string; schoolYearId: string; subjectId: string; name: string }
const teachingParams = (ownerId: string, rows: readonly TeachingGroupRow[]) => [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.schoolId),
  col(rows, (r) => r.schoolYearId), col(rows, (r) => r.subjectId), col(rows, (r) => r.name)];
export async function insertTeachingGroups(q: QueryFn, ownerId: string, rows: readonly TeachingGroupRow[]): Promise<void> {
  await q(`insert into teaching_group (owner_id, id, school_id, school_year_id, subject_id, name)
     select $1::uuid, * from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[])`, teachingParams(ownerId, rows));
}
export async function updateTeachingGroups(q: QueryFn, ownerId: string, rows: readonly TeachingGroupRow[]): Promise<void> {
  await q(`update teaching_group t set school_id = u.school_id, school_year_id = u.school_year_id, subject_id = u.subject_id, name = u.name
     from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[]) as u(id, school_id, school_year_id, subject_id, name)
     where t.owner_id = $1 and t.id = u.id`, teachingParams(ownerId, rows));
}

export interface EnrolmentRow { id: string; studentId: string; basisGroupId: string | null; teachingGroupId: string | null; startsOn: string; endsOn: string | null }
const enrolmentInsert = `insert into enrolment (owner_id, id, student_id, basis_group_id, teaching_group_id, starts_on, ends_on)
     select $1::uuid, * from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::date[], $7::date[])`;
/** Enrolments under new ids (a county's first import has 900 000): no row can have them, so no conflict to look for. */
export async function insertEnrolments(q: QueryFn, ownerId: string, rows: readonly EnrolmentRow[]): Promise<void> {
  await q(enrolmentInsert, [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.studentId), col(rows, (r) => r.basisGroupId),
    col(rows, (r) => r.teachingGroupId), col(rows, (r) => r.startsOn), col(rows, (r) => r.endsOn)]);
}
/** Insert or update; an enrolment the sync deleted before it began comes back under its old id. */
export async function upsertEnrolments(q: QueryFn, ownerId: string, rows: readonly EnrolmentRow[]): Promise<void> {
  await q(`${enrolmentInsert}
     on conflict (owner_id, id) do update set student_id = excluded.student_id, basis_group_id = excluded.basis_group_id,
       teaching_group_id = excluded.teaching_group_id, starts_on = excluded.starts_on, ends_on = excluded.ends_on`,
    [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.studentId), col(rows, (r) => r.basisGroupId), col(rows, (r) => r.teachingGroupId),
      col(rows, (r) => r.startsOn), col(rows, (r) => r.endsOn)]);
}

export interface AssignmentRow { groupId: string; staffMemberId: string }
export async function insertContactTeachers(q: QueryFn, ownerId: string, rows: readonly AssignmentRow[]): Promise<void> {
  await q(`insert into contact_teacher_assignment (owner_id, basis_group_id, staff_member_id) select $1::uuid, * from unnest($2::uuid[], $3::uuid[]) on conflict do nothing`,
    [ownerId, col(rows, (r) => r.groupId), col(rows, (r) => r.staffMemberId)]);
}
export async function deleteContactTeachers(q: QueryFn, ownerId: string, rows: readonly AssignmentRow[]): Promise<void> {
  await q(`delete from contact_teacher_assignment t using unnest($2::uuid[], $3::uuid[]) as u(group_id, staff_member_id)
     where t.owner_id = $1 and t.basis_group_id = u.group_id and t.staff_member_id = u.staff_member_id`,
    [ownerId, col(rows, (r) => r.groupId), col(rows, (r) => r.staffMemberId)]);
}
export async function insertSubjectTeachers(q: QueryFn, ownerId: string, rows: readonly AssignmentRow[]): Promise<void> {
  await q(`insert into subject_teacher_assignment (owner_id, teaching_group_id, staff_member_id) select $1::uuid, * from unnest($2::uuid[], $3::uuid[]) on conflict do nothing`,
    [ownerId, col(rows, (r) => r.groupId), col(rows, (r) => r.staffMemberId)]);
}
export async function deleteSubjectTeachers(q: QueryFn, ownerId: string, rows: readonly AssignmentRow[]): Promise<void> {
  await q(`delete from subject_teacher_assignment t using unnest($2::uuid[], $3::uuid[]) as u(group_id, staff_member_id)
     where t.owner_id = $1 and t.teaching_group_id = u.group_id and t.staff_member_id = u.staff_member_id`,
    [ownerId, col(rows, (r) => r.groupId), col(rows, (r) => r.staffMemberId)]);
}

export interface LessonRow { id: string; teachingGroupId: string; weekday: number; startsAt: string; minutes: number; startsOn: string; endsOn: string | null }
export async function upsertLessons(q: QueryFn, ownerId: string, rows: readonly LessonRow[]): Promise<void> {
  await q(`insert into lesson (owner_id, id, teaching_group_id, weekday, starts_at, minutes, starts_on, ends_on)
     select $1::uuid, * from unnest($2::uuid[], $3::uuid[], $4::smallint[], $5::time[], $6::smallint[], $7::date[], $8::date[])
     on conflict (owner_id, id) do update set teaching_group_id = excluded.teaching_group_id, weekday = excluded.weekday, starts_at = excluded.starts_at,
       minutes = excluded.minutes, starts_on = excluded.starts_on, ends_on = excluded.ends_on`,
    [ownerId, col(rows, (r) => r.id), col(rows, (r) => r.teachingGroupId), col(rows, (r) => r.weekday), col(rows, (r) => r.startsAt),
      col(rows, (r) => r.minutes), col(rows, (r) => r.startsOn), col(rows, (r) => r.endsOn)]);
}

// ---------------------------------------------------------------------------------------------
// Ending what the source no longer has: dated ends, never a deleted record Elevlos owns

/**
 * A student gone from the source has left: their record, conversations, notes, absence and letters stay.
 * One missing from next year's export while this year still runs finishes the year first: they stay
 * active in their class until it closes, and have left from then (queries/yearTurn.ts leaveAfterTheYear).
 */
export async function markStudentsLeft(q: QueryFn, ownerId: string, ids: readonly string[], today: string = todayInOslo()): Promise<void> {
  const finishing = await studentsFinishingTheYear(q, ownerId, ids, today);
  await q("update student set status = 'left' where owner_id = $1 and id = any($2::uuid[]) and status <> 'left' and not id = any($3::uuid[])",
    [ownerId, ids, [...finishing]]);
}

/** Current memberships end today (ends_on is exclusive: from today the student is no longer in the group). */
export async function endEnrolmentsOfStudents(q: QueryFn, ownerId: string, studentIds: readonly string[], today: string): Promise<void> {
  await q(`update enrolment set ends_on = $3::date where owner_id = $1 and student_id = any($2::uuid[])
     and starts_on < $3::date and (ends_on is null or ends_on > $3::date)`, [ownerId, studentIds, today]);
}
/** A membership that has not begun holds no history: it goes. */
export async function deleteFutureEnrolmentsOfStudents(q: QueryFn, ownerId: string, studentIds: readonly string[], today: string): Promise<void> {
  await q('delete from enrolment where owner_id = $1 and student_id = any($2::uuid[]) and starts_on >= $3::date', [ownerId, studentIds, today]);
}
export async function endEnrolments(q: QueryFn, ownerId: string, ids: readonly string[], today: string): Promise<void> {
  await q(`update enrolment set ends_on = $3::date where owner_id = $1 and id = any($2::uuid[])
     and starts_on < $3::date and (ends_on is null or ends_on > $3::date)`, [ownerId, ids, today]);
}
export async function deleteFutureEnrolments(q: QueryFn, ownerId: string, ids: readonly string[], today: string): Promise<void> {
  await q('delete from enrolment where owner_id = $1 and id = any($2::uuid[]) and starts_on >= $3::date', [ownerId, ids, today]);
}

/**
 * A guardianship the source no longer has while the student is still at school: gone, so the person
 * has no insight from it at once — unless Elevlos recorded a decision on it (L-06), which must stay:
 * then parental responsibility is withdrawn. A student who left keeps their guardians as they were,
 * with the rest of their history.
 */
export async function deleteGuardianships(q: QueryFn, ownerId: string, ids: readonly string[]): Promise<void> {
  await q(`delete from guardianship g where g.owner_id = $1 and g.id = any($2::uuid[])
     and not exists (select 1 from information_decision d where d.owner_id = g.owner_id and d.guardianship_id = g.id)
     and exists (select 1 from student s where s.owner_id = g.owner_id and s.id = g.student_id and s.status <> 'left')`, [ownerId, ids]);
}
export async function withdrawGuardianships(q: QueryFn, ownerId: string, ids: readonly string[]): Promise<void> {
  await q(`update guardianship g set parental_responsibility = false, lives_with = false where g.owner_id = $1 and g.id = any($2::uuid[])
     and exists (select 1 from student s where s.owner_id = g.owner_id and s.id = g.student_id and s.status <> 'left')`, [ownerId, ids]);
}

/** Lessons that ran end today; one that has not begun goes, unless absence was already registered on it (it starts today). */
export async function endLessons(q: QueryFn, ownerId: string, ids: readonly string[], today: string): Promise<void> {
  await q(`update lesson set ends_on = $3::date where owner_id = $1 and id = any($2::uuid[])
     and starts_on < $3::date and (ends_on is null or ends_on > $3::date)`, [ownerId, ids, today]);
}
export async function deleteFutureLessons(q: QueryFn, ownerId: string, ids: readonly string[], today: string): Promise<void> {
  await q(`delete from lesson l where l.owner_id = $1 and l.id = any($2::uuid[]) and l.starts_on >= $3::date
     and not exists (select 1 from absence a where a.owner_id = l.owner_id and a.lesson_id = l.id)`, [ownerId, ids, today]);
}
export async function endLessonsOnTheirFirstDay(q: QueryFn, ownerId: string, ids: readonly string[], today: string): Promise<void> {
  await q(`update lesson set ends_on = starts_on + 1 where owner_id = $1 and id = any($2::uuid[]) and starts_on >= $3::date
     and (ends_on is null or ends_on > starts_on + 1)`, [ownerId, ids, today]);
}

// ---------------------------------------------------------------------------------------------
// Naming what ends, for the preview (the source no longer has the record, so Elevlos's row names it)

export async function namesOfStudents(q: QueryFn, ownerId: string, ids: readonly string[]): Promise<{ id: string; label: string }[]> {
  return q<{ id: string; label: string }>(
    `select s.id, p.given_name || ' ' || p.family_name as label from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id
     where s.owner_id = $1 and s.id = any($2::uuid[])`, [ownerId, ids]);
}
export async function namesOfStaff(q: QueryFn, ownerId: string, ids: readonly string[]): Promise<{ id: string; label: string }[]> {
  return q<{ id: string; label: string }>(
    `select m.id, p.given_name || ' ' || p.family_name as label from staff_member m join person p on p.owner_id = m.owner_id and p.id = m.person_id
     where m.owner_id = $1 and m.id = any($2::uuid[])`, [ownerId, ids]);
}
export async function namesOfGuardianships(q: QueryFn, ownerId: string, ids: readonly string[]): Promise<{ id: string; label: string }[]> {
  return q<{ id: string; label: string }>(
    `select g.id, gp.given_name || ' ' || gp.family_name || ' → ' || sp.given_name || ' ' || sp.family_name as label
     from guardianship g join person gp on gp.owner_id = g.owner_id and gp.id = g.guardian_person_id
     join student s on s.owner_id = g.owner_id and s.id = g.student_id join person sp on sp.owner_id = s.owner_id and sp.id = s.person_id
     where g.owner_id = $1 and g.id = any($2::uuid[])`, [ownerId, ids]);
}
export async function namesOfEnrolments(q: QueryFn, ownerId: string, ids: readonly string[]): Promise<{ id: string; label: string }[]> {
  return q<{ id: string; label: string }>(
    `select e.id, p.given_name || ' ' || p.family_name || ' · ' || coalesce(bg.name, tg.name) as label
     from enrolment e join student s on s.owner_id = e.owner_id and s.id = e.student_id join person p on p.owner_id = s.owner_id and p.id = s.person_id
     left join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
     left join teaching_group tg on tg.owner_id = e.owner_id and tg.id = e.teaching_group_id
     where e.owner_id = $1 and e.id = any($2::uuid[])`, [ownerId, ids]);
}
export async function namesOfGroups(q: QueryFn, ownerId: string, ids: readonly string[]): Promise<{ id: string; label: string }[]> {
  return q<{ id: string; label: string }>(
    `select id, name as label from basis_group where owner_id = $1 and id = any($2::uuid[])
     union all select id, name from teaching_group where owner_id = $1 and id = any($2::uuid[])
     union all select id, name from department where owner_id = $1 and id = any($2::uuid[])`, [ownerId, ids]);
}
export async function namesOfLessons(q: QueryFn, ownerId: string, ids: readonly string[]): Promise<{ id: string; label: string }[]> {
  return q<{ id: string; label: string }>(
    `select l.id, tg.name || ' · ' || l.weekday || ' ' || to_char(l.starts_at, 'HH24:MI') as label
     from lesson l join teaching_group tg on tg.owner_id = l.owner_id and tg.id = l.teaching_group_id where l.owner_id = $1 and l.id = any($2::uuid[])`,
    [ownerId, ids]);
}
