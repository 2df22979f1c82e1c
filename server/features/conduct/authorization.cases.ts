/** Conduct grades' rows in the authorization matrix (server/test/authorization-matrix.test.ts). */
import type { MatrixFeature, Who } from '../../test/matrix.js';

/** L-22: the class's contact teacher and the leaders read conduct; not the counsellor, not a subject teacher */
const CONDUCT_READERS: Who[] = ['contactTeacher', 'departmentHead', 'principal'];

export const conductMatrix: MatrixFeature = {
  cases: {
    'GET /api/teaching-groups/:teachingGroupId/conduct-inputs': {
      target: 'minor', allowed: ['subjectTeacher'], request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/conduct-inputs` }),
    },
    'PUT /api/teaching-groups/:teachingGroupId/conduct-inputs': {
      target: 'minor', allowed: ['subjectTeacher'],
      request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/conduct-inputs`, body: { inputs: [{ studentId: i.studentId, order: 'G', behaviour: 'G' }] } }),
    },
    'GET /api/basis-groups/:basisGroupId/conduct': {
      target: 'minor', allowed: CONDUCT_READERS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/conduct` }),
    },
    'PUT /api/basis-groups/:basisGroupId/conduct/:studentId': {
      // L-22 § 9-14: the contact teacher sets the half-year grade
      target: 'minor', allowed: ['contactTeacher'],
      request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/conduct/${i.studentId}`, body: { order: 'G', behaviour: 'G' } }),
    },
    'PUT /api/basis-groups/:basisGroupId/conduct/review': {
      // L-22 § 9-17: the principal discusses the grades with the teachers
      target: 'minor', allowed: ['principal'],
      request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/conduct/review`, body: { heldOn: '2026-11-20', outcomes: [{ studentId: i.studentId, outcome: 'confirmed' }] } }),
    },
    'GET /api/basis-groups/:basisGroupId/grade-preparation': {
      target: 'minor', allowed: CONDUCT_READERS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/grade-preparation` }),
    },
    'GET /api/basis-groups/:basisGroupId/grade-preparation.csv': {
      target: 'minor', allowed: CONDUCT_READERS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/grade-preparation.csv` }),
    },
    'GET /api/students/:studentId/conduct': {
      target: 'minor', allowed: ['student', 'guardian', ...CONDUCT_READERS], request: (i) => ({ url: `/api/students/${i.studentId}/conduct` }),
    },
  },
};
