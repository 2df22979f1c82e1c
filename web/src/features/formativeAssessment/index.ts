/** Formative assessment (R-34): teachers' assessments along the way, which the student and their guardians read. */
import type { WebFeature } from '../../core/feature';
import { formativeEn, formativeNb, formativeNn } from './i18n';
import { FormativeNavItems } from './NavItems';
import { FormativeRecordLink } from './RecordLink';
import { formativeRoutes } from './routes';
// Loaded with the app, as every feature's styles are (see core/feature.ts).
import './formative.css';

export const formativeAssessmentFeature = {
  routes: formativeRoutes,
  nav: [{ order: 100, Items: FormativeNavItems }],
  texts: { nb: { formative: formativeNb }, nn: { formative: formativeNn }, en: { formative: formativeEn } },
  classSections: [{ segment: 'formative', labelKey: 'classSections.formative', group: 'followUp', order: 50 }],
  recordLinks: [{ order: 20, Link: FormativeRecordLink }],
} satisfies WebFeature;
