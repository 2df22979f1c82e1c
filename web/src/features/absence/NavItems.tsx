import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

/** The main menu's entries for absence: the subject teacher's register, the class's absence, the student's own. */
export function AbsenceNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      {me.teachingGroups.length > 0 && (
        <li>
          <Link to="/absence/register" search={{}}>{t('absence.nav.register')}</Link>
        </li>
      )}
      {hasRole(me, 'principal', 'schoolAdmin') && (
        <li>
          <Link to="/settings/absence">{t('absence.nav2.settings')}</Link>
        </li>
      )}
      {me.studentId !== null && (
        <li>
          <Link to="/me/absence">{t('absence.nav.myAbsence')}</Link>
        </li>
      )}
    </>
  );
}
