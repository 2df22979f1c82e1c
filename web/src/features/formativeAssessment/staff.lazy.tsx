// The teachers' pages: their groups and classes, a group's assessments, a class's summary.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ClassSummaryPage } from './ClassSummaryPage';
import { FormativeHomePage } from './FormativeHomePage';
import { GroupPage } from './GroupPage';

export const homeRoute = createLazyRoute('/authed/formative')({ component: FormativeHomePage });

export const groupRoute = createLazyRoute('/authed/teaching-groups/$teachingGroupId/formative')({
  component: function GroupRoute(): ReactNode {
    const { teachingGroupId } = groupRoute.useParams();
    return <GroupPage teachingGroupId={teachingGroupId} />;
  },
});

export const classRoute = createLazyRoute('/authed/classes/$basisGroupId/formative')({
  component: function ClassRoute(): ReactNode {
    const { basisGroupId } = classRoute.useParams();
    return <ClassSummaryPage basisGroupId={basisGroupId} />;
  },
});
