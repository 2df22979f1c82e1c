/** This feature's rows in the authorization matrix (server/test/authorization-matrix.test.ts). */
import { expect } from 'vitest';
import type { MatrixFeature, Who } from '../../test/matrix.js';

const STAFF: Who[] = ['contactTeacher', 'contactTeacherOther', 'subjectTeacher', 'subjectTeacherOther', 'departmentHead', 'departmentHeadOther', 'counsellor', 'principal', 'schoolAdmin'];
const CLASS_READERS: Who[] = ['contactTeacher', 'departmentHead', 'counsellor', 'principal'];
const CONVERSATION_LIST: Who[] = ['student', 'contactTeacher', 'departmentHead', 'counsellor', 'principal', 'subjectTeacher', 'guardian'];
const HOLDER: Who[] = ['contactTeacher'];

const windows = [
  { kind: 'startOfYear', opensOn: '2026-08-19', closesOn: '2026-09-30', appliesTo: 'all' },
  { kind: 'guardian', opensOn: '2026-09-01', closesOn: '2026-10-31', appliesTo: 'under18' },
  { kind: 'subject', opensOn: '2026-10-01', closesOn: '2026-11-15', appliesTo: 'all' },
  { kind: 'student', opensOn: '2027-01-04', closesOn: '2027-03-31', appliesTo: 'all' },
];
const content = { title: { nb: 'Prøvemal' }, sections: [{ key: 'a', title: { nb: 'Del A' }, questions: [{ key: 'q', text: { nb: 'Hvordan går det?' } }] }] };

