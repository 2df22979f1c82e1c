/**
 * Forms (R-05): the school's forms, what is tracked for whom and by when, and how many are in per class.
 * Its lists use accommodationNeeds' card styles (studentForms.css, which that feature loads with the app).
 */
import type { WebFeature } from '../../core/feature';
import { formsEn, formsNb, formsNn } from './i18n';
import { FormNavItems } from './NavItems';
import { formRoutes } from './routes';

export const formsFeature = {
  routes: formRoutes,
  nav: [{ order: 140, Items: FormNavItems }],
  texts: { nb: { forms: formsNb }, nn: { forms: formsNn }, en: { forms: formsEn } },
  classSections: [{ segment: 'forms', labelKey: 'forms.classSection', group: 'routines', order: 10 }],
} satisfies WebFeature;
