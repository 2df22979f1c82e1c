/**
 * Cases' rows in the authorization matrix (server/test/authorization-matrix.test.ts), R-53, R-54, R-60.
 * The case tried is raised by the matrix's subject teacher (who teaches the student) with the default tier
 * "counsellor and leaders": the contact teacher, another class's teachers, students and guardians never
 * reach it; a second case with the tier "participants" is read by its raiser alone.
 */
import { expect } from 'vitest';
import type { MatrixFeature, Who } from '../../test/matrix.js';

const RAISERS: Who[] = ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor', 'principal'];
/** the default tier's readers: the counsellor, the student's department head, the principal, and the one who raised it */
const READERS: Who[] = ['subjectTeacher', 'departmentHead', 'counsellor', 'principal'];
const MANAGERS: Who[] = ['subjectTeacher', 'departmentHead', 'counsellor', 'principal'];

export const casesMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const url = `/api/students/${t.demo.hardCases.elevStudentId}/cases`;
    const raised = await clients.get('subjectTeacher')!.request('POST', url,
      { title: 'Virker sliten i timene', background: 'Har sovnet i to matematikktimer denne uka.', raisedOn: '2026-11-20', registerForResourceTeam: true });
    expect(raised.statusCode, raised.body).toBe(201);
    const hidden = await clients.get('subjectTeacher')!.request('POST', url,
      { title: 'Skjermet', background: 'Bare for deltakerne.', raisedOn: '2026-11-20', visibility: 'participants' });
    expect(hidden.statusCode, hidden.body).toBe(201);
    return { raisedCaseId: raised.json().id as string, participantsCaseId: hidden.json().id as string };
  },
  cases: {
    // the list reaches every staff member who works with the student; each case on it is decided again
    'GET /api/students/:studentId/cases': {
      target: 'minor', allowed: RAISERS, request: (i) => ({ url: `/api/students/${i.studentId}/cases` }),
    },
    'POST /api/students/:studentId/cases': {
      target: 'minor', allowed: RAISERS,
      request: (i) => ({ url: `/api/students/${i.studentId}/cases`, body: { title: 'Mye fravær', background: 'Borte hver mandag.', raisedOn: '2026-11-24' } }),
    },
    'GET /api/cases/:caseId': {
      target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/cases/${i.raisedCaseId}` }),
    },
    // the tier "participants": the counsellor and the leaders are refused too until they are added
    'GET /api/cases/:caseId (participants only)': {
      target: 'minor', allowed: ['subjectTeacher'], request: (i) => ({ url: `/api/cases/${i.participantsCaseId}` }),
    },
    'POST /api/cases/:caseId/events': {
      target: 'minor', allowed: READERS,
      request: (i) => ({ url: `/api/cases/${i.raisedCaseId}/events`, body: { occurredOn: '2026-11-24', description: 'Snakket med eleven.' } }),
    },
    'POST /api/cases/:caseId/participants': {
      target: 'minor', allowed: MANAGERS,
      request: (i, who) => ({ url: `/api/cases/${i.raisedCaseId}/participants`, body: { externalName: `Helsesykepleier ${who}`, role: 'helsesykepleier' } }),
    },
    'PUT /api/cases/:caseId/resource-team': {
      target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/cases/${i.raisedCaseId}/resource-team`, body: { registered: true } }),
    },
    'PUT /api/cases/:caseId/visibility': {
      target: 'minor', allowed: MANAGERS, request: (i) => ({ url: `/api/cases/${i.raisedCaseId}/visibility`, body: { visibility: 'counsellorAndLeaders' } }),
    },
    'PUT /api/cases/:caseId/outcome': {
      target: 'minor', allowed: MANAGERS, request: (i) => ({ url: `/api/cases/${i.raisedCaseId}/outcome`, body: { outcome: 'furtherMapping', reason: 'Observeres i to uker til.' } }),
    },
    // the school's resource team (principal, department heads, counsellor); each case on it is decided per student,
    // so another department's head gets the list without this student's cases
    'GET /api/resource-team/cases': {
      target: 'minor', allowed: ['departmentHead', 'departmentHeadOther', 'counsellor', 'principal'], request: () => ({ url: '/api/resource-team/cases' }),
    },
  },
};
