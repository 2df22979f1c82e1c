import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { OnlyForStudents } from '../../core/layout/OnlyFor';
import { MyProfilePage } from './MyProfilePage';
import { StudentPage } from './StudentPage';

export const studentRoute = createLazyRoute('/authed/students/$studentId')({
  component: function StudentRoute(): ReactNode {
    const { studentId } = studentRoute.useParams();
    return <StudentPage studentId={studentId} />;
  },
});

export const myProfileRoute = createLazyRoute('/authed/me')({
  component: function MyProfileRoute(): ReactNode {
    return <OnlyForStudents>{(id) => <MyProfilePage studentId={id} />}</OnlyForStudents>;
  },
});
