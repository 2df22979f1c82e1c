import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';

/** Staff who can host a round: the contact teacher of a class or the subject teacher of a teaching group. */
export const hostsRounds = (me: Me): boolean => me.basisGroups.length > 0 || me.teachingGroups.length > 0;

/** The main menu's entries for booking: a host's rounds, a student's own booking page. */
export function BookingNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      {hostsRounds(me) && (
        <li>
          <Link to="/me/booking-rounds">{t('booking.nav.myRounds')}</Link>
        </li>
      )}
      {me.studentId !== null && (
        <li>
          <Link to="/me/booking">{t('booking.nav.book')}</Link>
        </li>
      )}
    </>
  );
}
