// This feature's pages, under the logged-in parent route. Only what the router needs before it shows
// a page stays here (path, the data to load); the pages come in lazily (pages.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { conflictQuery, conflictsQuery } from './api';

const listRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'conflicts',
  loader: ({ context }) => context.queryClient.ensureQueryData(conflictsQuery),
}).lazy(() => import('./pages.lazy').then((d) => d.listRoute));

const newRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'conflicts/new',
  loader: ({ context }) => context.queryClient.ensureQueryData(conflictsQuery),
}).lazy(() => import('./pages.lazy').then((d) => d.newRoute));

const oneRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'conflicts/$conflictId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(conflictQuery(params.conflictId)),
}).lazy(() => import('./pages.lazy').then((d) => d.oneRoute));

export const conflictRoutes = [listRoute, newRoute, oneRoute] as const;
