/** R-25, L-22: conduct grades and the grade preparation. */
import type { FastifyInstance } from 'fastify';
import { preparationRoutes } from './preparation.js';
import { conductRoutes } from './routes.js';

export async function conductFeature(app: FastifyInstance): Promise<void> {
  await app.register(conductRoutes);
  await app.register(preparationRoutes);
}
