/** Measures (tiltak) about a student, R-55: goal, what is done, owner, start, evaluation date, evaluation and next step. */
import type { Feature } from '../../core/feature.js';
import { measuresMessages } from './messages.js';
import { measuresPolicy } from './policy.js';
import { measureResource } from './resource.js';
import { measuresRoutes } from './routes.js';
import * as tables from './tables.js';

export const measures: Feature = {
  name: 'measures',
  policy: measuresPolicy,
  resources: [measureResource],
  tables,
  messages: measuresMessages,
  routes: measuresRoutes,
  matrix: () => import('./authorization.cases.js').then((m) => m.measuresMatrix),
};
