// The login page, the one page without a session (under the root route); the page comes in lazily (pages.lazy.tsx).
import { createRoute, redirect } from '@tanstack/react-router';
import { meQuery } from '../../core/auth/session';
import { authedRoute, rootRoute } from '../../core/router/base';
import { safeRedirect } from './authApi';
import { groupsCheckQuery, oidcProvidersQuery, oidcSigninFrom, type OidcSignin } from './oidcApi';

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (raw: Record<string, unknown>): { redirect?: string; signin?: OidcSignin['reason']; via?: OidcSignin['via']; ended?: true } => {
    const target = safeRedirect(raw.redirect);
    // why an external login sent the browser back here (server/core/auth/oidc.ts)
    const signin = oidcSigninFrom(raw);
    // a session that was open ended (expired, disabled by the admin, logged out elsewhere): main.tsx's 401 handler
    const ended = raw.ended === true || raw.ended === 'true';
    return { ...(target ? { redirect: target } : {}), ...(signin ? { signin: signin.reason, via: signin.via } : {}), ...(ended ? { ended: true as const } : {}) };
  },
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery).catch(() => null);
    if (me) throw redirect({ href: search.redirect ?? '/' });
  },
  // Fetched before render so the Feide and ID-porten buttons do not pop in under the user's cursor.
  loader: ({ context }) => context.queryClient.prefetchQuery(oidcProvidersQuery),
}).lazy(() => import('./pages.lazy').then((d) => d.loginRoute));

export const authPublicRoutes = [loginRoute] as const;

/** Right after a Feide login whose groups disagree with the school's data (server: GROUPS_NOTICE_PATH). */
const groupsCheckRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: 'groups-check',
  validateSearch: (raw: Record<string, unknown>): { next?: string } => {
    const next = safeRedirect(raw.next);
    return next ? { next } : {};
  },
  loader: ({ context }) => context.queryClient.ensureQueryData(groupsCheckQuery),
}).lazy(() => import('./pages.lazy').then((d) => d.groupsCheckRoute));

export const authRoutes = [groupsCheckRoute] as const;
