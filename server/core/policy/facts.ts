/** Loads what the policy decides on: the actor and the facts about a student or a group, in one round trip each. */
import type { Database } from '../db/client.js';
import { today as clockToday } from '../time.js';
import type { Actor, BasisGroupFacts, StudentFacts, TeachingGroupFacts } from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

/**
 * A group of a closed school year: the year has ended and the school has groups in a later year (the
 * year has turned). Its contact and subject teachers keep the assignment as history, but it is no longer
 * theirs: not in their menus, and no access to the group through it. Until a later year is imported, the
 * last year's groups stay with their teachers (the summer, the letters that remain).
 */
const CLOSED_GROUP = (g: string) => `exists (select 1 from school_year y where y.owner_id = ${g}.owner_id and y.id = ${g}.school_year_id and y.ends_on < $3::date
  and (exists (select 1 from basis_group l join school_year ly on ly.owner_id = l.owner_id and ly.id = l.school_year_id
               where l.owner_id = ${g}.owner_id and l.school_id = ${g}.school_id and ly.starts_on > y.starts_on)
    or exists (select 1 from teaching_group l join school_year ly on ly.owner_id = l.owner_id and ly.id = l.school_year_id
               where l.owner_id = ${g}.owner_id and l.school_id = ${g}.school_id and ly.starts_on > y.starts_on)))`;

export async function loadActor(database: Database, ownerId: string, personId: string, today: string = clockToday()): Promise<Actor | null> {
  const rows = await database.query<Record<string, unknown>>(
    `select p.id, p.given_name, p.family_name, p.preferred_locale,
      coalesce((select json_agg(json_build_object(
          'staffMemberId', sm.id, 'schoolId', sm.school_id, 'schoolName', sc.name,
          'roles', coalesce((select json_agg(json_build_object('role', r.role, 'departmentId', r.department_id, 'departmentName', d.name))
                    from staff_role r left join department d on d.owner_id = r.owner_id and d.id = r.department_id
                    where r.owner_id = sm.owner_id and r.staff_member_id = sm.id), '[]'::json)))
        from staff_member sm join school sc on sc.owner_id = sm.owner_id and sc.id = sm.school_id
        where sm.owner_id = p.owner_id and sm.person_id = p.id), '[]'::json) as staff,
      coalesce((select json_agg(json_build_object('id', bg.id, 'name', bg.name, 'schoolId', bg.school_id, 'schoolName', sc.name, 'departmentId', bg.department_id) order by bg.name)
        from contact_teacher_assignment cta
        join staff_member sm on sm.owner_id = cta.owner_id and sm.id = cta.staff_member_id
        join basis_group bg on bg.owner_id = cta.owner_id and bg.id = cta.basis_group_id
        join school sc on sc.owner_id = bg.owner_id and sc.id = bg.school_id
        where cta.owner_id = p.owner_id and sm.person_id = p.id and not ${CLOSED_GROUP('bg')}), '[]'::json) as contact_teacher_of,
      coalesce((select json_agg(json_build_object('id', tg.id, 'name', tg.name, 'schoolId', tg.school_id, 'subjectCode', su.code, 'subjectName', su.name) order by tg.name)
        from subject_teacher_assignment sta
        join staff_member sm on sm.owner_id = sta.owner_id and sm.id = sta.staff_member_id
        join teaching_group tg on tg.owner_id = sta.owner_id and tg.id = sta.teaching_group_id
        join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id
        where sta.owner_id = p.owner_id and sm.person_id = p.id and not ${CLOSED_GROUP('tg')}), '[]'::json) as subject_teacher_of,
      coalesce((select json_agg(s.id) from student s where s.owner_id = p.owner_id and s.person_id = p.id), '[]'::json) as student_ids,
      coalesce((select json_agg(g.student_id) from guardianship g where g.owner_id = p.owner_id and g.guardian_person_id = p.id), '[]'::json) as guardian_of
     from person p where p.owner_id = $1 and p.id = $2`,
    [ownerId, personId, today],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    personId: r.id as string,
    ownerId,
    givenName: r.given_name as string,
    familyName: r.family_name as string,
    locale: r.preferred_locale as Actor['locale'],
    staff: r.staff as Actor['staff'],
    contactTeacherOf: r.contact_teacher_of as Actor['contactTeacherOf'],
    subjectTeacherOf: r.subject_teacher_of as Actor['subjectTeacherOf'],
    studentIds: r.student_ids as string[],
    guardianOf: r.guardian_of as string[],
  };
}

