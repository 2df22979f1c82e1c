/** The class as the screening and the class-team meeting see it: `:basisGroupId` in the path. */
import type { ResourceKind } from '../../core/http/access.js';
import { loadBasisGroupFacts } from '../../core/policy/facts.js';
import { classTeamExamples, screeningExamples, type ClassTeamFacts } from './policy.js';
import { classTeamExtras } from './queries.js';

declare module 'fastify' {
  interface FastifyRequest {
    classTeam: ClassTeamFacts | null;
  }
}

declare module '../../core/http/access.js' {
  interface AccessKinds {
    /** a class's screening or class-team meeting: `:basisGroupId` in the path; the feature audits per student */
    classTeam: object;
  }
}

export const classTeamResource: ResourceKind<'classTeam'> = {
  type: 'classTeam',
  load: async ({ database, actor, params, today }) => {
    const group = await loadBasisGroupFacts(database, actor.ownerId, params.basisGroupId ?? '', today);
    if (!group) return null;
    const extras = await classTeamExtras(database.query, actor.ownerId, group.basisGroupId, group.schoolId, today);
    return { type: 'classTeam', classTeam: { group, ...extras } };
  },
  attach: { property: 'classTeam', value: (r) => r.classTeam },
  examples: classTeamExamples,
};

/**
 * One student's screening result. No route names it in its path (the class's routes decide each student
 * with it); it is a kind so that the generated access rules show who reads and enters a result.
 */
export const screeningResultResource: ResourceKind<'screeningResult'> = {
  type: 'screeningResult',
  load: async () => null,
  examples: screeningExamples,
};
