import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { LoginPage } from './LoginPage';

export const loginRoute = createLazyRoute('/login')({
  component: function LoginRoute(): ReactNode {
    const { redirect: target } = loginRoute.useSearch();
    return <LoginPage redirect={target} />;
  },
});
