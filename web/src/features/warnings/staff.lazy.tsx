// The teachers' pages: raising a warning for a student, and a class's queue for its contact teacher.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { QueuePage } from './QueuePage';
import { RaiseWarningPage } from './RaiseWarningPage';

export const raiseRoute = createLazyRoute('/authed/students/$studentId/warnings/new')({
  component: function RaiseRoute(): ReactNode {
    const { studentId } = raiseRoute.useParams();
    return <RaiseWarningPage studentId={studentId} />;
  },
});

export const queueRoute = createLazyRoute('/authed/classes/$basisGroupId/warnings')({
  component: function QueueRoute(): ReactNode {
    const { basisGroupId } = queueRoute.useParams();
    return <QueuePage basisGroupId={basisGroupId} />;
  },
});
