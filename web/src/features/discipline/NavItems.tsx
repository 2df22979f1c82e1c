import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

/** The main menu's entry for disciplinary cases: teachers, contact teachers and leaders (as for conduct, whose entry it follows). */
export function DisciplineNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  const staff = me.teachingGroups.length > 0 || me.basisGroups.length > 0 || hasRole(me, 'principal', 'departmentHead', 'counsellor');
  if (!staff) return null;
  return <li><Link to="/discipline">{t('discipline.nav.cases')}</Link></li>;
}
