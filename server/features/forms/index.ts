/** Forms: the forms the school tracks per student, the class checklist and the student's own list. */
import type { Feature } from '../../core/feature.js';
import { formReceivedEvidence } from './evidence.js';
import { formMessages } from './messages.js';
import { formPolicy } from './policy.js';
import { formRoutes } from './routes.js';
import * as tables from './tables.js';

export const forms: Feature = {
  name: 'forms',
  policy: formPolicy,
  tables,
  messages: formMessages,
  routes: formRoutes,
  evidence: [formReceivedEvidence],
  matrix: () => import('./authorization.cases.js').then((m) => m.formMatrix),
};
