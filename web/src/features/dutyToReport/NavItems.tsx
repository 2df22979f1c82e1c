import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

/** The main menu's entry for the duty to report: every staff member of a school. */
export function DutyToReportNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  if (!hasRole(me, 'teacher', 'contactTeacher', 'principal', 'departmentHead', 'counsellor', 'schoolAdmin', 'nurse')) return null;
  return <li><Link to="/duty-to-report">{t('dutyToReport.nav')}</Link></li>;
}
