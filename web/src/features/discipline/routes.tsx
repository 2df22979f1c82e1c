// This feature's pages, under the logged-in parent route; router.tsx adds them to the tree.
import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { authedRoute } from '../../core/router/base';
import { caseQuery, studentCasesQuery } from './api';
import { CasePage } from './CasePage';
import { DisciplineIndexPage } from './IndexPage';
import { NewCasePage } from './NewCasePage';

const indexRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'discipline',
  component: DisciplineIndexPage,
});

const newCaseRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/disciplinary-cases/new',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentCasesQuery(params.studentId)),
  component: function NewCaseRoute(): ReactNode {
    const { studentId } = newCaseRoute.useParams();
    const { data } = useSuspenseQuery(studentCasesQuery(studentId));
    return <NewCasePage studentId={studentId} today={data.today} />;
  },
});

const caseRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'disciplinary-cases/$caseId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(caseQuery(params.caseId)),
  component: function CaseRoute(): ReactNode {
    const { caseId } = caseRoute.useParams();
    const { data } = useSuspenseQuery(caseQuery(caseId));
    return <CasePage key={caseId} caseId={caseId} today={data.today} />;
  },
});

export const disciplineRoutes = [indexRoute, newCaseRoute, caseRoute] as const;
