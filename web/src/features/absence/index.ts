/** Absence (R-20, R-21, R-71…R-74): registers, the class's and the student's absence, the school's rules. */
import type { WebFeature } from '../../core/feature';
import { absenceEn, absenceNb, absenceNn } from './i18n';
import { AbsenceNavItems } from './NavItems';
import { AbsenceRecordLink } from './RecordLink';
import { absenceRoutes } from './routes';
// Loaded with the app, as every feature's styles are (see core/feature.ts).
import './absence.css';

export const absenceFeature = {
  routes: absenceRoutes,
  nav: [{ order: 90, Items: AbsenceNavItems }],
  texts: { nb: { absence: absenceNb }, nn: { absence: absenceNn }, en: { absence: absenceEn } },
  classSections: [{ segment: 'absence', labelKey: 'classSections.absence', group: 'followUp', order: 40 }],
  recordLinks: [{ order: 10, Link: AbsenceRecordLink }],
} satisfies WebFeature;

export { AbsenceCell, useClassAbsenceSignals } from './ClassAbsencePage';
