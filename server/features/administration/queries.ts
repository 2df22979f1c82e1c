/**
 * Every statement of administration (issue 13). Pass `database.query` or a transaction's query function.
 * Memberships are never deleted: a correction ends one (history stays) or adds one.
 */
import type { QueryFn } from '../../core/db/client.js';
import type { StaffRole } from '../../core/db/tables.js';

export interface SchoolRow { id: string; name: string; stage: 'upperSecondary' | 'compulsory' }

export async function schoolById(q: QueryFn, ownerId: string, schoolId: string): Promise<SchoolRow | null> {
  const [row] = await q<SchoolRow>('select id, name, stage from school where owner_id = $1 and id = $2', [ownerId, schoolId]);
  return row ?? null;
}

export async function schoolsByIds(q: QueryFn, ownerId: string, schoolIds: readonly string[]): Promise<SchoolRow[]> {
  return q<SchoolRow>('select id, name, stage from school where owner_id = $1 and id = any($2::uuid[]) order by name, id', [ownerId, schoolIds]);
}

export async function renameSchool(q: QueryFn, ownerId: string, schoolId: string, name: string): Promise<void> {
  await q('update school set name = $3 where owner_id = $1 and id = $2', [ownerId, schoolId, name]);
}

export interface SchoolYearRow { id: string; name: string; startsOn: string; endsOn: string }

/** The year today falls in; between two years (the summer) the next one, else the last one. */
export async function currentSchoolYear(q: QueryFn, ownerId: string, day: string): Promise<SchoolYearRow | null> {
  const [row] = await q<SchoolYearRow>(
    `select id, name, starts_on::text as "startsOn", ends_on::text as "endsOn" from school_year where owner_id = $1
     order by (starts_on <= $2::date and ends_on >= $2::date) desc, (starts_on > $2::date) desc,
              case when starts_on > $2::date then starts_on end asc, starts_on desc
     limit 1`,
    [ownerId, day],
  );
  return row ?? null;
}

// ----- staff and roles ------------------------------------------------------------------------

export interface StaffRow {
  staffMemberId: string; personId: string; givenName: string; familyName: string; title: string | null;
  roles: { id: string; role: StaffRole; departmentId: string | null; departmentName: string | null }[];
  contactTeacherOf: string[];
  subjectTeacherOf: string[];
}

/** The school's staff with their roles, and the groups of the year they are contact or subject teacher of. */
export async function staffOfSchool(q: QueryFn, ownerId: string, schoolId: string, schoolYearId: string | null): Promise<StaffRow[]> {
  return q<StaffRow>(
    `select sm.id as "staffMemberId", p.id as "personId", p.given_name as "givenName", p.family_name as "familyName", sm.title,
       coalesce((select json_agg(json_build_object('id', r.id, 'role', r.role, 'departmentId', r.department_id, 'departmentName', d.name) order by r.role, d.name)
         from staff_role r left join department d on d.owner_id = r.owner_id and d.id = r.department_id
         where r.owner_id = sm.owner_id and r.staff_member_id = sm.id), '[]'::json) as roles,
       coalesce((select json_agg(bg.name order by bg.name) from contact_teacher_assignment c
         join basis_group bg on bg.owner_id = c.owner_id and bg.id = c.basis_group_id
         where c.owner_id = sm.owner_id and c.staff_member_id = sm.id and bg.school_year_id = $3), '[]'::json) as "contactTeacherOf",
       coalesce((select json_agg(tg.name order by tg.name) from subject_teacher_assignment a
         join teaching_group tg on tg.owner_id = a.owner_id and tg.id = a.teaching_group_id
         where a.owner_id = sm.owner_id and a.staff_member_id = sm.id and tg.school_year_id = $3), '[]'::json) as "subjectTeacherOf"
     from staff_member sm join person p on p.owner_id = sm.owner_id and p.id = sm.person_id
     where sm.owner_id = $1 and sm.school_id = $2
     order by p.family_name, p.given_name, sm.id`,
    [ownerId, schoolId, schoolYearId],
  );
}

export interface DepartmentRow { id: string; name: string }

