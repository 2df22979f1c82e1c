// "Who has seen my information", for the student and for a guardian; the pages come in lazily (pages.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { accessLogQuery } from './accessLogApi';

const myAccessLogRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/access-log',
  loader: ({ context }) =>
    context.me.studentId ? context.queryClient.ensureQueryData(accessLogQuery(context.me.studentId)) : null,
}).lazy(() => import('./pages.lazy').then((d) => d.myAccessLogRoute));

const childAccessLogRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'children/$studentId/access-log',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(accessLogQuery(params.studentId)),
}).lazy(() => import('./pages.lazy').then((d) => d.childAccessLogRoute));

export const accessLogRoutes = [myAccessLogRoute, childAccessLogRoute] as const;
