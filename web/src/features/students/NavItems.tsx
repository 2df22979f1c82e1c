import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';

/** The student's own record ("Min side"). */
export function StudentNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  if (me.studentId === null) return null;
  return (
    <li>
      <Link to="/me" activeOptions={{ exact: true }}>
        {t('nav.myPage')}
      </Link>
    </li>
  );
}
