// A class's conversation plan and its guardian conferences, for its contact teacher.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ClassPlanPage } from './ClassPlanPage';
import { GuardianConferencesPage } from './GuardianConferencesPage';

export const classPlanRoute = createLazyRoute('/authed/classes/$basisGroupId/conversations')({
  component: function ClassPlanRoute(): ReactNode {
    const { basisGroupId } = classPlanRoute.useParams();
    return <ClassPlanPage basisGroupId={basisGroupId} />;
  },
});

export const conferencesRoute = createLazyRoute('/authed/classes/$basisGroupId/guardian-conferences')({
  component: function ConferencesRoute(): ReactNode {
    const { basisGroupId } = conferencesRoute.useParams();
    return <GuardianConferencesPage basisGroupId={basisGroupId} />;
  },
});
