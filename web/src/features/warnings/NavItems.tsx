import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

/** The main menu's entries for warnings: the contact teacher's queue per class, the leaders' warnings and decisions. */
export function WarningNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      {hasRole(me, 'principal', 'departmentHead') && (
        <li>
          <Link to="/warnings/decisions">{t('warnings.nav.decisions')}</Link>
        </li>
      )}
    </>
  );
}
