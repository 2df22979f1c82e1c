/** The annual cycle (R-30…R-33): routines make tasks that the data proves done; compliance for the leaders; the weekly digest. */
import type { Feature } from '../../core/feature.js';
import { complianceJobs } from './compliance.js';
import { digestJobs } from './digest.js';
import { handTicked } from './evidence.js';
import { annualCycleMessages } from './messages.js';
import { annualCyclePolicy } from './policy.js';
import { annualCycleRoutes } from './routes.js';
import * as tables from './tables.js';

// the roster import's year turn makes a new school year's cycle (a copy of the last) as the year first appears
export { ensureCycle } from './service.js';

export const annualCycle: Feature = {
  name: 'annualCycle',
  policy: annualCyclePolicy,
  tables,
  messages: annualCycleMessages,
  routes: annualCycleRoutes,
  evidence: [handTicked],
  jobs: { ...digestJobs, ...complianceJobs },
  matrix: () => import('./authorization.cases.js').then((m) => m.annualCycleMatrix),
};
