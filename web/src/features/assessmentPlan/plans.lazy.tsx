// The plans: the person's own start page, a group's plan, a student's (for staff and a guardian).
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { AssessmentPlanHomePage, GroupPlanPage, StudentPlanPage } from './Pages';

export const homeRoute = createLazyRoute('/authed/assessment-plan')({
  component: function HomeRoute(): ReactNode {
    return <AssessmentPlanHomePage me={useMe()} />;
  },
});

export const teachingRoute = createLazyRoute('/authed/teaching-groups/$teachingGroupId/assessment-plan')({
  component: function TeachingRoute(): ReactNode {
    const { teachingGroupId } = teachingRoute.useParams();
    return <GroupPlanPage group={{ kind: 'teaching', id: teachingGroupId }} />;
  },
});

export const classRoute = createLazyRoute('/authed/classes/$basisGroupId/assessment-plan')({
  component: function ClassRoute(): ReactNode {
    const { basisGroupId } = classRoute.useParams();
    return <GroupPlanPage group={{ kind: 'basis', id: basisGroupId }} />;
  },
});

export const studentRoute = createLazyRoute('/authed/students/$studentId/assessment-plan')({
  component: function StudentRoute(): ReactNode {
    const { studentId } = studentRoute.useParams();
    return <StudentPlanPage studentId={studentId} viewer="staff" />;
  },
});

export const childRoute = createLazyRoute('/authed/children/$studentId/assessment-plan')({
  component: function ChildRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    const { studentId } = childRoute.useParams();
    return hasRole(me, 'guardian') ? <StudentPlanPage studentId={studentId} viewer="guardian" /> : <NotForYouPage text={t('errors.onlyForGuardians')} />;
  },
});
