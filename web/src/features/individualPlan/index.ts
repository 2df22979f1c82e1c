/**
 * The individual education plan (IOP, R-51, R-75, L-40) and the adapted arrangement: the plan's
 * pages (staff, student, guardian), a link from the student's record, and the arrangement's section of it.
 */
import type { WebFeature } from '../../core/feature';
import { individualPlanEn, individualPlanNb, individualPlanNn } from './i18n';
import { IndividualPlanRecordLink } from './RecordLink';
import { individualPlanRoutes } from './routes';

export const individualPlanFeature = {
  routes: individualPlanRoutes,
  texts: { nb: { individualPlan: individualPlanNb }, nn: { individualPlan: individualPlanNn }, en: { individualPlan: individualPlanEn } },
  recordLinks: [{ order: 60, Link: IndividualPlanRecordLink }],
} satisfies WebFeature;

export { AdaptedArrangementsSection } from './ArrangementsSection';
