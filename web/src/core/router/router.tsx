import type { QueryClient } from '@tanstack/react-query';
import { createRoute, createRouter, redirect } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessLogPage } from '../../features/accessLog/AccessLogPage';
import { accessLogQuery } from '../../features/accessLog/accessLogApi';
import { AuditPage } from '../../features/audit/AuditPage';
import { parseAuditSearch } from '../../features/audit/auditApi';
import { authConfigQuery, safeRedirect } from '../../features/auth/authApi';
import { LoginPage } from '../../features/auth/LoginPage';
import { ClassOverviewPage } from '../../features/classes/ClassOverviewPage';
import { classOverviewQuery, teachingGroupQuery } from '../../features/classes/classesApi';
import { TeachingGroupPage } from '../../features/classes/TeachingGroupPage';
import { ConsentPage } from '../../features/consent/ConsentPage';
import { consentsQuery } from '../../features/consent/consentApi';
import { ChildPage } from '../../features/guardian/ChildPage';
import { ChildrenPage } from '../../features/guardian/ChildrenPage';
import { childrenQuery } from '../../features/guardian/guardianApi';
import { HomePage } from '../../features/home/HomePage';
import { MyProfilePage } from '../../features/students/MyProfilePage';
import { StudentPage } from '../../features/students/StudentPage';
import { studentRecordQuery } from '../../features/students/studentsApi';
import { auditRoles, hasRole, meQuery, useMe } from '../auth/session';
import { NotForYouPage, NotFoundPage, RouteErrorPage } from '../layout/ErrorPages';
import { authedRoute, rootRoute } from './base';
import { bookingRoutes } from '../../features/booking/routes';
import { conversationRoutes } from '../../features/conversations/routes';
import { absenceRoutes } from '../../features/absence/routes';
import { conductRoutes } from '../../features/conduct/routes';
import { disciplineRoutes } from '../../features/discipline/routes';
import { warningRoutes } from '../../features/warnings/routes';
import { formativeRoutes } from '../../features/formativeAssessment/routes';
import { annualCycleRoutes } from '../../features/annualCycle/routes';
import { classLifeRoutes } from '../../features/classLife/routes';
import { assessmentPlanRoutes } from '../../features/assessmentPlan/routes';
import { conflictRoutes } from '../../features/conflicts/routes';
import { accommodationNeedRoutes } from '../../features/accommodationNeeds/routes';
import { formRoutes } from '../../features/forms/routes';
import { parentMeetingRoutes } from '../../features/parentMeeting/routes';
import { Loading } from '../ui/Loading';

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (raw: Record<string, unknown>): { redirect?: string } => {
    const target = safeRedirect(raw.redirect);
    return target ? { redirect: target } : {};
  },
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery).catch(() => null);
    if (me) throw redirect({ href: search.redirect ?? '/' });
  },
  // Fetched before render so the Feide button does not pop in under the user's cursor.
  loader: ({ context }) => context.queryClient.prefetchQuery(authConfigQuery),
  component: function LoginRoute(): ReactNode {
    const { redirect: target } = loginRoute.useSearch();
    return <LoginPage redirect={target} />;
  },
});

const homeRoute = createRoute({ getParentRoute: () => authedRoute, path: '/', component: HomePage });

const classRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classOverviewQuery(params.basisGroupId)),
  component: function ClassRoute(): ReactNode {
    const { basisGroupId } = classRoute.useParams();
    return <ClassOverviewPage basisGroupId={basisGroupId} />;
  },
});

const teachingGroupRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'teaching-groups/$teachingGroupId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(teachingGroupQuery(params.teachingGroupId)),
  component: function TeachingGroupRoute(): ReactNode {
    const { teachingGroupId } = teachingGroupRoute.useParams();
    return <TeachingGroupPage teachingGroupId={teachingGroupId} />;
  },
});

const studentRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentRecordQuery(params.studentId)),
  component: function StudentRoute(): ReactNode {
    const { studentId } = studentRoute.useParams();
    return <StudentPage studentId={studentId} />;
  },
});

