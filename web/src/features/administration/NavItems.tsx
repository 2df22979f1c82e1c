import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

/** The main menu's entry for administration (issue 13), between the import and the accounts: the school admin's alone. */
export function AdministrationNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  return hasRole(me, 'schoolAdmin') ? <li><Link to="/admin" activeOptions={{ exact: true }}>{t('administration.nav')}</Link></li> : null;
}
