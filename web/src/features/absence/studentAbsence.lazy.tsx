// One student's absence, as staff, the student and a guardian see it: one page, three viewers.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { StudentAbsencePage } from './StudentAbsencePage';

export const studentAbsenceRoute = createLazyRoute('/authed/students/$studentId/absence')({
  component: function StudentAbsenceRoute(): ReactNode {
    const { studentId } = studentAbsenceRoute.useParams();
    return <StudentAbsencePage studentId={studentId} viewer="staff" />;
  },
});

export const myAbsenceRoute = createLazyRoute('/authed/me/absence')({
  component: function MyAbsenceRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    return me.studentId ? <StudentAbsencePage studentId={me.studentId} viewer="self" /> : <NotForYouPage text={t('errors.onlyForStudents')} />;
  },
});

export const childAbsenceRoute = createLazyRoute('/authed/children/$studentId/absence')({
  component: function ChildAbsenceRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    const { studentId } = childAbsenceRoute.useParams();
    return hasRole(me, 'guardian') ? <StudentAbsencePage studentId={studentId} viewer="guardian" /> : <NotForYouPage text={t('errors.onlyForGuardians')} />;
  },
});
