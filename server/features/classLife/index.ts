/** Class life: the class hour, the start-of-year checklist, class rules, elections, the duty rota. */
import type { Feature } from '../../core/feature.js';
import { classLifeEvidenceSources } from './evidence.js';
import { classLifeMessages } from './messages.js';
import { classLifePolicy } from './policy.js';
import { classLifeRoutes } from './routes.js';
import * as tables from './tables.js';

export const classLife: Feature = {
  name: 'classLife',
  policy: classLifePolicy,
  tables,
  messages: classLifeMessages,
  routes: classLifeRoutes,
  evidence: classLifeEvidenceSources,
  matrix: () => import('./authorization.cases.js').then((m) => m.classLifeMatrix),
};
