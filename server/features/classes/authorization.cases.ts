/** The class overview's and the teaching group's rows in the authorization matrix (server/test/authorization-matrix.test.ts). */
import type { MatrixFeature } from '../../test/matrix.js';
import { STAFF_WITH_CONTACT } from '../../test/matrix.js';

export const classMatrix: MatrixFeature = {
  own: {
    'GET /api/basis-groups': () => ({ url: '/api/basis-groups' }),
  },
  cases: {
    'GET /api/basis-groups/:basisGroupId/overview': {
      target: 'minor', allowed: STAFF_WITH_CONTACT, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/overview` }),
    },
    'GET /api/teaching-groups/:teachingGroupId/students': {
      target: 'minor', allowed: ['subjectTeacher', 'counsellor', 'principal'],
      request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/students` }),
    },
  },
};
