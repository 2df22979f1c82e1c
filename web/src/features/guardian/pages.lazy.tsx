import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { OnlyForGuardians } from '../../core/layout/OnlyFor';
import { ChildPage } from './ChildPage';
import { ChildrenPage } from './ChildrenPage';

export const childrenRoute = createLazyRoute('/authed/children')({
  component: function ChildrenRoute(): ReactNode {
    return (
      <OnlyForGuardians>
        <ChildrenPage />
      </OnlyForGuardians>
    );
  },
});

export const childRoute = createLazyRoute('/authed/children/$studentId')({
  component: function ChildRoute(): ReactNode {
    const { studentId } = childRoute.useParams();
    return (
      <OnlyForGuardians>
        <ChildPage studentId={studentId} />
      </OnlyForGuardians>
    );
  },
});