export async function departmentsOfSchool(q: QueryFn, ownerId: string, schoolId: string): Promise<DepartmentRow[]> {
  return q<DepartmentRow>('select id, name from department where owner_id = $1 and school_id = $2 order by name, id', [ownerId, schoolId]);
}

export interface StaffMemberRow { id: string; personId: string; name: string }

export async function staffMemberAt(q: QueryFn, ownerId: string, schoolId: string, staffMemberId: string): Promise<StaffMemberRow | null> {
  const [row] = await q<StaffMemberRow>(
    `select sm.id, sm.person_id as "personId", p.given_name || ' ' || p.family_name as name
     from staff_member sm join person p on p.owner_id = sm.owner_id and p.id = sm.person_id
     where sm.owner_id = $1 and sm.school_id = $2 and sm.id = $3`,
    [ownerId, schoolId, staffMemberId],
  );
  return row ?? null;
}

export async function hasRole(q: QueryFn, ownerId: string, staffMemberId: string, role: StaffRole, departmentId: string | null): Promise<boolean> {
  const rows = await q(
    'select 1 from staff_role where owner_id = $1 and staff_member_id = $2 and role = $3 and department_id is not distinct from $4::uuid',
    [ownerId, staffMemberId, role, departmentId],
  );
  return rows.length > 0;
}

export async function insertRole(q: QueryFn, ownerId: string, r: { id: string; staffMemberId: string; role: StaffRole; departmentId: string | null }): Promise<void> {
  await q('insert into staff_role (owner_id, id, staff_member_id, role, department_id) values ($1, $2, $3, $4, $5)',
    [ownerId, r.id, r.staffMemberId, r.role, r.departmentId]);
}

export interface RoleRow { id: string; role: StaffRole; departmentId: string | null; departmentName: string | null }

export async function roleOf(q: QueryFn, ownerId: string, staffMemberId: string, roleId: string): Promise<RoleRow | null> {
  const [row] = await q<RoleRow>(
    `select r.id, r.role, r.department_id as "departmentId", d.name as "departmentName"
     from staff_role r left join department d on d.owner_id = r.owner_id and d.id = r.department_id
     where r.owner_id = $1 and r.staff_member_id = $2 and r.id = $3`,
    [ownerId, staffMemberId, roleId],
  );
  return row ?? null;
}

/**
 * The school's school-admin roles, locked until the transaction ends: two admins removing each other at
 * the same moment are decided one after the other, so the school keeps an admin.
 */
export async function lockAdminRoles(q: QueryFn, ownerId: string, schoolId: string): Promise<{ id: string; staffMemberId: string }[]> {
  return q<{ id: string; staffMemberId: string }>(
    `select r.id, r.staff_member_id as "staffMemberId" from staff_role r
     join staff_member sm on sm.owner_id = r.owner_id and sm.id = r.staff_member_id
     where r.owner_id = $1 and sm.school_id = $2 and r.role = 'schoolAdmin'
     order by r.id for update of r`,
    [ownerId, schoolId],
  );
}

export async function deleteRole(q: QueryFn, ownerId: string, roleId: string): Promise<void> {
  await q('delete from staff_role where owner_id = $1 and id = $2', [ownerId, roleId]);
}

// ----- groups and memberships -------------------------------------------------------------------

export type GroupKind = 'basis' | 'teaching';

export interface GroupRow {
  id: string; kind: GroupKind; name: string; subjectName: string | null; schoolYearId: string; yearStartsOn: string; yearEndsOn: string; members: number;
  contactTeachers: { staffMemberId: string; name: string }[];
}

