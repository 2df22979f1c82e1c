// The staff's conduct pages: one chunk, as only teachers and leaders open them.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ClassConductPage } from './ClassConductPage';
import { ConductIndexPage } from './IndexPage';
import { InputPage } from './InputPage';
import { PreparationPage } from './PreparationPage';

export const indexRoute = createLazyRoute('/authed/conduct')({ component: ConductIndexPage });

export const inputRoute = createLazyRoute('/authed/teaching-groups/$teachingGroupId/conduct')({
  component: function InputRoute(): ReactNode {
    const { teachingGroupId } = inputRoute.useParams();
    return <InputPage key={teachingGroupId} teachingGroupId={teachingGroupId} />;
  },
});

export const classRoute = createLazyRoute('/authed/classes/$basisGroupId/conduct')({
  component: function ClassRoute(): ReactNode {
    const { basisGroupId } = classRoute.useParams();
    return <ClassConductPage key={basisGroupId} basisGroupId={basisGroupId} />;
  },
});

export const preparationRoute = createLazyRoute('/authed/classes/$basisGroupId/grade-preparation')({
  component: function PreparationRoute(): ReactNode {
    const { basisGroupId } = preparationRoute.useParams();
    return <PreparationPage basisGroupId={basisGroupId} />;
  },
});
