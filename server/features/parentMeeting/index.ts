/** Parent meetings: attendance, and the information sent to the guardians who were absent. */
import type { Feature } from '../../core/feature.js';
import { parentMeetingFollowedUpEvidence } from './evidence.js';
import { parentMeetingMailJobs } from './mail.js';
import { parentMeetingMessages } from './messages.js';
import { parentMeetingPolicy } from './policy.js';
import { parentMeetingRoutes } from './routes.js';
import * as tables from './tables.js';

export const parentMeeting: Feature = {
  name: 'parentMeeting',
  policy: parentMeetingPolicy,
  tables,
  messages: parentMeetingMessages,
  routes: parentMeetingRoutes,
  evidence: [parentMeetingFollowedUpEvidence],
  jobs: parentMeetingMailJobs,
  matrix: () => import('./authorization.cases.js').then((m) => m.parentMeetingMatrix),
};
