/**
 * Measures' rows in the authorization matrix (server/test/authorization-matrix.test.ts), R-55. The measure
 * tried is owned by the matrix's subject teacher (who teaches the student): the owner evaluates it; another
 * subject teacher, students and guardians never reach it.
 */
import { expect } from 'vitest';
import type { MatrixFeature } from '../../test/matrix.js';
import { STAFF_WITH_CONTACT } from '../../test/matrix.js';

export const measuresMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const [owner] = await t.database.query<{ id: string }>(
      `select sm.id from account a join staff_member sm on sm.owner_id = a.owner_id and sm.person_id = a.person_id
       join student s on s.owner_id = sm.owner_id and s.school_id = sm.school_id and s.id = $1 where a.username = 'faglarer'`, [t.demo.hardCases.elevStudentId]);
    const res = await clients.get('contactTeacher')!.request('POST', `/api/students/${t.demo.hardCases.elevStudentId}/measures`,
      { goal: 'Færre fravær i matematikk.', actions: 'Faglærer følger opp ukentlig.', startsOn: '2026-09-01', evaluateOn: '2026-11-01', ownerStaffMemberId: owner!.id });
    expect(res.statusCode, res.body).toBe(201);
    return { measureId: res.json().id as string };
  },
  cases: {
    // a subject teacher of the student reaches the list (they may own a measure); each measure is decided again
    'GET /api/students/:studentId/measures': {
      target: 'minor', allowed: [...STAFF_WITH_CONTACT, 'subjectTeacher'], request: (i) => ({ url: `/api/students/${i.studentId}/measures` }),
    },
    'POST /api/students/:studentId/measures': {
      target: 'minor', allowed: STAFF_WITH_CONTACT,
      request: (i) => ({ url: `/api/students/${i.studentId}/measures`, body: { goal: 'Trives i klassen.', actions: 'Samtaler hver fjortende dag.', startsOn: '2026-11-02', evaluateOn: '2026-12-14' } }),
    },
    'PATCH /api/students/:studentId/measures/:measureId': {
      target: 'minor', allowed: [...STAFF_WITH_CONTACT, 'subjectTeacher'],
      request: (i) => ({ url: `/api/students/${i.studentId}/measures/${i.measureId}`, body: { actions: 'Faglærer følger opp hver uke.' } }),
    },
    'POST /api/students/:studentId/measures/:measureId/evaluation': {
      target: 'minor', allowed: [...STAFF_WITH_CONTACT, 'subjectTeacher'],
      request: (i) => ({ url: `/api/students/${i.studentId}/measures/${i.measureId}/evaluation`, body: { evaluation: 'Fraværet har gått ned.', nextStep: 'Fortsetter.', outcome: 'continued', nextEvaluateOn: '2027-01-15' } }),
    },
  },
  own: {
    'GET /api/me/measures/overdue': () => ({ url: '/api/me/measures/overdue' }),
  },
};
