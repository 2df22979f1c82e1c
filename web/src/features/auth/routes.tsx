// The login page, the one page without a session (under the root route); the page comes in lazily (pages.lazy.tsx).
import { createRoute, redirect } from '@tanstack/react-router';
import { meQuery } from '../../core/auth/session';
import { rootRoute } from '../../core/router/base';
import { authConfigQuery, safeRedirect } from './authApi';

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (raw: Record<string, unknown>): { redirect?: string } => {
    const target = safeRedirect(raw.redirect);
    return target ? { redirect: target } : {};
  },
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery).catch(() => null);
    if (me) throw redirect({ href: search.redirect ?? '/' });
  },
  // Fetched before render so the Feide button does not pop in under the user's cursor.
  loader: ({ context }) => context.queryClient.prefetchQuery(authConfigQuery),
}).lazy(() => import('./pages.lazy').then((d) => d.loginRoute));

export const authPublicRoutes = [loginRoute] as const;
