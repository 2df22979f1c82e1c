import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { NotFoundPage, RouteErrorPage } from '../core/layout/ErrorPages';
import { authedRoute, rootRoute } from '../core/router/base';
import { Loading } from '../core/ui/Loading';
import { features, type AppFeature } from './features';

// The union of every feature's routes, so that the tree (and with it every link and `useParams`) keeps their types.
type AuthedPage = AppFeature['routes'][number];
type PublicRoutesOf<F> = F extends { readonly publicRoutes: readonly (infer R)[] } ? R : never;
type PublicPage = PublicRoutesOf<AppFeature>;

const authedPages = features.flatMap((f): readonly AuthedPage[] => f.routes);
const publicPages = features.flatMap((f): readonly PublicPage[] => ('publicRoutes' in f ? f.publicRoutes : []));

const routeTree = rootRoute.addChildren([...publicPages, authedRoute.addChildren(authedPages)]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultErrorComponent: RouteErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    defaultPendingComponent: () => <Loading />,
    defaultPendingMs: 300,
    // Loaders fill the Query cache; freshness is Query's business, so the router always asks it.
    defaultPreloadStaleTime: 0,
    // No preloading on hover: loading a student page is an audited read, and hovering is not reading.
    defaultPreload: false,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
