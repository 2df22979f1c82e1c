/** The duty to report to the child welfare service (R-61, R-76; L-41): the school's procedure and contact, and each person's own report. */
import type { Feature } from '../../core/feature.js';
import { dutyToReportMessages } from './messages.js';
import { dutyToReportPolicy } from './policy.js';
import { childWelfareReportResource, childWelfareReportingResource } from './resource.js';
import { dutyToReportRoutes } from './routes.js';
import * as tables from './tables.js';

export const dutyToReport: Feature = {
  name: 'dutyToReport',
  policy: dutyToReportPolicy,
  resources: [childWelfareReportingResource, childWelfareReportResource],
  tables,
  messages: dutyToReportMessages,
  routes: dutyToReportRoutes,
  matrix: () => import('./authorization.cases.js').then((m) => m.dutyToReportMatrix),
};
