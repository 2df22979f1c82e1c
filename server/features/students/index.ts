/** A student's record: the registry data, guardians (protected addresses shielded) and who may read what (R-01…R-03). */
import type { Feature } from '../../core/feature.js';
import { studentPolicy } from './policy.js';
import { studentRoutes } from './routes.js';

export const students: Feature = {
  name: 'students',
  policy: studentPolicy,
  routes: studentRoutes,
  matrix: () => import('./authorization.cases.js').then((m) => m.studentMatrix),
};