/** The student's own pages; anyone else gets a short explanation instead of an error. */
function OnlyForStudents({ children }: { children: (studentId: string) => ReactNode }): ReactNode {
  const { t } = useTranslation();
  const me = useMe();
  return me.studentId ? children(me.studentId) : <NotForYouPage text={t('errors.onlyForStudents')} />;
}

const myProfileRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me',
  loader: ({ context }) =>
    context.me.studentId ? context.queryClient.ensureQueryData(studentRecordQuery(context.me.studentId)) : null,
  component: () => <OnlyForStudents>{(id) => <MyProfilePage studentId={id} />}</OnlyForStudents>,
});

const myConsentRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/consent',
  loader: ({ context }) =>
    context.me.studentId ? context.queryClient.ensureQueryData(consentsQuery(context.me.studentId)) : null,
  component: () => <OnlyForStudents>{(id) => <ConsentPage studentId={id} />}</OnlyForStudents>,
});

const myAccessLogRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/access-log',
  loader: ({ context }) =>
    context.me.studentId ? context.queryClient.ensureQueryData(accessLogQuery(context.me.studentId)) : null,
  component: function MyAccessLogRoute(): ReactNode {
    const { t } = useTranslation();
    return <OnlyForStudents>{(id) => <AccessLogPage studentId={id} title={t('accessLog.title')} />}</OnlyForStudents>;
  },
});

function OnlyForGuardians({ children }: { children: ReactNode }): ReactNode {
  const { t } = useTranslation();
  const me = useMe();
  return hasRole(me, 'guardian') ? children : <NotForYouPage text={t('errors.onlyForGuardians')} />;
}

const childrenRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children',
  loader: ({ context }) =>
    hasRole(context.me, 'guardian') ? context.queryClient.ensureQueryData(childrenQuery) : null,
  component: () => (
    <OnlyForGuardians>
      <ChildrenPage />
    </OnlyForGuardians>
  ),
});

const childRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children/$studentId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentRecordQuery(params.studentId)),
  component: function ChildRoute(): ReactNode {
    const { studentId } = childRoute.useParams();
    return (
      <OnlyForGuardians>
        <ChildPage studentId={studentId} />
      </OnlyForGuardians>
    );
  },
});

const childAccessLogRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children/$studentId/access-log',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(accessLogQuery(params.studentId)),
  component: function ChildAccessLogRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    const { studentId } = childAccessLogRoute.useParams();
    // The name comes from /api/me, so that showing the log does not cost another read of the child's record.
    const name = me.children.find((c) => c.studentId === studentId)?.name ?? '';
    return (
      <OnlyForGuardians>
        <AccessLogPage studentId={studentId} title={name ? t('accessLog.childTitle', { name }) : t('accessLog.caption')} />
      </OnlyForGuardians>
    );
  },
});

const auditRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'audit',
  validateSearch: parseAuditSearch,
  component: function AuditRoute(): ReactNode {
    const { t } = useTranslation();
    const me = useMe();
    const search = auditRoute.useSearch();
    return hasRole(me, ...auditRoles) ? <AuditPage search={search} /> : <NotForYouPage text={t('errors.onlyForLeaders')} />;
  },
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  authedRoute.addChildren([
    homeRoute,
    classRoute,
    teachingGroupRoute,
    studentRoute,
    myProfileRoute,
    myConsentRoute,
    myAccessLogRoute,
    childrenRoute,
    childRoute,
    childAccessLogRoute,
    auditRoute,
    ...conversationRoutes,
    ...bookingRoutes,
    ...absenceRoutes,
    ...formativeRoutes,
    ...annualCycleRoutes,
    ...classLifeRoutes,
    ...assessmentPlanRoutes,
    ...conflictRoutes,
    ...accommodationNeedRoutes,
    ...formRoutes,
    ...parentMeetingRoutes,
    ...conductRoutes,
    ...disciplineRoutes,
    ...warningRoutes,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultErrorComponent: RouteErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    defaultPendingComponent: () => <Loading />,
    defaultPendingMs: 300,
    // Loaders fill the Query cache; freshness is Query's business, so the router always asks it.
    defaultPreloadStaleTime: 0,
    // No preloading on hover: loading a student page is an audited read, and hovering is not reading.
    defaultPreload: false,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