export const conversationMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const h = t.demo.hardCases;
    const kt = clients.get('contactTeacher')!;
    const planned = async (kind: string) => {
      const res = await kt.request('POST', `/api/students/${h.elevStudentId}/conversations`, { kind, plannedAt: '2026-12-03T09:00:00+01:00' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const conversationId = await planned('student');
    const heldId = await planned('student');
    const cancelId = await planned('adHoc');
    const delegateId = await planned('student');
    const fu = await kt.request('POST', `/api/conversations/${conversationId}/follow-ups`, { description: 'Leksehjelp', responsible: 'student' });
    expect(fu.statusCode, fu.body).toBe(201);
    // a notification for the department head, to try opening it as everyone
    const marked = await kt.request('POST', `/api/conversations/${cancelId}/held`, { newImportantInformation: true });
    expect(marked.statusCode, marked.body).toBe(200);
    const notes = (await clients.get('departmentHead')!.get('/api/me/notifications')).json().notifications;
    const [teacher] = await t.database.query<{ person_id: string }>('select person_id from staff_member where id = $1', [h.subjectTeacherStaffMemberId]);
    const templates = (await clients.get('principal')!.get('/api/conversation-templates')).json().templates;
    return {
      conversationId, heldId, cancelId: await planned('adHoc'), delegateId, followUpId: fu.json().id,
      notificationId: notes[0].id, subjectTeacherPersonId: teacher!.person_id,
      templateId: templates[0].id, templateVersionId: templates[0].currentVersionId,
      otherGuardianPersonId: h.elevGuardianPersonIds[1], startOfYearId: h.elevStartOfYearConversationId,
    };
  },
  own: {
    'GET /api/me/conversations': () => ({ url: '/api/me/conversations' }),
    'GET /api/me/notifications': () => ({ url: '/api/me/notifications' }),
  },
  cases: {
    'GET /api/conversation-plan': { target: 'minor', allowed: STAFF, request: () => ({ url: '/api/conversation-plan' }) },
    'PUT /api/conversation-plan': {
      target: 'minor', allowed: ['principal', 'schoolAdmin'], request: () => ({ url: '/api/conversation-plan', body: { conversationsPerYear: 3, windows } }),
    },
    'GET /api/basis-groups/:basisGroupId/conversation-plan': {
      target: 'minor', allowed: CLASS_READERS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/conversation-plan` }),
    },
    'GET /api/basis-groups/:basisGroupId/conversation-plan.csv': {
      target: 'minor', allowed: CLASS_READERS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/conversation-plan.csv` }),
    },
    'GET /api/basis-groups/:basisGroupId/guardian-conferences': {
      target: 'minor', allowed: CLASS_READERS, request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/guardian-conferences` }),
    },
    'GET /api/conversation-compliance': {
      target: 'minor', allowed: ['departmentHead', 'departmentHeadOther', 'principal'], request: () => ({ url: '/api/conversation-compliance' }),
    },
    'GET /api/conversation-templates': { target: 'minor', allowed: STAFF, request: () => ({ url: '/api/conversation-templates' }) },
    'GET /api/conversation-templates/:templateId': { target: 'minor', allowed: STAFF, request: (i) => ({ url: `/api/conversation-templates/${i.templateId}` }) },
    'GET /api/conversation-template-versions/:versionId': {
      target: 'minor', allowed: STAFF, request: (i) => ({ url: `/api/conversation-template-versions/${i.templateVersionId}` }),
    },
    'POST /api/conversation-templates': {
      target: 'minor', allowed: ['departmentHead', 'departmentHeadOther', 'principal', 'schoolAdmin'],
      request: () => ({ url: '/api/conversation-templates', body: { kind: 'adHoc', ...content } }),
    },
    'POST /api/conversation-templates/:templateId/versions': {
      target: 'minor', allowed: ['departmentHead', 'departmentHeadOther', 'principal', 'schoolAdmin'],
      request: (i) => ({ url: `/api/conversation-templates/${i.templateId}/versions`, body: content }),
    },
    'GET /api/students/:studentId/conversations': {
      target: 'minor', allowed: CONVERSATION_LIST, request: (i) => ({ url: `/api/students/${i.studentId}/conversations` }),
    },
    'POST /api/students/:studentId/conversations': {
      target: 'minor', allowed: ['contactTeacher', 'departmentHead', 'counsellor', 'principal'],
      request: (i) => ({ url: `/api/students/${i.studentId}/conversations`, body: { kind: 'adHoc' } }),
    },
    'GET /api/students/:studentId/shared-follow-ups': {
      target: 'minor', allowed: CONVERSATION_LIST, request: (i) => ({ url: `/api/students/${i.studentId}/shared-follow-ups` }),
    },
    'GET /api/conversations/:conversationId': {
      // the start-of-year conversation: not the subject teacher's, not the guardians' (only the guardian conference is)
      target: 'minor', allowed: ['contactTeacher', 'departmentHead', 'counsellor', 'principal', 'student'],
      request: (i) => ({ url: `/api/conversations/${i.startOfYearId}` }),
    },
    'PATCH /api/conversations/:conversationId': {
      target: 'minor', allowed: HOLDER, request: (i) => ({ url: `/api/conversations/${i.conversationId}`, body: { place: 'Grupperom 4' } }),
    },
    'PUT /api/conversations/:conversationId/preparation': {
      target: 'minor', allowed: ['student'],
      request: (i) => ({ url: `/api/conversations/${i.conversationId}/preparation`, body: { pleasedWith: 'Norsk', wantToImprove: '', needHelpWith: '', raiseWithGuardians: '', notCovered: '' } }),
    },
    'PUT /api/conversations/:conversationId/notes/:sectionKey': {
      target: 'minor', allowed: HOLDER, request: (i) => ({ url: `/api/conversations/${i.conversationId}/notes/wellbeing`, body: { text: 'Trives.' } }),
    },
    'POST /api/conversations/:conversationId/follow-ups': {
      target: 'minor', allowed: HOLDER,
      request: (i) => ({ url: `/api/conversations/${i.conversationId}/follow-ups`, body: { description: 'Ny plan', responsible: 'school' } }),
    },
    'PATCH /api/conversations/:conversationId/follow-ups/:followUpId': {
      target: 'minor', allowed: HOLDER, request: (i) => ({ url: `/api/conversations/${i.conversationId}/follow-ups/${i.followUpId}`, body: { done: true } }),
    },
    'POST /api/conversations/:conversationId/held': {
      target: 'minor', allowed: HOLDER, request: (i) => ({ url: `/api/conversations/${i.heldId}/held`, body: {} }),
    },
    'POST /api/conversations/:conversationId/delegate': {
      target: 'minor', allowed: HOLDER,
      request: (i) => ({ url: `/api/conversations/${i.delegateId}/delegate`, body: { subjectTeacherPersonId: i.subjectTeacherPersonId } }),
    },
    'POST /api/conversations/:conversationId/cancel': {
      target: 'minor', allowed: HOLDER, request: (i) => ({ url: `/api/conversations/${i.cancelId}/cancel` }),
    },
    'POST /api/me/notifications/:notificationId/read': {
      // a notification is its recipient's only; anyone else gets 404
      target: 'minor', allowed: ['departmentHead'], request: (i) => ({ url: `/api/me/notifications/${i.notificationId}/read` }),
    },
    'POST /api/students/:studentId/guardian-conference/offers': {
      target: 'minor', allowed: ['contactTeacher', 'departmentHead', 'principal'],
      request: (i) => ({ url: `/api/students/${i.studentId}/guardian-conference/offers`, body: {} }),
    },
    'GET /api/students/:studentId/guardian-conference': {
      target: 'minor', allowed: CONVERSATION_LIST, request: (i) => ({ url: `/api/students/${i.studentId}/guardian-conference` }),
    },
    'POST /api/students/:studentId/guardian-conference/decline': {
      target: 'minor', allowed: ['guardian', 'contactTeacher'],
      request: (i) => ({ url: `/api/students/${i.studentId}/guardian-conference/decline`, body: { guardianPersonId: i.otherGuardianPersonId } }),
    },
  },
};
