/** Screening of Vg1 students and the class-team meetings: a class's list and meeting, and the school's thresholds. */
import type { WebFeature } from '../../core/feature';
import { screeningEn, screeningNb, screeningNn } from './i18n';
import { screeningRoutes } from './routes';
// Loaded with the app, as every feature's styles are (see core/feature.ts).
import './screening.css';

export const screeningFeature = {
  routes: screeningRoutes,
  texts: { nb: { screening: screeningNb }, nn: { screening: screeningNn }, en: { screening: screeningEn } },
  classSections: [
    { segment: 'screening', labelKey: 'screening.classSection', group: 'followUp', order: 95 },
    { segment: 'class-team-meeting', labelKey: 'screening.meeting.classSection', group: 'followUp', order: 97 },
  ],
} satisfies WebFeature;
