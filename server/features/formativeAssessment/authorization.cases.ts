/** This feature's rows in the authorization matrix (server/test/authorization-matrix.test.ts). */
import { expect } from 'vitest';
import type { MatrixFeature } from '../../test/matrix.js';

export const formativeAssessmentMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const h = t.demo.hardCases;
    const res = await clients.get('subjectTeacher')!.request('POST', `/api/teaching-groups/${h.teachingGroup2STAMATId}/formative-assessments`,
      { assessedOn: '2026-11-20', kind: 'test', entries: [{ studentId: h.elevStudentId, feedback: 'Sikker på derivasjon; øv mer på tekstoppgaver.' }] });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.database.query<{ id: string }>(
      'select id from formative_assessment where student_id = $1 and teaching_group_id = $2 and assessed_on = $3', [h.elevStudentId, h.teachingGroup2STAMATId, '2026-11-20']);
    return { formativeAssessmentId: row!.id };
  },
  cases: {
    // the student and guardians with insight read the feedback; the counsellor does not (an assessment, not student services)
    'GET /api/students/:studentId/formative-assessments': {
      target: 'minor', allowed: ['contactTeacher', 'subjectTeacher', 'departmentHead', 'principal', 'student', 'guardian'],
      request: (i) => ({ url: `/api/students/${i.studentId}/formative-assessments` }),
    },
    'GET /api/teaching-groups/:teachingGroupId/formative-assessments': {
      target: 'minor', allowed: ['subjectTeacher', 'principal'], request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/formative-assessments` }),
    },
    'POST /api/teaching-groups/:teachingGroupId/formative-assessments': {
      target: 'minor', allowed: ['subjectTeacher'],
      request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/formative-assessments`, body: { assessedOn: '2026-11-24', kind: 'conversation', entries: [{ studentId: i.studentId, feedback: 'God samtale om målene.' }] } }),
    },
    // only the teacher who recorded it corrects it (another subject teacher of the group gets 403 in the feature's tests)
    'PATCH /api/teaching-groups/:teachingGroupId/formative-assessments/:assessmentId': {
      target: 'minor', allowed: ['subjectTeacher'],
      request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/formative-assessments/${i.formativeAssessmentId}`, body: { feedback: 'Sikker på derivasjon; øv mer på tekstoppgaver med enheter.' } }),
    },
    'DELETE /api/teaching-groups/:teachingGroupId/formative-assessments/:assessmentId': {
      target: 'minor', allowed: ['subjectTeacher'], request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/formative-assessments/${i.formativeAssessmentId}` }),
    },
    'GET /api/teaching-groups/:teachingGroupId/formative-assessments.csv': {
      target: 'minor', allowed: ['subjectTeacher', 'principal'], request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/formative-assessments.csv` }),
    },
    'POST /api/teaching-groups/:teachingGroupId/formative-assessments/import': {
      target: 'minor', allowed: ['subjectTeacher'],
      request: (i) => ({ url: `/api/teaching-groups/${i.teachingGroupId}/formative-assessments/import`, body: { csv: `elev-id;dato;type;tilbakemelding\n${i.studentId};2026-11-23;Prøve;Importert fra VIS.\n` } }),
    },
    'GET /api/basis-groups/:basisGroupId/formative-assessments': {
      target: 'minor', allowed: ['contactTeacher', 'departmentHead', 'principal'], request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/formative-assessments` }),
    },
  },
};
