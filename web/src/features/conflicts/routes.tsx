// This feature's pages, under the logged-in parent route; router.tsx adds them to the tree.
import { createRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { authedRoute } from '../../core/router/base';
import { conflictQuery, conflictsQuery } from './api';
import { ConflictPage } from './ConflictPage';
import { ConflictsPage } from './ConflictsPage';
import { NewConflictPage } from './NewConflictPage';

const listRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'conflicts',
  loader: ({ context }) => context.queryClient.ensureQueryData(conflictsQuery),
  component: ConflictsPage,
});

const newRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'conflicts/new',
  loader: ({ context }) => context.queryClient.ensureQueryData(conflictsQuery),
  component: NewConflictPage,
});

const oneRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'conflicts/$conflictId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(conflictQuery(params.conflictId)),
  component: function ConflictRoute(): ReactNode {
    const { conflictId } = oneRoute.useParams();
    return <ConflictPage conflictId={conflictId} />;
  },
});

export const conflictRoutes = [listRoute, newRoute, oneRoute] as const;
