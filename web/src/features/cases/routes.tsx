// This feature's pages, under the logged-in parent route. Only what the router needs before it shows
// a page stays here (path, the data to load); the pages come in lazily (pages.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { caseQuery, resourceTeamCasesQuery } from './api';

const caseRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'cases/$caseId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(caseQuery(params.caseId)),
}).lazy(() => import('./pages.lazy').then((d) => d.caseRoute));

const resourceTeamRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'resource-team-cases',
  loader: ({ context }) => context.queryClient.ensureQueryData(resourceTeamCasesQuery),
}).lazy(() => import('./pages.lazy').then((d) => d.resourceTeamRoute));

export const casesRoutes = [caseRoute, resourceTeamRoute] as const;
