// This feature's pages, under the logged-in parent route; router.tsx adds them to the tree.
import { createRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { authedRoute } from '../../core/router/base';
import { classNeedsQuery, myNeedsQuery, studentNeedsQuery } from './api';
import { ClassNeedsPage } from './ClassNeedsPage';
import { MyNeedsPage } from './MyNeedsPage';
import { StudentNeedsPage } from './StudentNeedsPage';

const studentRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/accommodation-needs',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentNeedsQuery(params.studentId)),
  component: function StudentRoute(): ReactNode {
    const { studentId } = studentRoute.useParams();
    return <StudentNeedsPage studentId={studentId} />;
  },
});

const classRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/accommodation-needs',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classNeedsQuery(params.basisGroupId)),
  component: function ClassRoute(): ReactNode {
    const { basisGroupId } = classRoute.useParams();
    return <ClassNeedsPage basisGroupId={basisGroupId} />;
  },
});

const mineRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/accommodation-needs',
  loader: ({ context }) => context.queryClient.ensureQueryData(myNeedsQuery),
  component: MyNeedsPage,
});

export const accommodationNeedRoutes = [studentRoute, classRoute, mineRoute] as const;
