// The class's life, which its students take part in and its contact teacher runs: one chunk for all of it.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ClassHourPage } from './ClassHourPage';
import { ClassRulesPage } from './ClassRulesPage';
import { DutyRotaPage } from './DutyRotaPage';
import { MyClassPage } from './MyClassPage';
import { RepresentativesPage } from './RepresentativesPage';
import { StartOfYearPage } from './StartOfYearPage';

export const classHourRoute = createLazyRoute('/authed/classes/$basisGroupId/class-hour')({
  component: function ClassHourRoute(): ReactNode {
    const { basisGroupId } = classHourRoute.useParams();
    const { week } = classHourRoute.useSearch();
    return <ClassHourPage key={`${basisGroupId}-${week ?? ''}`} basisGroupId={basisGroupId} week={week} />;
  },
});

export const startOfYearRoute = createLazyRoute('/authed/classes/$basisGroupId/start-of-year')({
  component: function StartOfYearRoute(): ReactNode {
    const { basisGroupId } = startOfYearRoute.useParams();
    return <StartOfYearPage basisGroupId={basisGroupId} />;
  },
});

export const classRulesRoute = createLazyRoute('/authed/classes/$basisGroupId/class-rules')({
  component: function ClassRulesRoute(): ReactNode {
    const { basisGroupId } = classRulesRoute.useParams();
    return <ClassRulesPage basisGroupId={basisGroupId} />;
  },
});

export const representativesRoute = createLazyRoute('/authed/classes/$basisGroupId/representatives')({
  component: function RepresentativesRoute(): ReactNode {
    const { basisGroupId } = representativesRoute.useParams();
    return <RepresentativesPage basisGroupId={basisGroupId} />;
  },
});

export const dutyRotaRoute = createLazyRoute('/authed/classes/$basisGroupId/duty-rota')({
  component: function DutyRotaRoute(): ReactNode {
    const { basisGroupId } = dutyRotaRoute.useParams();
    return <DutyRotaPage basisGroupId={basisGroupId} />;
  },
});

export const myClassRoute = createLazyRoute('/authed/me/class')({ component: MyClassPage });
