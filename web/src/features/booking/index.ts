/** Booking: hosts publish rounds of conversation slots; families, or the school on their behalf, book them. */
import type { WebFeature } from '../../core/feature';
import { BookingNavItems } from './BookingNav';
import { bookingEn, bookingNb, bookingNn } from './i18n';
import { bookingRoutes } from './routes';
// Loaded with the app, as every feature's styles are (see core/feature.ts).
import './booking.css';

export const bookingFeature = {
  routes: bookingRoutes,
  nav: [{ order: 80, Items: BookingNavItems }],
  texts: { nb: { booking: bookingNb }, nn: { booking: bookingNn }, en: { booking: bookingEn } },
} satisfies WebFeature;

export { ChildBookingLink, PublishSlotsLink } from './PublishLink';
