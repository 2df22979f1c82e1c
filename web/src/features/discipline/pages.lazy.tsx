// Disciplinary cases, for the staff who handle them: one chunk for the list, a new case and one case.
import { useSuspenseQuery } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { caseQuery, studentCasesQuery } from './api';
import { CasePage } from './CasePage';
import { DisciplineIndexPage } from './IndexPage';
import { NewCasePage } from './NewCasePage';

export const indexRoute = createLazyRoute('/authed/discipline')({ component: DisciplineIndexPage });

export const newCaseRoute = createLazyRoute('/authed/students/$studentId/disciplinary-cases/new')({
  component: function NewCaseRoute(): ReactNode {
    const { studentId } = newCaseRoute.useParams();
    const { data } = useSuspenseQuery(studentCasesQuery(studentId));
    return <NewCasePage studentId={studentId} today={data.today} />;
  },
});

export const caseRoute = createLazyRoute('/authed/disciplinary-cases/$caseId')({
  component: function CaseRoute(): ReactNode {
    const { caseId } = caseRoute.useParams();
    const { data } = useSuspenseQuery(caseQuery(caseId));
    return <CasePage key={caseId} caseId={caseId} today={data.today} />;
  },
});
