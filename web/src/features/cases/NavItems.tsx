import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

/** The resource team's list: for its fixed members at the school — the principal, the department heads, the counsellor. */
export function CasesNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  if (!hasRole(me, 'principal', 'departmentHead', 'counsellor')) return null;
  return <li><Link to="/resource-team-cases">{t('cases.resourceTeam.nav')}</Link></li>;
}
