// The leaders' audit log; the page comes in lazily (pages.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { parseAuditSearch } from './auditApi';

const auditRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'audit',
  validateSearch: parseAuditSearch,
}).lazy(() => import('./pages.lazy').then((d) => d.auditRoute));

export const auditRoutes = [auditRoute] as const;
