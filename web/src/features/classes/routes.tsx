// A class's overview and a teaching group's students; the pages come in lazily (pages.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { classOverviewQuery, teachingGroupQuery } from './classesApi';

const classRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classOverviewQuery(params.basisGroupId)),
}).lazy(() => import('./pages.lazy').then((d) => d.classRoute));

const teachingGroupRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'teaching-groups/$teachingGroupId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(teachingGroupQuery(params.teachingGroupId)),
}).lazy(() => import('./pages.lazy').then((d) => d.teachingGroupRoute));

export const classRoutes = [classRoute, teachingGroupRoute] as const;
