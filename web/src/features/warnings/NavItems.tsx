import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/api/types';
import { hasRole } from '../../core/auth/session';

// As in the main menu: a contact teacher's first classes get their own entry.
const MAX_CLASSES = 3;

/** The main menu's entries for warnings: the contact teacher's queue per class, the leaders' warnings and decisions. */
export function WarningNavItems({ me }: { me: Me }) {
  const { t } = useTranslation();
  const classes = me.basisGroups.slice(0, MAX_CLASSES);
  return (
    <>
      {classes.map((g) => (
        <li key={`warnings-${g.id}`}>
          <Link to="/classes/$basisGroupId/warnings" params={{ basisGroupId: g.id }}>
            {classes.length === 1 ? t('warnings.nav.queueOne') : t('warnings.nav.queue', { name: g.name })}
          </Link>
        </li>
      ))}
      {hasRole(me, 'principal', 'departmentHead') && (
        <li>
          <Link to="/warnings/decisions">{t('warnings.nav.decisions')}</Link>
        </li>
      )}
    </>
  );
}
