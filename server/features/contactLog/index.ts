/** the contact log with the home, each entry with its visibility tier. */
import type { Feature } from '../../core/feature.js';
import { contactLogPolicy } from './policy.js';
import { contactLogRoutes } from './routes.js';
import * as tables from './tables.js';

export const contactLog: Feature = {
  name: 'contactLog',
  policy: contactLogPolicy,
  tables,
  routes: contactLogRoutes,
  matrix: () => import('./authorization.cases.js').then((m) => m.contactLogMatrix),
};
