/** Warnings (R-22, R-73; L-20, L-21): raised, coordinated into one letter per recipient, sent, decided and appealed. */
import type { Feature } from '../../core/feature.js';
import { warningMailJobs } from './mail.js';
import { warningMessages } from './messages.js';
import { warningPolicy } from './policy.js';
import { warningRoutes } from './routes.js';
import * as tables from './tables.js';

export const warnings: Feature = {
  name: 'warnings',
  policy: warningPolicy,
  tables,
  messages: warningMessages,
  routes: warningRoutes,
  jobs: warningMailJobs,
  matrix: () => import('./authorization.cases.js').then((m) => m.warningMatrix),
};

/** what the grade preparation builds on: the warnings sent this school year (L-22: no Ng/Lg without one) */
export { sentWarnings, type SentWarning } from './queries/warnings.js';
