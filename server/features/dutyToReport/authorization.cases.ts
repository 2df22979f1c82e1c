/**
 * The duty to report's rows in the authorization matrix (R-61, R-76; L-41): every staff member of the school
 * reads the procedure; the principal and the school admin change it; any staff member who may see the
 * student records a report of their own; the student and guardians never reach these records.
 */
import { expect } from 'vitest';
import type { MatrixFeature, Who } from '../../test/matrix.js';

const STAFF_OF_STUDENT: Who[] = ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor', 'principal', 'schoolAdmin'];
const STAFF: Who[] = ['contactTeacher', 'contactTeacherOther', 'subjectTeacher', 'subjectTeacherOther', 'departmentHead', 'departmentHeadOther', 'counsellor', 'principal', 'schoolAdmin'];

export const dutyToReportMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const res = await clients.get('contactTeacher')!.request('POST', `/api/students/${t.demo.hardCases.elevStudentId}/child-welfare-reports`,
      { sentOn: '2026-11-02', category: 'seriousNeglect', note: 'Ringte barnevernstjenesten.' });
    expect(res.statusCode, res.body).toBe(201);
    return {};
  },
  cases: {
    'GET /api/duty-to-report': { target: 'minor', allowed: STAFF, request: () => ({ url: '/api/duty-to-report' }) },
    'PUT /api/duty-to-report': {
      target: 'minor', allowed: ['principal', 'schoolAdmin'],
      request: () => ({ url: '/api/duty-to-report', body: { texts: { nb: null, nn: null, en: null }, childWelfare: { name: 'Barnevernstjenesten i Fjellvik', phone: '12 34 56 78', email: 'barnevern@fjellvik.example' } } }),
    },
    'POST /api/students/:studentId/child-welfare-reports': {
      target: 'minor', allowed: STAFF_OF_STUDENT,
      request: (i) => ({ url: `/api/students/${i.studentId}/child-welfare-reports`, body: { sentOn: '2026-11-03', category: 'mistreatment', note: '' } }),
    },
    'GET /api/students/:studentId/child-welfare-reports': {
      target: 'minor', allowed: STAFF_OF_STUDENT, request: (i) => ({ url: `/api/students/${i.studentId}/child-welfare-reports` }),
    },
    'GET /api/child-welfare-reports': { target: 'minor', allowed: STAFF, request: () => ({ url: '/api/child-welfare-reports' }) },
  },
};
