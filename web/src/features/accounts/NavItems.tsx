import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

/** The school admin's accounts, beside the other administration pages. */
export function AccountsAdminNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  return hasRole(me, 'schoolAdmin') ? <li><Link to="/admin/accounts">{t('accounts.nav.admin')}</Link></li> : null;
}

/** Everyone's own account (password and sessions), last in the menu. */
export function MyAccountNavItems(): ReactNode {
  const { t } = useTranslation();
  return <li><Link to="/me/account">{t('accounts.nav.myAccount')}</Link></li>;
}
