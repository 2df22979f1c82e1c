/**
 * Evidence for the annual cycle: the class's screening is complete when every current
 * student has all three results (done on the day of the last one), and the class-team meeting is done
 * when it is recorded as held. These replace the hand ticks of the two routines.
 */
import { NIL_UUID, osloDay, type EvidenceSource } from '../../core/evidence/sources.js';

export const screeningCompleted: EvidenceSource = {
  kind: 'screeningCompleted',
  subjects: ['basisGroup'],
  dataBacked: true,
  sql: (q, p) => `select e.basis_group_id as subject_id, '${NIL_UUID}'::uuid as teacher_id, max(x.last_on) as done_on
      from enrolment e
      cross join lateral (select count(*) as n, max(${osloDay('r.recorded_at')}) as last_on from screening_result r
        where r.owner_id = e.owner_id and r.student_id = e.student_id and r.school_year_id = ${p(q.schoolYearId)}::uuid) x
      where e.owner_id = ${p(q.ownerId)}::uuid and e.basis_group_id = any(${q.classes})
        and e.starts_on <= ${p(q.today)}::date and (e.ends_on is null or e.ends_on > ${p(q.today)}::date)
      group by e.basis_group_id
      having bool_and(x.n = 3)`,
};

export const classTeamMeetingHeld: EvidenceSource = {
  kind: 'classTeamMeetingHeld',
  subjects: ['basisGroup'],
  dataBacked: true,
  sql: (q, p) => `select m.basis_group_id as subject_id, '${NIL_UUID}'::uuid as teacher_id, m.held_on as done_on
      from class_team_meeting m
      where m.owner_id = ${p(q.ownerId)}::uuid and m.basis_group_id = any(${q.classes}) and m.held_on is not null`,
};
