/** The assessment plan: tests and events per group, class and school, the conflict rules, ICS feeds. */
import type { Feature } from '../../core/feature.js';
import { assessmentPlanPublished } from './evidence.js';
import { assessmentPlanMessages } from './messages.js';
import { assessmentPlanPolicy } from './policy.js';
import { assessmentPlanRoutes } from './routes.js';
import * as tables from './tables.js';

export const assessmentPlan: Feature = {
  name: 'assessmentPlan',
  policy: assessmentPlanPolicy,
  tables,
  messages: assessmentPlanMessages,
  routes: assessmentPlanRoutes,
  evidence: [assessmentPlanPublished],
  matrix: () => import('./authorization.cases.js').then((m) => m.assessmentPlanMatrix),
};

/** what the class hour's agenda builds on: the class's tests and events ahead */
export { assessmentsForBasisGroup } from './service.js';
