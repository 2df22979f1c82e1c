import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../auth/session';
import { NotForYouPage } from './ErrorPages';

/** The student's own pages; anyone else gets a short explanation instead of an error. */
export function OnlyForStudents({ children }: { children: (studentId: string) => ReactNode }): ReactNode {
  const { t } = useTranslation();
  const me = useMe();
  return me.studentId ? children(me.studentId) : <NotForYouPage text={t('errors.onlyForStudents')} />;
}

/** A guardian's pages about their children; anyone else gets a short explanation instead of an error. */
export function OnlyForGuardians({ children }: { children: ReactNode }): ReactNode {
  const { t } = useTranslation();
  const me = useMe();
  return hasRole(me, 'guardian') ? children : <NotForYouPage text={t('errors.onlyForGuardians')} />;
}
