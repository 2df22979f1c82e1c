// This feature's pages, under the logged-in parent route; router.tsx adds them to the tree.
import { createRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { authedRoute } from '../../core/router/base';
import { classConductQuery, groupInputsQuery, preparationQuery } from './api';
import { ClassConductPage } from './ClassConductPage';
import { ConductIndexPage } from './IndexPage';
import { InputPage } from './InputPage';
import { PreparationPage } from './PreparationPage';

const indexRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'conduct',
  component: ConductIndexPage,
});

const inputRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'teaching-groups/$teachingGroupId/conduct',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(groupInputsQuery(params.teachingGroupId)),
  component: function InputRoute(): ReactNode {
    const { teachingGroupId } = inputRoute.useParams();
    return <InputPage key={teachingGroupId} teachingGroupId={teachingGroupId} />;
  },
});

const classRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/conduct',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classConductQuery(params.basisGroupId)),
  component: function ClassRoute(): ReactNode {
    const { basisGroupId } = classRoute.useParams();
    return <ClassConductPage key={basisGroupId} basisGroupId={basisGroupId} />;
  },
});

const preparationRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/grade-preparation',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(preparationQuery(params.basisGroupId)),
  component: function PreparationRoute(): ReactNode {
    const { basisGroupId } = preparationRoute.useParams();
    return <PreparationPage basisGroupId={basisGroupId} />;
  },
});

export const conductRoutes = [indexRoute, inputRoute, classRoute, preparationRoute] as const;
