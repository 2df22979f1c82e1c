// This feature's pages, under the logged-in parent route; the pages come in lazily (*.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { classScreeningQuery, meetingQuery, settingsQuery } from './api';

const screeningRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/screening',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classScreeningQuery(params.basisGroupId)),
}).lazy(() => import('./pages.lazy').then((d) => d.screeningRoute));

const meetingRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/class-team-meeting',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(meetingQuery(params.basisGroupId)),
}).lazy(() => import('./pages.lazy').then((d) => d.meetingRoute));

const settingsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'screening/settings',
  loader: ({ context }) => context.queryClient.ensureQueryData(settingsQuery()),
}).lazy(() => import('./pages.lazy').then((d) => d.settingsRoute));

export const screeningRoutes = [screeningRoute, meetingRoute, settingsRoute] as const;
