/** Warnings (R-22, L-20, L-21): teachers raise them, the contact teacher sends one letter per student, the principal decides on IV. */
import type { WebFeature } from '../../core/feature';
import { warningsEn, warningsNb, warningsNn } from './i18n';
import { WarningNavItems } from './NavItems';
import { warningRoutes } from './routes';
// Loaded with the app, as every feature's styles are (see core/feature.ts).
import './warnings.css';

export const warningsFeature = {
  routes: warningRoutes,
  nav: [{ order: 170, Items: WarningNavItems }],
  texts: { nb: { warnings: warningsNb }, nn: { warnings: warningsNn }, en: { warnings: warningsEn } },
  classSections: [{ segment: 'warnings', labelKey: 'classSections.warnings', group: 'followUp', order: 60 }],
} satisfies WebFeature;

export { StudentWarningsSection } from './StudentWarningsSection';
