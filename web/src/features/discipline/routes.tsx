// This feature's pages, under the logged-in parent route. Only what the router needs before it shows
// a page stays here (path, the data to load); the pages come in lazily (pages.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { caseQuery, studentCasesQuery } from './api';

const indexRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'discipline',
}).lazy(() => import('./pages.lazy').then((d) => d.indexRoute));

const newCaseRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/disciplinary-cases/new',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentCasesQuery(params.studentId)),
}).lazy(() => import('./pages.lazy').then((d) => d.newCaseRoute));

const caseRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'disciplinary-cases/$caseId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(caseQuery(params.caseId)),
}).lazy(() => import('./pages.lazy').then((d) => d.caseRoute));

export const disciplineRoutes = [indexRoute, newCaseRoute, caseRoute] as const;
