// One student's forms, as the student and a guardian see them.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { StudentFormsPage } from './StudentFormsPage';

export const mineRoute = createLazyRoute('/authed/me/forms')({
  component: function MineRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    return me.studentId ? <StudentFormsPage studentId={me.studentId} viewer="self" /> : <NotForYouPage text={t('errors.onlyForStudents')} />;
  },
});

export const childRoute = createLazyRoute('/authed/children/$studentId/forms')({
  component: function ChildRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    const { studentId } = childRoute.useParams();
    return hasRole(me, 'guardian') ? <StudentFormsPage studentId={studentId} viewer="guardian" /> : <NotForYouPage text={t('errors.onlyForGuardians')} />;
  },
});
