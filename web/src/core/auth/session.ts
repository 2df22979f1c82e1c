import { queryOptions, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/client';
import type { Locale, Me, Role } from '../api/types';
import { applyLocale, storedLocale } from '../i18n/i18n';

export const meQueryKey = ['me'] as const;

export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: async ({ signal }) => {
    // 401 here just means "not logged in"; the route guard decides where to go.
    const me = await api<Me>('/api/me', { skipAuthRedirect: true, signal });
    setCsrfToken(me.csrfToken);
    return me;
  },
  staleTime: 5 * 60_000,
  retry: false,
});

export function setMe(queryClient: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(meQueryKey, me);
}

/** For components under the authenticated layout, whose guard has already loaded /api/me. */
export function useMe(): Me {
  return useSuspenseQuery(meQuery).data;
}

export const leaderRoles: readonly Role[] = ['principal', 'departmentHead', 'counsellor'];
export const auditRoles: readonly Role[] = ['principal', 'departmentHead', 'schoolAdmin'];

export const hasRole = (me: Me, ...roles: readonly Role[]): boolean => me.roles.some((r) => roles.includes(r));

export async function saveLocale(queryClient: QueryClient, locale: Locale): Promise<void> {
  const me = await api<Me>('/api/me/locale', { method: 'PUT', body: { locale } });
  setMe(queryClient, me);
}

let syncedFor: string | null = null;

/**
 * Once per login: a language chosen on this device wins and is saved to the profile; without one,
 * the profile's language is used (but not pinned to this device, so a later change elsewhere still applies).
 */
export async function syncLocale(queryClient: QueryClient, me: Me): Promise<void> {
  if (syncedFor === me.person.id) return;
  syncedFor = me.person.id;
  const local = storedLocale();
  if (!local) {
    await applyLocale(me.person.locale, false);
  } else if (local !== me.person.locale) {
    await applyLocale(local);
    await saveLocale(queryClient, local).catch(() => undefined);
  }
}

/** Ends the session on the server; the caller forgets it here (forgetSession) whatever the answer. */
export const logout = () => api<void>('/api/auth/logout', { method: 'POST', skipAuthRedirect: true });

export function forgetSession(queryClient: QueryClient): void {
  syncedFor = null;
  setCsrfToken(null);
  queryClient.clear();
}
