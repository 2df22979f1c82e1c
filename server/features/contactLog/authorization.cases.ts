/** The contact log's rows in the authorization matrix (server/test/authorization-matrix.test.ts), R-03. */
import { expect } from 'vitest';
import type { MatrixFeature } from '../../test/matrix.js';
import { STAFF_WITH_CONTACT } from '../../test/matrix.js';

export const contactLogMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const entry = await clients.get('contactTeacher')!.request('POST', `/api/students/${t.demo.hardCases.elevStudentId}/contact-log`,
      { occurredOn: '2026-11-02', channel: 'email', summary: 'Sendte e-post om foreldresamtale.' });
    expect(entry.statusCode).toBe(201);
    return { entryId: entry.json().id as string };
  },
  cases: {
    'GET /api/students/:studentId/contact-log': {
      target: 'minor', allowed: STAFF_WITH_CONTACT, request: (i) => ({ url: `/api/students/${i.studentId}/contact-log` }),
    },
    'POST /api/students/:studentId/contact-log': {
      target: 'minor', allowed: STAFF_WITH_CONTACT,
      request: (i) => ({ url: `/api/students/${i.studentId}/contact-log`, body: { occurredOn: '2026-11-20', channel: 'phone', summary: 'Ringte mor om fravær.' } }),
    },
    'PATCH /api/students/:studentId/contact-log/:entryId': {
      // the entry was written by the contact teacher: only its author corrects it
      target: 'minor', allowed: ['contactTeacher'],
      request: (i) => ({ url: `/api/students/${i.studentId}/contact-log/${i.entryId}`, body: { summary: 'Rettet oppsummering.' } }),
    },
  },
};
