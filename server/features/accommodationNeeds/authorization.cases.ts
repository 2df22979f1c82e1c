/**
 * This feature's rows in the authorization matrix (server/test/authorization-matrix.test.ts), and those of
 * forms and parent meetings. R-04: an accommodation need is read only by the student's
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
    const form = await clients.get('principal')!.request('POST', '/api/forms', { nameNb: 'Avtale om lån av PC', nameNn: 'Avtale om lån av PC', level: null, dueOn: '2026-12-01' });
    expect(form.statusCode, form.body).toBe(201);
    // a form of its own for retire/reinstate, so the rows above keep a form in use whatever order they run in
    const retireForm = await clients.get('principal')!.request('POST', '/api/forms', { nameNb: 'Samtykke til tur i fjor', nameNn: 'Samtykke til tur i fjor', level: null, dueOn: '2026-12-01' });
    expect(retireForm.statusCode, retireForm.body).toBe(201);
    const meeting = await clients.get('contactTeacher')!.request('POST', `/api/basis-groups/${h.basisGroup2STAId}/parent-meetings`,
      { heldOn: '2026-11-20', topic: 'Ekstra foreldremøte', information: 'Om eksamen og terminprøver.', attendance: [] });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const [nor] = await t.database.query<{ n: number }>(
      'select count(*)::int as n from enrolment where student_id = $1 and teaching_group_id = $2 and ends_on is null', [h.elevStudentId, h.teachingGroup2STANORId]);
    // `kontaktlarer` also teaches 2STA-NOR: a subject teacher of `elev` when elev takes that group
    confirmers.push(...(Number(nor!.n) > 0 ? ['contactTeacher' as const] : []));
    return { needId, formId: form.json().id as string, retireFormId: retireForm.json().id as string, meetingId: (meeting.json().meetings as { id: string; topic: string }[]).find((m) => m.topic === 'Ekstra foreldremøte')!.id };
  },
  own: {
    'GET /api/me/accommodation-needs': () => ({ url: '/api/me/accommodation-needs' }),
    'GET /api/me/accommodation-needs/count': () => ({ url: '/api/me/accommodation-needs/count' }),
  },
  cases: {} as MatrixFeature['cases'],
};

const TEACHERS_AND_LEADERS: Who[] = ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor', 'principal'];
const confirmers: Who[] = ['subjectTeacher'];
const FAMILY_AND_STAFF: Who[] = ['student', 'guardian', 'contactTeacher', 'departmentHead', 'counsellor', 'principal'];
const SCHOOL_FORM_MANAGERS: Who[] = ['departmentHead', 'departmentHeadOther', 'principal'];

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
  //
  'GET /api/forms': { target: 'minor', allowed: SCHOOL_FORM_MANAGERS, request: () => ({ url: '/api/forms' }) },
  'POST /api/forms': {
    target: 'minor', allowed: SCHOOL_FORM_MANAGERS,
    request: () => ({ url: '/api/forms', body: { nameNb: 'Samtykke til tur', nameNn: 'Samtykke til tur', level: 'vg2', dueOn: '2026-12-10' } }),
  },
  'PUT /api/forms/:formId': {
    target: 'minor', allowed: SCHOOL_FORM_MANAGERS,
    request: (i) => ({ url: `/api/forms/${i.formId}`, body: { nameNb: 'Avtale om lån av PC', nameNn: 'Avtale om lån av PC', level: null, dueOn: '2026-12-02' } }),
  },
  'POST /api/forms/:formId/retire': {
    target: 'minor', allowed: SCHOOL_FORM_MANAGERS, request: (i) => ({ url: `/api/forms/${i.retireFormId}/retire`, body: {} }),
  },
  'POST /api/forms/:formId/reinstate': {
    target: 'minor', allowed: SCHOOL_FORM_MANAGERS, request: (i) => ({ url: `/api/forms/${i.retireFormId}/reinstate`, body: {} }),
  },
  'GET /api/basis-groups/:basisGroupId/forms': {
    target: 'minor', allowed: STAFF_WITH_CONTACT, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/forms` }),
  },
  'PUT /api/basis-groups/:basisGroupId/forms/statuses': {
    target: 'minor', allowed: ['contactTeacher'],
    request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/forms/statuses`, body: { changes: [{ formId: i.formId, studentId: i.studentId, status: 'received' }] } }),
  },
  'GET /api/students/:studentId/forms': {
    target: 'minor', allowed: FAMILY_AND_STAFF, request: (i) => ({ url: `/api/students/${i.studentId}/forms` }),
  },
  //
  'GET /api/basis-groups/:basisGroupId/parent-meetings': {
    target: 'minor', allowed: STAFF_WITH_CONTACT, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/parent-meetings` }),
  },
  'POST /api/basis-groups/:basisGroupId/parent-meetings': {
    target: 'minor', allowed: ['contactTeacher'],
    request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/parent-meetings`, body: { heldOn: '2026-11-24', topic: 'Møte', information: 'Kort info.', attendance: [] } }),
  },
  'PUT /api/basis-groups/:basisGroupId/parent-meetings/:meetingId': {
    target: 'minor', allowed: ['contactTeacher'],
    request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/parent-meetings/${i.meetingId}`, body: { heldOn: '2026-11-20', topic: 'Ekstra foreldremøte', information: 'Om eksamen.', attendance: [] } }),
  },
  'POST /api/basis-groups/:basisGroupId/parent-meetings/:meetingId/inform-absent': {
    target: 'minor', allowed: ['contactTeacher'], request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/parent-meetings/${i.meetingId}/inform-absent` }),
  },
  // the family reads the information; on the adult target only the guardian the student consented to
  'GET /api/students/:studentId/parent-meetings': {
    target: 'adult', allowed: FAMILY_AND_STAFF, request: (i) => ({ url: `/api/students/${i.studentId}/parent-meetings` }),
  },
};
