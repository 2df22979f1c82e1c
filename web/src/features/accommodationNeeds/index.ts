/** Accommodation needs: what every subject teacher must know about a student, confirmed by the family. */
import type { WebFeature } from '../../core/feature';
import { accommodationNeedsEn, accommodationNeedsNb, accommodationNeedsNn } from './i18n';
import { accommodationNeedRoutes } from './routes';
// Loaded with the app, as every feature's styles are (see core/feature.ts); forms and parentMeeting use its card lists too.
import './studentForms.css';

export const accommodationNeedsFeature = {
  routes: accommodationNeedRoutes,
  texts: {
    nb: { accommodationNeeds: accommodationNeedsNb },
    nn: { accommodationNeeds: accommodationNeedsNn },
    en: { accommodationNeeds: accommodationNeedsEn },
  },
  classSections: [{ segment: 'accommodation-needs', labelKey: 'accommodationNeeds.classSection', group: 'followUp', order: 90 }],
} satisfies WebFeature;

export { AccommodationNeedsToConfirm } from './MyNeedsPage';
