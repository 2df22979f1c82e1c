// The meetings pages, under the logged-in parent route; the pages come in lazily (pages.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { meetingQuery, myMeetingsQuery, resourceTeamQuery } from './api';
import { isStaff } from './NavItems';

const meetingRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'meetings/$meetingId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(meetingQuery(params.meetingId)),
}).lazy(() => import('./pages.lazy').then((d) => d.meetingRoute));

const myMeetingsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/meetings',
  loader: ({ context }) => (isStaff(context.me) ? context.queryClient.ensureQueryData(myMeetingsQuery) : null),
}).lazy(() => import('./pages.lazy').then((d) => d.myMeetingsRoute));

const resourceTeamRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'resource-team',
  loader: ({ context }) => (isStaff(context.me) ? context.queryClient.ensureQueryData(resourceTeamQuery) : null),
}).lazy(() => import('./pages.lazy').then((d) => d.resourceTeamRoute));

export const meetingsRoutes = [meetingRoute, myMeetingsRoute, resourceTeamRoute] as const;
