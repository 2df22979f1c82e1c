// This feature's pages, under the logged-in parent route. Only what the router needs before it shows
// a page stays here (path, the data to load); the pages come in lazily (pages.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { classConductQuery, groupInputsQuery, preparationQuery } from './api';

const indexRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'conduct',
}).lazy(() => import('./pages.lazy').then((d) => d.indexRoute));

const inputRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'teaching-groups/$teachingGroupId/conduct',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(groupInputsQuery(params.teachingGroupId)),
}).lazy(() => import('./pages.lazy').then((d) => d.inputRoute));

const classRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/conduct',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classConductQuery(params.basisGroupId)),
}).lazy(() => import('./pages.lazy').then((d) => d.classRoute));

const preparationRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/grade-preparation',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(preparationQuery(params.basisGroupId)),
}).lazy(() => import('./pages.lazy').then((d) => d.preparationRoute));

export const conductRoutes = [indexRoute, inputRoute, classRoute, preparationRoute] as const;
