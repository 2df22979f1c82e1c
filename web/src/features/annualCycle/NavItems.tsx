import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

/** The main menu's entry for the annual cycle (R-30…R-33): every staff member. */
export function AnnualCycleNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  const staff = hasRole(me, 'teacher', 'contactTeacher', 'departmentHead', 'counsellor', 'principal', 'schoolAdmin');
  return staff ? <li><Link to="/annual-cycle">{t('annualCycle.nav')}</Link></li> : null;
}
