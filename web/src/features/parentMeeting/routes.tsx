// This feature's pages, under the logged-in parent route. Only what the router needs before it shows
// a page stays here (path, the data to load); the pages come in lazily (*.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { classMeetingsQuery, studentMeetingsQuery } from './api';

const classRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/parent-meetings',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classMeetingsQuery(params.basisGroupId)),
}).lazy(() => import('./class.lazy').then((d) => d.classRoute));

/** The link in the notice and the e-mail to absent guardians points here. */
const childRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children/$studentId/parent-meetings',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentMeetingsQuery(params.studentId)),
}).lazy(() => import('./family.lazy').then((d) => d.childRoute));

const mineRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/parent-meetings',
  loader: ({ context }) => (context.me.studentId ? context.queryClient.ensureQueryData(studentMeetingsQuery(context.me.studentId)) : null),
}).lazy(() => import('./family.lazy').then((d) => d.mineRoute));

export const parentMeetingRoutes = [classRoute, childRoute, mineRoute] as const;
