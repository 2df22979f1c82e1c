/** Cases (sak, R-53, R-54, R-60): a section of the student's record, the case page and the resource team's list. */
import type { WebFeature } from '../../core/feature';
import { casesEn, casesNb, casesNn } from './i18n';
import { CasesNavItems } from './NavItems';
import { casesRoutes } from './routes';
import './cases.css';

export const casesFeature = {
  routes: casesRoutes,
  nav: [{ order: 173, Items: CasesNavItems }],
  texts: { nb: { cases: casesNb }, nn: { cases: casesNn }, en: { cases: casesEn } },
} satisfies WebFeature;

export { CasesSection } from './CasesSection';
