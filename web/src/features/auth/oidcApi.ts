import { queryOptions } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { GroupsCheck, OidcProviders } from '@server/core/auth/oidc.js';

export type { GroupsCheck, OidcProviders };
export type OidcProvider = OidcProviders['providers'][number];

/** Why an external login sent the browser back to the login page (the callback's ?signin=&via=). */
export interface OidcSignin {
  reason: 'unknown' | 'failed';
  via: OidcProvider['id'];
}

/** The external logins the server has configured: Feide, ID-porten, both or none. */
export const oidcProvidersQuery = queryOptions({
  queryKey: ['authOidcProviders'],
  queryFn: () => api<OidcProviders>('/api/auth/oidc/providers', { skipAuthRedirect: true }),
  staleTime: Infinity,
});

/** Whether Feide and the school's data disagreed at this session's Feide login. */
export const groupsCheckQuery = queryOptions({
  queryKey: ['authGroupsCheck'],
  queryFn: ({ signal }) => api<GroupsCheck>('/api/auth/oidc/groups-check', { signal }),
});

/** The login page's search params that name an external login's failure; anything else is dropped. */
export function oidcSigninFrom(raw: Record<string, unknown>): OidcSignin | undefined {
  const reason = raw.signin;
  const via = raw.via;
  if ((reason !== 'unknown' && reason !== 'failed') || (via !== 'school' && via !== 'guardian')) return undefined;
  return { reason, via };
}
