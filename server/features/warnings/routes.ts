/**
 * Warnings (R-22, R-73, L-20, L-21): one student's warnings, their letters, withdrawal and the
 * principal's decision, and the class's and school's lists.
 */
import type { FastifyInstance } from 'fastify';
import { decisionRoutes } from './decisionRoutes.js';
import { groupWarningRoutes } from './groupRoutes.js';
import { letterRoutes } from './letterRoutes.js';
import { registerWarningMail } from './mail.js';
import { studentWarningRoutes } from './studentWarningRoutes.js';

export async function warningRoutes(app: FastifyInstance): Promise<void> {
  registerWarningMail(app.database, app.config);
  await app.register(studentWarningRoutes);
  await app.register(letterRoutes);
  await app.register(decisionRoutes);
  await app.register(groupWarningRoutes);
}
