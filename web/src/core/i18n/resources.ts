/**
 * All UI texts: the core dictionaries plus one namespace-like block per feature, each kept in its
 * feature folder (web/src/features/<feature>/i18n.ts) so a feature's words live with its code.
 */
import { absenceEn, absenceNb, absenceNn } from '../../features/absence/i18n';
import { bookingEn, bookingNb, bookingNn } from '../../features/booking/i18n';
import { conversationsEn, conversationsNb, conversationsNn } from '../../features/conversations/i18n';
import { en } from './en';
import { nb } from './nb';
import { nn } from './nn';

export const resources = {
  nb: { translation: { ...nb, conversations: conversationsNb, booking: bookingNb, absence: absenceNb } },
  nn: { translation: { ...nn, conversations: conversationsNn, booking: bookingNn, absence: absenceNn } },
  en: { translation: { ...en, conversations: conversationsEn, booking: bookingEn, absence: absenceEn } },
};

export type AllMessages = (typeof resources)['nb']['translation'];
