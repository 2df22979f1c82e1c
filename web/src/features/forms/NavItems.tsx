import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

/** Main-menu entries for forms: the school's forms for those who define them, the student's own. */
export function FormNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      {hasRole(me, 'principal', 'schoolAdmin', 'departmentHead') && <li><Link to="/forms">{t('forms.school.nav')}</Link></li>}
      {me.studentId !== null && <li><Link to="/me/forms">{t('forms.student.nav')}</Link></li>}
    </>
  );
}
