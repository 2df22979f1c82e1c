// This feature's pages, under the logged-in parent route. Only what the router needs before it shows
// a page stays here (path, the data to load); the pages come in lazily (*.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { classFormsQuery, schoolFormsQuery, studentFormsQuery } from './api';

const classRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/forms',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classFormsQuery(params.basisGroupId)),
}).lazy(() => import('./staff.lazy').then((d) => d.classRoute));

const schoolRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'forms',
  loader: ({ context }) => context.queryClient.ensureQueryData(schoolFormsQuery),
}).lazy(() => import('./staff.lazy').then((d) => d.schoolRoute));

const mineRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/forms',
  loader: ({ context }) => (context.me.studentId ? context.queryClient.ensureQueryData(studentFormsQuery(context.me.studentId)) : null),
}).lazy(() => import('./student.lazy').then((d) => d.mineRoute));

const childRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children/$studentId/forms',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentFormsQuery(params.studentId)),
}).lazy(() => import('./student.lazy').then((d) => d.childRoute));

export const formRoutes = [classRoute, schoolRoute, mineRoute, childRoute] as const;
