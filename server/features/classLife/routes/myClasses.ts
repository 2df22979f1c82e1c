/** A student's way into class life: their own current classes. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../core/http/access.js';
import { ownClassesAsStudent } from '../queries/members.js';
import { myClassesSchema } from '../schemas.js';
import { tags } from './common.js';

export async function myClassesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/me/classes', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: "The caller's own current classes as a student (their way to the class's agenda, rules, election and rota)", response: { 200: myClassesSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const rows = await ownClassesAsStudent(q, actor.ownerId, actor.studentIds, req.today);
    return { classes: rows };
  });
}
