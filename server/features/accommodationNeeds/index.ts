/** Accommodation needs (skjemaelever, R-04): registered by the leaders, confirmed by each subject teacher, reminders. */
import type { Feature } from '../../core/feature.js';
import { accommodationNeedConfirmedEvidence } from './evidence.js';
import { accommodationNeedMailJobs } from './mail.js';
import { accommodationNeedMessages } from './messages.js';
import { accommodationNeedPolicy } from './policy.js';
import { accommodationNeedRoutes } from './routes.js';
import * as tables from './tables.js';

export const accommodationNeeds: Feature = {
  name: 'accommodationNeeds',
  policy: accommodationNeedPolicy,
  tables,
  messages: accommodationNeedMessages,
  routes: accommodationNeedRoutes,
  evidence: [accommodationNeedConfirmedEvidence],
  jobs: accommodationNeedMailJobs,
  matrix: () => import('./authorization.cases.js').then((m) => m.accommodationNeedMatrix),
};
