/**
 * The root and the logged-in parent route. Features define their pages in their own routes.tsx
 * under `authedRoute` (or, without a session, `rootRoute`); app/router.tsx puts the tree together.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, Outlet, redirect } from '@tanstack/react-router';
import { isApiError } from '../api/client';
import { meQuery, syncLocale } from '../auth/session';
import { NotFoundPage, RouteErrorPage } from '../layout/ErrorPages';
import { Shell } from '../layout/Shell';

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: () => (
    <Shell>
      <Outlet />
    </Shell>
  ),
  notFoundComponent: NotFoundPage,
  // Only reached when the shell itself fails; page errors are caught one level down, inside the shell.
  errorComponent: (props) => (
    <Shell>
      <RouteErrorPage {...props} />
    </Shell>
  ),
});

/** Everything but /login needs a session: load /api/me once here, and send a 401 to the login page. */
export const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authed',
  beforeLoad: async ({ context, location }) => {
    try {
      const me = await context.queryClient.ensureQueryData(meQuery);
      await syncLocale(context.queryClient, me);
      return { me };
    } catch (e) {
      if (isApiError(e) && e.status === 401) throw redirect({ to: '/login', search: { redirect: location.href } });
      throw e;
    }
  },
});

