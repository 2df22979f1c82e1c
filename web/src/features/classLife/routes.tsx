// Class life's pages, under the logged-in parent route; router.tsx adds them to the tree.
import { createRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { authedRoute } from '../../core/router/base';
import { agendaQuery, checklistQuery, classRulesQuery, dutyRotaQuery, myClassesQuery, representativesQuery } from './api';
import { ClassHourPage } from './ClassHourPage';
import { ClassRulesPage } from './ClassRulesPage';
import { DutyRotaPage } from './DutyRotaPage';
import { MyClassPage } from './MyClassPage';
import { RepresentativesPage } from './RepresentativesPage';
import { StartOfYearPage } from './StartOfYearPage';
import './classLife.css';

const classHourRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/class-hour',
  validateSearch: (raw: Record<string, unknown>): { week?: string } =>
    typeof raw.week === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.week) ? { week: raw.week } : {},
  loaderDeps: ({ search }) => ({ week: search.week }),
  loader: ({ context, params, deps }) => context.queryClient.ensureQueryData(agendaQuery(params.basisGroupId, deps.week)),
  component: function ClassHourRoute(): ReactNode {
    const { basisGroupId } = classHourRoute.useParams();
    const { week } = classHourRoute.useSearch();
    return <ClassHourPage key={`${basisGroupId}-${week ?? ''}`} basisGroupId={basisGroupId} week={week} />;
  },
});

const startOfYearRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/start-of-year',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(checklistQuery(params.basisGroupId)),
  component: function StartOfYearRoute(): ReactNode {
    const { basisGroupId } = startOfYearRoute.useParams();
    return <StartOfYearPage basisGroupId={basisGroupId} />;
  },
});

const classRulesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/class-rules',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classRulesQuery(params.basisGroupId)),
  component: function ClassRulesRoute(): ReactNode {
    const { basisGroupId } = classRulesRoute.useParams();
    return <ClassRulesPage basisGroupId={basisGroupId} />;
  },
});

const representativesRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/representatives',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(representativesQuery(params.basisGroupId)),
  component: function RepresentativesRoute(): ReactNode {
    const { basisGroupId } = representativesRoute.useParams();
    return <RepresentativesPage basisGroupId={basisGroupId} />;
  },
});

const dutyRotaRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/duty-rota',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(dutyRotaQuery(params.basisGroupId)),
  component: function DutyRotaRoute(): ReactNode {
    const { basisGroupId } = dutyRotaRoute.useParams();
    return <DutyRotaPage basisGroupId={basisGroupId} />;
  },
});

const myClassRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/class',
  loader: ({ context }) => context.queryClient.ensureQueryData(myClassesQuery()),
  component: MyClassPage,
});

export const classLifeRoutes = [classHourRoute, startOfYearRoute, classRulesRoute, representativesRoute, dutyRotaRoute, myClassRoute];
