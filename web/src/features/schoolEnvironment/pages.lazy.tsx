// School-environment pages: the "Jeg er bekymret" page, the list of cases and one case.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { CasePage } from './CasePage';
import { CasesPage } from './CasesPage';
import { ConcernPage } from './ConcernPage';

export const concernRoute = createLazyRoute('/authed/students/$studentId/concern')({
  component: function ConcernRoute(): ReactNode {
    const { studentId } = concernRoute.useParams();
    return <ConcernPage studentId={studentId} />;
  },
});

export const casesRoute = createLazyRoute('/authed/school-environment')({ component: CasesPage });

export const caseRoute = createLazyRoute('/authed/school-environment/$caseId')({
  component: function CaseRoute(): ReactNode {
    const { caseId } = caseRoute.useParams();
    return <CasePage key={caseId} caseId={caseId} />;
  },
});
