/**
 * Meetings' rows in the authorization matrix (server/test/authorization-matrix.test.ts), R-53, R-60, R-62.
 * The meetings tried are about the minor; the contact teacher and the counsellor take part. So the
 * student's subject teacher, who does not take part, is refused; the department head reads but does not
 * write; the resource team's meeting is its members' and the principal's alone; the family sees only
 * shared minutes, and for an adult student only the guardian with consent.
 */
import { expect } from 'vitest';
import type { MatrixFeature, Who } from '../../test/matrix.js';
import { STAFF_WITH_CONTACT } from '../../test/matrix.js';

const WRITERS: Who[] = ['contactTeacher', 'counsellor', 'principal'];
const READERS: Who[] = ['contactTeacher', 'counsellor', 'departmentHead', 'principal'];
const ALL_STAFF: Who[] = ['contactTeacher', 'contactTeacherOther', 'subjectTeacher', 'subjectTeacherOther', 'departmentHead', 'departmentHeadOther', 'counsellor', 'principal', 'schoolAdmin'];

export const meetingsMatrix: MatrixFeature = {
  async setup({ t, clients, ids }) {
    const studentId = ids.minor.studentId;
    const staffOf = async (username: string) => (await t.database.query<{ id: string }>(
      `select sm.id from account a join staff_member sm on sm.owner_id = a.owner_id and sm.person_id = a.person_id
       join student s on s.owner_id = sm.owner_id and s.school_id = sm.school_id and s.id = $2 where a.username = $1`, [username, studentId]))[0]!.id;
    const [guardian] = await t.database.query<{ guardian_person_id: string }>(
      'select guardian_person_id from guardianship where student_id = $1 and parental_responsibility order by guardian_person_id limit 1', [studentId]);
    const kt = clients.get('contactTeacher')!;
    const counsellor = await staffOf('radgiver');
    const plan = async (kind: string, more: object[] = []) => {
      const res = await kt.request('POST', `/api/students/${studentId}/meetings`,
        { kind, startsAt: '2026-11-30T13:00:00+01:00', place: 'Møterom 1', participants: [{ kind: 'staff', staffMemberId: counsellor }, ...more] });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; participants: { id: string; kind: string; personId: string | null }[] };
    };
    const meeting = await plan('collaboration', ['a', 'b', 'c'].map((x) => ({ kind: 'external', name: `Ekstern ${x}`, organisation: 'PPT' })));
    const externals = meeting.participants.filter((p) => p.kind === 'external').map((p) => p.id);
    const ktParticipant = meeting.participants.find((p) => p.kind === 'staff')!.id;
    const url = `/api/meetings/${meeting.id}`;
    expect((await kt.request('PUT', `${url}/minutes`, { text: 'Vi ble enige om ukentlige samtaler.' })).statusCode).toBe(200);
    const withDecision = await kt.request('POST', `${url}/decisions`, { text: 'Eleven får en fast samtale hver uke.' });
    expect(withDecision.statusCode, withDecision.body).toBe(201);
    const withAction = await kt.request('POST', `${url}/actions`, { description: 'Avtale tid for samtalene.', responsibleParticipantId: ktParticipant, dueOn: '2026-12-04' });
    expect(withAction.statusCode, withAction.body).toBe(201);
    const measure = await kt.request('POST', `/api/students/${studentId}/measures`,
      { goal: 'En voksen å snakke med.', actions: 'Ukentlig samtale.', startsOn: '2026-12-01', evaluateOn: '2027-02-01' });
    expect(measure.statusCode, measure.body).toBe(201);
    const group = await plan('responsibilityGroup');
    const interdisciplinary = await plan('interdisciplinary', [{ kind: 'external', name: 'Kari Nordmann', organisation: 'BUP' }]);

    const principal = clients.get('principal')!;
    expect((await principal.request('PUT', '/api/resource-team/members', { staffMemberIds: [counsellor] })).statusCode).toBe(200);
    const team = await principal.request('POST', '/api/resource-team/meetings', { startsAt: '2026-12-02T14:00:00+01:00', place: 'Rektors kontor' });
    expect(team.statusCode, team.body).toBe(201);

    return {
      collaborationMeetingId: meeting.id, groupMeetingId: group.id, interdisciplinaryId: interdisciplinary.id, teamMeetingId: team.json().id,
      ktParticipantId: ktParticipant, counsellorStaffMemberId: counsellor, guardianOfMinor: guardian!.guardian_person_id,
      decisionId: withDecision.json().decisions[0].id, actionId: withAction.json().actions[0].id, decisionMeasureId: measure.json().id,
      'ext:contactTeacher': externals[0]!, 'ext:counsellor': externals[1]!, 'ext:principal': externals[2]!,
    };
  },
  cases: {
    // the list is reached by the student's subject teacher (who may take part); each meeting is decided again
    'GET /api/students/:studentId/meetings': {
      target: 'minor', allowed: [...STAFF_WITH_CONTACT, 'subjectTeacher'], request: (i) => ({ url: `/api/students/${i.studentId}/meetings` }),
    },
    'POST /api/students/:studentId/meetings': {
      target: 'minor', allowed: STAFF_WITH_CONTACT,
      request: (i) => ({ url: `/api/students/${i.studentId}/meetings`, body: { kind: 'collaboration', startsAt: '2026-12-10T09:00:00+01:00' } }),
    },
    // R-62: an adult student's shared minutes reach the student and the guardian they gave consent, no one else
    'GET /api/students/:studentId/shared-minutes': {
      target: 'adult', allowed: ['student', 'guardian'], request: (i) => ({ url: `/api/students/${i.studentId}/shared-minutes` }),
    },
    'GET /api/resource-team': { target: 'minor', allowed: ALL_STAFF, request: () => ({ url: '/api/resource-team' }) },
    'PUT /api/resource-team/members': {
      target: 'minor', allowed: ['principal', 'schoolAdmin'], request: (i) => ({ url: '/api/resource-team/members', body: { staffMemberIds: [i.counsellorStaffMemberId] } }),
    },
    'POST /api/resource-team/meetings': {
      target: 'minor', allowed: ['departmentHead', 'departmentHeadOther', 'counsellor', 'principal'],
      request: () => ({ url: '/api/resource-team/meetings', body: { startsAt: '2027-01-06T14:00:00+01:00' } }),
    },
    // R-60: a subject teacher of the student who does not take part sees nothing of the meeting
    'GET /api/meetings/:meetingId': { target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/meetings/${i.collaborationMeetingId}` }) },
    'PATCH /api/meetings/:meetingId': { target: 'minor', allowed: WRITERS, request: (i) => ({ url: `/api/meetings/${i.collaborationMeetingId}`, body: { place: 'Møterom 2' } }) },
    'PUT /api/meetings/:meetingId/minutes': {
      target: 'minor', allowed: WRITERS, request: (i) => ({ url: `/api/meetings/${i.collaborationMeetingId}/minutes`, body: { text: 'Vi ble enige om ukentlige samtaler med kontaktlærer.' } }),
    },
    'POST /api/meetings/:meetingId/participants': {
      target: 'minor', allowed: WRITERS,
      request: (i) => ({ url: `/api/meetings/${i.collaborationMeetingId}/participants`, body: { kind: 'external', name: 'Ola Hansen', organisation: 'Barneverntjenesten' } }),
    },
    'DELETE /api/meetings/:meetingId/participants/:participantId': {
      target: 'minor', allowed: WRITERS,
      request: (i, who) => ({ url: `/api/meetings/${i.collaborationMeetingId}/participants/${i[`ext:${who}`] ?? i['ext:principal']}` }),
    },
    'PUT /api/meetings/:meetingId/participation-decision': {
      target: 'minor', allowed: WRITERS,
      request: (i) => ({ url: `/api/meetings/${i.groupMeetingId}/participation-decision`, body: { decidedByPersonId: i.guardianOfMinor, decidedOn: '2026-11-20' } }),
    },
    'PUT /api/meetings/:meetingId/consent': {
      target: 'minor', allowed: WRITERS,
      request: (i) => ({ url: `/api/meetings/${i.interdisciplinaryId}/consent`, body: { givenByPersonId: i.guardianOfMinor, givenOn: '2026-11-20', guardians: true } }),
    },
    'POST /api/meetings/:meetingId/agenda-items': {
      target: 'minor', allowed: WRITERS, request: (i) => ({ url: `/api/meetings/${i.collaborationMeetingId}/agenda-items`, body: { title: 'Trivsel i klassen' } }),
    },
    // the resource team's meeting: its members (the counsellor) and the principal; everyone else is told nothing
    'GET /api/meetings/:meetingId/student-search': {
      target: 'minor', allowed: ['counsellor', 'principal'], request: (i) => ({ url: `/api/meetings/${i.teamMeetingId}/student-search?q=ab` }),
    },
    'POST /api/meetings/:meetingId/decisions': {
      target: 'minor', allowed: WRITERS, request: (i) => ({ url: `/api/meetings/${i.collaborationMeetingId}/decisions`, body: { text: 'Kontaktlærer følger opp.' } }),
    },
    'PUT /api/meetings/:meetingId/decisions/:decisionId/measure': {
      target: 'minor', allowed: WRITERS, request: (i) => ({ url: `/api/meetings/${i.collaborationMeetingId}/decisions/${i.decisionId}/measure`, body: { measureId: i.decisionMeasureId } }),
    },
    'POST /api/meetings/:meetingId/actions': {
      target: 'minor', allowed: WRITERS,
      request: (i) => ({ url: `/api/meetings/${i.collaborationMeetingId}/actions`, body: { description: 'Ringe hjem.', responsibleParticipantId: i.ktParticipantId, dueOn: '2026-12-11' } }),
    },
    'PATCH /api/meetings/:meetingId/actions/:actionId': {
      target: 'minor', allowed: WRITERS, request: (i) => ({ url: `/api/meetings/${i.collaborationMeetingId}/actions/${i.actionId}`, body: { done: true } }),
    },
    'POST /api/meetings/:meetingId/shares': {
      target: 'minor', allowed: WRITERS, request: (i) => ({ url: `/api/meetings/${i.collaborationMeetingId}/shares`, body: { recipient: 'guardians' } }),
    },
  },
  own: {
    'GET /api/me/meetings': () => ({ url: '/api/me/meetings' }),
  },
};
