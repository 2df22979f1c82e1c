import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';

/** Meetings are the staff's: students and guardians read only the minutes shared with them, on the student's page. */
export const isStaff = (me: Me): boolean => me.roles.some((r) => r !== 'guardian' && r !== 'student');

export function MeetingsNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  if (!isStaff(me)) return null;
  return (
    <>
      <li>
        <Link to="/me/meetings">{t('meetings.myTitle')}</Link>
      </li>
      <li>
        <Link to="/resource-team">{t('meetings.resourceTeamTitle')}</Link>
      </li>
    </>
  );
}
