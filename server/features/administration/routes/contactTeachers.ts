/**
 * A basis group's contact teachers. The policy reads the assignments on every request, so a new contact
 * teacher reads the class at once and one who is unassigned no longer does.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { endSessionsOfPerson } from '../../../core/auth/session.js';
import { HttpError, badField, notFound } from '../../../core/http/errors.js';
import { auditChange } from '../audit.js';
import { assignContactTeacher, basisGroupAt, staffMemberAt, unassignContactTeacher } from '../queries.js';
import { assignBody, contactTeacherParams, groupParams, okSchema, reasonBody } from '../schemas.js';

const tags = ['administration'];

export async function contactTeacherRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  const basisGroupOr404 = async (req: FastifyRequest, groupId: string) => {
    const { ownerId, schoolId } = req.administeredSchool!;
    const group = await basisGroupAt(q, ownerId, schoolId, groupId);
    if (!group) throw notFound();
    return group;
  };

  r.post('/api/administration/schools/:schoolId/groups/:groupId/contact-teachers', {
    config: { access: { kind: 'administeredSchool', action: 'administration.assignContactTeacher' } },
    schema: {
      tags, summary: "Make a staff member of the school a contact teacher of the basis group, saying why; they read the class at once",
      params: groupParams, body: assignBody, response: { 201: okSchema },
    },
  }, async (req, reply) => {
    const { ownerId, schoolId } = req.administeredSchool!;
    const group = await basisGroupOr404(req, req.params.groupId);
    const staff = await staffMemberAt(q, ownerId, schoolId, req.body.staffMemberId);
    if (!staff) throw badField('staffMemberId', 'administration.unknownStaff');
    await app.database.transaction(async (tx) => {
      if (!await assignContactTeacher(tx, ownerId, group.id, staff.id)) {
        throw new HttpError(409, 'administration.alreadyContactTeacher', { name: staff.name, group: group.name });
      }
      await auditChange(req, 'administration.assignContactTeacher', {
        resourceType: 'basisGroup', resourceId: group.id, details: { staffMemberId: staff.id },
      }, req.body.reason, tx);
    });
    return reply.code(201).send({ ok: true as const });
  });

  r.post('/api/administration/schools/:schoolId/groups/:groupId/contact-teachers/:staffMemberId/remove', {
    config: { access: { kind: 'administeredSchool', action: 'administration.unassignContactTeacher' } },
    schema: {
      tags, summary: 'End a staff member as contact teacher of the basis group, saying why; their access through the class ends at once',
      params: contactTeacherParams, body: reasonBody, response: { 200: okSchema },
    },
  }, async (req) => {
    const { ownerId, schoolId } = req.administeredSchool!;
    const group = await basisGroupOr404(req, req.params.groupId);
    const staff = await staffMemberAt(q, ownerId, schoolId, req.params.staffMemberId);
    if (!staff) throw notFound();
    await app.database.transaction(async (tx) => {
      if (!await unassignContactTeacher(tx, ownerId, group.id, staff.id)) {
        throw new HttpError(409, 'administration.notContactTeacher', { name: staff.name, group: group.name });
      }
      const endedSessions = await endSessionsOfPerson(tx, ownerId, staff.personId, req.session?.id ?? null);
      await auditChange(req, 'administration.unassignContactTeacher', {
        resourceType: 'basisGroup', resourceId: group.id, details: { staffMemberId: staff.id, endedSessions: String(endedSessions) },
      }, req.body.reason, tx);
    });
    return { ok: true as const };
  });
}
