import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';

/** The main menu's entry for formative assessment: teachers' groups and classes, or the student's own (R-34). */
export function FormativeNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      {(me.teachingGroups.length > 0 || me.basisGroups.length > 0) && (
        <li><Link to="/formative">{t('formative.nav.staff')}</Link></li>
      )}
      {me.studentId !== null && (
        <li><Link to="/me/formative">{t('formative.nav.mine')}</Link></li>
      )}
    </>
  );
}
