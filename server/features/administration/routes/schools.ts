/** The schools an admin administers, and a school's name. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { notFound } from '../../../core/http/errors.js';
import { auditChange } from '../audit.js';
import { renameSchool, schoolById, schoolsByIds } from '../queries.js';
import { okSchema, renameBody, schoolParams, schoolsSchema } from '../schemas.js';

const tags = ['administration'];

export async function schoolRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/administration/schools', {
    config: { access: { kind: 'administeredSchools', action: 'administration.listSchools' } },
    schema: { tags, summary: 'The schools the caller is school admin of (name and stage)', response: { 200: schoolsSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const ids = actor.staff.filter((s) => s.roles.some((x) => x.role === 'schoolAdmin')).map((s) => s.schoolId);
    return { access: accessOf(req), schools: await schoolsByIds(q, actor.ownerId, ids) };
  });

  r.put('/api/administration/schools/:schoolId', {
    config: { access: { kind: 'administeredSchool', action: 'administration.renameSchool' } },
    schema: { tags, summary: "Change the school's name, saying why (audited)", params: schoolParams, body: renameBody, response: { 200: okSchema } },
  }, async (req) => {
    const school = req.administeredSchool!;
    const before = await schoolById(q, school.ownerId, school.schoolId);
    if (!before) throw notFound();
    await app.database.transaction(async (tx) => {
      await renameSchool(tx, school.ownerId, school.schoolId, req.body.name);
      await auditChange(req, 'administration.renameSchool', { resourceType: 'school', resourceId: school.schoolId }, req.body.reason, tx);
    });
    return { ok: true as const };
  });
}
