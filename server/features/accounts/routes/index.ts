/** Every route of the accounts feature, by sub-resource. */
import type { FastifyInstance } from 'fastify';
import { adminAccountRoutes } from './admin.js';
import { ownAccountRoutes } from './own.js';
import { resetRoutes } from './reset.js';
import { setupRoutes } from './setup.js';

export async function accountRoutes(app: FastifyInstance): Promise<void> {
  await ownAccountRoutes(app);
  await resetRoutes(app);
  await setupRoutes(app);
  await adminAccountRoutes(app);
}
