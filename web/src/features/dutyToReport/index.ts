/** The duty to report to the child welfare service (R-61, R-76; L-41): the procedure, the contact, each person's own report. */
import type { WebFeature } from '../../core/feature';
import { dutyToReportEn, dutyToReportNb, dutyToReportNn } from './i18n';
import { DutyToReportNavItems } from './NavItems';
import { dutyToReportRoutes } from './routes';

export const dutyToReportFeature = {
  routes: dutyToReportRoutes,
  nav: [{ order: 178, Items: DutyToReportNavItems }],
  texts: { nb: { dutyToReport: dutyToReportNb }, nn: { dutyToReport: dutyToReportNn }, en: { dutyToReport: dutyToReportEn } },
} satisfies WebFeature;

export { DutyToReportPanel } from './DutyToReportPanel';
