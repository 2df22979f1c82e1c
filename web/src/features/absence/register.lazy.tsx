// A subject teacher's lessons and registers, loaded when one of them is opened.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { MyLessonsPage, RegisterPage } from './RegisterPage';

export const myLessonsRoute = createLazyRoute('/authed/absence/register')({
  component: function MyLessonsRoute(): ReactNode {
    const { day } = myLessonsRoute.useSearch();
    return <MyLessonsPage day={day} />;
  },
});

export const registerRoute = createLazyRoute('/authed/teaching-groups/$teachingGroupId/register')({
  component: function RegisterRoute(): ReactNode {
    const { teachingGroupId } = registerRoute.useParams();
    const { day, lessonId } = registerRoute.useSearch();
    return <RegisterPage key={`${day}-${lessonId}`} teachingGroupId={teachingGroupId} day={day} lessonId={lessonId} />;
  },
});
