// Duty-to-report pages, under the logged-in parent route; the pages come in lazily (pages.lazy.tsx) and
// load the procedure in the language the page is shown in.
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';

const pageRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'duty-to-report',
}).lazy(() => import('./pages.lazy').then((d) => d.pageRoute));

const settingsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'duty-to-report/settings',
}).lazy(() => import('./pages.lazy').then((d) => d.settingsRoute));

export const dutyToReportRoutes = [pageRoute, settingsRoute] as const;
