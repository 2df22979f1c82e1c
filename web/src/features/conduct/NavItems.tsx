import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

/** The main menu's entry for conduct: teachers, contact teachers and leaders; a counsellor only with groups of their own. */
export function ConductNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  const ownGroups = me.teachingGroups.length > 0 || me.basisGroups.length > 0;
  const staff = ownGroups || hasRole(me, 'principal', 'departmentHead', 'counsellor');
  if (!staff || (hasRole(me, 'counsellor') && !ownGroups)) return null;
  return <li><Link to="/conduct">{t('conduct.nav.conduct')}</Link></li>;
}
