import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';

/** A student's entry to their class's life (agenda, rules, election, rota); staff reach the class pages through the class menu. */
export function ClassLifeNavItems({ me }: { me: Me }): ReactNode {
  const { t } = useTranslation();
  if (me.studentId === null) return null;
  return <li><Link to="/me/class">{t('classLife.nav.myClass')}</Link></li>;
}