const GROUPS_SQL = `
  select bg.id, 'basis' as kind, bg.name, null as "subjectName", bg.school_year_id as "schoolYearId",
    (select starts_on::text from school_year y where y.owner_id = bg.owner_id and y.id = bg.school_year_id) as "yearStartsOn",
    (select ends_on::text from school_year y where y.owner_id = bg.owner_id and y.id = bg.school_year_id) as "yearEndsOn",
    (select count(*)::int from enrolment e where e.owner_id = bg.owner_id and e.basis_group_id = bg.id
       and e.starts_on <= $4::date and (e.ends_on is null or e.ends_on > $4::date)) as members,
    coalesce((select json_agg(json_build_object('staffMemberId', sm.id, 'name', p.given_name || ' ' || p.family_name) order by p.family_name, p.given_name)
      from contact_teacher_assignment c join staff_member sm on sm.owner_id = c.owner_id and sm.id = c.staff_member_id
      join person p on p.owner_id = sm.owner_id and p.id = sm.person_id
      where c.owner_id = bg.owner_id and c.basis_group_id = bg.id), '[]'::json) as "contactTeachers"
  from basis_group bg where bg.owner_id = $1 and bg.school_id = $2 and ($3::uuid is null or bg.school_year_id = $3) and ($5::uuid is null or bg.id = $5)
  union all
  select tg.id, 'teaching', tg.name, su.name, tg.school_year_id,
    (select starts_on::text from school_year y where y.owner_id = tg.owner_id and y.id = tg.school_year_id),
    (select ends_on::text from school_year y where y.owner_id = tg.owner_id and y.id = tg.school_year_id),
    (select count(*)::int from enrolment e where e.owner_id = tg.owner_id and e.teaching_group_id = tg.id
       and e.starts_on <= $4::date and (e.ends_on is null or e.ends_on > $4::date)),
    '[]'::json
  from teaching_group tg join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id
  where tg.owner_id = $1 and tg.school_id = $2 and ($3::uuid is null or tg.school_year_id = $3) and ($5::uuid is null or tg.id = $5)`;

/** The school's basis and teaching groups of the year, with today's member count and the basis groups' contact teachers. */
export async function groupsOfSchool(q: QueryFn, ownerId: string, schoolId: string, schoolYearId: string, day: string): Promise<GroupRow[]> {
  return q<GroupRow>(`${GROUPS_SQL} order by kind, name, id`, [ownerId, schoolId, schoolYearId, day, null]);
}

/** One group of the school, of any year. */
export async function groupAt(q: QueryFn, ownerId: string, schoolId: string, groupId: string, day: string): Promise<GroupRow | null> {
  const [row] = await q<GroupRow>(GROUPS_SQL, [ownerId, schoolId, null, day, groupId]);
  return row ?? null;
}

export interface MemberRow { enrolmentId: string; studentId: string; givenName: string; familyName: string; startsOn: string; endsOn: string | null }

const groupColumn = (kind: GroupKind) => (kind === 'basis' ? 'basis_group_id' : 'teaching_group_id');

/** Every membership of the group, past and present: a correction ends one, it never deletes it. */
export async function membersOf(q: QueryFn, ownerId: string, group: { id: string; kind: GroupKind }): Promise<MemberRow[]> {
  return q<MemberRow>(
    `select e.id as "enrolmentId", s.id as "studentId", p.given_name as "givenName", p.family_name as "familyName",
       e.starts_on::text as "startsOn", e.ends_on::text as "endsOn"
     from enrolment e join student s on s.owner_id = e.owner_id and s.id = e.student_id
     join person p on p.owner_id = s.owner_id and p.id = s.person_id
     where e.owner_id = $1 and e.${groupColumn(group.kind)} = $2
     order by p.family_name, p.given_name, e.starts_on, e.id`,
    [ownerId, group.id],
  );
}

export interface StudentHit { studentId: string; givenName: string; familyName: string; basisGroups: string[] }

/** Students of the school by name (for adding one to a group), with their basis groups today. */
export async function findStudents(q: QueryFn, ownerId: string, schoolId: string, pattern: string, day: string, limit: number): Promise<StudentHit[]> {
  return q<StudentHit>(
    `select s.id as "studentId", p.given_name as "givenName", p.family_name as "familyName",
       coalesce((select json_agg(bg.name order by bg.name) from enrolment e join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
         where e.owner_id = s.owner_id and e.student_id = s.id and e.starts_on <= $4::date and (e.ends_on is null or e.ends_on > $4::date)), '[]'::json) as "basisGroups"
     from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id
     where s.owner_id = $1 and s.school_id = $2 and (p.given_name || ' ' || p.family_name) ilike $3
     order by p.family_name, p.given_name, s.id limit $5`,
    [ownerId, schoolId, pattern, day, limit],
  );
}

