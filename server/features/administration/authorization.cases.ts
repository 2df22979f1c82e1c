/**
 * Administration's rows in the authorization matrix: the school admin is allowed, everyone else denied.
 * The changes are made on staff and a student no matrix actor is, so the other features' rows keep
 * their answers.
 */
import type { MatrixFeature } from '../../test/matrix.js';

const ADMIN = ['schoolAdmin'] as const;
const REASON = 'Rettelse i matrisetesten';

export const administrationMatrix: MatrixFeature = {
  async setup({ t }) {
    const owner = t.demo.ownerId;
    const h = t.demo.hardCases;
    // staff without a login: two of them, one gets a role and one becomes a contact teacher
    const staff = await t.database.query<{ id: string }>(
      `select sm.id from staff_member sm where sm.owner_id = $1 and not exists (select 1 from account a where a.owner_id = sm.owner_id and a.person_id = sm.person_id)
         and not exists (select 1 from contact_teacher_assignment c where c.owner_id = sm.owner_id and c.staff_member_id = sm.id)
       order by sm.id limit 3`, [owner]);
    const [roleHolder, assignee, unassignee] = staff.map((s) => s.id) as [string, string, string];
    const [role] = await t.database.query<{ id: string }>(
      `insert into staff_role (owner_id, id, staff_member_id, role) values ($1, gen_random_uuid(), $2, 'nurse') returning id`, [owner, roleHolder]);
    await t.database.query('insert into contact_teacher_assignment (owner_id, basis_group_id, staff_member_id) values ($1, $2, $3)', [owner, h.basisGroup1STAId, unassignee]);
    const [enrolment] = await t.database.query<{ id: string }>(
      `insert into enrolment (owner_id, id, student_id, teaching_group_id, starts_on) values ($1, gen_random_uuid(), $2, $3, '2026-08-19') returning id`,
      [owner, h.leftStudentId, h.teachingGroup1STAMATId]);
    return {
      adminSchoolId: t.demo.schoolId, adminRoleHolderId: roleHolder, adminRoleId: role!.id, adminAssigneeId: assignee, adminUnassigneeId: unassignee,
      adminEnrolmentId: enrolment!.id, adminBasisGroupId: h.basisGroup1STAId, adminStudentId: h.leftStudentId,
    };
  },
  cases: {
    'GET /api/administration/schools': { target: 'minor', allowed: [...ADMIN], request: () => ({ url: '/api/administration/schools' }) },
    'PUT /api/administration/schools/:schoolId': {
      target: 'minor', allowed: [...ADMIN],
      request: (i) => ({ url: `/api/administration/schools/${i.adminSchoolId}`, body: { name: 'Fjellvik videregående skole', reason: REASON } }),
    },
    'GET /api/administration/schools/:schoolId/staff': { target: 'minor', allowed: [...ADMIN], request: (i) => ({ url: `/api/administration/schools/${i.adminSchoolId}/staff` }) },
    'POST /api/administration/schools/:schoolId/staff/:staffMemberId/roles': {
      target: 'minor', allowed: [...ADMIN],
      request: (i) => ({ url: `/api/administration/schools/${i.adminSchoolId}/staff/${i.adminRoleHolderId}/roles`, body: { role: 'counsellor', reason: REASON } }),
    },
    'POST /api/administration/schools/:schoolId/staff/:staffMemberId/roles/:roleId/remove': {
      target: 'minor', allowed: [...ADMIN],
      request: (i) => ({ url: `/api/administration/schools/${i.adminSchoolId}/staff/${i.adminRoleHolderId}/roles/${i.adminRoleId}/remove`, body: { reason: REASON } }),
    },
    'GET /api/administration/schools/:schoolId/groups': { target: 'minor', allowed: [...ADMIN], request: (i) => ({ url: `/api/administration/schools/${i.adminSchoolId}/groups` }) },
    'GET /api/administration/schools/:schoolId/groups/:groupId/members': {
      target: 'minor', allowed: [...ADMIN], request: (i) => ({ url: `/api/administration/schools/${i.adminSchoolId}/groups/${i.basisGroupId}/members` }),
    },
    'GET /api/administration/schools/:schoolId/students': {
      target: 'minor', allowed: [...ADMIN], request: (i) => ({ url: `/api/administration/schools/${i.adminSchoolId}/students?q=an` }),
    },
    'POST /api/administration/schools/:schoolId/groups/:groupId/members': {
      target: 'minor', allowed: [...ADMIN],
      request: (i) => ({
        url: `/api/administration/schools/${i.adminSchoolId}/groups/${i.adminBasisGroupId}/members`,
        body: { studentId: i.adminStudentId, startsOn: '2027-01-04', reason: REASON },
      }),
    },
    'POST /api/administration/schools/:schoolId/memberships/:enrolmentId/end': {
      target: 'minor', allowed: [...ADMIN],
      request: (i) => ({ url: `/api/administration/schools/${i.adminSchoolId}/memberships/${i.adminEnrolmentId}/end`, body: { endsOn: '2026-09-01', reason: REASON } }),
    },
    'POST /api/administration/schools/:schoolId/groups/:groupId/contact-teachers': {
      target: 'minor', allowed: [...ADMIN],
      request: (i) => ({
        url: `/api/administration/schools/${i.adminSchoolId}/groups/${i.adminBasisGroupId}/contact-teachers`, body: { staffMemberId: i.adminAssigneeId, reason: REASON },
      }),
    },
    'POST /api/administration/schools/:schoolId/groups/:groupId/contact-teachers/:staffMemberId/remove': {
      target: 'minor', allowed: [...ADMIN],
      request: (i) => ({
        url: `/api/administration/schools/${i.adminSchoolId}/groups/${i.adminBasisGroupId}/contact-teachers/${i.adminUnassigneeId}/remove`, body: { reason: REASON },
      }),
    },
  },
};
