import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ClassOverviewPage } from './ClassOverviewPage';
import { TeachingGroupPage } from './TeachingGroupPage';

export const classRoute = createLazyRoute('/authed/classes/$basisGroupId')({
  component: function ClassRoute(): ReactNode {
    const { basisGroupId } = classRoute.useParams();
    return <ClassOverviewPage basisGroupId={basisGroupId} />;
  },
});

export const teachingGroupRoute = createLazyRoute('/authed/teaching-groups/$teachingGroupId')({
  component: function TeachingGroupRoute(): ReactNode {
    const { teachingGroupId } = teachingGroupRoute.useParams();
    return <TeachingGroupPage teachingGroupId={teachingGroupId} />;
  },
});
