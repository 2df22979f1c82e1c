/**
 * The school's staff and their roles. The contact and subject teachers come from the year's assignments;
 * the roles (staff_role) are added and removed here, each with the admin's reason. A school never loses
 * its last admin: an admin cannot remove their own last school-admin role.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { endSessionsOfPerson } from '../../../core/auth/session.js';
import type { StaffRole } from '../../../core/db/tables.js';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { HttpError, badField, notFound } from '../../../core/http/errors.js';
import type { QueryFn } from '../../../core/db/client.js';
import type { Actor } from '../../../core/policy/types.js';
import { auditChange } from '../audit.js';
import {
  currentSchoolYear, deleteRole, departmentsOfSchool, hasRole, insertRole, lockAdminRoles, roleOf, schoolById, staffMemberAt, staffOfSchool,
  type StaffMemberRow,
} from '../queries.js';
import { addRoleBody, okSchema, reasonBody, roleParams, roleResultSchema, schoolParams, staffListSchema, staffParams } from '../schemas.js';

const tags = ['administration'];

/** A department head leads a department of the school; no other role has one. */
async function departmentFor(q: QueryFn, ownerId: string, schoolId: string, role: StaffRole, departmentId: string | null) {
  if (role !== 'departmentHead') {
    if (departmentId) throw badField('departmentId', 'administration.departmentNotForRole');
    return null;
  }
  if (!departmentId) throw badField('departmentId', 'administration.departmentRequired');
  const department = (await departmentsOfSchool(q, ownerId, schoolId)).find((d) => d.id === departmentId);
  if (!department) throw badField('departmentId', 'administration.unknownDepartment');
  return department;
}

/** Refuses to leave the school without an admin, or the admin without their own last admin role. */
async function keepAnAdmin(q: QueryFn, actor: Actor, schoolId: string, staff: StaffMemberRow, roleId: string): Promise<void> {
  const others = (await lockAdminRoles(q, actor.ownerId, schoolId)).filter((a) => a.id !== roleId);
  if (staff.personId === actor.personId && !others.some((a) => a.staffMemberId === staff.id)) throw new HttpError(409, 'administration.ownLastAdmin');
  if (others.length === 0) throw new HttpError(409, 'administration.schoolLastAdmin');
}

export async function staffRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  const staffOr404 = async (ownerId: string, schoolId: string, staffMemberId: string) => {
    const staff = await staffMemberAt(q, ownerId, schoolId, staffMemberId);
    if (!staff) throw notFound();
    return staff;
  };

  r.get('/api/administration/schools/:schoolId/staff', {
    config: { access: { kind: 'administeredSchool', action: 'administration.readStaff' } },
    schema: { tags, summary: "The school's staff with their roles, and the groups they teach this school year", params: schoolParams, response: { 200: staffListSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const { ownerId, schoolId } = req.administeredSchool!;
    const year = await currentSchoolYear(q, ownerId, req.today);
    const [school, staff, departments] = await Promise.all([
      schoolById(q, ownerId, schoolId), staffOfSchool(q, ownerId, schoolId, year?.id ?? null), departmentsOfSchool(q, ownerId, schoolId),
    ]);
    return {
      access: accessOf(req), school: school!, schoolYear: year, departments,
      staff: staff.map((s) => ({
        staffMemberId: s.staffMemberId, personId: s.personId, name: `${s.givenName} ${s.familyName}`, title: s.title, roles: s.roles,
        contactTeacherOf: s.contactTeacherOf, subjectTeacherOf: s.subjectTeacherOf, isMe: s.personId === actor.personId,
      })),
    };
  });

  r.post('/api/administration/schools/:schoolId/staff/:staffMemberId/roles', {
    config: { access: { kind: 'administeredSchool', action: 'administration.addRole' } },
    schema: {
      tags, summary: 'Give a staff member a role (a department head with the department), saying why; it takes effect at once',
      params: staffParams, body: addRoleBody, response: { 201: roleResultSchema },
    },
  }, async (req, reply) => {
    const { ownerId, schoolId } = req.administeredSchool!;
    const staff = await staffOr404(ownerId, schoolId, req.params.staffMemberId);
    const { role, reason } = req.body;
    const department = await departmentFor(q, ownerId, schoolId, role, req.body.departmentId);
    if (await hasRole(q, ownerId, staff.id, role, department?.id ?? null)) throw new HttpError(409, 'administration.roleExists');
    const id = randomUUID();
    await app.database.transaction(async (tx) => {
      await insertRole(tx, ownerId, { id, staffMemberId: staff.id, role, departmentId: department?.id ?? null });
      await auditChange(req, 'administration.addRole', { resourceType: 'staffMember', resourceId: staff.id, details: { role } }, reason, tx);
    });
    return reply.code(201).send({ id, role, departmentId: department?.id ?? null, departmentName: department?.name ?? null });
  });

  r.post('/api/administration/schools/:schoolId/staff/:staffMemberId/roles/:roleId/remove', {
    config: { access: { kind: 'administeredSchool', action: 'administration.removeRole' } },
    schema: {
      tags, summary: "Take a role from a staff member, saying why (409 for an admin's own last school-admin role)",
      params: roleParams, body: reasonBody, response: { 200: okSchema },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const { ownerId, schoolId } = req.administeredSchool!;
    const staff = await staffOr404(ownerId, schoolId, req.params.staffMemberId);
    await app.database.transaction(async (tx) => {
      const role = await roleOf(tx, ownerId, staff.id, req.params.roleId);
      if (!role) throw notFound();
      if (role.role === 'schoolAdmin') await keepAnAdmin(tx, actor, schoolId, staff, role.id);
      await deleteRole(tx, ownerId, role.id);
      // a role taken away is gone from their open pages too: they log in again and get what they still have
      const endedSessions = await endSessionsOfPerson(tx, ownerId, staff.personId, req.session?.id ?? null);
      await auditChange(req, 'administration.removeRole', {
        resourceType: 'staffMember', resourceId: staff.id, details: { role: role.role, endedSessions: String(endedSessions) },
      }, req.body.reason, tx);
    });
    return { ok: true as const };
  });
}
