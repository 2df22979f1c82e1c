/**
 * Disciplinary cases (R-23, L-30…L-32): incidents, hearings, measures, suspensions, physical interventions.
 * Its pages share conduct's form and list styles (conduct/conduct.css, which the conduct feature loads with the app).
 */
import type { WebFeature } from '../../core/feature';
import { disciplineEn, disciplineNb, disciplineNn } from './i18n';
import { DisciplineNavItems } from './NavItems';
import { disciplineRoutes } from './routes';

export const disciplineFeature = {
  routes: disciplineRoutes,
  nav: [{ order: 165, Items: DisciplineNavItems }],
  texts: { nb: { discipline: disciplineNb }, nn: { discipline: disciplineNn }, en: { discipline: disciplineEn } },
} satisfies WebFeature;

export { studentCasesQuery } from './api';
