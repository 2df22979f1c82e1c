import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

/** The main menu's entry for school-environment cases: staff, who see the cases they may open. */
export function SchoolEnvironmentNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  const staff = me.teachingGroups.length > 0 || me.basisGroups.length > 0 || hasRole(me, 'principal', 'departmentHead', 'counsellor', 'schoolAdmin');
  if (!staff) return null;
  return <li><Link to="/school-environment">{t('schoolEnvironment.nav')}</Link></li>;
}
