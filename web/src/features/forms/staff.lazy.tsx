// The school's forms and a class's returns, for the staff.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ClassFormsPage } from './ClassFormsPage';
import { SchoolFormsPage } from './SchoolFormsPage';

export const classRoute = createLazyRoute('/authed/classes/$basisGroupId/forms')({
  component: function ClassRoute(): ReactNode {
    const { basisGroupId } = classRoute.useParams();
    return <ClassFormsPage basisGroupId={basisGroupId} />;
  },
});

export const schoolRoute = createLazyRoute('/authed/forms')({ component: SchoolFormsPage });
