// The family's view of the parent meetings, for a guardian and for the student.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { FamilyMeetingsPage } from './FamilyMeetingsPage';

export const childRoute = createLazyRoute('/authed/children/$studentId/parent-meetings')({
  component: function ChildRoute(): ReactNode {
    const { studentId } = childRoute.useParams();
    return <FamilyMeetingsPage studentId={studentId} />;
  },
});

export const mineRoute = createLazyRoute('/authed/me/parent-meetings')({
  component: function MineRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    return me.studentId ? <FamilyMeetingsPage studentId={me.studentId} /> : <NotForYouPage text={t('errors.onlyForStudents')} />;
  },
});
