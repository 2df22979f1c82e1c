/**
 * Cases (sak) about a student, R-53, R-54, R-60: raised by any staff member who works with the student,
 * with an append-only chronology, participants, the resource team's list and an outcome.
 */
import type { Feature } from '../../core/feature.js';
import { casesMessages } from './messages.js';
import { casesPolicy } from './policy.js';
import { caseResource } from './resource.js';
import { casesRoutes } from './routes.js';
import * as tables from './tables.js';

export { caseReadableFor, recordMeasureInCase } from './measureLink.js';

export const cases: Feature = {
  name: 'cases',
  policy: casesPolicy,
  resources: [caseResource],
  tables,
  messages: casesMessages,
  routes: casesRoutes,
  matrix: () => import('./authorization.cases.js').then((m) => m.casesMatrix),
};
