/**
 * This feature's rows in the authorization matrix (server/test/authorization-matrix.test.ts). R-04: an accommodation need is read only by the student's
 * current teachers and the leaders — the rows below prove the student, guardians and other teachers are denied.
 */
import { expect } from 'vitest';
import type { MatrixFeature, Who } from '../../test/matrix.js';
import { STAFF_WITH_CONTACT } from '../../test/matrix.js';

export const accommodationNeedMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const h = t.demo.hardCases;
    const created = await clients.get('counsellor')!.request('POST', `/api/students/${h.elevStudentId}/accommodation-needs`,
      { description: 'Trenger pauser i lange økter', guidance: 'La eleven ta en kort pause etter 30 minutter.' });
    expect(created.statusCode, created.body).toBe(201);
    const needId = (created.json().needs as { id: string; description: string }[]).find((n) => n.description === 'Trenger pauser i lange økter')!.id;
    const [nor] = await t.database.query<{ n: number }>(
      'select count(*)::int as n from enrolment where student_id = $1 and teaching_group_id = $2 and ends_on is null', [h.elevStudentId, h.teachingGroup2STANORId]);
    // `kontaktlarer` also teaches 2STA-NOR: a subject teacher of `elev` when elev takes that group
    confirmers.push(...(Number(nor!.n) > 0 ? ['contactTeacher' as const] : []));
    return { needId };
  },
  own: {
    'GET /api/me/accommodation-needs': () => ({ url: '/api/me/accommodation-needs' }),
    'GET /api/me/accommodation-needs/count': () => ({ url: '/api/me/accommodation-needs/count' }),
  },
  cases: {} as MatrixFeature['cases'],
};

const TEACHERS_AND_LEADERS: Who[] = ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor', 'principal'];
const confirmers: Who[] = ['subjectTeacher'];

accommodationNeedMatrix.cases = {
  // never the student, never guardians, never teachers of other groups
  'GET /api/students/:studentId/accommodation-needs': {
    target: 'minor', allowed: TEACHERS_AND_LEADERS, request: (i) => ({ url: `/api/students/${i.studentId}/accommodation-needs` }),
  },
  'POST /api/students/:studentId/accommodation-needs': {
    target: 'minor', allowed: ['departmentHead', 'counsellor'],
    request: (i) => ({ url: `/api/students/${i.studentId}/accommodation-needs`, body: { description: 'Sitter foran i klasserommet', guidance: '' } }),
  },
  'PUT /api/students/:studentId/accommodation-needs/:needId': {
    target: 'minor', allowed: ['departmentHead', 'counsellor'],
    request: (i) => ({ url: `/api/students/${i.studentId}/accommodation-needs/${i.needId}`, body: { description: 'Trenger pauser i lange økter', guidance: `Endret ${Math.random()}` } }),
  },
  'DELETE /api/students/:studentId/accommodation-needs/:needId': {
    target: 'minor', allowed: ['departmentHead', 'counsellor'], request: (i) => ({ url: `/api/students/${i.studentId}/accommodation-needs/${i.needId}` }),
  },
  'POST /api/students/:studentId/accommodation-needs/receipts': {
    target: 'minor', get allowed() { return confirmers; }, request: (i) => ({ url: `/api/students/${i.studentId}/accommodation-needs/receipts` }),
  },
  'GET /api/basis-groups/:basisGroupId/accommodation-needs': {
    target: 'minor', allowed: STAFF_WITH_CONTACT, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/accommodation-needs` }),
  },
  'POST /api/basis-groups/:basisGroupId/accommodation-needs/reminders': {
    target: 'minor', allowed: ['contactTeacher'], request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/accommodation-needs/reminders`, body: {} }),
  },
};
