/** Conflicts between students, across classes: each contact teacher sees their own student's part. */
import type { Feature } from '../../core/feature.js';
import { conflictMessages } from './messages.js';
import { conflictExamples, conflictPolicy } from './policy.js';
import { conflictResource } from './resource.js';
import { conflictRoutes } from './routes.js';
import * as tables from './tables.js';

export const conflicts: Feature = {
  name: 'conflicts',
  policy: conflictPolicy,
  tables,
  resources: [{ ...conflictResource, examples: conflictExamples }],
  messages: conflictMessages,
  routes: conflictRoutes,
  matrix: () => import('./authorization.cases.js').then((m) => m.conflictMatrix),
};
