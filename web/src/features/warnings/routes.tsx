// This feature's pages, under the logged-in parent route. Only what the router needs before it shows
// a page stays here (path, the data to load); the pages come in lazily (*.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { hasRole } from '../../core/auth/session';
import { authedRoute } from '../../core/router/base';
import { assessmentDatesQuery, letterQuery, prefillQuery, queueQuery, schoolWarningsQuery, studentWarningsQuery } from './api';

const raiseRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/warnings/new',
  loader: ({ context, params }) => Promise.all([
    context.queryClient.ensureQueryData(prefillQuery(params.studentId)),
    context.queryClient.ensureQueryData(studentWarningsQuery(params.studentId)),
  ]),
}).lazy(() => import('./staff.lazy').then((d) => d.raiseRoute));

const queueRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/warnings',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(queueQuery(params.basisGroupId)),
}).lazy(() => import('./staff.lazy').then((d) => d.queueRoute));

const letterRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/warning-letters/$letterId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(letterQuery(params.studentId, params.letterId)),
}).lazy(() => import('./letter.lazy').then((d) => d.letterRoute));

const decisionsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'warnings/decisions',
  loader: ({ context }) => (hasRole(context.me, 'principal', 'departmentHead')
    ? Promise.all([
      context.queryClient.ensureQueryData(schoolWarningsQuery),
      hasRole(context.me, 'principal') ? context.queryClient.ensureQueryData(assessmentDatesQuery) : null,
    ]) : null),
}).lazy(() => import('./leaders.lazy').then((d) => d.decisionsRoute));

export const warningRoutes = [raiseRoute, queueRoute, letterRoute, decisionsRoute] as const;
