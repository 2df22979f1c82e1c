// The staff's pages: one student's needs, and the class's.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ClassNeedsPage } from './ClassNeedsPage';
import { StudentNeedsPage } from './StudentNeedsPage';

export const studentRoute = createLazyRoute('/authed/students/$studentId/accommodation-needs')({
  component: function StudentRoute(): ReactNode {
    const { studentId } = studentRoute.useParams();
    return <StudentNeedsPage studentId={studentId} />;
  },
});

export const classRoute = createLazyRoute('/authed/classes/$basisGroupId/accommodation-needs')({
  component: function ClassRoute(): ReactNode {
    const { basisGroupId } = classRoute.useParams();
    return <ClassNeedsPage basisGroupId={basisGroupId} />;
  },
});
