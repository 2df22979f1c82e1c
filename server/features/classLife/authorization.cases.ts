/** This feature's rows in the authorization matrix (server/test/authorization-matrix.test.ts). */
import { expect } from 'vitest';
import type { MatrixFeature, Who } from '../../test/matrix.js';

/** R-35/R-40/R-41: the class's contact teacher, its students and the leaders read; not the counsellor, other classes' students or guardians */
const READERS: Who[] = ['contactTeacher', 'departmentHead', 'principal', 'student'];
const MANAGER: Who[] = ['contactTeacher'];
/** only students of the class propose rules, stand and vote: a student of another class is denied */
const CLASS: Who[] = ['student'];

export const classLifeMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const h = t.demo.hardCases;
    const kt = clients.get('contactTeacher')!;
    const elev = clients.get('student')!;
    const base = `/api/basis-groups/${h.basisGroup2STAId}`;
    const ok = (res: { statusCode: number; body: string }, code = 201) => { expect(res.statusCode, res.body).toBe(code); return res.statusCode === 204 ? {} : JSON.parse(res.body); };
    const [mate] = await t.database.query<{ student_id: string }>(
      `select student_id from enrolment where basis_group_id = $1 and ends_on is null and student_id <> all($2::uuid[]) order by student_id limit 1`,
      [h.basisGroup2STAId, [h.elevStudentId, h.adultWithConsentStudentId]]);
    const election = async (open: boolean) => {
      const { id } = ok(await kt.request('POST', `${base}/student-representatives/elections`, { seats: 1, termStartsOn: '2026-11-25', termEndsOn: '2027-06-18' }));
      if (open) {
        ok(await elev.request('PUT', `${base}/student-representatives/elections/${id}/candidacy`, { accept: true }), 204);
      }
      return id as string;
    };
    const draftElectionId = await election(false);
    const toOpenElectionId = await election(true);
    const openElectionId = await election(true);
    ok(await kt.request('POST', `${base}/student-representatives/elections/${openElectionId}/open`), 204);
    const toCloseElectionId = await election(true);
    ok(await kt.request('POST', `${base}/student-representatives/elections/${toCloseElectionId}/open`), 204);
    const { id: classRuleProposalId } = ok(await elev.request('POST', `${base}/class-rules/proposals`, { text: 'Vi hilser når vi kommer.' }));
    const { id: classHourCaseId } = ok(await kt.request('POST', `${base}/class-hour/cases`, { title: 'Juleavslutning', background: 'Dato og sted.' }));
    const { id: dutyRotaId } = ok(await kt.request('POST', `${base}/duty-rota`, { startsOn: '2026-11-30', endsOn: '2026-12-18' }));
    const { id: dutyRotaAwayId } = ok(await kt.request('POST', `${base}/duty-rota/away`, { studentId: mate!.student_id, fromOn: '2026-12-01', toOn: '2026-12-31' }));
    ok(await kt.request('PUT', `${base}/class-rules/draft`, { text: '1. Vi møter presis.' }), 204);
    return { draftElectionId, toOpenElectionId, openElectionId, toCloseElectionId, classRuleProposalId, classHourCaseId, dutyRotaId, dutyRotaAwayId, classmateStudentId: mate!.student_id };
  },
  own: {
    // a student's own classes (empty for everyone else)
    'GET /api/me/classes': () => ({ url: '/api/me/classes' }),
  },
  cases: {
    'GET /api/basis-groups/:basisGroupId/class-hour': { target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/class-hour` }) },
    'PUT /api/basis-groups/:basisGroupId/class-hour/:heldOn': {
      target: 'minor', allowed: MANAGER, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/class-hour/2026-11-24`, body: { notes: 'Trivsel og frister.' } }),
    },
    'GET /api/basis-groups/:basisGroupId/class-hour/topics': { target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/class-hour/topics` }) },
    'PUT /api/basis-groups/:basisGroupId/class-hour/topics/:weekStart': {
      target: 'minor', allowed: MANAGER, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/class-hour/topics/2026-11-30`, body: { topic: 'studyTechnique' } }),
    },
    'POST /api/basis-groups/:basisGroupId/class-hour/cases': {
      target: 'minor', allowed: MANAGER, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/class-hour/cases`, body: { title: 'Klassetur' } }),
    },
    'PUT /api/basis-groups/:basisGroupId/class-hour/cases/:caseId': {
      target: 'minor', allowed: MANAGER, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/class-hour/cases/${i.classHourCaseId}`, body: { title: 'Juleavslutning', decision: 'Fredag 18. desember.', decidedOn: '2026-11-24' } }),
    },
    'GET /api/basis-groups/:basisGroupId/start-of-year': { target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/start-of-year` }) },
    'PUT /api/basis-groups/:basisGroupId/start-of-year/:item': {
      target: 'minor', allowed: MANAGER, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/start-of-year/schoolRules`, body: { checked: true } }),
    },
    'GET /api/basis-groups/:basisGroupId/class-rules': { target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/class-rules` }) },
    'POST /api/basis-groups/:basisGroupId/class-rules/proposals': {
      target: 'minor', allowed: CLASS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/class-rules/proposals`, body: { text: 'Vi rydder pulten.' } }),
    },
    'POST /api/basis-groups/:basisGroupId/class-rules/proposals/:proposalId/comments': {
      target: 'minor', allowed: CLASS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/class-rules/proposals/${i.classRuleProposalId}/comments`, body: { text: 'Enig.' } }),
    },
    'PUT /api/basis-groups/:basisGroupId/class-rules/draft': {
      target: 'minor', allowed: MANAGER, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/class-rules/draft`, body: { text: '1. Vi møter presis.\n2. Vi hilser.' } }),
    },
    'POST /api/basis-groups/:basisGroupId/class-rules/versions': { target: 'minor', allowed: MANAGER, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/class-rules/versions` }) },
    // turnout and results only; who voted for whom is never shown, not even to the contact teacher
    'GET /api/basis-groups/:basisGroupId/student-representatives': { target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/student-representatives` }) },
    'POST /api/basis-groups/:basisGroupId/student-representatives/elections': {
      target: 'minor', allowed: MANAGER, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/student-representatives/elections`, body: { termStartsOn: '2027-01-04', termEndsOn: '2027-06-18' } }),
    },
    'POST /api/basis-groups/:basisGroupId/student-representatives/elections/:electionId/candidates': {
      target: 'minor', allowed: MANAGER, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/student-representatives/elections/${i.draftElectionId}/candidates`, body: { studentId: i.classmateStudentId } }),
    },
    'PUT /api/basis-groups/:basisGroupId/student-representatives/elections/:electionId/candidacy': {
      target: 'minor', allowed: CLASS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/student-representatives/elections/${i.draftElectionId}/candidacy`, body: { accept: true } }),
    },
    'POST /api/basis-groups/:basisGroupId/student-representatives/elections/:electionId/open': {
      target: 'minor', allowed: MANAGER, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/student-representatives/elections/${i.toOpenElectionId}/open` }),
    },
    // a student of another class cannot vote (404), nor can any member of staff
    'POST /api/basis-groups/:basisGroupId/student-representatives/elections/:electionId/votes': {
      target: 'minor', allowed: CLASS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/student-representatives/elections/${i.openElectionId}/votes`, body: { candidateStudentId: i.studentId } }),
    },
    'POST /api/basis-groups/:basisGroupId/student-representatives/elections/:electionId/close': {
      target: 'minor', allowed: MANAGER, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/student-representatives/elections/${i.toCloseElectionId}/close` }),
    },
    'GET /api/basis-groups/:basisGroupId/duty-rota': { target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/duty-rota` }) },
    'POST /api/basis-groups/:basisGroupId/duty-rota': {
      target: 'minor', allowed: MANAGER, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/duty-rota`, body: { startsOn: '2027-01-04', endsOn: '2027-03-19' } }),
    },
    'PUT /api/basis-groups/:basisGroupId/duty-rota/:rotaId/routines': {
      target: 'minor', allowed: MANAGER, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/duty-rota/${i.dutyRotaId}/routines`, body: { routines: ['Tørke tavla'] } }),
    },
    'POST /api/basis-groups/:basisGroupId/duty-rota/away': {
      target: 'minor', allowed: MANAGER, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/duty-rota/away`, body: { studentId: i.studentId, fromOn: '2027-01-04', toOn: '2027-02-12' } }),
    },
    'DELETE /api/basis-groups/:basisGroupId/duty-rota/away/:awayId': {
      target: 'minor', allowed: MANAGER, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/duty-rota/away/${i.dutyRotaAwayId}` }),
    },
  },
};