export async function studentAt(q: QueryFn, ownerId: string, schoolId: string, studentId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await q<{ id: string; name: string }>(
    `select s.id, p.given_name || ' ' || p.family_name as name from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id
     where s.owner_id = $1 and s.school_id = $2 and s.id = $3`,
    [ownerId, schoolId, studentId],
  );
  return row ?? null;
}

/** Whether the student is in the group on some day from `from` on (an open or later-ending membership). */
export async function overlapsFrom(q: QueryFn, ownerId: string, studentId: string, group: { id: string; kind: GroupKind }, from: string): Promise<boolean> {
  const rows = await q(
    `select 1 from enrolment where owner_id = $1 and student_id = $2 and ${groupColumn(group.kind)} = $3 and (ends_on is null or ends_on > $4::date)`,
    [ownerId, studentId, group.id, from],
  );
  return rows.length > 0;
}

export async function insertEnrolment(q: QueryFn, ownerId: string, e: { id: string; studentId: string; group: { id: string; kind: GroupKind }; startsOn: string }): Promise<void> {
  await q(
    `insert into enrolment (owner_id, id, student_id, basis_group_id, teaching_group_id, starts_on) values ($1, $2, $3, $4, $5, $6)`,
    [ownerId, e.id, e.studentId, e.group.kind === 'basis' ? e.group.id : null, e.group.kind === 'teaching' ? e.group.id : null, e.startsOn],
  );
}

export interface EnrolmentRow { id: string; studentId: string; studentName: string; groupId: string; groupName: string; startsOn: string; endsOn: string | null }

/** One membership of a group of the school. */
export async function enrolmentAt(q: QueryFn, ownerId: string, schoolId: string, enrolmentId: string): Promise<EnrolmentRow | null> {
  const [row] = await q<EnrolmentRow>(
    `select e.id, e.student_id as "studentId", p.given_name || ' ' || p.family_name as "studentName",
       coalesce(bg.id, tg.id) as "groupId", coalesce(bg.name, tg.name) as "groupName", e.starts_on::text as "startsOn", e.ends_on::text as "endsOn"
     from enrolment e join student s on s.owner_id = e.owner_id and s.id = e.student_id
     join person p on p.owner_id = s.owner_id and p.id = s.person_id
     left join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
     left join teaching_group tg on tg.owner_id = e.owner_id and tg.id = e.teaching_group_id
     where e.owner_id = $1 and e.id = $3 and coalesce(bg.school_id, tg.school_id) = $2`,
    [ownerId, schoolId, enrolmentId],
  );
  return row ?? null;
}

/** Ends a current membership; false when it had ended meanwhile. */
export async function endEnrolment(q: QueryFn, ownerId: string, enrolmentId: string, endsOn: string): Promise<boolean> {
  const rows = await q('update enrolment set ends_on = $3 where owner_id = $1 and id = $2 and ends_on is null returning id', [ownerId, enrolmentId, endsOn]);
  return rows.length > 0;
}

// ----- contact teachers ---------------------------------------------------------------------------

export async function basisGroupAt(q: QueryFn, ownerId: string, schoolId: string, basisGroupId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await q<{ id: string; name: string }>('select id, name from basis_group where owner_id = $1 and school_id = $2 and id = $3', [ownerId, schoolId, basisGroupId]);
  return row ?? null;
}

/** Adds the assignment; false when the staff member was the group's contact teacher already. */
export async function assignContactTeacher(q: QueryFn, ownerId: string, basisGroupId: string, staffMemberId: string): Promise<boolean> {
  const rows = await q(
    `insert into contact_teacher_assignment (owner_id, basis_group_id, staff_member_id) values ($1, $2, $3)
     on conflict do nothing returning basis_group_id`,
    [ownerId, basisGroupId, staffMemberId],
  );
  return rows.length > 0;
}

/** Removes the assignment; false when there was none. */
export async function unassignContactTeacher(q: QueryFn, ownerId: string, basisGroupId: string, staffMemberId: string): Promise<boolean> {
  const rows = await q(
    'delete from contact_teacher_assignment where owner_id = $1 and basis_group_id = $2 and staff_member_id = $3 returning basis_group_id',
    [ownerId, basisGroupId, staffMemberId],
  );
  return rows.length > 0;
}
