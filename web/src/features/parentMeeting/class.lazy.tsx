// A class's parent meetings, for its contact teacher.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ClassMeetingsPage } from './ClassMeetingsPage';

export const classRoute = createLazyRoute('/authed/classes/$basisGroupId/parent-meetings')({
  component: function ClassRoute(): ReactNode {
    const { basisGroupId } = classRoute.useParams();
    return <ClassMeetingsPage basisGroupId={basisGroupId} />;
  },
});
