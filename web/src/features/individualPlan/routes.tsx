// This feature's pages, under the logged-in parent route. Only what the router needs before it shows
// a page stays here (path, the data to load); the pages come in lazily (pages.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { finalisedQuery, planQuery, versionQuery } from './api';

const staffRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/individual-plan',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(planQuery(params.studentId)),
}).lazy(() => import('./pages.lazy').then((d) => d.staffRoute));

const versionRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/individual-plan/versions/$version',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(versionQuery(params.studentId, Number(params.version))),
}).lazy(() => import('./pages.lazy').then((d) => d.versionRoute));

const mineRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/individual-plan',
  loader: ({ context }) => (context.me.studentId ? context.queryClient.ensureQueryData(finalisedQuery(context.me.studentId)) : null),
}).lazy(() => import('./pages.lazy').then((d) => d.mineRoute));

const childRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children/$studentId/individual-plan',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(finalisedQuery(params.studentId)),
}).lazy(() => import('./pages.lazy').then((d) => d.childRoute));

export const individualPlanRoutes = [staffRoute, versionRoute, mineRoute, childRoute] as const;
