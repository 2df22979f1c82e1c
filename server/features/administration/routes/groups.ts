/**
 * Corrections of group membership: the year's basis and teaching groups, a group's members past and
 * present, adding a student from a date and ending a membership on a date. A membership is never
 * deleted, so the history (and everything recorded while the student was in the group) stays.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessOf } from '../../../core/http/access.js';
import { HttpError, badField, notFound } from '../../../core/http/errors.js';
import { auditChange } from '../audit.js';
import {
  currentSchoolYear, endEnrolment, enrolmentAt, findStudents, groupAt, groupsOfSchool, insertEnrolment, membersOf, overlapsFrom, schoolById,
  staffOfSchool, studentAt, type GroupRow,
} from '../queries.js';
import {
  addMemberBody, createdSchema, endMemberBody, enrolmentParams, groupParams, groupsSchema, membersSchema, okSchema, schoolParams,
  studentHitsSchema, studentSearchQuery, type Group,
} from '../schemas.js';

const tags = ['administration'];
const SEARCH_LIMIT = 20;

const groupOf = (g: GroupRow): Group => ({
  id: g.id, kind: g.kind, name: g.name, subjectName: g.subjectName, members: g.members, contactTeachers: g.contactTeachers,
});

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function groupRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  const groupOr404 = async (req: FastifyRequest, groupId: string) => {
    const { ownerId, schoolId } = req.administeredSchool!;
    const group = await groupAt(q, ownerId, schoolId, groupId, req.today);
    if (!group) throw notFound();
    return group;
  };

  r.get('/api/administration/schools/:schoolId/groups', {
    config: { access: { kind: 'administeredSchool', action: 'administration.readGroups' } },
    schema: {
      tags, summary: "The school's basis and teaching groups of the current school year, with today's member count, the basis groups' contact teachers and the school's staff",
      params: schoolParams, response: { 200: groupsSchema },
    },
  }, async (req) => {
    const { ownerId, schoolId } = req.administeredSchool!;
    const year = await currentSchoolYear(q, ownerId, req.today);
    const [school, groups, staff] = await Promise.all([
      schoolById(q, ownerId, schoolId),
      year ? groupsOfSchool(q, ownerId, schoolId, year.id, req.today) : Promise.resolve([]),
      staffOfSchool(q, ownerId, schoolId, year?.id ?? null),
    ]);
    return {
      access: accessOf(req), school: school!, schoolYear: year, groups: groups.map(groupOf),
      staff: staff.map((s) => ({ staffMemberId: s.staffMemberId, name: `${s.givenName} ${s.familyName}` })),
    };
  });

  r.get('/api/administration/schools/:schoolId/groups/:groupId/members', {
    config: { access: { kind: 'administeredSchool', action: 'administration.readGroups' } },
    schema: { tags, summary: "A group's memberships, past and present, with their start and end", params: groupParams, response: { 200: membersSchema } },
  }, async (req) => {
    const { ownerId, schoolId } = req.administeredSchool!;
    const group = await groupOr404(req, req.params.groupId);
    const [school, members] = await Promise.all([schoolById(q, ownerId, schoolId), membersOf(q, ownerId, group)]);
    const day = req.today;
    return {
      access: accessOf(req), school: school!, group: groupOf(group), today: day,
      members: members.map((m) => ({
        enrolmentId: m.enrolmentId, studentId: m.studentId, name: `${m.givenName} ${m.familyName}`, startsOn: m.startsOn, endsOn: m.endsOn,
        current: m.startsOn <= day && (m.endsOn === null || m.endsOn > day),
      })),
    };
  });

  r.get('/api/administration/schools/:schoolId/students', {
    config: { access: { kind: 'administeredSchool', action: 'administration.readGroups' } },
    schema: {
      tags, summary: 'Students of the school by name (at most 20), with their basis groups today: whom to add to a group',
      params: schoolParams, querystring: studentSearchQuery, response: { 200: studentHitsSchema },
    },
  }, async (req) => {
    const { ownerId, schoolId } = req.administeredSchool!;
    const hits = await findStudents(q, ownerId, schoolId, likePattern(req.query.q), req.today, SEARCH_LIMIT);
    return { students: hits.map((h) => ({ studentId: h.studentId, name: `${h.givenName} ${h.familyName}`, basisGroups: h.basisGroups })) };
  });

  r.post('/api/administration/schools/:schoolId/groups/:groupId/members', {
    config: { access: { kind: 'administeredSchool', action: 'administration.addMembership' } },
    schema: {
      tags, summary: 'Add a student to the group from a date, saying why (audited on the student: it shows in their access log)',
      params: groupParams, body: addMemberBody, response: { 201: createdSchema },
    },
  }, async (req, reply) => {
    const { ownerId, schoolId } = req.administeredSchool!;
    const group = await groupOr404(req, req.params.groupId);
    const { studentId, startsOn, reason } = req.body;
    const student = await studentAt(q, ownerId, schoolId, studentId);
    if (!student) throw badField('studentId', 'administration.unknownStudent');
    if (startsOn < group.yearStartsOn || startsOn > group.yearEndsOn) {
      throw badField('startsOn', 'administration.outsideSchoolYear', { from: group.yearStartsOn, to: group.yearEndsOn });
    }
    const id = randomUUID();
    await app.database.transaction(async (tx) => {
      if (await overlapsFrom(tx, ownerId, studentId, group, startsOn)) {
        throw new HttpError(409, 'administration.alreadyMember', { name: student.name, group: group.name });
      }
      await insertEnrolment(tx, ownerId, { id, studentId, group, startsOn });
      await auditChange(req, 'administration.addMembership', { resourceType: 'enrolment', resourceId: id, studentId, details: { group: group.name, startsOn } }, reason, tx);
    });
    return reply.code(201).send({ id });
  });

  r.post('/api/administration/schools/:schoolId/memberships/:enrolmentId/end', {
    config: { access: { kind: 'administeredSchool', action: 'administration.endMembership' } },
    schema: {
      tags, summary: 'End a current membership: endsOn is the first day out of the group. Nothing is deleted; audited on the student',
      params: enrolmentParams, body: endMemberBody, response: { 200: okSchema },
    },
  }, async (req) => {
    const { ownerId, schoolId } = req.administeredSchool!;
    const enrolment = await enrolmentAt(q, ownerId, schoolId, req.params.enrolmentId);
    if (!enrolment) throw notFound();
    const { endsOn, reason } = req.body;
    if (enrolment.endsOn !== null) throw new HttpError(409, 'administration.alreadyEnded');
    if (endsOn <= enrolment.startsOn) throw badField('endsOn', 'administration.endNotAfterStart', { date: enrolment.startsOn });
    await app.database.transaction(async (tx) => {
      if (!await endEnrolment(tx, ownerId, enrolment.id, endsOn)) throw new HttpError(409, 'administration.alreadyEnded');
      await auditChange(req, 'administration.endMembership', {
        resourceType: 'enrolment', resourceId: enrolment.id, studentId: enrolment.studentId, details: { group: enrolment.groupName, endsOn },
      }, reason, tx);
    });
    return { ok: true as const };
  });
}
