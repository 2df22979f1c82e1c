/** An import as a resource the access hook loads for `:importId` routes. */
import type { ResourceKind } from '../../core/http/access.js';
import { isUuid } from '../../core/policy/facts.js';
import type { RosterImportFacts } from './policy.js';
import { importSchool } from './queries/imports.js';

declare module 'fastify' {
  interface FastifyRequest {
    rosterImport: RosterImportFacts | null;
  }
}

declare module '../../core/http/access.js' {
  interface AccessKinds {
    /** one import of the roster: `:importId` in the path */
    rosterImport: object;
  }
}

export const rosterImportResource: ResourceKind<'rosterImport'> = {
  type: 'rosterImport',
  load: async ({ database, actor, params }) => {
    const importId = params.importId ?? '';
    if (!isUuid(importId)) return null;
    const school = await importSchool(database.query, actor.ownerId, importId);
    return school ? { type: 'rosterImport', rosterImport: { ownerId: actor.ownerId, importId, ...school } } : null;
  },
  auditAs: (r) => ({ resourceType: 'rosterImport', resourceId: r.rosterImport.importId }),
  attach: { property: 'rosterImport', value: (r) => r.rosterImport },
};
