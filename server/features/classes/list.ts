/** The basis groups a person may open: their own as contact teacher, and for leaders those the policy lets them see. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../core/http/access.js';
import { can } from '../../core/policy/can.js';
import { describeReason } from '../../core/policy/reasons.js';
import { basisGroupsOfSchools } from './queries.js';
import { classListSchema } from './schemas.js';

export async function classListRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get('/api/basis-groups', {
    config: { access: { kind: 'session' } },
    schema: { tags: ['classes'], summary: 'The classes the caller may open, each with the relationship that allows it', response: { 200: classListSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const schoolIds = actor.staff.map((s) => s.schoolId);
    if (schoolIds.length === 0) return { groups: [] };
    const rows = await basisGroupsOfSchools(app.database.query, actor.ownerId, schoolIds, req.today);
    const groups = [];
    for (const r of rows) {
      const d = can(actor, 'basisGroup.readOverview', {
        type: 'basisGroup',
        group: { ownerId: actor.ownerId, basisGroupId: r.id, name: r.name, level: r.level, schoolId: r.school_id, schoolName: r.school_name, departmentId: r.department_id, departmentName: r.department_name },
      }, req.today);
      if (d.allow) {
        groups.push({
          id: r.id, name: r.name, level: r.level, schoolName: r.school_name, departmentName: r.department_name,
          studentCount: r.student_count, reason: describeReason(d.reason, req.locale),
        });
      }
    }
    return { groups };
  });
}
