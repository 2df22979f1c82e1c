/**
 * Every statement of the class lists, the class overview and a teaching group's students. The bench
 * measures the class overview against its SQL floor: the texts stay as they are.
 */
import type { Database, QueryFn } from '../../core/db/client.js';
import type { student } from '../../core/db/tables.js';
import { loadGroupStudents } from '../../core/policy/facts.js';
import type { StudentFacts } from '../../core/policy/types.js';

type Student = typeof student.$inferSelect;

export interface BasisGroupRow {
  id: string; name: string; level: string; school_id: string; school_name: string; department_id: string | null;
  department_name: string | null; student_count: number;
}

/** Every basis group of these schools with its number of students today, by level and name. */
export async function basisGroupsOfSchools(q: QueryFn, ownerId: string, schoolIds: string[], today: string): Promise<BasisGroupRow[]> {
  return q<BasisGroupRow>(
    `select bg.id, bg.name, bg.level, bg.school_id, sc.name as school_name, bg.department_id, d.name as department_name,
              (select count(*)::int from enrolment e where e.owner_id = bg.owner_id and e.basis_group_id = bg.id
                 and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date)) as student_count
       from basis_group bg join school sc on sc.owner_id = bg.owner_id and sc.id = bg.school_id
       left join department d on d.owner_id = bg.owner_id and d.id = bg.department_id
       where bg.owner_id = $1 and bg.school_id = any($2::uuid[])
       order by bg.level, bg.name`,
    [ownerId, schoolIds, today],
  );
}

/** The overview's columns beside each student's facts. */
export interface OverviewRow {
  id: string; given_name: string; family_name: string; birth_date: string | null; status: Student['status'];
  minority_language: boolean; accommodation_need: boolean; last_contact_on: string | null; level: string;
}

/**
 * The class's students today, each with their facts (one statement, the core's student facts with the
 * overview's columns). Takes the database, not a query function: the core's loader is written for it.
 * The last contact counts only entries every staff reader may see, or the reader's own ($4).
 */
export async function classOverviewStudents(
  database: Database, ownerId: string, basisGroupId: string, today: string, readerPersonId: string,
): Promise<{ facts: StudentFacts; row: OverviewRow }[]> {
  const students = await loadGroupStudents(database, ownerId, { kind: 'basis', id: basisGroupId }, today, {
    columns: `, p.given_name, p.family_name, s.status, s.minority_language, s.level,
        (select count(*) from accommodation_need a where a.owner_id = s.owner_id and a.student_id = s.id) > 0 as accommodation_need,
        (select max(c.occurred_on)::text from contact_log_entry c where c.owner_id = s.owner_id and c.student_id = s.id
           and (c.visibility in ('staff', 'contactTeacherAndLeaders') or c.author_person_id = $4)) as last_contact_on`,
    params: [readerPersonId],
  });
  return students.map(({ facts, row }) => ({ facts, row: row as unknown as OverviewRow }));
}

export interface TeachingGroupStudentRow { id: string; given_name: string; family_name: string; accommodation_need: boolean; adapted_arrangement: boolean }

/** These students' names, whether they have an accommodation need, and an adapted arrangement that applies today (R-50), by name. */
export async function teachingGroupStudentRows(q: QueryFn, ownerId: string, studentIds: string[], today: string): Promise<TeachingGroupStudentRow[]> {
  return q<TeachingGroupStudentRow>(
    `select s.id, p.given_name, p.family_name,
              (select count(*) from accommodation_need a where a.owner_id = s.owner_id and a.student_id = s.id) > 0 as accommodation_need,
              exists (select 1 from adapted_arrangement aa where aa.owner_id = s.owner_id and aa.student_id = s.id
                and aa.agreed_on <= $3::date and (aa.ends_on is null or aa.ends_on >= $3::date)) as adapted_arrangement
       from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id
       where s.owner_id = $1 and s.id = any($2::uuid[]) order by p.family_name, p.given_name`,
    [ownerId, studentIds, today],
  );
}
