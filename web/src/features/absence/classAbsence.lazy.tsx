// A contact teacher's view of the class's absence and the weekly check, loaded when one of them is opened.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ClassAbsencePage, WeekCheckPage } from './ClassAbsencePage';

export const classAbsenceRoute = createLazyRoute('/authed/classes/$basisGroupId/absence')({
  component: function ClassAbsenceRoute(): ReactNode {
    const { basisGroupId } = classAbsenceRoute.useParams();
    return <ClassAbsencePage basisGroupId={basisGroupId} />;
  },
});

export const weekRoute = createLazyRoute('/authed/classes/$basisGroupId/absence/week')({
  component: function WeekRoute(): ReactNode {
    const { basisGroupId } = weekRoute.useParams();
    const { week } = weekRoute.useSearch();
    return <WeekCheckPage basisGroupId={basisGroupId} week={week} />;
  },
});
