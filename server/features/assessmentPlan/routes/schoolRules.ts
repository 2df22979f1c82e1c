/** The school's conflict rules: every staff member reads them as words; the leaders set them. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessOf, requireActor } from '../../../core/http/access.js';
import { HttpError, type FieldError } from '../../../core/http/errors.js';
import { can } from '../../../core/policy/can.js';
import { MAXIMUM_MAX, MAXIMUM_MIN, rulesBody, rulesSchema } from '../schemas.js';
import { rulesOf, saveRules } from '../service.js';
import { ruleText, tags } from './views.js';

export async function schoolRulesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const q = app.database.query;

  r.get('/api/assessment-plan/rules', {
    config: { access: { kind: 'school', action: 'assessmentPlan.readRules' } },
    schema: { tags, summary: "The school's conflict rules (Elevlos's defaults where the school has not set its own)", response: { 200: rulesSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const schoolId = actor.staff[0]!.schoolId;
    const rules = await rulesOf(q, actor.ownerId, schoolId);
    return {
      access: accessOf(req),
      rules: rules.map((x) => ({ ...x, description: ruleText(req.locale, x) })),
      canManage: can(actor, 'assessmentPlanRule.manage', { type: 'school', ownerId: actor.ownerId, schoolId, schoolName: actor.staff[0]!.schoolName }, req.today).allow,
    };
  });

  r.put('/api/assessment-plan/rules', {
    config: { access: { kind: 'school', action: 'assessmentPlanRule.manage' } },
    schema: { tags, summary: "Set the school's conflict rules: on/off, the maximum, and whether a rule only warns", body: rulesBody, response: { 200: rulesSchema } },
  }, async (req) => {
    const actor = requireActor(req);
    const schoolId = actor.staff[0]!.schoolId;
    const seen = new Set<string>();
    const fields: FieldError[] = [];
    req.body.rules.forEach((x, i) => {
      if (seen.has(x.rule)) fields.push({ field: `rules.${i}.rule`, key: 'error.badRequest' });
      seen.add(x.rule);
      const m = x.maximum;
      if (x.rule !== 'noTestAfterExcursion' && (m === null || !Number.isInteger(m) || m < MAXIMUM_MIN || m > MAXIMUM_MAX)) {
        fields.push({ field: `rules.${i}.maximum`, key: 'assessmentPlan.maximumRange', params: { min: MAXIMUM_MIN, max: MAXIMUM_MAX } });
      }
    });
    if (fields.length > 0) throw new HttpError(400, 'error.badRequest', {}, fields);
    await saveRules(q, actor.ownerId, schoolId, actor.personId, req.body.rules);
    const rules = await rulesOf(q, actor.ownerId, schoolId);
    return { access: accessOf(req), rules: rules.map((x) => ({ ...x, description: ruleText(req.locale, x) })), canManage: true };
  });
}
