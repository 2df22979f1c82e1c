import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

/** The main menu's entries for conduct and discipline: teachers, contact teachers and leaders. */
export function ConductNavItems({ me }: { me: Me }) {
  const { t } = useTranslation();
  const staff = me.teachingGroups.length > 0 || me.basisGroups.length > 0 || hasRole(me, 'principal', 'departmentHead', 'counsellor');
  if (!staff) return null;
  return (
    <>
      {!hasRole(me, 'counsellor') || me.teachingGroups.length > 0 || me.basisGroups.length > 0 ? (
        <li><Link to="/conduct">{t('conduct.nav.conduct')}</Link></li>
      ) : null}
      <li><Link to="/discipline">{t('discipline.nav.cases')}</Link></li>
    </>
  );
}
