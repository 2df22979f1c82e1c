/** The annual cycle (R-30…R-33): the school's year of routines, and whether they were kept. */
import type { WebFeature } from '../../core/feature';
import { annualCycleEn, annualCycleNb, annualCycleNn } from './i18n';
import { AnnualCycleNavItems } from './NavItems';
import { annualCycleRoutes } from './routes';
// Loaded with the app, as every feature's styles are (see core/feature.ts).
import './annualCycle.css';

export const annualCycleFeature = {
  routes: annualCycleRoutes,
  nav: [{ order: 110, Items: AnnualCycleNavItems }],
  texts: { nb: { annualCycle: annualCycleNb }, nn: { annualCycle: annualCycleNn }, en: { annualCycle: annualCycleEn } },
  classSections: [{ segment: 'routines', labelKey: 'annualCycle.sections.routines', group: 'routines', order: 30 }],
} satisfies WebFeature;

export { HomeTasks } from './HomeTasks';
