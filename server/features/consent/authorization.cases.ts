/** Consent's and information decisions' rows in the authorization matrix (server/test/authorization-matrix.test.ts). */
import type { MatrixFeature } from '../../test/matrix.js';

export const consentMatrix: MatrixFeature = {
  cases: {
    'GET /api/students/:studentId/consents': {
      target: 'adult', allowed: ['student', 'contactTeacher', 'departmentHead', 'counsellor', 'principal'],
      request: (i) => ({ url: `/api/students/${i.studentId}/consents` }),
    },
    'PUT /api/students/:studentId/consents/:guardianPersonId': {
      target: 'adult', allowed: ['student'],
      request: (i) => ({ url: `/api/students/${i.studentId}/consents/${i.guardianPersonId}`, body: { granted: true } }),
    },
    'POST /api/students/:studentId/guardianships/:guardianshipId/information-decisions': {
      target: 'noResponsibility', allowed: ['departmentHead', 'principal'],
      request: (i) => ({ url: `/api/students/${i.studentId}/guardianships/${i.guardianshipId}/information-decisions`, body: { granted: true, reason: 'Far ba om informasjon om skolegangen.' } }),
    },
  },
};
