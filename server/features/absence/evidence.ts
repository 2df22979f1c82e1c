/** Evidence for the routine engine: the contact teacher checked the student's absence for a week in the class hour. */
import { NIL_UUID, ofSlice, osloDay, type EvidenceSource } from '../../core/evidence/sources.js';

const nil = `'${NIL_UUID}'::uuid`;

export const weeklyAbsenceCheckDone: EvidenceSource = {
  kind: 'weeklyAbsenceCheckDone',
  subjects: ['student', 'basisGroup'],
  dataBacked: true,
  sql: (q, p) => q.subject === 'basisGroup'
    ? `select e.basis_group_id as subject_id, ${nil} as teacher_id, ${osloDay('w.checked_at')} as done_on
         from weekly_check w join enrolment e on e.owner_id = w.owner_id and e.student_id = w.student_id and e.basis_group_id is not null
           and e.starts_on <= w.week_start + 6 and (e.ends_on is null or e.ends_on > w.week_start)
         where w.owner_id = ${p(q.ownerId)}::uuid and e.basis_group_id = any(${q.classes}) and ${ofSlice('w.student_id', q)}`
    : `select w.student_id as subject_id, ${nil} as teacher_id, ${osloDay('w.checked_at')} as done_on
         from weekly_check w where w.owner_id = ${p(q.ownerId)}::uuid and ${ofSlice('w.student_id', q)}`,
};
