/**
 * The IOP's and the adapted arrangement's rows in the authorization matrix (R-50, R-51, R-75, L-40, R-62).
 * The plan tried is `elev`'s, with a maths part (the matrix's subject teacher teaches 2STA-MAT) and a
 * Norwegian part (the contact teacher teaches 2STA-NOR), reported and finalised once in the setup.
 */
import { expect } from 'vitest';
import type { MatrixFeature } from '../../test/matrix.js';
import { STAFF_WITH_CONTACT } from '../../test/matrix.js';

const MANAGERS = ['contactTeacher', 'departmentHead', 'counsellor'] as const;
const TEACHERS_AND_LEADERS = [...STAFF_WITH_CONTACT, 'subjectTeacher'] as const;

export const individualPlanMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const h = t.demo.hardCases;
    const subjectOf = async (groupId: string) => (await t.database.query<{ subject_id: string }>(
      'select subject_id from teaching_group where id = $1', [groupId]))[0]!.subject_id;
    const mat = await subjectOf(h.teachingGroup2STAMATId);
    const nor = await subjectOf(h.teachingGroup2STANORId);
    const kt = clients.get('contactTeacher')!;
    const url = `/api/students/${h.elevStudentId}/individual-plan`;
    const steps: [typeof kt, string, string, unknown][] = [
      [kt, 'PUT', url, { decidedOn: '2026-08-20', reference: '2026/1234', subjectIds: [mat, nor] }],
      [clients.get('subjectTeacher')!, 'PUT', `${url}/parts/${mat}/report`, { report: 'Eleven har fått to timer ekstra i uka.' }],
      [kt, 'PUT', `${url}/parts/${nor}/report`, { report: 'Lesekurs i små grupper.' }],
      [kt, 'PUT', `${url}/summary`, { summary: 'God utvikling mot målene.' }],
      [kt, 'POST', `${url}/reports`, { period: 'year' }],
    ];
    for (const [c, method, u, body] of steps) {
      const res = await c.request(method, u, body);
      expect(res.statusCode, `${method} ${u}: ${res.body}`).toBeLessThan(300);
    }
    const arrangement = await kt.request('POST', `/api/students/${h.elevStudentId}/adapted-arrangements`, {
      adaptation: 'Kortere innleveringer.', workPlan: 'Halve oppgavesett i alle fag.', agreedOn: '2026-09-10', agreedWithStudent: true, agreedWithGuardians: true,
    });
    expect(arrangement.statusCode, arrangement.body).toBe(201);
    return { iopMathSubjectId: mat, iopNorwegianSubjectId: nor, arrangementId: arrangement.json().id as string };
  },
  cases: {
    // students and guardians never see the working draft; a teacher outside the student's groups learns nothing
    'GET /api/students/:studentId/individual-plan': {
      target: 'minor', allowed: [...TEACHERS_AND_LEADERS], request: (i) => ({ url: `/api/students/${i.studentId}/individual-plan` }),
    },
    'PUT /api/students/:studentId/individual-plan': {
      target: 'minor', allowed: [...MANAGERS],
      request: (i) => ({ url: `/api/students/${i.studentId}/individual-plan`, body: { decidedOn: '2026-08-20', reference: '2026/1234', subjectIds: [i.iopMathSubjectId, i.iopNorwegianSubjectId] } }),
    },
    // the maths part: its own teacher and the contact teacher who coordinates
    'PUT /api/students/:studentId/individual-plan/parts/:subjectId': {
      target: 'minor', allowed: ['contactTeacher', 'subjectTeacher'],
      request: (i) => ({ url: `/api/students/${i.studentId}/individual-plan/parts/${i.iopMathSubjectId}`, body: { goals: 'Mestre lineære funksjoner.' } }),
    },
    // the maths report: its own teacher only (the contact teacher teaches Norwegian, not maths)
    'PUT /api/students/:studentId/individual-plan/parts/:subjectId/report': {
      target: 'minor', allowed: ['subjectTeacher'],
      request: (i) => ({ url: `/api/students/${i.studentId}/individual-plan/parts/${i.iopMathSubjectId}/report`, body: { report: 'Eleven har fått to timer ekstra i uka.' } }),
    },
    'PUT /api/students/:studentId/individual-plan/summary': {
      target: 'minor', allowed: ['contactTeacher'],
      request: (i) => ({ url: `/api/students/${i.studentId}/individual-plan/summary`, body: { summary: 'God utvikling mot målene.' } }),
    },
    'POST /api/students/:studentId/individual-plan/reports': {
      target: 'minor', allowed: ['contactTeacher'],
      request: (i) => ({ url: `/api/students/${i.studentId}/individual-plan/reports`, body: { period: 'year' } }),
    },
    // earlier versions: the staff who may see the plan
    'GET /api/students/:studentId/individual-plan/reports/:version': {
      target: 'minor', allowed: [...TEACHERS_AND_LEADERS], request: (i) => ({ url: `/api/students/${i.studentId}/individual-plan/reports/1` }),
    },
    // the finalised version: the student and the guardians with insight too (the guardian without insight is denied)
    'GET /api/students/:studentId/individual-plan/finalised': {
      target: 'minor', allowed: [...TEACHERS_AND_LEADERS, 'student', 'guardian'], request: (i) => ({ url: `/api/students/${i.studentId}/individual-plan/finalised` }),
    },
    'GET /api/individual-plan/settings': {
      target: 'minor', allowed: ['departmentHead', 'departmentHeadOther', 'counsellor', 'principal'], request: () => ({ url: '/api/individual-plan/settings' }),
    },
    'PUT /api/individual-plan/settings': {
      target: 'minor', allowed: ['principal'], request: () => ({ url: '/api/individual-plan/settings', body: { reportsPerYear: 1 } }),
    },
    // every teacher of the student; a teacher who does not teach the student, students and guardians see nothing
    'GET /api/students/:studentId/adapted-arrangements': {
      target: 'minor', allowed: [...TEACHERS_AND_LEADERS], request: (i) => ({ url: `/api/students/${i.studentId}/adapted-arrangements` }),
    },
    'POST /api/students/:studentId/adapted-arrangements': {
      target: 'minor', allowed: [...MANAGERS],
      request: (i) => ({ url: `/api/students/${i.studentId}/adapted-arrangements`, body: { adaptation: 'Egen plass i klasserommet.', workPlan: 'Sitter foran.', agreedOn: '2026-10-01', agreedWithStudent: true, agreedWithGuardians: false, supportServices: 'PPT' } }),
    },
    'PATCH /api/students/:studentId/adapted-arrangements/:arrangementId': {
      target: 'minor', allowed: [...MANAGERS],
      request: (i) => ({ url: `/api/students/${i.studentId}/adapted-arrangements/${i.arrangementId}`, body: { workPlan: 'Halve oppgavesett i alle fag, hele i gym.' } }),
    },
  },
};
