/**
 * Local accounts and the first start: changing one's password, a reset by e-mail link, one's own
 * sessions; the school admin disables and enables accounts and ends their sessions; the one-time setup
 * that makes the first school owner, school and admin when Elevlos starts without the demo.
 */
import type { Feature } from '../../core/feature.js';
import { accountMessages } from './messages.js';
import { accountExamples, accountPolicy } from './policy.js';
import { resetMailJobs } from './resetMail.js';
import { accountResource } from './resource.js';
import { accountRoutes } from './routes/index.js';

export const accounts: Feature = {
  name: 'accounts',
  policy: accountPolicy,
  resources: [{ ...accountResource, examples: accountExamples }],
  messages: accountMessages,
  routes: accountRoutes,
  jobs: resetMailJobs,
  matrix: () => import('./authorization.cases.js').then((m) => m.accountMatrix),
};

/** For main.ts (the first start) and the operators' command (scripts/admin.ts). */
export { armSetup, SETUP_VALID_MINUTES } from './setupToken.js';
export { anyAccountExists as hasAnyAccount } from './queries.js';
export { createAdmin, weakPasswordMessage, type AdminPlace, type CreatedAdmin, type NewAdmin } from './service.js';
export type { SchoolRow } from './queries.js';
export { allSchools } from './queries.js';
