// One student's assessments, as staff, the student and a guardian see them: one page, three viewers.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { StudentAssessmentsPage } from './StudentAssessmentsPage';

export const studentRoute = createLazyRoute('/authed/students/$studentId/formative')({
  component: function StudentRoute(): ReactNode {
    const { studentId } = studentRoute.useParams();
    return <StudentAssessmentsPage studentId={studentId} viewer="staff" />;
  },
});

export const mineRoute = createLazyRoute('/authed/me/formative')({
  component: function MineRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    return me.studentId ? <StudentAssessmentsPage studentId={me.studentId} viewer="self" /> : <NotForYouPage text={t('errors.onlyForStudents')} />;
  },
});

export const childRoute = createLazyRoute('/authed/children/$studentId/formative')({
  component: function ChildRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    const { studentId } = childRoute.useParams();
    return hasRole(me, 'guardian') ? <StudentAssessmentsPage studentId={studentId} viewer="guardian" /> : <NotForYouPage text={t('errors.onlyForGuardians')} />;
  },
});
