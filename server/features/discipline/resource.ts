/** A disciplinary case as a resource the access hook loads for `:caseId` routes. */
import type { Database } from '../../core/db/client.js';
import type { ResourceKind } from '../../core/http/access.js';
import { isUuid } from '../../core/policy/facts.js';
import type { DisciplinaryCaseFacts } from './policy.js';
import { disciplinaryCaseFacts } from './queries.js';

/** A disciplinary case's facts with its student's, in one round trip. */
export async function loadDisciplinaryCaseFacts(database: Database, ownerId: string, caseId: string, today: string): Promise<DisciplinaryCaseFacts | null> {
  if (!isUuid(caseId)) return null;
  return disciplinaryCaseFacts(database.query, ownerId, caseId, today);
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
