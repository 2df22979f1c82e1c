import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';

/** The student's own "who has seen my information?". */
export function AccessLogNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  if (me.studentId === null) return null;
  return (
    <li>
      <Link to="/me/access-log">{t('nav.accessLog')}</Link>
    </li>
  );
}
