/** The start-of-year checklist: what the class has been told, checked off with the date and by whom. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { badField } from '../../../core/http/errors.js';
import { checkStartOfYearItem, startOfYearChecks, uncheckStartOfYearItem } from '../queries/startOfYear.js';
import { basisParams, checkBody, checklistSchema, itemParams } from '../schemas.js';
import { startOfYearItems } from '../tables.js';
import { MANAGE, READ, groupOf, tags, who } from './common.js';

export async function startOfYearRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  async function checklist(req: FastifyRequest) {
    const w = who(req);
    const rows = await startOfYearChecks(q, w.actor.ownerId, w.group.basisGroupId);
    return {
      access: accessOf(req), group: groupOf(req), canManage: w.canManage,
      items: startOfYearItems.map((item) => {
        const c = rows.find((x) => x.item === item);
        return { item, checkedOn: c?.checked_on ?? null, checkedBy: c?.checked_by ?? null };
      }),
    };
  }

  r.get('/api/basis-groups/:basisGroupId/start-of-year', {
    config: { access: READ },
    schema: { tags, summary: 'The start-of-year checklist: what the class has been told (organisation and roles, school rules, absence rules, complaints about teaching), when and by whom', params: basisParams, response: { 200: checklistSchema } },
  }, async (req) => checklist(req));

  r.put('/api/basis-groups/:basisGroupId/start-of-year/:item', {
    config: { access: MANAGE },
    schema: { tags, summary: 'Check off (or undo) one item of the start-of-year checklist, with the date it was done', params: itemParams, body: checkBody, response: { 200: checklistSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const on = req.body.checkedOn ?? req.today;
    if (on > req.today) throw badField('checkedOn', 'classLife.inFuture', { today: req.today });
    if (req.body.checked) {
      await checkStartOfYearItem(q, actor.ownerId, req.group!.basisGroupId, req.params.item, on, actor.personId);
    } else {
      await uncheckStartOfYearItem(q, actor.ownerId, req.group!.basisGroupId, req.params.item);
    }
    return checklist(req);
  });
}
