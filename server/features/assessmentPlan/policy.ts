/**
 * The assessment plan (R-42): a student's combined plan is made known to everyone affected; a teaching
 * group's subject teachers plan its tests; the class's contact teacher and the leaders plan for the class;
 * events for a level or the whole school are the leaders'; the conflict rules are the school's.
 */
import {
  GUARDIAN_INSIGHT, asOwnSubjectTeacher, decideForGroup, decideForGroupNotCounsellor, decideForOwnSubjectTeacher, decideForTeachingGroup,
  type ActionsOf, type Policy,
} from '../../core/policy/can.js';

export const assessmentPlanPolicy = {
  student: {
    // the student, their teachers, the leaders and guardians with insight (an adult student's guardians only with consent)
    'assessmentPlan.read': ['self', 'contactTeacher', 'subjectTeacher', 'departmentHead', 'principal', 'counsellor', ...GUARDIAN_INSIGHT],
  },
  basisGroup: {
    // the class's combined plan: its contact teacher and the leaders; events for the whole class are planned by
    // its contact teacher, the department head or the principal (not the counsellor)
    'basisGroup.readAssessmentPlan': (actor, _action, r) => decideForGroup(actor, r.group),
    'basisGroup.planAssessment': (actor, action, r) => decideForGroupNotCounsellor(actor, action, r.group),
  },
  teachingGroup: {
    // the group's own subject teachers plan its tests; they, the principal and the counsellors read the plan
    'teachingGroup.planAssessment': (actor, action, r) => decideForOwnSubjectTeacher(actor, action, r.group),
    'teachingGroup.readAssessmentPlan': (actor, _action, r) => asOwnSubjectTeacher(actor, r.group) ?? decideForTeachingGroup(actor, r.group),
  },
  school: {
    'assessmentPlan.planSchoolEvent': ['principal', 'departmentHead'],
    'assessmentPlan.readRules': ['principal', 'schoolAdmin', 'departmentHead', 'counsellor', 'teacher'],
    'assessmentPlanRule.manage': ['principal', 'schoolAdmin'],
  },
} satisfies Policy;

declare module '../../core/policy/types.js' {
  interface Actions extends ActionsOf<typeof assessmentPlanPolicy> {}
}
