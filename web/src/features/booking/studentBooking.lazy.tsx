// A student's booking page, as the student, a guardian and the school see it.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { StudentBookingPage } from './StudentBookingPage';

export const myBookingRoute = createLazyRoute('/authed/me/booking')({
  component: function MyBookingRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    return me.studentId ? (
      <StudentBookingPage studentId={me.studentId} viewer="self" />
    ) : (
      <NotForYouPage text={t('errors.onlyForStudents')} />
    );
  },
});

export const childBookingRoute = createLazyRoute('/authed/children/$studentId/booking')({
  component: function ChildBookingRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    const { studentId } = childBookingRoute.useParams();
    return hasRole(me, 'guardian') ? (
      <StudentBookingPage key={studentId} studentId={studentId} viewer="guardian" />
    ) : (
      <NotForYouPage text={t('errors.onlyForGuardians')} />
    );
  },
});

export const studentBookingRoute = createLazyRoute('/authed/students/$studentId/booking')({
  component: function StudentBookingRoute(): ReactNode {
    const { studentId } = studentBookingRoute.useParams();
    return <StudentBookingPage key={studentId} studentId={studentId} viewer="staff" />;
  },
});
