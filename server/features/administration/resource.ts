/**
 * The resources the access hook loads for administration: the school named by `:schoolId`, and the
 * list of the schools one administers (no path parameter).
 */
import type { ResourceKind } from '../../core/http/access.js';
import { isUuid } from '../../core/policy/facts.js';
import { administeredSchoolExamples, administeredSchoolsExamples, type AdministeredSchoolFacts } from './policy.js';
import { schoolById } from './queries.js';

declare module 'fastify' {
  interface FastifyRequest {
    administeredSchool: AdministeredSchoolFacts | null;
  }
}

declare module '../../core/http/access.js' {
  interface AccessKinds {
    /** a school to administer: `:schoolId` in the path; the feature audits each change with who and why */
    administeredSchool: object;
    /** the schools the caller administers */
    administeredSchools: object;
  }
}

export const administeredSchoolResource: ResourceKind<'administeredSchool'> = {
  type: 'administeredSchool',
  load: async ({ database, actor, params }) => {
    const schoolId = params.schoolId ?? '';
    if (!isUuid(schoolId)) return null;
    const school = await schoolById(database.query, actor.ownerId, schoolId);
    return school ? { type: 'administeredSchool', school: { ownerId: actor.ownerId, schoolId, schoolName: school.name } } : null;
  },
  auditAs: (r) => ({ resourceType: 'school', resourceId: r.school.schoolId }),
  attach: { property: 'administeredSchool', value: (r) => r.school },
  examples: administeredSchoolExamples,
};

export const administeredSchoolsResource: ResourceKind<'administeredSchools'> = {
  type: 'administeredSchools',
  load: async ({ actor }) => ({ type: 'administeredSchools', ownerId: actor.ownerId }),
  examples: administeredSchoolsExamples,
};
