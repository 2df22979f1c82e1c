/** A school-environment case as a resource the access hook loads for `:caseId` routes. */
import type { ResourceKind } from '../../core/http/access.js';
import { isUuid, loadStudentFacts } from '../../core/policy/facts.js';
import { schoolEnvironmentCaseExamples, type SchoolEnvironmentCaseFacts } from './policy.js';
import { caseFactsRow } from './queries.js';

declare module 'fastify' {
  interface FastifyRequest {
    schoolEnvironmentCase: SchoolEnvironmentCaseFacts | null;
  }
}

declare module '../../core/http/access.js' {
  interface AccessKinds {
    /** one school-environment case: `:caseId` in the path; reads are audited on the case's student */
    schoolEnvironmentCase: { audit: 'read' | 'write' };
  }
}

export const schoolEnvironmentCaseResource: ResourceKind<'schoolEnvironmentCase'> = {
  type: 'schoolEnvironmentCase',
  load: async ({ database, actor, params, today }) => {
    const id = params.caseId ?? '';
    if (!isUuid(id)) return null;
    const row = await caseFactsRow(database.query, actor.ownerId, id);
    if (!row) return null;
    const student = await loadStudentFacts(database, actor.ownerId, row.student_id, today);
    if (!student) return null;
    return { type: 'schoolEnvironmentCase', schoolEnvironmentCase: factsOf(row, student) };
  },
  studentOf: (r) => r.schoolEnvironmentCase.student,
  auditAs: (r) => ({ resourceType: 'schoolEnvironmentCase', resourceId: r.schoolEnvironmentCase.caseId }),
  attach: { property: 'schoolEnvironmentCase', value: (r) => r.schoolEnvironmentCase },
  examples: schoolEnvironmentCaseExamples,
};

export function factsOf(row: { id: string; reported_by_person_id: string; concerns_person_id: string | null; leadership_involved: boolean; participants: string[] }, student: SchoolEnvironmentCaseFacts['student']): SchoolEnvironmentCaseFacts {
  return {
    caseId: row.id, student, reportedByPersonId: row.reported_by_person_id, concernsPersonId: row.concerns_person_id,
    leadershipInvolved: row.leadership_involved, participantPersonIds: row.participants,
  };
}
