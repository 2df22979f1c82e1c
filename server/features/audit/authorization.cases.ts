/** The access log's and the audit search's rows in the authorization matrix (server/test/authorization-matrix.test.ts). */
import type { MatrixFeature } from '../../test/matrix.js';

export const auditMatrix: MatrixFeature = {
  cases: {
    'GET /api/students/:studentId/access-log': {
      target: 'minor', allowed: ['student', 'guardian'], request: (i) => ({ url: `/api/students/${i.studentId}/access-log` }),
    },
    'GET /api/audit': {
      target: 'minor', allowed: ['departmentHead', 'departmentHeadOther', 'principal', 'schoolAdmin'], request: () => ({ url: '/api/audit' }),
    },
  },
};