/** The student columns and relations the policy needs; `where` picks the students. */
/** `extra`: more columns a group view shows, fetched in the same statement (one round trip, one plan). */
export const STUDENT_FACTS_SQL = (where: string, extra = '', join = '') => `
  select s.id, s.person_id, s.school_id, sc.name as school_name, s.department_id, d.name as department_name,
    p.birth_date::text as birth_date, p.address_protection,
    coalesce((select json_agg(json_build_object('id', bg.id, 'name', bg.name))
      from enrolment e join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
      where e.owner_id = s.owner_id and e.student_id = s.id and e.starts_on <= $2::date and (e.ends_on is null or e.ends_on > $2::date)), '[]'::json) as basis_groups,
    coalesce((select json_agg(json_build_object('id', tg.id, 'name', tg.name, 'subjectCode', su.code))
      from enrolment e join teaching_group tg on tg.owner_id = e.owner_id and tg.id = e.teaching_group_id
      join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id
      where e.owner_id = s.owner_id and e.student_id = s.id and e.starts_on <= $2::date and (e.ends_on is null or e.ends_on > $2::date)), '[]'::json) as teaching_groups,
    coalesce((select json_agg(json_build_object('guardianshipId', g.id, 'guardianPersonId', g.guardian_person_id,
        'parentalResponsibility', g.parental_responsibility,
        'informationGranted', (select count(*) from information_decision i where i.owner_id = g.owner_id and i.guardianship_id = g.id and i.granted and i.revoked_at is null) > 0))
      from guardianship g where g.owner_id = s.owner_id and g.student_id = s.id), '[]'::json) as guardianships,
    coalesce((select json_agg(c.guardian_person_id) from consent c
      where c.owner_id = s.owner_id and c.student_id = s.id and c.withdrawn_at is null), '[]'::json) as consented${extra}
  from student s
  join person p on p.owner_id = s.owner_id and p.id = s.person_id
  join school sc on sc.owner_id = s.owner_id and sc.id = s.school_id
  left join department d on d.owner_id = s.owner_id and d.id = s.department_id${join}
  where s.owner_id = $1 and ${where}`;

export function toStudentFacts(ownerId: string, r: Record<string, unknown>): StudentFacts {
  return {
    ownerId,
    studentId: r.id as string,
    personId: r.person_id as string,
    schoolId: r.school_id as string,
    schoolName: r.school_name as string,
    departmentId: (r.department_id as string | null) ?? null,
    departmentName: (r.department_name as string | null) ?? null,
    birthDate: (r.birth_date as string | null) ?? null,
    addressProtection: r.address_protection as StudentFacts['addressProtection'],
    basisGroups: r.basis_groups as StudentFacts['basisGroups'],
    teachingGroups: r.teaching_groups as StudentFacts['teachingGroups'],
    guardianships: r.guardianships as StudentFacts['guardianships'],
    consentedGuardianIds: r.consented as string[],
  };
}

export async function loadStudentFacts(database: Database, ownerId: string, studentId: string, today: string): Promise<StudentFacts | null> {
  if (!isUuid(studentId)) return null;
  const rows = await database.query<Record<string, unknown>>(STUDENT_FACTS_SQL('s.id = $3'), [ownerId, today, studentId]);
  return rows[0] ? toStudentFacts(ownerId, rows[0]) : null;
}

