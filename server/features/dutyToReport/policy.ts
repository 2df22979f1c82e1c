/**
 * The duty to report to the child welfare service (R-61, R-76; L-41). Every staff member of the school reads
 * the procedure and may record a report they sent; the principal and the school admin keep the procedure's
 * text and the child welfare contact. A report is the reporter's own: only they and the principal read it,
 * and nobody approves, changes or withdraws it. The student and guardians are never shown these records.
 */
import { STAFF_KINDS, allow, decideForStudent, deny, pick, relationshipsTo, type ActionsOf, type Policy } from '../../core/policy/can.js';
import type { ExamplesOf } from '../../core/policy/rulesDocument.js';
import type { Actor, Decision, StudentFacts } from '../../core/policy/types.js';

export interface ChildWelfareReportFacts {
  student: StudentFacts;
  reporterPersonId: string;
}

/** Staff who may see the student; the student and guardians are refused (403), strangers told nothing. */
function staffOfStudent(actor: Actor, action: string, r: { student: StudentFacts }, today: string): Decision {
  const base = decideForStudent(actor, 'student.read', r.student, today);
  if (!base.allow) return base;
  const staff = pick(relationshipsTo(actor, r.student, today), STAFF_KINDS);
  return staff ? allow(staff) : deny('roleNotAllowed', { what: action });
}

function reporterOrPrincipal(actor: Actor, action: string, r: { report: ChildWelfareReportFacts }, today: string): Decision {
  const base = decideForStudent(actor, 'student.read', r.report.student, today);
  if (!base.allow) return base;
  if (actor.personId === r.report.reporterPersonId) return allow({ kind: 'author', params: {} });
  const principal = pick(relationshipsTo(actor, r.report.student, today), ['principal']);
  return principal ? allow(principal) : deny('roleNotAllowed', { what: action });
}

export const dutyToReportPolicy = {
  childWelfareReporting: {
    'childWelfareReport.record': staffOfStudent,
    // the list is decided again per report (childWelfareReport.read): a teacher sees only their own
    'childWelfareReport.list': staffOfStudent,
  },
  childWelfareReport: {
    'childWelfareReport.read': reporterOrPrincipal,
  },
  school: {
    'dutyToReport.readProcedure': ['principal', 'departmentHead', 'counsellor', 'schoolAdmin', 'teacher'],
    'dutyToReport.manage': ['principal', 'schoolAdmin'],
    // the school's reports the caller may read: the principal's all, everyone else's own
    'childWelfareReport.listSchool': ['principal', 'departmentHead', 'counsellor', 'schoolAdmin', 'teacher'],
  },
} satisfies Policy;

export const childWelfareReportingExamples: ExamplesOf = (_w, student) => [
  { label: "the student's reports to the child welfare service", resource: { type: 'childWelfareReporting', student } },
];
export const childWelfareReportExamples: ExamplesOf = (w, student) => [
  { label: 'a report the subject teacher sent', resource: { type: 'childWelfareReport', report: { student, reporterPersonId: w.people.subjectTeacher } } },
];

declare module '../../core/policy/types.js' {
  interface Resources {
    /** a student's reports to the child welfare service: audited as such, and kept out of the family's access log */
    childWelfareReporting: { type: 'childWelfareReporting'; student: StudentFacts };
    childWelfareReport: { type: 'childWelfareReport'; report: ChildWelfareReportFacts };
  }
  interface Actions extends ActionsOf<typeof dutyToReportPolicy> {}
}
