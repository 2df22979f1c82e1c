/** R-25, L-22: conduct grades (orden og oppførsel) and the grade preparation. */
import type { FastifyInstance } from 'fastify';
import type { Feature } from '../../core/feature.js';
import { conductMessages } from './messages.js';
import { conductPolicy } from './policy.js';
import { preparationRoutes } from './preparation.js';
import { conductRoutes } from './routes.js';
import * as tables from './tables.js';

export const conduct: Feature = {
  name: 'conduct',
  policy: conductPolicy,
  tables,
  messages: conductMessages,
  routes: async (app: FastifyInstance) => {
    await app.register(conductRoutes);
    await app.register(preparationRoutes);
  },
  matrix: () => import('./authorization.cases.js').then((m) => m.conductMatrix),
};
