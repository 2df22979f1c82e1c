import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { auditRoles, hasRole } from '../../core/auth/session';

/** The audit log, for the leaders who may read it. */
export function AuditNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  if (!hasRole(me, ...auditRoles)) return null;
  return (
    <li>
      <Link to="/audit">{t('nav.audit')}</Link>
    </li>
  );
}
