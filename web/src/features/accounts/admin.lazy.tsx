// The school admin's accounts.
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { AccountAdminPage, AccountsAdminPage } from './AdminPages';

export const adminListRoute = createLazyRoute('/authed/admin/accounts')({ component: AccountsAdminPage });

export const adminDetailRoute = createLazyRoute('/authed/admin/accounts/$accountId')({
  component: function AdminDetailRoute(): ReactNode {
    const { accountId } = adminDetailRoute.useParams();
    return <AccountAdminPage accountId={accountId} />;
  },
});
