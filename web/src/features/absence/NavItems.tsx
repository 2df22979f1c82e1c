import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

// As in the main menu: a contact teacher's first classes get their own entry.
const MAX_CLASSES = 3;

/** The main menu's entries for absence: the subject teacher's register, the class's absence, the student's own. */
export function AbsenceNavItems({ me }: { me: Me }) {
  const { t } = useTranslation();
  const classes = me.basisGroups.slice(0, MAX_CLASSES);
  return (
    <>
      {me.teachingGroups.length > 0 && (
        <li>
          <Link to="/absence/register" search={{}}>{t('absence.nav.register')}</Link>
        </li>
      )}
      {classes.map((g) => (
        <li key={`absence-${g.id}`}>
          <Link to="/classes/$basisGroupId/absence" params={{ basisGroupId: g.id }}>
            {classes.length === 1 ? t('absence.nav.classAbsenceOne') : t('absence.nav.classAbsence', { name: g.name })}
          </Link>
        </li>
      ))}
      {hasRole(me, 'principal', 'schoolAdmin') && (
        <li>
          <Link to="/settings/absence">{t('absence.nav2.settings')}</Link>
        </li>
      )}
      {me.studentId !== null && (
        <li>
          <Link to="/me/absence">{t('absence.nav.myAbsence')}</Link>
        </li>
      )}
    </>
  );
}
