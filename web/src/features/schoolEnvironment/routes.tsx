// School-environment pages, under the logged-in parent route; the pages come in lazily (pages.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { studentRecordQuery } from '../students';
import { caseQuery, schoolCasesQuery } from './api';

const concernRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/concern',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentRecordQuery(params.studentId)),
}).lazy(() => import('./pages.lazy').then((d) => d.concernRoute));

const casesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'school-environment',
  loader: ({ context }) => context.queryClient.ensureQueryData(schoolCasesQuery),
}).lazy(() => import('./pages.lazy').then((d) => d.casesRoute));

const caseRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'school-environment/$caseId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(caseQuery(params.caseId)),
}).lazy(() => import('./pages.lazy').then((d) => d.caseRoute));

export const schoolEnvironmentRoutes = [concernRoute, casesRoute, caseRoute] as const;
