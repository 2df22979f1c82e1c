// This feature's pages, under the logged-in parent route. Only what the router needs before it shows
// a page stays here (path, the data to load); the pages come in lazily (*.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { classSummaryQuery, groupAssessmentsQuery, studentAssessmentsQuery } from './api';

const homeRoute = createRoute({ getParentRoute: () => authedRoute, path: 'formative' })
  .lazy(() => import('./staff.lazy').then((d) => d.homeRoute));

const groupRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'teaching-groups/$teachingGroupId/formative',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(groupAssessmentsQuery(params.teachingGroupId)),
}).lazy(() => import('./staff.lazy').then((d) => d.groupRoute));

const classRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/formative',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classSummaryQuery(params.basisGroupId)),
}).lazy(() => import('./staff.lazy').then((d) => d.classRoute));

const studentRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/formative',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentAssessmentsQuery(params.studentId)),
}).lazy(() => import('./student.lazy').then((d) => d.studentRoute));

const mineRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/formative',
  loader: ({ context }) => (context.me.studentId ? context.queryClient.ensureQueryData(studentAssessmentsQuery(context.me.studentId)) : null),
}).lazy(() => import('./student.lazy').then((d) => d.mineRoute));

const childRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children/$studentId/formative',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentAssessmentsQuery(params.studentId)),
}).lazy(() => import('./student.lazy').then((d) => d.childRoute));

export const formativeRoutes = [homeRoute, groupRoute, classRoute, studentRoute, mineRoute, childRoute] as const;
