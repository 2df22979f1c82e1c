// Cases, for the staff who may read them: one chunk for a case and the resource team's list.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { CasePage } from './CasePage';
import { ResourceTeamPage } from './ResourceTeamPage';

export const caseRoute = createLazyRoute('/authed/cases/$caseId')({
  component: function CaseRoute(): ReactNode {
    const { caseId } = caseRoute.useParams();
    return <CasePage key={caseId} caseId={caseId} />;
  },
});

export const resourceTeamRoute = createLazyRoute('/authed/resource-team-cases')({ component: ResourceTeamPage });
