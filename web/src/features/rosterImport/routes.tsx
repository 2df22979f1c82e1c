// This feature's pages, under the logged-in parent route. Only what the router needs before it shows
// a page stays here (path, the data to load); the pages come in lazily (*.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { importQuery, importsQuery, scheduleQuery, templatesQuery } from './api';

// The list answers 403 to anyone but the school admin: the router then shows the not-allowed page.
const importRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'admin/import',
  loader: ({ context }) => Promise.all([context.queryClient.ensureQueryData(importsQuery), context.queryClient.ensureQueryData(templatesQuery)]),
}).lazy(() => import('./import.lazy').then((d) => d.importRoute));

const detailRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'admin/import/$importId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(importQuery(params.importId)),
}).lazy(() => import('./import.lazy').then((d) => d.detailRoute));

const scheduleRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'admin/import/fint',
  loader: ({ context }) => context.queryClient.ensureQueryData(scheduleQuery),
}).lazy(() => import('./import.lazy').then((d) => d.scheduleRoute));

export const rosterImportRoutes = [importRoute, detailRoute, scheduleRoute] as const;
