import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { GroupsCheckPage } from './GroupsCheckPage';
import { LoginPage } from './LoginPage';

export const loginRoute = createLazyRoute('/login')({
  component: function LoginRoute(): ReactNode {
    const { redirect: target, signin, via, ended } = loginRoute.useSearch();
    return <LoginPage redirect={target} ended={ended === true} signin={signin && via ? { reason: signin, via } : undefined} />;
  },
});

export const groupsCheckRoute = createLazyRoute('/authed/groups-check')({
  component: function GroupsCheckRoute(): ReactNode {
    const { next } = groupsCheckRoute.useSearch();
    return <GroupsCheckPage next={next} />;
  },
});
