// This feature's pages, under the logged-in parent route. Only what the router needs before it shows
// a page stays here (path, the data to load); the pages come in lazily (*.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { groupPlanQuery, mineQuery, rulesQuery, schoolEventsQuery, studentPlanQuery } from './api';
import { plansSchoolEvents, readsRules } from './roles';

const homeRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'assessment-plan',
  loader: ({ context }) => Promise.all([
    context.queryClient.ensureQueryData(mineQuery()),
    context.me.studentId ? context.queryClient.ensureQueryData(studentPlanQuery(context.me.studentId)) : null,
  ]),
}).lazy(() => import('./plans.lazy').then((d) => d.homeRoute));

const teachingRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'teaching-groups/$teachingGroupId/assessment-plan',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(groupPlanQuery({ kind: 'teaching', id: params.teachingGroupId })),
}).lazy(() => import('./plans.lazy').then((d) => d.teachingRoute));

const classRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/assessment-plan',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(groupPlanQuery({ kind: 'basis', id: params.basisGroupId })),
}).lazy(() => import('./plans.lazy').then((d) => d.classRoute));

const studentRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/assessment-plan',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentPlanQuery(params.studentId)),
}).lazy(() => import('./plans.lazy').then((d) => d.studentRoute));

const childRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children/$studentId/assessment-plan',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentPlanQuery(params.studentId)),
}).lazy(() => import('./plans.lazy').then((d) => d.childRoute));

const rulesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'assessment-plan/rules',
  loader: ({ context }) => (readsRules(context.me) ? context.queryClient.ensureQueryData(rulesQuery()) : null),
}).lazy(() => import('./leaders.lazy').then((d) => d.rulesRoute));

const schoolEventsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'assessment-plan/school-events',
  loader: ({ context }) => (plansSchoolEvents(context.me) ? context.queryClient.ensureQueryData(schoolEventsQuery()) : null),
}).lazy(() => import('./leaders.lazy').then((d) => d.schoolEventsRoute));

export const assessmentPlanRoutes = [homeRoute, rulesRoute, schoolEventsRoute, teachingRoute, classRoute, studentRoute, childRoute] as const;
