/** A guardian's own children, each with the insight the guardian has today (L-05, L-06). */
import type { Feature } from '../../core/feature.js';
import { guardianRoutes } from './routes.js';

export const guardians: Feature = {
  name: 'guardians',
  routes: guardianRoutes,
  matrix: () => import('./authorization.cases.js').then((m) => m.guardianMatrix),
};
