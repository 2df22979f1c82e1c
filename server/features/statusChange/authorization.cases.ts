/**
 * Status changes' rows in the authorization matrix (server/test/authorization-matrix.test.ts), R-52: the
 * contact teacher, the student's department head and the counsellor prepare; only the principal decides
 * and records the appeal; subject teachers, the school admin, other staff, students and guardians are
 * refused the preparation; the decision letter is the student's and the guardians' with insight.
 * The principal's decision here refuses the change, so the matrix student's enrolment stays as it is for
 * every other feature's rows.
 */
import { expect } from 'vitest';
import type { MatrixFeature } from '../../test/matrix.js';

const PREPARERS = ['contactTeacher', 'departmentHead', 'counsellor'] as const;

export const statusChangeMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const kt = clients.get('contactTeacher')!;
    const base = `/api/students/${t.demo.hardCases.elevStudentId}/status-changes`;
    const start = async () => {
      const res = await kt.request('POST', base, { kind: 'changingSchool', background: 'Familien flytter til en annen kommune.', proposedOn: '2026-12-14' });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      const met = await kt.request('POST', `${base}/${id}/meetings`, { heldOn: '2026-11-20', participants: ['student', 'guardians', 'counsellor'], note: 'Eleven ønsker å bytte skole.' });
      expect(met.statusCode, met.body).toBe(201);
      return id;
    };
    const statusChangeId = await start();
    const toDecideId = await start();
    const decidedId = await start();
    const decided = await clients.get('principal')!.request('POST', `${base}/${decidedId}/decision`,
      { granted: false, reasons: 'Eleven bor fortsatt i fylket.', appealTo: 'Rektor ved Fjellvik videregående skole' });
    expect(decided.statusCode, decided.body).toBe(200);
    return { statusChangeId, toDecideId, decidedStatusChangeId: decidedId };
  },
  cases: {
    'GET /api/students/:studentId/status-changes': {
      target: 'minor', allowed: [...PREPARERS, 'principal'], request: (i) => ({ url: `/api/students/${i.studentId}/status-changes` }),
    },
    'POST /api/students/:studentId/status-changes': {
      target: 'minor', allowed: [...PREPARERS],
      request: (i) => ({ url: `/api/students/${i.studentId}/status-changes`, body: { kind: 'leaving', background: 'Eleven vurderer å slutte.', proposedOn: '2027-01-04' } }),
    },
    'PATCH /api/students/:studentId/status-changes/:statusChangeId': {
      target: 'minor', allowed: [...PREPARERS],
      request: (i) => ({ url: `/api/students/${i.studentId}/status-changes/${i.statusChangeId}`, body: { proposedOn: '2026-12-21' } }),
    },
    'POST /api/students/:studentId/status-changes/:statusChangeId/meetings': {
      target: 'minor', allowed: [...PREPARERS],
      request: (i) => ({ url: `/api/students/${i.studentId}/status-changes/${i.statusChangeId}/meetings`, body: { heldOn: '2026-11-23', participants: ['student'] } }),
    },
    'POST /api/students/:studentId/status-changes/:statusChangeId/documents': {
      target: 'minor', allowed: [...PREPARERS],
      request: (i) => ({ url: `/api/students/${i.studentId}/status-changes/${i.statusChangeId}/documents`, body: { title: 'Søknad om skolebytte', receivedOn: '2026-11-19', receivedFrom: 'Foresatte' } }),
    },
    'POST /api/students/:studentId/status-changes/:statusChangeId/decision': {
      target: 'minor', allowed: ['principal'],
      request: (i) => ({ url: `/api/students/${i.studentId}/status-changes/${i.toDecideId}/decision`, body: { granted: false, reasons: 'Ikke tilstrekkelig grunnlag.', appealTo: 'Rektor' } }),
    },
    'PUT /api/students/:studentId/status-changes/:statusChangeId/appeal': {
      target: 'minor', allowed: ['principal'],
      request: (i) => ({ url: `/api/students/${i.studentId}/status-changes/${i.decidedStatusChangeId}/appeal`, body: { receivedOn: '2026-11-25', note: 'Foresatte klager.' } }),
    },
    // the decision letter: the student and the guardians with insight, besides the staff who prepare and decide
    'GET /api/students/:studentId/status-decisions': {
      target: 'minor', allowed: ['student', 'guardian', ...PREPARERS, 'principal'], request: (i) => ({ url: `/api/students/${i.studentId}/status-decisions` }),
    },
    // an adult student's guardian reads it only by the student's consent: the consented guardian does, the other is refused
    'GET /api/students/:studentId/status-decisions (adult)': {
      target: 'adult', allowed: ['student', 'guardian', ...PREPARERS, 'principal'], request: (i) => ({ url: `/api/students/${i.studentId}/status-decisions` }),
    },
    'GET /api/status-changes/pending': {
      target: 'minor', allowed: ['principal'], request: () => ({ url: '/api/status-changes/pending' }),
    },
  },
};
