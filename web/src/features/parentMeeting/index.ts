/**
 * Parent meetings (R-30): attendance per guardian, and the information sent to those who were absent.
 * Its lists use accommodationNeeds' card styles (studentForms.css, which that feature loads with the app).
 */
import type { WebFeature } from '../../core/feature';
import { parentMeetingEn, parentMeetingNb, parentMeetingNn } from './i18n';
import { parentMeetingRoutes } from './routes';

export const parentMeetingFeature = {
  routes: parentMeetingRoutes,
  texts: { nb: { parentMeeting: parentMeetingNb }, nn: { parentMeeting: parentMeetingNn }, en: { parentMeeting: parentMeetingEn } },
  classSections: [{ segment: 'parent-meetings', labelKey: 'parentMeeting.classSection', group: 'routines', order: 20 }],
} satisfies WebFeature;
