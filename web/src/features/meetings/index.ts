/**
 * Meetings: one meeting's page, "Mine møter", the resource team, a section of the student's record,
 * and the minutes shared with the family on the guardian's and the student's pages.
 */
import type { WebFeature } from '../../core/feature';
import { meetingsEn, meetingsNb, meetingsNn } from './i18n';
import { MeetingsNavItems } from './NavItems';
import { meetingsRoutes } from './routes';

export const meetingsFeature = {
  routes: meetingsRoutes,
  nav: [{ order: 75, Items: MeetingsNavItems }],
  texts: { nb: { meetings: meetingsNb }, nn: { meetings: meetingsNn }, en: { meetings: meetingsEn } },
} satisfies WebFeature;

export { SharedMinutesSection } from './SharedMinutesSection';
export { StudentMeetingsSection } from './StudentMeetingsSection';
