/** Absence (R-20, R-21, R-71…R-74; L-03, L-10…L-15): who registers, documents, decides and reads it. */
import {
  GUARDIAN_INSIGHT, decideForGroupNotCounsellor, decideForOwnContactTeacher, decideForOwnSubjectTeacher, type ActionsOf, type Policy,
} from '../../core/policy/can.js';

export const absencePolicy = {
  student: {
    // a subject teacher's answer is narrowed to their own subject by the route; guardians of under-18s are
    // told of absence (L-03), guardians of adults only with consent (guardianInsight)
    'absence.read': ['self', 'contactTeacher', 'departmentHead', 'principal', 'subjectTeacher', ...GUARDIAN_INSIGHT],
    // R-20: full days are the contact teacher's; reasons and documentation also the leaders'
    'absence.registerDay': ['contactTeacher'],
    'absence.document': ['contactTeacher', 'departmentHead', 'principal'],
    // L-12: the student's own declaration; for a student under 18, a parent with parental responsibility may make it
    'absence.selfCertify': ['self', 'guardianWithParentalResponsibility'],
    'absence.recordHigherRisk': ['contactTeacher', 'departmentHead', 'principal'],
    // L-13: the principal personally
    'absence.decideLimit': ['principal'],
    // L-14: the diploma's figures; the student asks to leave days out, the contact teacher records a request made in person
    'absence.readDiploma': ['self', 'contactTeacher', 'departmentHead', 'principal', ...GUARDIAN_INSIGHT],
    'absence.requestDiploma': ['self', 'contactTeacher'],
  },
  basisGroup: {
    // a class's absence: its contact teacher, the department head and the principal; not the counsellor
    'basisGroup.readAbsence': (actor, action, r) => decideForGroupNotCounsellor(actor, action, r.group),
    // the weekly check in the class hour is the class's own contact teacher's
    'basisGroup.checkAbsence': (actor, action, r) => decideForOwnContactTeacher(actor, action, r.group),
  },
  teachingGroup: {
    // the group's own subject teachers register its lessons' absence; the principal may read it
    'teachingGroup.registerAbsence': (actor, action, r) => decideForOwnSubjectTeacher(actor, action, r.group),
    'teachingGroup.readAbsence': (actor, action, r) => decideForOwnSubjectTeacher(actor, action, r.group, ['principal']),
  },
  school: {
    'timetable.manage': ['principal', 'schoolAdmin'],
    'emergingAbsenceRule.manage': ['principal', 'schoolAdmin'],
    // the calendar and the timetable: every staff member of the school
    'schoolCalendar.read': ['principal', 'schoolAdmin', 'departmentHead', 'counsellor', 'teacher'],
  },
} satisfies Policy;

declare module '../../core/policy/types.js' {
  interface Actions extends ActionsOf<typeof absencePolicy> {}
}
