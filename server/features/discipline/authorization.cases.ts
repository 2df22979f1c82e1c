/** Disciplinary cases' rows in the authorization matrix (server/test/authorization-matrix.test.ts). */
import { expect } from 'vitest';
import type { Client } from '../../test/harness.js';
import type { MatrixFeature, Who } from '../../test/matrix.js';

/** the contact teacher, the leaders, the counsellor, the reporting teacher (`faglarer` reports in the setup), the family (decisions only) */
const READERS: Who[] = ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor', 'principal', 'student', 'guardian'];
const UPDATERS: Who[] = ['contactTeacher', 'subjectTeacher', 'departmentHead', 'principal'];

async function ok(c: Client, method: string, url: string, body: unknown): Promise<Record<string, string>> {
  const res = await c.request(method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

export const disciplineMatrix: MatrixFeature = {
  async setup({ clients, ids }) {
    const fag = clients.get('subjectTeacher')!;
    const rektor = clients.get('principal')!;
    const kt = clients.get('contactTeacher')!;
    const incident = { occurredOn: '2026-11-16', place: 'Klasserommet', description: 'Kastet en bok.', rule: 'Ordensreglementet § 3' };
    const open = async () => (await ok(fag, 'POST', `/api/students/${ids.minor.studentId}/disciplinary-cases`, { incident })).id!;
    const [caseId, noticeCaseId, decisionCaseId, appealCaseId] = [await open(), await open(), await open(), await open()];
    const intervention = await ok(fag, 'POST', `/api/disciplinary-cases/${caseId}/physical-interventions`, {
      occurredOn: '2026-11-16', incidentAccount: 'Slåss.', interventionAccount: 'Holdt armen.', studentView: 'Uenig.', reportedToPrincipalOn: '2026-11-16' });
    for (const id of [decisionCaseId, appealCaseId]) {
      await ok(rektor, 'PUT', `/api/disciplinary-cases/${id}/suspension/notice`, { noticeSentOn: '2026-11-17' });
      await ok(kt, 'POST', `/api/disciplinary-cases/${id}/hearings`, { heardOn: '2026-11-18', studentView: 'Angrer.' });
    }
    await ok(rektor, 'PUT', `/api/disciplinary-cases/${appealCaseId}/suspension/decision`, {
      decidedOn: '2026-11-19', scope: 'days', days: 1, startsOn: '2026-11-20', reasons: 'Gjentatte brudd.', milderMeasures: 'Samtaler er prøvd.' });
    return { caseId, noticeCaseId, decisionCaseId, appealCaseId, interventionId: intervention.id! };
  },
  cases: {
    'GET /api/students/:studentId/disciplinary-cases': {
      target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/students/${i.studentId}/disciplinary-cases` }),
    },
    'POST /api/students/:studentId/disciplinary-cases': {
      target: 'minor', allowed: UPDATERS,
      request: (i) => ({ url: `/api/students/${i.studentId}/disciplinary-cases`, body: { incident: { occurredOn: '2026-11-20', place: 'Gangen', description: 'Banning.', rule: '§ 3' } } }),
    },
    'GET /api/basis-groups/:basisGroupId/disciplinary-cases': {
      target: 'minor', allowed: ['contactTeacher', 'departmentHead', 'counsellor', 'principal'], request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/disciplinary-cases` }),
    },
    'GET /api/disciplinary-cases': {
      // school-wide; a department head's list is narrowed to the department's students per case
      target: 'minor', allowed: ['departmentHead', 'departmentHeadOther', 'counsellor', 'principal'], request: () => ({ url: '/api/disciplinary-cases' }),
    },
    'GET /api/disciplinary-cases/:caseId': { target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/disciplinary-cases/${i.caseId}` }) },
    'POST /api/disciplinary-cases/:caseId/incidents': {
      target: 'minor', allowed: UPDATERS, request: (i) => ({ url: `/api/disciplinary-cases/${i.caseId}/incidents`, body: { occurredOn: '2026-11-18', place: 'Ute', description: 'Snøballkasting.', rule: '§ 3' } }),
    },
    'POST /api/disciplinary-cases/:caseId/hearings': {
      target: 'minor', allowed: UPDATERS, request: (i) => ({ url: `/api/disciplinary-cases/${i.caseId}/hearings`, body: { heardOn: '2026-11-19', studentView: 'Beklager.' } }),
    },
    'POST /api/disciplinary-cases/:caseId/measures': {
      target: 'minor', allowed: UPDATERS, request: (i) => ({ url: `/api/disciplinary-cases/${i.caseId}/measures`, body: { kind: 'conversation', description: 'Samtale.', decidedOn: '2026-11-19' } }),
    },
    'POST /api/disciplinary-cases/:caseId/removals': {
      // L-31: a teacher removes the student from their own lesson
      target: 'minor', allowed: ['subjectTeacher'],
      request: (i) => ({ url: `/api/disciplinary-cases/${i.caseId}/removals`, body: { teachingGroupId: i.teachingGroupId, on: '2026-11-24', minutes: 45, description: 'Bortvist fra timen.' } }),
    },
    'PUT /api/disciplinary-cases/:caseId/suspension/notice': {
      target: 'minor', allowed: ['principal'], request: (i) => ({ url: `/api/disciplinary-cases/${i.noticeCaseId}/suspension/notice`, body: { noticeSentOn: '2026-11-20' } }),
    },
    'PUT /api/disciplinary-cases/:caseId/suspension/decision': {
      // L-31: the principal alone decides
      target: 'minor', allowed: ['principal'],
      request: (i) => ({ url: `/api/disciplinary-cases/${i.decisionCaseId}/suspension/decision`,
        body: { decidedOn: '2026-11-19', scope: 'days', days: 2, startsOn: '2026-11-20', reasons: 'Vold.', milderMeasures: 'Samtaler er prøvd.' } }),
    },
    'PUT /api/disciplinary-cases/:caseId/suspension/appeal': {
      target: 'minor', allowed: ['principal'], request: (i) => ({ url: `/api/disciplinary-cases/${i.appealCaseId}/suspension/appeal`, body: { receivedOn: '2026-11-21' } }),
    },
    'POST /api/disciplinary-cases/:caseId/physical-interventions': {
      target: 'minor', allowed: ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor', 'principal'],
      request: (i) => ({ url: `/api/disciplinary-cases/${i.caseId}/physical-interventions`,
        body: { occurredOn: '2026-11-19', incidentAccount: 'Slåss.', interventionAccount: 'Skilte dem.', studentView: 'Ok.', reportedToPrincipalOn: '2026-11-19' } }),
    },
    'PUT /api/disciplinary-cases/:caseId/physical-interventions/:interventionId/parents-informed': {
      // L-32: the principal informs the parents
      target: 'minor', allowed: ['principal'],
      request: (i) => ({ url: `/api/disciplinary-cases/${i.caseId}/physical-interventions/${i.interventionId}/parents-informed`, body: { informedOn: '2026-11-20' } }),
    },
  },
};
