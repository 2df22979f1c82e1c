/**
 * This feature's rows in the authorization matrix (server/test/authorization-matrix.test.ts), R-31/R-32.
 * Screening is tried on the Vg1 class 1STA (the matrix's subject teacher teaches its maths group; the
 * matrix's contact teacher has no student there), with the other department's head named by the school
 * as a receiver of the screening list. The class-team meeting is tried on 2STA.
 */
import { expect } from 'vitest';
import type { MatrixFeature } from '../../test/matrix.js';

export const screeningMatrix: MatrixFeature = {
  async setup({ t, clients }) {
    const h = t.demo.hardCases;
    const [dep] = await t.database.query<{ department_id: string }>(
      `select r.department_id from account a join staff_member sm on sm.owner_id = a.owner_id and sm.person_id = a.person_id
       join staff_role r on r.owner_id = sm.owner_id and r.staff_member_id = sm.id and r.role = 'departmentHead' where a.username = 'dh.other'`);
    const [st] = await t.database.query<{ id: string; given_name: string; family_name: string }>(
      `select s.id, p.given_name, p.family_name from enrolment b join enrolment m on m.student_id = b.student_id and m.teaching_group_id = $2 and m.ends_on is null
       join student s on s.id = b.student_id join person p on p.owner_id = s.owner_id and p.id = s.person_id
       where b.basis_group_id = $1 and b.ends_on is null order by p.family_name, p.given_name limit 1`, [h.basisGroup1STAId, h.teachingGroup1STAMATId]);
    const settings = {
      tests: [
        { test: 'norwegian', concernThreshold: 20, maxScore: 40, noticeDepartmentId: null },
        { test: 'english', concernThreshold: 20, maxScore: 40, noticeDepartmentId: null },
        { test: 'maths', concernThreshold: 20, maxScore: 40, noticeDepartmentId: dep!.department_id },
      ],
      meetingWeeks: [39, 40, 42],
    };
    const res = await clients.get('principal')!.request('PUT', '/api/school/screening-settings', settings);
    expect(res.statusCode, res.body).toBe(200);
    // a result below the threshold, so the receiving department head has someone on the list
    const saved = await clients.get('subjectTeacher')!.request('PUT', `/api/basis-groups/${h.basisGroup1STAId}/screening/${st!.id}`, { maths: 12 });
    expect(saved.statusCode, saved.body).toBe(200);
    return {
      vg1BasisGroupId: h.basisGroup1STAId, vg1StudentId: st!.id, vg1StudentName: `${st!.family_name}, ${st!.given_name}`,
      screeningSettings: JSON.stringify(settings),
    };
  },
  cases: {
    // the class's team (the matrix's other contact teacher teaches 1STA too) and leaders, and the head of a
    // department the school sends the list to (below the threshold only)
    'GET /api/basis-groups/:basisGroupId/screening': {
      target: 'minor', allowed: ['contactTeacherOther', 'subjectTeacher', 'departmentHead', 'departmentHeadOther', 'counsellor', 'principal'],
      request: (i) => ({ url: `/api/basis-groups/${i.vg1BasisGroupId}/screening` }),
    },
    // only who gives a test (here the maths teacher) or the class's contact teacher enters it; leaders and
    // the class's teachers of other subjects read
    'PUT /api/basis-groups/:basisGroupId/screening/:studentId': {
      target: 'minor', allowed: ['subjectTeacher'],
      request: (i) => ({ url: `/api/basis-groups/${i.vg1BasisGroupId}/screening/${i.vg1StudentId}`, body: { maths: 14 } }),
    },
    'POST /api/basis-groups/:basisGroupId/screening/import': {
      target: 'minor', allowed: ['subjectTeacher'],
      request: (i) => ({ url: `/api/basis-groups/${i.vg1BasisGroupId}/screening/import`, body: { csv: `navn;klasse;prøve;poeng\n"${i.vg1StudentName}";1STA;matematikk;13\n` } }),
    },
    'GET /api/school/screening-settings': {
      target: 'minor', allowed: ['contactTeacher', 'contactTeacherOther', 'subjectTeacher', 'subjectTeacherOther', 'departmentHead', 'departmentHeadOther', 'counsellor', 'principal', 'schoolAdmin'],
      request: () => ({ url: '/api/school/screening-settings' }),
    },
    'PUT /api/school/screening-settings': {
      target: 'minor', allowed: ['principal', 'schoolAdmin'],
      request: (i) => ({ url: '/api/school/screening-settings', body: JSON.parse(i.screeningSettings!) as unknown }),
    },
    // the class's team (its contact teacher and the teachers of its students), its department head, counsellor, principal
    'GET /api/basis-groups/:basisGroupId/class-team-meeting': {
      target: 'minor', allowed: ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor', 'principal'],
      request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/class-team-meeting` }),
    },
    'PUT /api/basis-groups/:basisGroupId/class-team-meeting': {
      target: 'minor', allowed: ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor'],
      request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/class-team-meeting`, body: { week: 40, heldOn: null, learningEnvironment: 'Godt arbeidsmiljø i klassen.' } }),
    },
    'PUT /api/basis-groups/:basisGroupId/class-team-meeting/students/:studentId': {
      target: 'minor', allowed: ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor'],
      request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/class-team-meeting/students/${i.studentId}`, body: { academic: true, social: false, mental: false, physical: false, followUpByStaffMemberId: null, proposedMeasures: 'Leksehjelp to ganger i uka.' } }),
    },
    // Vg2/Vg3 general studies: the teachers of the class's students (the contact teacher of 2STA also teaches its Norwegian group)
    'POST /api/basis-groups/:basisGroupId/class-team-meeting/notes': {
      target: 'minor', allowed: ['contactTeacher', 'subjectTeacher'],
      request: (i) => ({ url: `/api/basis-groups/${i.basisGroupId}/class-team-meeting/notes`, body: { studentId: i.studentId, text: 'Mange innleveringer mangler i matematikk.' } }),
    },
  },
};
