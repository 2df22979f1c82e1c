/**
 * Evidence for the routine engine (R-04, R-30 "information about skjemaelever"): accommodationNeedConfirmed.
 *   student        — every current subject teacher of the student has confirmed every current need
 *                    (receipts of the needs' current revisions); done on the day of the last receipt
 *   studentTeacher — that one teacher (staff member) has confirmed every current need of the student
 *   basisGroup     — no student now in the class has a need a current subject teacher has not confirmed;
 *                    done on the class's last receipt (a class with no needs: on the school year's first day)
 * Listed in this feature's description (index.ts), which installs it into core/evidence.
 */
import { NIL_UUID, osloDay, type EvidenceSource } from '../../core/evidence/sources.js';

const nil = `'${NIL_UUID}'::uuid`;

export const accommodationNeedConfirmedEvidence: EvidenceSource = {
  kind: 'accommodationNeedConfirmed',
  subjects: ['student', 'studentTeacher', 'basisGroup'],
  dataBacked: true,
  sql: (q, p) => {
    const owner = `${p(q.ownerId)}::uuid`;
    // bound only by the branches that use them: an unused parameter fails the statement
    const school = () => `${p(q.schoolId)}::uuid`;
    const today = () => `${p(q.today)}::date`;
    const current = (alias: string, studentColumn: string) =>
      `select count(*) from accommodation_need ${alias} where ${alias}.owner_id = ${owner} and ${alias}.student_id = ${studentColumn} and ${alias}.ended_at is null`;
    if (q.subject === 'studentTeacher') {
      return `select a.student_id as subject_id, sm.id as teacher_id, max(${osloDay('r.confirmed_at')}) as done_on
        from accommodation_need a
        join accommodation_need_receipt r on r.owner_id = a.owner_id and r.need_id = a.id and r.revision = a.revision
        join staff_member sm on sm.owner_id = r.owner_id and sm.person_id = r.teacher_person_id and sm.school_id = ${school()}
        where a.owner_id = ${owner} and a.ended_at is null and a.student_id = any(${q.students})
        group by a.student_id, sm.id
        having count(*) = (${current('a2', 'a.student_id')})`;
    }
    // a current subject teacher of student `st` who has not confirmed one of the student's current needs
    const day = today();
    const unconfirmed = (st: string) => `exists (
        select 1 from enrolment e
        join subject_teacher_assignment sta on sta.owner_id = e.owner_id and sta.teaching_group_id = e.teaching_group_id
        join staff_member sm on sm.owner_id = sta.owner_id and sm.id = sta.staff_member_id
        where e.owner_id = ${owner} and e.student_id = ${st} and e.teaching_group_id is not null
          and e.starts_on <= ${day} and (e.ends_on is null or e.ends_on > ${day})
          and exists (select 1 from accommodation_need a3 where a3.owner_id = e.owner_id and a3.student_id = e.student_id and a3.ended_at is null
            and not exists (select 1 from accommodation_need_receipt r3 where r3.owner_id = a3.owner_id and r3.need_id = a3.id
              and r3.revision = a3.revision and r3.teacher_person_id = sm.person_id)))`;
    if (q.subject === 'basisGroup') {
      const members = (g: string) => `select ce.student_id from enrolment ce where ce.owner_id = ${owner} and ce.basis_group_id = ${g}
        and ce.starts_on <= ${day} and (ce.ends_on is null or ce.ends_on > ${day})`;
      return `select g.id as subject_id, ${nil} as teacher_id,
          coalesce((select max(${osloDay('r.confirmed_at')}) from accommodation_need a
             join accommodation_need_receipt r on r.owner_id = a.owner_id and r.need_id = a.id and r.revision = a.revision
             where a.owner_id = ${owner} and a.ended_at is null and a.student_id in (${members('g.id')})), y.starts_on) as done_on
        from basis_group g join school_year y on y.owner_id = g.owner_id and y.id = g.school_year_id
        where g.owner_id = ${owner} and g.school_id = ${school()} and g.school_year_id = ${p(q.schoolYearId)}::uuid and g.id = any(${q.classes})
          and not exists (select 1 from (${members('g.id')}) m where ${unconfirmed('m.student_id')})`;
    }
    return `select a.student_id as subject_id, ${nil} as teacher_id, max(${osloDay('r.confirmed_at')}) as done_on
      from accommodation_need a
      join accommodation_need_receipt r on r.owner_id = a.owner_id and r.need_id = a.id and r.revision = a.revision
      where a.owner_id = ${owner} and a.ended_at is null and a.student_id = any(${q.students})
      group by a.student_id
      having not ${unconfirmed('a.student_id')}`;
  },
};
