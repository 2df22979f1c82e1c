import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole, leaderRoles } from '../../core/auth/session';

/** Conflicts between students: for contact teachers and the leaders. */
export function ConflictNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  if (!hasRole(me, 'contactTeacher', ...leaderRoles)) return null;
  return <li><Link to="/conflicts">{t('conflicts.nav')}</Link></li>;
}
