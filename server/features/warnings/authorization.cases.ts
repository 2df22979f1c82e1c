/** This feature's rows in the authorization matrix (server/test/authorization-matrix.test.ts): R-22, L-20, L-21. */
import { expect } from 'vitest';
import type { Client } from '../../test/harness.js';
import type { MatrixFeature, Who } from '../../test/matrix.js';

const LEADERS: Who[] = ['contactTeacher', 'departmentHead', 'principal'];
const RAISERS: Who[] = ['contactTeacher', 'subjectTeacher'];
const body = { grounds: 'Grunnlag for varselet.', requirement: 'Det eleven må gjøre.', dueOn: '2026-12-04' };

export const warningMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const h = t.demo.hardCases;
    const kt = clients.get('contactTeacher')!;
    const fag = clients.get('subjectTeacher')!;
    const rektor = clients.get('principal')!;
    const sid = h.elevStudentId;
    const [math] = await t.database.query<{ subject_id: string }>('select subject_id from teaching_group where id = $1', [h.teachingGroup2STAMATId]);
    const raise = async (c: Client, extra: Record<string, unknown>) => {
      const res = await c.request('POST', `/api/students/${sid}/warnings`, { ...body, ...extra });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const notAssessed = { kind: 'notAssessed', subjectId: math!.subject_id };
    const conduct = { kind: 'conduct', conductAspect: 'order' };
    const approve = async (warningIds: string[]) => {
      const res = await kt.request('POST', `/api/students/${sid}/warning-letters`, { warningIds });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const editWarningId = await raise(fag, notAssessed);
    const rejectWarningId = await raise(kt, conduct);
    const approveWarningId = await raise(kt, conduct);
    const unsentLetterId = await approve([await raise(kt, conduct)]);
    const decideWarningId = await raise(fag, notAssessed);
    const appealWarningId = await raise(fag, notAssessed);
    const withdrawWarningId = await raise(kt, { ...conduct, conductAspect: 'behaviour' });
    // L-21: the principal decides only after the deadline; these two are given one already passed (the API takes none in the past)
    await t.database.query(`update warning_notice set due_on = '2026-11-20' where id = any($1::uuid[])`, [[decideWarningId, appealWarningId]]);
    const sentLetterId = await approve([decideWarningId, appealWarningId, withdrawWarningId]);
    expect((await kt.request('POST', `/api/students/${sid}/warning-letters/${sentLetterId}/send`)).statusCode).toBe(200);
    const decided = await rektor.request('POST', `/api/students/${sid}/warnings/${appealWarningId}/decision`, { reasons: 'Ikke grunnlag for karakter.' });
    expect(decided.statusCode, decided.body).toBe(201);
    const [copy] = await t.database.query<{ id: string }>(
      'select id from warning_letter_copy where letter_id = $1 and recipient_person_id = $2', [sentLetterId, h.elevGuardianPersonIds[0]]);
    const [autumn] = await t.database.query<{ id: string }>(`select id from term where kind = 'autumn' and starts_on <= '2026-11-25' and ends_on >= '2026-11-25'`);
    return {
      autumnTermId: autumn!.id, editWarningId, rejectWarningId, approveWarningId, unsentLetterId, decideWarningId, appealWarningId, withdrawWarningId, sentLetterId,
      guardianCopyId: copy!.id,
    };
  },
  cases: {
    'GET /api/students/:studentId/warnings': {
      target: 'minor', allowed: [...LEADERS, 'subjectTeacher', 'student', 'guardian'], request: (i) => ({ url: `/api/students/${i.studentId}/warnings` }),
    },
    'GET /api/students/:studentId/warnings/prefill': {
      target: 'minor', allowed: RAISERS, request: (i) => ({ url: `/api/students/${i.studentId}/warnings/prefill` }),
    },
    'POST /api/students/:studentId/warnings': {
      // conduct: any teacher of the student; IV only in one's own subject (proven in warnings.test.ts)
      target: 'minor', allowed: RAISERS, request: (i) => ({ url: `/api/students/${i.studentId}/warnings`, body: { ...body, kind: 'conduct', conductAspect: 'order' } }),
    },
    'PATCH /api/students/:studentId/warnings/:warningId': {
      // the teacher who raised it, or the coordinating contact teacher
      target: 'minor', allowed: RAISERS, request: (i) => ({ url: `/api/students/${i.studentId}/warnings/${i.editWarningId}`, body: { requirement: 'Rettet krav.' } }),
    },
    'POST /api/students/:studentId/warnings/:warningId/reject': {
      target: 'minor', allowed: ['contactTeacher'], request: (i) => ({ url: `/api/students/${i.studentId}/warnings/${i.rejectWarningId}/reject`, body: { note: 'Tas i samtale først.' } }),
    },
    'POST /api/students/:studentId/warning-letters': {
      target: 'minor', allowed: ['contactTeacher'], request: (i) => ({ url: `/api/students/${i.studentId}/warning-letters`, body: { warningIds: [i.approveWarningId] } }),
    },
    'POST /api/students/:studentId/warning-letters/:letterId/send': {
      target: 'minor', allowed: ['contactTeacher'], request: (i) => ({ url: `/api/students/${i.studentId}/warning-letters/${i.unsentLetterId}/send` }),
    },
    'GET /api/students/:studentId/warning-letters/:letterId': {
      // the student and each guardian see their own copy; a subject teacher sees no letters
      target: 'minor', allowed: [...LEADERS, 'student', 'guardian'], request: (i) => ({ url: `/api/students/${i.studentId}/warning-letters/${i.sentLetterId}` }),
    },
    'GET /api/students/:studentId/warning-letters/:letterId/copies/:copyId/pdf': {
      // the guardian's own copy: not the student's to read
      target: 'minor', allowed: [...LEADERS, 'guardian'], request: (i) => ({ url: `/api/students/${i.studentId}/warning-letters/${i.sentLetterId}/copies/${i.guardianCopyId}/pdf` }),
    },
    'POST /api/students/:studentId/warning-letters/:letterId/copies/:copyId/read': {
      // the read receipt: only the copy's own recipient
      target: 'minor', allowed: ['guardian'], request: (i) => ({ url: `/api/students/${i.studentId}/warning-letters/${i.sentLetterId}/copies/${i.guardianCopyId}/read` }),
    },
    'POST /api/students/:studentId/warning-letters/:letterId/copies/:copyId/signed-copy': {
      target: 'minor', allowed: ['contactTeacher'],
      request: (i) => ({ url: `/api/students/${i.studentId}/warning-letters/${i.sentLetterId}/copies/${i.guardianCopyId}/signed-copy`,
        body: { fileName: 'signert.png', fileType: 'image/png', data: Buffer.from('png-bytes').toString('base64') } }),
    },
    'POST /api/students/:studentId/warnings/:warningId/withdraw': {
      target: 'minor', allowed: ['contactTeacher'], request: (i) => ({ url: `/api/students/${i.studentId}/warnings/${i.withdrawWarningId}/withdraw`, body: { reason: 'Forholdet er rettet opp.' } }),
    },
    'POST /api/students/:studentId/warnings/:warningId/decision': {
      // L-21: the principal personally
      target: 'minor', allowed: ['principal'], request: (i) => ({ url: `/api/students/${i.studentId}/warnings/${i.decideWarningId}/decision`, body: { reasons: 'Ikke grunnlag for karakter.' } }),
    },
    'POST /api/students/:studentId/warnings/:warningId/decision/appeal': {
      target: 'minor', allowed: ['principal'],
      request: (i) => ({ url: `/api/students/${i.studentId}/warnings/${i.appealWarningId}/decision/appeal`, body: { appealedOn: '2026-11-24', note: 'Foresatte klager.' } }),
    },
    'GET /api/basis-groups/:basisGroupId/warnings': {
      target: 'minor', allowed: LEADERS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/warnings` }),
    },
    'GET /api/warnings': {
      // another department's head gets their own department's list
      target: 'minor', allowed: ['departmentHead', 'departmentHeadOther', 'principal'], request: () => ({ url: '/api/warnings' }),
    },
    'GET /api/warnings/assessment-dates': {
      target: 'minor', allowed: ['principal', 'schoolAdmin'], request: () => ({ url: '/api/warnings/assessment-dates' }),
    },
    'PUT /api/warnings/assessment-dates': {
      target: 'minor', allowed: ['principal', 'schoolAdmin'], request: (i) => ({ url: '/api/warnings/assessment-dates', body: { termId: i.autumnTermId, assessedOn: '2026-12-11' } }),
    },
  },
};
