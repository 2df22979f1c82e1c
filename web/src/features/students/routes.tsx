// A student's record, for staff and for the student themself; the pages come in lazily (pages.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { studentRecordQuery } from './studentsApi';

const studentRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentRecordQuery(params.studentId)),
}).lazy(() => import('./pages.lazy').then((d) => d.studentRoute));

const myProfileRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me',
  loader: ({ context }) =>
    context.me.studentId ? context.queryClient.ensureQueryData(studentRecordQuery(context.me.studentId)) : null,
}).lazy(() => import('./pages.lazy').then((d) => d.myProfileRoute));

export const studentRoutes = [studentRoute, myProfileRoute] as const;
