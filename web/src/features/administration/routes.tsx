// This feature's pages, under the logged-in parent route. Only what the router needs before it shows
// a page stays here (path, the data to load); the pages come in lazily (pages.lazy.tsx).
// The API answers 403 to anyone but the school's admin: the router then shows the not-allowed page.
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { groupsQuery, membersQuery, schoolsQuery, staffQuery } from './api';

const homeRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'admin',
  loader: ({ context }) => context.queryClient.ensureQueryData(schoolsQuery),
}).lazy(() => import('./pages.lazy').then((d) => d.homeRoute));

const staffRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'admin/schools/$schoolId/staff',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(staffQuery(params.schoolId)),
}).lazy(() => import('./pages.lazy').then((d) => d.staffRoute));

const groupsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'admin/schools/$schoolId/groups',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(groupsQuery(params.schoolId)),
}).lazy(() => import('./pages.lazy').then((d) => d.groupsRoute));

const membersRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'admin/schools/$schoolId/groups/$groupId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(membersQuery(params.schoolId, params.groupId)),
}).lazy(() => import('./pages.lazy').then((d) => d.membersRoute));

const contactTeachersRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'admin/schools/$schoolId/contact-teachers',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(groupsQuery(params.schoolId)),
}).lazy(() => import('./pages.lazy').then((d) => d.contactTeachersRoute));

export const administrationRoutes = [homeRoute, staffRoute, groupsRoute, membersRoute, contactTeachersRoute] as const;
