/** This feature's rows in the authorization matrix (server/test/authorization-matrix.test.ts). */
import { expect } from 'vitest';
import type { MatrixFeature, Who } from '../../test/matrix.js';

const STAFF: Who[] = ['contactTeacher', 'contactTeacherOther', 'subjectTeacher', 'subjectTeacherOther', 'departmentHead', 'departmentHeadOther', 'counsellor', 'principal'];
/** an involved student's contact teacher and the leaders; never the student or guardians (internal) */
const READERS: Who[] = ['contactTeacher', 'departmentHead', 'counsellor', 'principal'];

export const conflictMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const h = t.demo.hardCases;
    // the other student: another class of elev's department, whose contact teacher is not "contactTeacherOther"
    const [other] = await t.database.query<{ id: string }>(
      `select s.id from student s join enrolment e on e.owner_id = s.owner_id and e.student_id = s.id and e.basis_group_id is not null and e.ends_on is null
       join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
       where bg.id <> $1 and s.status = 'active' and s.department_id = (select department_id from student where id = $2)
         and bg.id not in (select c.basis_group_id from contact_teacher_assignment c join staff_member sm on sm.owner_id = c.owner_id and sm.id = c.staff_member_id
           join account a on a.owner_id = sm.owner_id and a.person_id = sm.person_id where a.username in ('ct.other', 'kontaktlarer'))
       order by bg.name, s.id limit 1`, [h.basisGroup2STAId, h.elevStudentId]);
    const res = await clients.get('contactTeacher')!.request('POST', '/api/conflicts', {
      occurredOn: '2026-11-20', description: 'Krangel i storefri som endte med dytting.',
      students: [{ studentId: h.elevStudentId }, { studentId: other!.id }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return { conflictId: res.json().id as string, conflictOtherStudentId: other!.id };
  },
  cases: {
    'GET /api/conflicts': { target: 'minor', allowed: STAFF, request: () => ({ url: '/api/conflicts' }) },
    'GET /api/conflicts/students': { target: 'minor', allowed: STAFF, request: () => ({ url: '/api/conflicts/students?q=an' }) },
    'POST /api/conflicts': {
      target: 'minor', allowed: READERS,
      request: (i) => ({ url: '/api/conflicts', body: { occurredOn: '2026-11-23', description: 'Uenighet i gruppearbeid.', students: [{ studentId: i.studentId }, { studentId: i.conflictOtherStudentId }] } }),
    },
    'GET /api/conflicts/:conflictId': { target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/conflicts/${i.conflictId}` }) },
    'POST /api/conflicts/:conflictId/steps': {
      target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/conflicts/${i.conflictId}/steps`, body: { takenOn: '2026-11-23', description: 'Samtale med begge elevene.' } }),
    },
    'PUT /api/conflicts/:conflictId/status': {
      target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/conflicts/${i.conflictId}/status`, body: { status: 'resolved', resolvedOn: '2026-11-24' } }),
    },
    'PUT /api/conflicts/:conflictId/students/:studentId/note': {
      target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/conflicts/${i.conflictId}/students/${i.studentId}/note`, body: { note: 'Eleven tok selv kontakt etterpå.' } }),
    },
    'GET /api/students/:studentId/conflicts': { target: 'minor', allowed: READERS, request: (i) => ({ url: `/api/students/${i.studentId}/conflicts` }) },
  },
};
