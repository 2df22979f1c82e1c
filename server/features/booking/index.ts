/** booking rounds, slots and bookings, with confirmations, reminders and calendar feeds. */
import type { Feature } from '../../core/feature.js';
import { bookingMessages } from './messages.js';
import { bookingJobs } from './notify.js';
import { bookingPolicy } from './policy.js';
import { bookingRoutes } from './routes.js';
import * as tables from './tables.js';

export const booking: Feature = {
  name: 'booking',
  policy: bookingPolicy,
  tables,
  messages: bookingMessages,
  routes: bookingRoutes,
  jobs: bookingJobs,
  matrix: () => import('./authorization.cases.js').then((m) => m.bookingMatrix),
};
