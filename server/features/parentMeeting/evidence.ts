/**
 * Evidence for the routine engine: parentMeetingFollowedUp.
 *   basisGroup — a parent meeting of the class was held and every absent guardian was sent the information;
 *                done on the later of the meeting day and the last sending
 *   student    — the same for one student's guardians (each present or informed)
 * Listed in this feature's description (index.ts), which installs it into core/evidence.
 */
import { NIL_UUID, osloDay, type EvidenceSource } from '../../core/evidence/sources.js';

const nil = `'${NIL_UUID}'::uuid`;

export const parentMeetingFollowedUpEvidence: EvidenceSource = {
  kind: 'parentMeetingFollowedUp',
  subjects: ['basisGroup', 'student'],
  dataBacked: true,
  sql: (q, p) => {
    const from = `from parent_meeting m
      join basis_group bg on bg.owner_id = m.owner_id and bg.id = m.basis_group_id
        and bg.school_id = ${p(q.schoolId)}::uuid and bg.school_year_id = ${p(q.schoolYearId)}::uuid`;
    const where = `where m.owner_id = ${p(q.ownerId)}::uuid`;
    return q.subject === 'student'
      ? `select a.student_id as subject_id, ${nil} as teacher_id, greatest(m.held_on, max(${osloDay('a.informed_at')})) as done_on
        ${from}
        join parent_meeting_attendance a on a.owner_id = m.owner_id and a.meeting_id = m.id
        ${where} and a.student_id = any(${q.students})
        group by m.id, m.held_on, a.student_id
        having bool_and(a.present or a.informed_at is not null)`
      : `select m.basis_group_id as subject_id, ${nil} as teacher_id, greatest(m.held_on, max(${osloDay('a.informed_at')})) as done_on
        ${from}
        left join parent_meeting_attendance a on a.owner_id = m.owner_id and a.meeting_id = m.id and not a.present
        ${where} and m.basis_group_id = any(${q.classes})
        group by m.id, m.basis_group_id, m.held_on
        having count(a.student_id) filter (where a.informed_at is null) = 0`;
  },
};
