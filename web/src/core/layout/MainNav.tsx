import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types';
import { auditRoles, hasRole } from '../auth/session';

// A contact teacher usually has one or two classes: put them straight in the menu, the rest stay on the front page.
const MAX_CLASSES_IN_NAV = 3;

export function MainNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  const isStudent = me.studentId !== null;
  return (
    <nav aria-label={t('shell.mainNav')} className="main-nav">
      <ul>
        <li>
          <Link to="/" activeOptions={{ exact: true }}>
            {t('nav.home')}
          </Link>
        </li>
        {me.basisGroups.slice(0, MAX_CLASSES_IN_NAV).map((g) => (
          <li key={g.id}>
            <Link to="/classes/$basisGroupId" params={{ basisGroupId: g.id }}>
              {g.name}
            </Link>
          </li>
        ))}
        {isStudent && (
          <>
            <li>
              <Link to="/me" activeOptions={{ exact: true }}>
                {t('nav.myPage')}
              </Link>
            </li>
            <li>
              <Link to="/me/consent">{t('nav.consent')}</Link>
            </li>
            <li>
              <Link to="/me/access-log">{t('nav.accessLog')}</Link>
            </li>
          </>
        )}
        {hasRole(me, 'guardian') && (
          <li>
            <Link to="/children">{t('nav.children')}</Link>
          </li>
        )}
        {hasRole(me, ...auditRoles) && (
          <li>
            <Link to="/audit">{t('nav.audit')}</Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
