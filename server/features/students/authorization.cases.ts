/** The student record's row in the authorization matrix (server/test/authorization-matrix.test.ts). */
import type { MatrixFeature } from '../../test/matrix.js';

export const studentMatrix: MatrixFeature = {
  cases: {
    'GET /api/students/:studentId': {
      target: 'minor',
      allowed: ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor', 'principal', 'schoolAdmin', 'student', 'guardian'],
      request: (i) => ({ url: `/api/students/${i.studentId}` }),
    },
  },
};
