// Conflicts between students, for contact teachers and the leaders: one chunk for the list, a new case and one case.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ConflictPage } from './ConflictPage';
import { ConflictsPage } from './ConflictsPage';
import { NewConflictPage } from './NewConflictPage';

export const listRoute = createLazyRoute('/authed/conflicts')({ component: ConflictsPage });

export const newRoute = createLazyRoute('/authed/conflicts/new')({ component: NewConflictPage });

export const oneRoute = createLazyRoute('/authed/conflicts/$conflictId')({
  component: function ConflictRoute(): ReactNode {
    const { conflictId } = oneRoute.useParams();
    return <ConflictPage conflictId={conflictId} />;
  },
});
