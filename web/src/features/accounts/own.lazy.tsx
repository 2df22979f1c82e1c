// A person's own account.
import { createLazyRoute } from '@tanstack/react-router';
import { MyAccountPage } from './MyAccountPage';

export const ownRoute = createLazyRoute('/authed/me/account')({ component: MyAccountPage });
