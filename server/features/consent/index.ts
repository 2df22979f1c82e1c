/** R-16, L-05, L-06: an adult student's consents, and information decisions for a parent without parental responsibility. */
import type { Feature } from '../../core/feature.js';
import { consentMessages } from './messages.js';
import { consentPolicy } from './policy.js';
import { consentRoutes } from './routes.js';

export const consent: Feature = {
  name: 'consent',
  policy: consentPolicy,
  messages: consentMessages,
  routes: consentRoutes,
  matrix: () => import('./authorization.cases.js').then((m) => m.consentMatrix),
};
