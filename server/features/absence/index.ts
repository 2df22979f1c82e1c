/** Absence (R-20, R-21, R-71…R-74; L-03, L-10…L-15): registration, documentation, limits, the diploma and the weekly check. */
import type { Feature } from '../../core/feature.js';
import { weeklyAbsenceCheckDone } from './evidence.js';
import { absenceMessages } from './messages.js';
import { absencePolicy } from './policy.js';
import { absenceRoutes } from './routes.js';
import * as tables from './tables.js';

export const absence: Feature = {
  name: 'absence',
  policy: absencePolicy,
  tables,
  messages: absenceMessages,
  routes: absenceRoutes,
  evidence: [weeklyAbsenceCheckDone],
  matrix: () => import('./authorization.cases.js').then((m) => m.absenceMatrix),
};

/** what warnings and the grade preparation build on: a subject's absence, as this feature computes it (L-10, L-11) */
export { hours, yearContext } from './context.js';
export { percentOf, subjectStatus } from './rules.js';
export { absenceRows, subjectStats } from './queries/stats.js';
