/**
 * The individual education plan (IOP, R-51, R-75, L-40) with its yearly written review (planReport), and
 * the adapted arrangement: individually adapted education, law chapter 11.
 */
import type { Feature } from '../../core/feature.js';
import { individualPlanMessages } from './messages.js';
import { individualPlanPolicy } from './policy.js';
import { planPartResource } from './resource.js';
import { individualPlanRoutes } from './routes.js';
import * as tables from './tables.js';

export const individualPlan: Feature = {
  name: 'individualPlan',
  policy: individualPlanPolicy,
  resources: [planPartResource],
  tables,
  messages: individualPlanMessages,
  routes: individualPlanRoutes,
  matrix: () => import('./authorization.cases.js').then((m) => m.individualPlanMatrix),
};
