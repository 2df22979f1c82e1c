/** Screening of Vg1 students and the class-team meetings: the class list, the thresholds, the meeting's follow-up list. */
import type { Feature } from '../../core/feature.js';
import type { FastifyInstance } from 'fastify';
import { classTeamMeetingHeld, screeningCompleted } from './evidence.js';
import { meetingRoutes } from './meetingRoutes.js';
import { screeningMessages } from './messages.js';
import { screeningPolicy } from './policy.js';
import { classTeamResource, screeningResultResource } from './resource.js';
import { screeningRoutes } from './routes.js';
import * as tables from './tables.js';

export const screening: Feature = {
  name: 'screening',
  policy: screeningPolicy,
  resources: [classTeamResource, screeningResultResource],
  tables,
  messages: screeningMessages,
  routes: async (app: FastifyInstance) => {
    await screeningRoutes(app);
    await meetingRoutes(app);
  },
  evidence: [screeningCompleted, classTeamMeetingHeld],
  matrix: () => import('./authorization.cases.js').then((m) => m.screeningMatrix),
};
