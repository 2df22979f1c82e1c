// The accounts' pages. Without a session (under the root route): the first start's setup and the
// forgotten password. With one: the person's own account, and the school admin's accounts.
// The pages come in lazily (*.lazy.tsx); only the paths and the data to load stay here.
import { createRoute } from '@tanstack/react-router';
import { authedRoute, rootRoute } from '../../core/router/base';
import { accountDetailQuery, accountListQuery, ownAccountQuery } from './api';

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'setup',
}).lazy(() => import('./public.lazy').then((d) => d.setupRoute));

const forgotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'password-reset',
}).lazy(() => import('./public.lazy').then((d) => d.forgotRoute));

/** The e-mail's link (server: RESET_PATH in features/accounts/resetMail.ts), with the token after '#'. */
const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'password-reset/new',
}).lazy(() => import('./public.lazy').then((d) => d.resetRoute));

export const accountPublicRoutes = [setupRoute, forgotRoute, resetRoute] as const;

const ownRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/account',
  loader: ({ context }) => context.queryClient.ensureQueryData(ownAccountQuery),
}).lazy(() => import('./own.lazy').then((d) => d.ownRoute));

const adminListRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'admin/accounts',
  loader: ({ context }) => context.queryClient.ensureQueryData(accountListQuery({ status: 'all' })),
}).lazy(() => import('./admin.lazy').then((d) => d.adminListRoute));

const adminDetailRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'admin/accounts/$accountId',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(accountDetailQuery(params.accountId)),
}).lazy(() => import('./admin.lazy').then((d) => d.adminDetailRoute));

export const accountRoutes = [ownRoute, adminListRoute, adminDetailRoute] as const;
