// This feature's pages, under the logged-in parent route; router.tsx adds them to the tree.
import { createRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../core/auth/session';
import { NotForYouPage } from '../../core/layout/ErrorPages';
import { authedRoute } from '../../core/router/base';
import { groupPlanQuery, mineQuery, rulesQuery, schoolEventsQuery, studentPlanQuery } from './api';
import { RulesPage, SchoolEventsPage } from './LeaderPages';
import { AssessmentPlanHomePage, GroupPlanPage, StudentPlanPage } from './Pages';
import { plansSchoolEvents, readsRules } from './roles';

const homeRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'assessment-plan',
  loader: ({ context }) => Promise.all([
    context.queryClient.ensureQueryData(mineQuery()),
    context.me.studentId ? context.queryClient.ensureQueryData(studentPlanQuery(context.me.studentId)) : null,
  ]),
  component: function HomeRoute(): ReactNode {
    return <AssessmentPlanHomePage me={useMe()} />;
  },
});

const teachingRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'teaching-groups/$teachingGroupId/assessment-plan',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(groupPlanQuery({ kind: 'teaching', id: params.teachingGroupId })),
  component: function TeachingRoute(): ReactNode {
    const { teachingGroupId } = teachingRoute.useParams();
    return <GroupPlanPage group={{ kind: 'teaching', id: teachingGroupId }} />;
  },
});

const classRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/assessment-plan',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(groupPlanQuery({ kind: 'basis', id: params.basisGroupId })),
  component: function ClassRoute(): ReactNode {
    const { basisGroupId } = classRoute.useParams();
    return <GroupPlanPage group={{ kind: 'basis', id: basisGroupId }} />;
  },
});

const studentRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/assessment-plan',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentPlanQuery(params.studentId)),
  component: function StudentRoute(): ReactNode {
    const { studentId } = studentRoute.useParams();
    return <StudentPlanPage studentId={studentId} viewer="staff" />;
  },
});

const childRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children/$studentId/assessment-plan',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentPlanQuery(params.studentId)),
  component: function ChildRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    const { studentId } = childRoute.useParams();
    return hasRole(me, 'guardian') ? <StudentPlanPage studentId={studentId} viewer="guardian" /> : <NotForYouPage text={t('errors.onlyForGuardians')} />;
  },
});

const rulesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'assessment-plan/rules',
  loader: ({ context }) => (readsRules(context.me) ? context.queryClient.ensureQueryData(rulesQuery()) : null),
  component: function RulesRoute(): ReactNode {
    const { t } = useTranslation();
    return readsRules(useMe()) ? <RulesPage /> : <NotForYouPage text={t('assessmentPlan.rules.onlyStaff')} />;
  },
});

const schoolEventsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'assessment-plan/school-events',
  loader: ({ context }) => (plansSchoolEvents(context.me) ? context.queryClient.ensureQueryData(schoolEventsQuery()) : null),
  component: function SchoolEventsRoute(): ReactNode {
    const { t } = useTranslation();
    return plansSchoolEvents(useMe()) ? <SchoolEventsPage /> : <NotForYouPage text={t('assessmentPlan.events.onlyLeaders')} />;
  },
});

export const assessmentPlanRoutes = [homeRoute, rulesRoute, schoolEventsRoute, teachingRoute, classRoute, studentRoute, childRoute] as const;
