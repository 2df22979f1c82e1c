// This feature's pages, under the logged-in parent route. Only what the router needs before it shows
// a page stays here (path, the data to load); the pages come in lazily (*.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { classComplianceQuery, complianceQuery, cycleQuery, studentTasksQuery } from './api';

const cycleRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'annual-cycle',
  loader: ({ context }) => context.queryClient.ensureQueryData(cycleQuery()),
}).lazy(() => import('./cycle.lazy').then((d) => d.cycleRoute));

const complianceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'annual-cycle/compliance',
  loader: ({ context }) => context.queryClient.ensureQueryData(complianceQuery()),
}).lazy(() => import('./compliance.lazy').then((d) => d.complianceRoute));

const classRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/routines',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classComplianceQuery(params.basisGroupId)),
}).lazy(() => import('./compliance.lazy').then((d) => d.classRoute));

const studentRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/routines',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentTasksQuery(params.studentId)),
}).lazy(() => import('./compliance.lazy').then((d) => d.studentRoute));

export const annualCycleRoutes = [cycleRoute, complianceRoute, classRoute, studentRoute] as const;
