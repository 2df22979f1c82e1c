// This feature's pages, under the logged-in parent route; router.tsx adds them to the tree.
import { createRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { authedRoute } from '../../core/router/base';
import { classComplianceQuery, complianceQuery, cycleQuery, studentTasksQuery } from './api';
import { ClassRoutinesPage, CompliancePage, StudentRoutinesPage } from './CompliancePages';
import { CyclePage } from './CyclePage';
import './annualCycle.css';

const cycleRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'annual-cycle',
  loader: ({ context }) => context.queryClient.ensureQueryData(cycleQuery()),
  component: CyclePage,
});

const complianceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'annual-cycle/compliance',
  loader: ({ context }) => context.queryClient.ensureQueryData(complianceQuery()),
  component: CompliancePage,
});

const classRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'classes/$basisGroupId/routines',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(classComplianceQuery(params.basisGroupId)),
  component: function ClassRoute(): ReactNode {
    const { basisGroupId } = classRoute.useParams();
    return <ClassRoutinesPage basisGroupId={basisGroupId} />;
  },
});

const studentRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'students/$studentId/routines',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(studentTasksQuery(params.studentId)),
  component: function StudentRoute(): ReactNode {
    const { studentId } = studentRoute.useParams();
    return <StudentRoutinesPage studentId={studentId} />;
  },
});

export const annualCycleRoutes = [cycleRoute, complianceRoute, classRoute, studentRoute] as const;
