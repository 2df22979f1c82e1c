import { queryOptions } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { AuthConfig, LoginBody } from '@server/core/auth/routes.js';
import type { Me } from '../../core/api/types';

export const authConfigQuery = queryOptions({
  queryKey: ['authConfig'],
  queryFn: () => api<AuthConfig>('/api/auth/config', { skipAuthRedirect: true }),
  staleTime: Infinity,
});

export const login = (credentials: LoginBody) =>
  api<Me>('/api/auth/login', { method: 'POST', body: credentials, skipAuthRedirect: true });

/** Only same-site paths: a crafted ?redirect= must not send a fresh session to another site. */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return undefined;
  }
  return value.startsWith('/login') ? undefined : value;
}
