/** Evidence for the routine engine (R-30, R-34): a formative assessment of the student was recorded (per teacher, by that subject teacher). */
import { NIL_UUID, ofSlice, staffOf, type EvidenceSource } from '../../core/evidence/sources.js';

export const formativeAssessmentRecorded: EvidenceSource = {
  kind: 'formativeAssessmentRecorded',
  subjects: ['student', 'studentTeacher'],
  dataBacked: true,
  sql: (q, p) => `select fa.student_id as subject_id,
        ${q.subject === 'studentTeacher' ? staffOf('fa.recorded_by_person_id', 'fa.owner_id', `${p(q.schoolId)}::uuid`) : `'${NIL_UUID}'::uuid`} as teacher_id,
        fa.assessed_on as done_on
      from formative_assessment fa
      where fa.owner_id = ${p(q.ownerId)}::uuid and ${ofSlice('fa.student_id', q)}`,
};
