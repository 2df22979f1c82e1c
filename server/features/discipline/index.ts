/** Disciplinary cases (R-23, R-73; L-30…L-32): incidents, hearing, measures, suspension and physical interventions. */
import type { Feature } from '../../core/feature.js';
import { disciplineMessages } from './messages.js';
import { disciplinaryCaseExamples, disciplinePolicy } from './policy.js';
import { disciplinaryCaseResource } from './resource.js';
import { disciplineRoutes } from './routes.js';
import * as tables from './tables.js';

export const discipline: Feature = {
  name: 'discipline',
  policy: disciplinePolicy,
  tables,
  resources: [{ ...disciplinaryCaseResource, examples: disciplinaryCaseExamples }],
  messages: disciplineMessages,
  routes: disciplineRoutes,
  matrix: () => import('./authorization.cases.js').then((m) => m.disciplineMatrix),
};
