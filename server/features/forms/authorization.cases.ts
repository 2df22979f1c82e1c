/** Forms' rows in the authorization matrix (server/test/authorization-matrix.test.ts), R-05. */
import { expect } from 'vitest';
import type { MatrixFeature, Who } from '../../test/matrix.js';
import { STAFF_WITH_CONTACT } from '../../test/matrix.js';

const FAMILY_AND_STAFF: Who[] = ['student', 'guardian', 'contactTeacher', 'departmentHead', 'counsellor', 'principal', 'schoolAdmin'];
const SCHOOL_FORM_MANAGERS: Who[] = ['departmentHead', 'departmentHeadOther', 'principal', 'schoolAdmin'];

export const formMatrix: MatrixFeature = {
  async setup({ clients }) {
    const form = await clients.get('principal')!.request('POST', '/api/forms', { nameNb: 'Avtale om lån av PC', nameNn: 'Avtale om lån av PC', level: null, dueOn: '2026-12-01' });
    expect(form.statusCode, form.body).toBe(201);
    // a form of its own for retire/reinstate, so the rows below keep a form in use whatever order they run in
    const retireForm = await clients.get('principal')!.request('POST', '/api/forms', { nameNb: 'Samtykke til tur i fjor', nameNn: 'Samtykke til tur i fjor', level: null, dueOn: '2026-12-01' });
    expect(retireForm.statusCode, retireForm.body).toBe(201);
    return { formId: form.json().id as string, retireFormId: retireForm.json().id as string };
  },
  cases: {
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
  },
};
