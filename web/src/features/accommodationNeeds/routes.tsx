// This feature's pages, under the logged-in parent route. Only what the router needs before it shows
// a page stays here (path, the data to load); the pages come in lazily (pages.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { classNeedsQuery, myNeedsQuery, studentNeedsQuery } from './api';

const studentRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/accommodation-needs',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentNeedsQuery(params.studentId)),
}).lazy(() => import('./pages.lazy').then((d) => d.studentRoute));

const classRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/accommodation-needs',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classNeedsQuery(params.basisGroupId)),
}).lazy(() => import('./pages.lazy').then((d) => d.classRoute));

const mineRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/accommodation-needs',
  loader: ({ context }) => context.queryClient.ensureQueryData(myNeedsQuery),
}).lazy(() => import('./mine.lazy').then((d) => d.mineRoute));

export const accommodationNeedRoutes = [studentRoute, classRoute, mineRoute] as const;
