// The student's own consents; the page comes in lazily (pages.lazy.tsx).
import { createRoute } from '@tanstack/react-router';
import { authedRoute } from '../../core/router/base';
import { consentsQuery } from './consentApi';

const myConsentRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'me/consent',
  loader: ({ context }) =>
    context.me.studentId ? context.queryClient.ensureQueryData(consentsQuery(context.me.studentId)) : null,
}).lazy(() => import('./pages.lazy').then((d) => d.myConsentRoute));

export const consentRoutes = [myConsentRoute] as const;
