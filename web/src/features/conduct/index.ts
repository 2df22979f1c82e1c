/** Conduct (orden og oppførsel, R-25, L-22): every teacher's input, the contact teacher's grade, the grade preparation. */
import type { WebFeature } from '../../core/feature';
import { conductEn, conductNb, conductNn } from './i18n';
import { ConductNavItems } from './NavItems';
import { conductRoutes } from './routes';
// Loaded with the app, as every feature's styles are (see core/feature.ts); the discipline pages use its forms and lists too.
import './conduct.css';

export const conductFeature = {
  routes: conductRoutes,
  nav: [{ order: 160, Items: ConductNavItems }],
  texts: { nb: { conduct: conductNb }, nn: { conduct: conductNn }, en: { conduct: conductEn } },
  classSections: [
    { segment: 'conduct', labelKey: 'classSections.conduct', group: 'followUp', order: 70 },
    { segment: 'grade-preparation', labelKey: 'classSections.gradePreparation', group: 'followUp', order: 80 },
  ],
} satisfies WebFeature;

export { StudentConductSection } from './StudentConductSection';
