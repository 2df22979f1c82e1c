/** Status changes (endring av elevstatus, R-52): leaving, changing programme or school, prepared by the student's followers and decided by the principal. */
import type { Feature } from '../../core/feature.js';
import { statusChangeMessages } from './messages.js';
import { statusChangePolicy } from './policy.js';
import { statusChangeRoutes } from './routes.js';
import * as tables from './tables.js';

export const statusChange: Feature = {
  name: 'statusChange',
  policy: statusChangePolicy,
  tables,
  messages: statusChangeMessages,
  routes: statusChangeRoutes,
  matrix: () => import('./authorization.cases.js').then((m) => m.statusChangeMatrix),
};
