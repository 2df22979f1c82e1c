/** Parent meetings' rows in the authorization matrix (server/test/authorization-matrix.test.ts), R-30. */
import { expect } from 'vitest';
import type { MatrixFeature, Who } from '../../test/matrix.js';
import { STAFF_WITH_CONTACT } from '../../test/matrix.js';

const FAMILY_AND_STAFF: Who[] = ['student', 'guardian', 'contactTeacher', 'departmentHead', 'counsellor', 'principal'];

export const parentMeetingMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const meeting = await clients.get('contactTeacher')!.request('POST', `/api/basis-groups/${t.demo.hardCases.basisGroup2STAId}/parent-meetings`,
      { heldOn: '2026-11-20', topic: 'Ekstra foreldremøte', information: 'Om eksamen og terminprøver.', attendance: [] });
    expect(meeting.statusCode, meeting.body).toBe(201);
    return { meetingId: (meeting.json().meetings as { id: string; topic: string }[]).find((m) => m.topic === 'Ekstra foreldremøte')!.id };
  },
  cases: {
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
  },
};
