// This feature's pages, under the logged-in parent route; router.tsx adds them to the tree.
import { createRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { authedRoute } from '../../core/router/base';
import { classSummaryQuery, groupAssessmentsQuery, studentAssessmentsQuery } from './api';
import { ClassSummaryPage } from './ClassSummaryPage';
import { FormativeHomePage } from './FormativeHomePage';
import { GroupPage } from './GroupPage';
import { StudentAssessmentsPage } from './StudentAssessmentsPage';

const homeRoute = createRoute({ getParentRoute: () => authedRoute, path: 'formative', component: FormativeHomePage });

const groupRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'teaching-groups/$teachingGroupId/formative',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(groupAssessmentsQuery(params.teachingGroupId)),
  component: function GroupRoute(): ReactNode {
    const { teachingGroupId } = groupRoute.useParams();
    return <GroupPage teachingGroupId={teachingGroupId} />;
  },
});

const classRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/formative',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classSummaryQuery(params.basisGroupId)),
  component: function ClassRoute(): ReactNode {
    const { basisGroupId } = classRoute.useParams();
    return <ClassSummaryPage basisGroupId={basisGroupId} />;
  },
});

const studentRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/formative',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentAssessmentsQuery(params.studentId)),
  component: function StudentRoute(): ReactNode {
    const { studentId } = studentRoute.useParams();
    return <StudentAssessmentsPage studentId={studentId} viewer="staff" />;
  },
});

const mineRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/formative',
  loader: ({ context }) => (context.me.studentId ? context.queryClient.ensureQueryData(studentAssessmentsQuery(context.me.studentId)) : null),
  component: function MineRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    return me.studentId ? <StudentAssessmentsPage studentId={me.studentId} viewer="self" /> : <NotForYouPage text={t('errors.onlyForStudents')} />;
  },
});

const childRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children/$studentId/formative',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentAssessmentsQuery(params.studentId)),
  component: function ChildRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    const { studentId } = childRoute.useParams();
    return hasRole(me, 'guardian') ? <StudentAssessmentsPage studentId={studentId} viewer="guardian" /> : <NotForYouPage text={t('errors.onlyForGuardians')} />;
  },
});

export const formativeRoutes = [homeRoute, groupRoute, classRoute, studentRoute, mineRoute, childRoute] as const;
