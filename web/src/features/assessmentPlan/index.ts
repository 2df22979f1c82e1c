/** Assessment plans: when each group has its tests and hand-ins, within the school's rules. */
import type { WebFeature } from '../../core/feature';
import { assessmentPlanEn, assessmentPlanNb, assessmentPlanNn } from './i18n';
import { AssessmentPlanNavItems } from './NavItems';
import { assessmentPlanRoutes } from './routes';
// Loaded with the app, as every feature's styles are (see core/feature.ts).
import './assessmentPlan.css';

export const assessmentPlanFeature = {
  routes: assessmentPlanRoutes,
  nav: [{ order: 120, Items: AssessmentPlanNavItems }],
  texts: { nb: { assessmentPlan: assessmentPlanNb }, nn: { assessmentPlan: assessmentPlanNn }, en: { assessmentPlan: assessmentPlanEn } },
  classSections: [{ segment: 'assessment-plan', labelKey: 'assessmentPlan.classSection', group: 'classLife', order: 60 }],
} satisfies WebFeature;

export { GroupPlanLink } from './GroupPlanLink';
