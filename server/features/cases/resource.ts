/** A case as a resource the access hook loads for `:caseId` routes: every read is audited on the case's student. */
import type { ResourceKind } from '../../core/http/access.js';
import { isUuid } from '../../core/policy/facts.js';
import { caseExamples, type CaseFacts } from './policy.js';
import { caseFacts } from './queries.js';

declare module 'fastify' {
  interface FastifyRequest {
    case: CaseFacts | null;
  }
}

declare module '../../core/http/access.js' {
  interface AccessKinds {
    /** one case (sak): `:caseId` in the path; reads and writes are audited on the case's student */
    case: { audit: 'read' | 'write' };
  }
}

export const caseResource: ResourceKind<'case'> = {
  type: 'case',
  load: async ({ database, actor, params, today }) => {
    const id = params.caseId ?? '';
    const c = isUuid(id) ? await caseFacts(database.query, actor.ownerId, id, today) : null;
    return c && { type: 'case', case: c };
  },
  studentOf: (r) => r.case.student,
  auditAs: (r) => ({ resourceType: 'case', resourceId: r.case.caseId }),
  attach: { property: 'case', value: (r) => r.case },
  examples: caseExamples,
};
