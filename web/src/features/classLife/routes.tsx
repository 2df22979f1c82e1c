// Class life's pages, under the logged-in parent route. Only what the router needs
// before it shows a page stays here (path, search, the data to load); the pages come in lazily (pages.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { agendaQuery, checklistQuery, classRulesQuery, dutyRotaQuery, myClassesQuery, representativesQuery } from './api';

const classHourRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/class-hour',
  validateSearch: (raw: Record<string, unknown>): { week?: string } =>
    typeof raw.week === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.week) ? { week: raw.week } : {},
  loaderDeps: ({ search }) => ({ week: search.week }),
  loader: ({ context, params, deps }) => context.queryClient.ensureQueryData(agendaQuery(params.basisGroupId, deps.week)),
}).lazy(() => import('./pages.lazy').then((d) => d.classHourRoute));

const startOfYearRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/start-of-year',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(checklistQuery(params.basisGroupId)),
}).lazy(() => import('./pages.lazy').then((d) => d.startOfYearRoute));

const classRulesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/class-rules',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classRulesQuery(params.basisGroupId)),
}).lazy(() => import('./pages.lazy').then((d) => d.classRulesRoute));

const representativesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/representatives',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(representativesQuery(params.basisGroupId)),
}).lazy(() => import('./pages.lazy').then((d) => d.representativesRoute));

const dutyRotaRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/duty-rota',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(dutyRotaQuery(params.basisGroupId)),
}).lazy(() => import('./pages.lazy').then((d) => d.dutyRotaRoute));

const myClassRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/class',
  loader: ({ context }) => context.queryClient.ensureQueryData(myClassesQuery()),
}).lazy(() => import('./pages.lazy').then((d) => d.myClassRoute));

export const classLifeRoutes = [classHourRoute, startOfYearRoute, classRulesRoute, representativesRoute, dutyRotaRoute, myClassRoute] as const;
