import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

/** A guardian's way to their children. */
export function GuardianNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  if (!hasRole(me, 'guardian')) return null;
  return (
    <li>
      <Link to="/children">{t('nav.children')}</Link>
    </li>
  );
}
