/** Evidence for the routine engine (R-11, R-15, R-30, R-33): conversations held and guardian conferences offered. */
import { conversationKinds } from './tables.js';
import { NIL_UUID, ofSlice, osloDay, staffOf, type EvidenceSource } from '../../core/evidence/sources.js';

const nil = `'${NIL_UUID}'::uuid`;

export const conversationEvidence: EvidenceSource[] = [
  {
    // a conversation of the routine's kind was held with the student (by the subject teacher, for subject conversations)
    kind: 'conversationHeld',
    subjects: ['student', 'studentTeacher'],
    param: { name: 'conversationKind', values: conversationKinds },
    dataBacked: true,
    sql: (q, p) => `select c.student_id as subject_id,
        ${q.subject === 'studentTeacher' ? staffOf('coalesce(c.held_by_person_id, c.holder_person_id)', 'c.owner_id', `${p(q.schoolId)}::uuid`) : nil} as teacher_id,
        ${osloDay('c.held_at')} as done_on
      from conversation c
      where c.owner_id = ${p(q.ownerId)}::uuid and c.school_year_id = ${p(q.schoolYearId)}::uuid and c.kind = ${p(q.param)}
        and c.held_at is not null and c.cancelled_at is null and ${ofSlice('c.student_id', q)}`,
  },
  {
    // R-15/L-02: the guardians were offered the guardian conference and told of the right
    kind: 'guardianConferenceOffered',
    subjects: ['student'],
    dataBacked: true,
    sql: (q, p) => `select o.student_id as subject_id, ${nil} as teacher_id, ${osloDay('o.offered_at')} as done_on
      from guardian_conference_offer o
      where o.owner_id = ${p(q.ownerId)}::uuid and o.school_year_id = ${p(q.schoolYearId)}::uuid and ${ofSlice('o.student_id', q)}`,
  },
];
