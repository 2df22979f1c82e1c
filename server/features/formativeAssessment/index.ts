/** Formative assessment: fast entry per group, CSV import and export, the student's own feedback. */
import type { Feature } from '../../core/feature.js';
import { formativeAssessmentRecorded } from './evidence.js';
import { formativeMessages } from './messages.js';
import { formativeAssessmentPolicy } from './policy.js';
import { formativeAssessmentRoutes } from './routes.js';
import * as tables from './tables.js';

export const formativeAssessment: Feature = {
  name: 'formativeAssessment',
  policy: formativeAssessmentPolicy,
  tables,
  messages: formativeMessages,
  routes: formativeAssessmentRoutes,
  evidence: [formativeAssessmentRecorded],
  matrix: () => import('./authorization.cases.js').then((m) => m.formativeAssessmentMatrix),
};
