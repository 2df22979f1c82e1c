/**
 * One measure. No route names it in its path alone (the student's routes decide each measure with it);
 * it is a kind so that the generated access rules show who reads and evaluates a measure.
 */
import type { ResourceKind } from '../../core/http/access.js';
import { measureExamples } from './policy.js';

export const measureResource: ResourceKind<'measure'> = {
  type: 'measure',
  load: async () => null,
  examples: measureExamples,
};
