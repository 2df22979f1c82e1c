/**
 * A subject's part of a student's IOP. No route names it in its path alone (the student's routes decide
 * each part with it); it is a kind so that the generated access rules show who reads and writes a part.
 */
import type { ResourceKind } from '../../core/http/access.js';
import { planPartExamples } from './policy.js';

export const planPartResource: ResourceKind<'individualPlanPart'> = {
  type: 'individualPlanPart',
  load: async () => null,
  examples: planPartExamples,
};
