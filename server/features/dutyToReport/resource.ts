/**
 * A student's reports to the child welfare service, for `/api/students/:studentId/child-welfare-reports`.
 * A kind of its own rather than the student's, so that the audit names it `childWelfareReport`: the leaders'
 * audit search shows it, the access log the student and guardians read does not (it could warn the person
 * the report is about).
 */
import type { ResourceKind } from '../../core/http/access.js';
import { loadStudentFacts } from '../../core/policy/facts.js';
import { childWelfareReportExamples, childWelfareReportingExamples } from './policy.js';

declare module '../../core/http/access.js' {
  interface AccessKinds {
    childWelfareReporting: { audit: 'read' | 'write' };
  }
}

export const childWelfareReportingResource: ResourceKind<'childWelfareReporting'> = {
  type: 'childWelfareReporting',
  load: async ({ database, actor, params, today }) => {
    const student = await loadStudentFacts(database, actor.ownerId, params.studentId ?? '', today);
    return student && { type: 'childWelfareReporting', student };
  },
  studentOf: (r) => r.student,
  auditAs: (r) => ({ resourceType: 'childWelfareReport', resourceId: r.student.studentId }),
  examples: childWelfareReportingExamples,
};

/** One report: no route names it alone; a kind so the generated access rules show who reads it. */
export const childWelfareReportResource: ResourceKind<'childWelfareReport'> = {
  type: 'childWelfareReport',
  load: async () => null,
  examples: childWelfareReportExamples,
};
