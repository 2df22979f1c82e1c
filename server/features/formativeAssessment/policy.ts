/** Formative assessment: the feedback is written to the student; the group's own subject teachers record it. */
import {
  GUARDIAN_INSIGHT, decideForGroupNotCounsellor, decideForOwnSubjectTeacher, type ActionsOf, type Policy,
} from '../../core/policy/can.js';

export const formativeAssessmentPolicy = {
  student: {
    // a subject teacher's answer is narrowed to their own groups by the route; not the counsellor (an
    // assessment, not student services); guardians of adults only with consent
    'formativeAssessment.read': ['self', 'contactTeacher', 'departmentHead', 'principal', 'subjectTeacher', ...GUARDIAN_INSIGHT],
  },
  basisGroup: {
    // the class's summary: its contact teacher and the leaders, not the counsellor
    'basisGroup.readFormativeSummary': (actor, action, r) => decideForGroupNotCounsellor(actor, action, r.group),
  },
  teachingGroup: {
    // the group's own subject teachers record; the principal may read
    'teachingGroup.recordFormativeAssessment': (actor, action, r) => decideForOwnSubjectTeacher(actor, action, r.group),
    'teachingGroup.readFormativeAssessments': (actor, action, r) => decideForOwnSubjectTeacher(actor, action, r.group, ['principal']),
  },
} satisfies Policy;

declare module '../../core/policy/types.js' {
  interface Actions extends ActionsOf<typeof formativeAssessmentPolicy> {}
}
