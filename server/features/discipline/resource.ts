/** A disciplinary case as a resource the access hook loads for `:caseId` routes. */
import type { Database } from '../../core/db/client.js';
import type { ResourceKind } from '../../core/http/access.js';
import { STUDENT_FACTS_SQL, isUuid, toStudentFacts } from '../../core/policy/facts.js';
import type { DisciplinaryCaseFacts } from './policy.js';

/** A disciplinary case's facts with its student's, in one round trip. */
export async function loadDisciplinaryCaseFacts(database: Database, ownerId: string, caseId: string, today: string): Promise<DisciplinaryCaseFacts | null> {
  if (!isUuid(caseId)) return null;
  const rows = await database.query<Record<string, unknown>>(
    STUDENT_FACTS_SQL('dc.id = $3', ', dc.id as case_id, dc.reported_by_person_id',
      ' join disciplinary_case dc on dc.owner_id = s.owner_id and dc.student_id = s.id'),
    [ownerId, today, caseId],
  );
  const r = rows[0];
  if (!r) return null;
  return { caseId: r.case_id as string, reportedByPersonId: r.reported_by_person_id as string, student: toStudentFacts(ownerId, r) };
}

declare module 'fastify' {
  interface FastifyRequest {
    disciplinaryCase: DisciplinaryCaseFacts | null;
  }
}

declare module '../../core/http/access.js' {
  interface AccessKinds {
    /** one disciplinary case: `:caseId` in the path; reads are audited on the case's student */
    disciplinaryCase: { audit: 'read' | 'write' };
  }
}

export const disciplinaryCaseResource: ResourceKind<'disciplinaryCase'> = {
  type: 'disciplinaryCase',
  load: async ({ database, actor, params, today }) => {
    const disciplinaryCase = await loadDisciplinaryCaseFacts(database, actor.ownerId, params.caseId ?? '', today);
    return disciplinaryCase && { type: 'disciplinaryCase', disciplinaryCase };
  },
  studentOf: (r) => r.disciplinaryCase.student,
  auditAs: (r) => ({ resourceType: 'disciplinaryCase', resourceId: r.disciplinaryCase.caseId }),
  attach: { property: 'disciplinaryCase', value: (r) => r.disciplinaryCase },
};
