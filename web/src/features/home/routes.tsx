// The front page; it comes in lazily (pages.lazy.tsx) like every other page.
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';

const homeRoute = createRoute({ getParentRoute: () => authedRoute, path: '/' })
  .lazy(() => import('./pages.lazy').then((d) => d.homeRoute));

export const homeRoutes = [homeRoute] as const;
