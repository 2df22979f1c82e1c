import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

/** The main menu's entry for the import and sync (issue 13): the school admin's alone. */
export function RosterImportNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  return hasRole(me, 'schoolAdmin') ? <li><Link to="/admin/import">{t('rosterImport.nav')}</Link></li> : null;
}
