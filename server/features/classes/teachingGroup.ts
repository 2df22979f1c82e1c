/** A teaching group's students, for its subject teachers: the way from "my groups" to a student's page. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { can } from '../../core/policy/can.js';
import { loadGroupStudents } from '../../core/policy/facts.js';
import { teachingGroupStudentRows } from './queries.js';
import { teachingGroupParams, teachingGroupStudentsSchema } from './schemas.js';

export async function teachingGroupRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/teaching-groups/:teachingGroupId/students', {
    config: { access: { kind: 'teachingGroup', action: 'teachingGroup.readStudents' } },
    schema: { tags: ['classes'], summary: 'The students of a teaching group', params: teachingGroupParams, response: { 200: teachingGroupStudentsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const group = req.teachingGroup!;
    const facts = (await loadGroupStudents(app.database, actor.ownerId, { kind: 'teaching', id: group.teachingGroupId }, req.today)).map((x) => x.facts);
    const decided = facts.flatMap((s) => {
      const d = can(actor, 'student.read', { type: 'student', student: s }, req.today);
      return d.allow ? [{ s, d, sensitive: can(actor, 'student.readSensitive', { type: 'student', student: s }, req.today).allow }] : [];
    });
    const rows = decided.length === 0 ? [] : await teachingGroupStudentRows(app.database.query, actor.ownerId, decided.map((x) => x.s.studentId), req.today);
    const byId = new Map(decided.map((x) => [x.s.studentId, x]));
    // the badge says the student has an adapted arrangement; shown (and audited) only to those who may read it
    const arrangementShown = new Map(decided.map(({ s }) => [s.studentId, can(actor, 'adaptedArrangement.read', { type: 'student', student: s }, req.today)]));
    const flagged = rows.filter((r) => r.adapted_arrangement && arrangementShown.get(r.id)?.allow);
    await writeAudit(app.database, [
      ...decided.map(({ s, d }) =>
        studentEntry(actor, 'teachingGroup.readStudents', s.studentId, d.reason, { resourceType: 'teachingGroup', resourceId: group.teachingGroupId })),
      ...flagged.map((r) => studentEntry(actor, 'adaptedArrangement.read', r.id, arrangementShown.get(r.id)!.reason, { resourceType: 'teachingGroup', resourceId: group.teachingGroupId })),
    ]);
    return {
      group: { id: group.teachingGroupId, name: group.name, subjectCode: group.subjectCode, subjectName: group.subjectName, schoolName: group.schoolName },
      access: accessOf(req),
      students: rows.map((r) => {
        const x = byId.get(r.id)!;
        return {
          studentId: r.id, givenName: r.given_name, familyName: r.family_name,
          basisGroupName: x.s.basisGroups[0]?.name ?? null,
          accommodationNeed: x.sensitive ? r.accommodation_need : null,
          adaptedArrangement: arrangementShown.get(r.id)?.allow ? r.adapted_arrangement : null,
        };
      }),
    };
  });
}
