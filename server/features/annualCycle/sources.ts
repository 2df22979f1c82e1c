/**
 * The evidence sources Elevlos knows (see evidence.ts). Built from the data of the conversations,
 * formative-assessment and absence features here, and each other feature's own evidence.ts (forms, parent
 * meetings, accommodation needs, class life, the assessment plan).
 */
import { conversationKinds } from '../../core/db/schema.js';
import { accommodationNeedConfirmedEvidence } from '../accommodationNeeds/evidence.js';
import { assessmentPlanPublished } from '../assessmentPlan/evidence.js';
import { classLifeEvidenceSources } from '../classLife/evidence.js';
import { formReceivedEvidence } from '../forms/evidence.js';
import { parentMeetingFollowedUpEvidence } from '../parentMeeting/evidence.js';
import { NIL_UUID, osloDay, registerEvidenceSource, type EvidenceQuery, type EvidenceSource } from './evidence.js';

const nil = `'${NIL_UUID}'::uuid`;

/** the staff member id of a person at the school (the teacher of a 'studentTeacher' task) */
const staffOf = (personColumn: string, ownerColumn: string, school: string) =>
  `(select sm.id from staff_member sm where sm.owner_id = ${ownerColumn} and sm.person_id = ${personColumn} and sm.school_id = ${school})`;

/** only the slice's students (the owner's tables hold a whole county) */
const ofSlice = (column: string, q: EvidenceQuery) => `${column} = any(${q.students})`;

export const builtinSources: EvidenceSource[] = [
  {
    // R-11/R-30/R-33: a conversation of the routine's kind was held with the student (by the subject teacher, for subject conversations)
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
  {
    // R-30/R-34: a formative assessment of the student was recorded (by that subject teacher, per teacher)
    kind: 'formativeAssessmentRecorded',
    subjects: ['student', 'studentTeacher'],
    dataBacked: true,
    sql: (q, p) => `select fa.student_id as subject_id,
        ${q.subject === 'studentTeacher' ? staffOf('fa.recorded_by_person_id', 'fa.owner_id', `${p(q.schoolId)}::uuid`) : nil} as teacher_id,
        fa.assessed_on as done_on
      from formative_assessment fa
      where fa.owner_id = ${p(q.ownerId)}::uuid and ${ofSlice('fa.student_id', q)}`,
  },
  {
    // R-20/R-35: the contact teacher checked the student's absence for a week in the class hour
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
  },
  // routines with no data behind them (screening results, class-team meetings, …): ticked by hand, saying who and when
  { kind: 'handTicked', subjects: ['student', 'basisGroup', 'teacher', 'studentTeacher'], dataBacked: false },
  // provided by the other features of issue 6, each in its own folder
  accommodationNeedConfirmedEvidence,
  formReceivedEvidence,
  parentMeetingFollowedUpEvidence,
  ...classLifeEvidenceSources,
  assessmentPlanPublished,
];

for (const s of builtinSources) registerEvidenceSource(s);
