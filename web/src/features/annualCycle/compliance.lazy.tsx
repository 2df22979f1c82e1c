// Whether the routines were kept: the leaders' school-wide counts, a class's and a student's.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ClassRoutinesPage, CompliancePage, StudentRoutinesPage } from './CompliancePages';

export const complianceRoute = createLazyRoute('/authed/annual-cycle/compliance')({ component: CompliancePage });

export const classRoute = createLazyRoute('/authed/classes/$basisGroupId/routines')({
  component: function ClassRoute(): ReactNode {
    const { basisGroupId } = classRoute.useParams();
    return <ClassRoutinesPage basisGroupId={basisGroupId} />;
  },
});

export const studentRoute = createLazyRoute('/authed/students/$studentId/routines')({
  component: function StudentRoute(): ReactNode {
    const { studentId } = studentRoute.useParams();
    return <StudentRoutinesPage studentId={studentId} />;
  },
});
