/**
 * School-environment cases' rows in the authorization matrix (R-70; L-33, L-34). The case tried was reported
 * by the matrix's subject teacher about `elev`, and the principal assigned the counsellor: the principal and
 * the counsellor handle it, the reporter reads the receipt, the student and guardian read the plan; the
 * contact teacher, the department head and the school admin are not part of it and are refused.
 */
import { expect } from 'vitest';
import type { MatrixFeature, Who } from '../../test/matrix.js';

const STAFF_OF_STUDENT: Who[] = ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor', 'principal', 'schoolAdmin'];
const STAFF: Who[] = ['contactTeacher', 'contactTeacherOther', 'subjectTeacher', 'subjectTeacherOther', 'departmentHead', 'departmentHeadOther', 'counsellor', 'principal', 'schoolAdmin'];
const HANDLERS: Who[] = ['principal', 'counsellor'];
const plan = { problem: 'Eleven blir utestengt i friminuttene.', measures: [{ description: 'Voksen i friminuttene.', startsOn: '2026-11-02', responsible: 'Kontaktlærer', evaluateOn: '2026-12-01' }] };

export const schoolEnvironmentMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const reporter = clients.get('subjectTeacher')!;
    const principal = clients.get('principal')!;
    const studentId = t.demo.hardCases.elevStudentId;
    const made = async () => {
      const res = await reporter.request('POST', `/api/students/${studentId}/school-environment-cases`, { concern: 'Eleven sitter alene hver dag.' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const caseId = await made();
    const toCloseId = await made();
    const assigned = await principal.request('POST', `/api/school-environment-cases/${caseId}/participants`, { staffMemberId: t.demo.hardCases.counsellorStaffMemberId });
    expect(assigned.statusCode, assigned.body).toBe(201);
    const saved = await principal.request('PUT', `/api/school-environment-cases/${caseId}/activity-plan`, plan);
    expect(saved.statusCode, saved.body).toBe(200);
    return { seCaseId: caseId, seCaseToCloseId: toCloseId, seMeasureId: saved.json().plan.measures[0].id as string, counsellorStaffMemberId: t.demo.hardCases.counsellorStaffMemberId };
  },
  cases: {
    'POST /api/students/:studentId/school-environment-cases': {
      target: 'minor', allowed: STAFF_OF_STUDENT, request: (i) => ({ url: `/api/students/${i.studentId}/school-environment-cases`, body: { concern: 'Eleven blir ertet i gangen.' } }),
    },
    'GET /api/students/:studentId/school-environment-cases': {
      target: 'minor', allowed: [...STAFF_OF_STUDENT, 'student', 'guardian'], request: (i) => ({ url: `/api/students/${i.studentId}/school-environment-cases` }),
    },
    'GET /api/school-environment-cases': { target: 'minor', allowed: STAFF, request: () => ({ url: '/api/school-environment-cases' }) },
    'GET /api/school-environment/staff': { target: 'minor', allowed: STAFF, request: () => ({ url: '/api/school-environment/staff' }) },
    'GET /api/school-environment-cases/:caseId': {
      target: 'minor', allowed: [...HANDLERS, 'subjectTeacher', 'student', 'guardian'], request: (i) => ({ url: `/api/school-environment-cases/${i.seCaseId}` }),
    },
    'POST /api/school-environment-cases/:caseId/log-entries': {
      target: 'minor', allowed: HANDLERS, request: (i) => ({ url: `/api/school-environment-cases/${i.seCaseId}/log-entries`, body: { occurredOn: '2026-11-03', text: 'Samtale med eleven.' } }),
    },
    'PUT /api/school-environment-cases/:caseId/activity-plan': {
      // the measure keeps its id, so the rows after this one find it in the plan's newest version
      target: 'minor', allowed: HANDLERS,
      request: (i) => ({ url: `/api/school-environment-cases/${i.seCaseId}/activity-plan`, body: { ...plan, measures: [{ ...plan.measures[0], id: i.seMeasureId }] } }),
    },
    'POST /api/school-environment-cases/:caseId/measures/:measureId/carried-out': {
      target: 'minor', allowed: HANDLERS,
      request: (i) => ({ url: `/api/school-environment-cases/${i.seCaseId}/measures/${i.seMeasureId}/carried-out`, body: { on: '2026-11-04', text: '' } }),
    },
    'POST /api/school-environment-cases/:caseId/measures/:measureId/evaluations': {
      target: 'minor', allowed: HANDLERS,
      request: (i) => ({ url: `/api/school-environment-cases/${i.seCaseId}/measures/${i.seMeasureId}/evaluations`, body: { on: '2026-11-05', text: 'Fungerer.' } }),
    },
    'POST /api/school-environment-cases/:caseId/participants': {
      target: 'minor', allowed: ['principal'],
      request: (i) => ({ url: `/api/school-environment-cases/${i.seCaseId}/participants`, body: { staffMemberId: i.counsellorStaffMemberId } }),
    },
    'POST /api/school-environment-cases/:caseId/escalation': {
      target: 'minor', allowed: ['principal'], request: (i) => ({ url: `/api/school-environment-cases/${i.seCaseId}/escalation`, body: { text: 'Alvorlig sak.' } }),
    },
    'POST /api/school-environment-cases/:caseId/closing': {
      target: 'minor', allowed: ['principal'], request: (i) => ({ url: `/api/school-environment-cases/${i.seCaseToCloseId}/closing`, body: { text: 'Eleven har det trygt og godt.' } }),
    },
  },
};