/** Several students' facts in one statement (lists that span groups, e.g. the conversations a teacher holds). */
export async function loadStudentsFacts(database: Database, ownerId: string, studentIds: string[], today: string): Promise<Map<string, StudentFacts>> {
  const ids = studentIds.filter(isUuid);
  if (ids.length === 0) return new Map();
  const rows = await database.query<Record<string, unknown>>(STUDENT_FACTS_SQL('s.id = any($3::uuid[])'), [ownerId, today, ids]);
  return new Map(rows.map((r) => [r.id as string, toStudentFacts(ownerId, r)]));
}

/**
 * Every student currently in a basis or teaching group, with the policy's facts (group views decide per
 * student) and the `extra` columns the view shows; `extra.params` are numbered from $4.
 */
export async function loadGroupStudents(
  database: Database, ownerId: string, group: { kind: 'basis' | 'teaching'; id: string }, today: string,
  extra: { columns: string; params: unknown[] } = { columns: '', params: [] },
): Promise<{ facts: StudentFacts; row: Record<string, unknown> }[]> {
  const column = group.kind === 'basis' ? 'basis_group_id' : 'teaching_group_id';
  const rows = await database.query<Record<string, unknown>>(
    STUDENT_FACTS_SQL(`s.id in (select e.student_id from enrolment e where e.owner_id = $1 and e.${column} = $3
       and e.starts_on <= $2::date and (e.ends_on is null or e.ends_on > $2::date))`, extra.columns),
    [ownerId, today, group.id, ...extra.params],
  );
  return rows.map((r) => ({ facts: toStudentFacts(ownerId, r), row: r }));
}

/** With `today`, also the class's current students (`memberStudentIds`), so the policy knows a student of the class. */
export async function loadBasisGroupFacts(database: Database, ownerId: string, basisGroupId: string, today?: string): Promise<BasisGroupFacts | null> {
  if (!isUuid(basisGroupId)) return null;
  const members = today
    ? `, array(select e.student_id from enrolment e where e.owner_id = bg.owner_id and e.basis_group_id = bg.id
         and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date)) as member_student_ids`
    : '';
  const rows = await database.query<Record<string, unknown>>(
    `select bg.id, bg.name, bg.level, bg.school_id, sc.name as school_name, bg.department_id, d.name as department_name${members}
     from basis_group bg join school sc on sc.owner_id = bg.owner_id and sc.id = bg.school_id
     left join department d on d.owner_id = bg.owner_id and d.id = bg.department_id
     where bg.owner_id = $1 and bg.id = $2`,
    today ? [ownerId, basisGroupId, today] : [ownerId, basisGroupId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    ownerId,
    basisGroupId: r.id as string,
    name: r.name as string,
    level: r.level as string,
    schoolId: r.school_id as string,
    schoolName: r.school_name as string,
    departmentId: (r.department_id as string | null) ?? null,
    departmentName: (r.department_name as string | null) ?? null,
    ...(today ? { memberStudentIds: (r.member_student_ids as string[] | null) ?? [] } : {}),
  };
}

export async function loadTeachingGroupFacts(database: Database, ownerId: string, teachingGroupId: string): Promise<TeachingGroupFacts | null> {
  if (!isUuid(teachingGroupId)) return null;
  const rows = await database.query<Record<string, string>>(
    `select tg.id, tg.name, tg.school_id, sc.name as school_name, su.code as subject_code, su.name as subject_name
     from teaching_group tg join school sc on sc.owner_id = tg.owner_id and sc.id = tg.school_id
     join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id
     where tg.owner_id = $1 and tg.id = $2`,
    [ownerId, teachingGroupId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    ownerId, teachingGroupId: r.id!, name: r.name!, schoolId: r.school_id!, schoolName: r.school_name!,
    subjectCode: r.subject_code!, subjectName: r.subject_name!,
  };
}
