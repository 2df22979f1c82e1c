/**
 * The individual education plan (IOP, R-51, R-75, L-40) and the adapted arrangement: the records of
 * individually adapted education (law chapter 11). See routes/plan.ts and routes/arrangement.ts.
 */
import type { FastifyInstance } from 'fastify';
import { arrangementRoutes } from './routes/arrangement.js';
import { planRoutes } from './routes/plan.js';

export async function individualPlanRoutes(app: FastifyInstance): Promise<void> {
  await planRoutes(app);
  await arrangementRoutes(app);
}
