/** Whether a person gets the weekly e-mail of their overdue tasks (R-30…R-33): on unless turned off. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../core/http/access.js';
import { digestPreference, saveDigestPreference } from '../queries/digest.js';
import { digestBody, digestSchema } from '../schemas.js';
import { tags } from './common.js';

export async function digestPreferenceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/annual-cycle/digest-preference', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'Whether I get the weekly e-mail of my overdue tasks (on unless turned off)', response: { 200: digestSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    return { weeklyDigest: await digestPreference(q, actor.ownerId, actor.personId) ?? true };
  });

  r.put('/api/annual-cycle/digest-preference', {
    config: { access: { kind: 'session' } },
    schema: { tags, summary: 'Turn the weekly e-mail of my overdue tasks on or off', body: digestBody, response: { 200: digestSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    await saveDigestPreference(q, actor.ownerId, actor.personId, req.body.weeklyDigest);
    return { weeklyDigest: req.body.weeklyDigest };
  });
}
