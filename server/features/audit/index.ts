/** The access log a student and their guardians read (R-61), and the leaders' search of the audit log. */
import type { Feature } from '../../core/feature.js';
import { auditPolicy } from './policy.js';
import { auditRoutes } from './routes.js';

export const audit: Feature = {
  name: 'audit',
  policy: auditPolicy,
  routes: auditRoutes,
  matrix: () => import('./authorization.cases.js').then((m) => m.auditMatrix),
};
