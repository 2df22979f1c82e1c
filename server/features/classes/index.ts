/** The class overview, the caller's classes and a teaching group's student list, each student decided again. */
import type { FastifyInstance } from 'fastify';
import type { Feature } from '../../core/feature.js';
import { classListRoutes } from './list.js';
import { classPolicy } from './policy.js';
import { classRoutes } from './routes.js';
import { teachingGroupRoutes } from './teachingGroup.js';

export const classes: Feature = {
  name: 'classes',
  policy: classPolicy,
  routes: async (app: FastifyInstance) => {
    await app.register(classRoutes);
    await app.register(classListRoutes);
    await app.register(teachingGroupRoutes);
  },
  matrix: () => import('./authorization.cases.js').then((m) => m.classMatrix),
};
