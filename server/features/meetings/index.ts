/**
 * Meetings about students: collaboration meetings, the resource team, interdisciplinary meetings
 * and responsibility groups — participants, agenda, minutes, decisions, actions that carry over, and
 * minutes shared with the family on purpose within the consent given.
 */
import type { Feature } from '../../core/feature.js';
import { meetingsMessages } from './messages.js';
import { meetingsPolicy } from './policy.js';
import { meetingResource } from './resource.js';
import { meetingsRoutes } from './routes.js';
import * as tables from './tables.js';

export const meetings: Feature = {
  name: 'meetings',
  policy: meetingsPolicy,
  resources: [meetingResource],
  tables,
  messages: meetingsMessages,
  routes: meetingsRoutes,
  matrix: () => import('./authorization.cases.js').then((m) => m.meetingsMatrix),
};
