// A guardian's children and one child's record; the pages come in lazily (pages.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { hasRole } from '../../core/auth/session';
import { authedRoute } from '../../core/router/base';
import { studentRecordQuery } from '../students';
import { childrenQuery } from './guardianApi';

const childrenRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children',
  loader: ({ context }) =>
    hasRole(context.me, 'guardian') ? context.queryClient.ensureQueryData(childrenQuery) : null,
}).lazy(() => import('./pages.lazy').then((d) => d.childrenRoute));

const childRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children/$studentId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentRecordQuery(params.studentId)),
}).lazy(() => import('./pages.lazy').then((d) => d.childRoute));

export const guardianRoutes = [childrenRoute, childRoute] as const;
