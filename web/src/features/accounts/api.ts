/** The accounts API (server/features/accounts); its types come from the server's schemas.ts. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { Me } from '../../core/api/types';
import type {
  AccountDetail, AccountList, AccountListQuery, ChangePasswordBody, Ended, EndSessionsBody, OwnAccount, ResetCheck,
  ResetCompleteBody, ResetRequestBody, ResetRequested, SetStatusBody, SetupBody, SetupCheck,
} from '@server/features/accounts/schemas.js';

export type { AccountDetail, AccountList, AccountSummary, OwnAccount, OwnSession, SetupBody, SetupCheck } from '@server/features/accounts/schemas.js';

const enc = encodeURIComponent;

// ---------------------------------------------------------------------------------------------
// without a session: the first start and the forgotten password (401 is an answer here, not an expiry)

export const checkSetup = (token: string) =>
  api<SetupCheck>('/api/setup/check', { method: 'POST', body: { token }, skipAuthRedirect: true });
export const runSetup = (body: SetupBody) => api<Me>('/api/setup', { method: 'POST', body, skipAuthRedirect: true });

export const requestReset = (body: ResetRequestBody) =>
  api<ResetRequested>('/api/auth/password-reset', { method: 'POST', body, skipAuthRedirect: true });
export const checkReset = (token: string) =>
  api<ResetCheck>('/api/auth/password-reset/check', { method: 'POST', body: { token }, skipAuthRedirect: true });
export const completeReset = (body: ResetCompleteBody) =>
  api<void>('/api/auth/password-reset/complete', { method: 'POST', body, skipAuthRedirect: true });

// ---------------------------------------------------------------------------------------------
// one's own account

export const ownAccountQuery = queryOptions({
  queryKey: ['accounts', 'own'],
  queryFn: ({ signal }) => api<OwnAccount>('/api/me/account', { signal }),
});

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api<Ended>('/api/me/password', { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ownAccountQuery.queryKey }),
  });
}

export function useEndOwnSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => api<void>(`/api/me/sessions/${enc(sessionId)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ownAccountQuery.queryKey }),
  });
}

export function useEndOtherSessions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<Ended>('/api/me/sessions/end-others', { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ownAccountQuery.queryKey }),
  });
}

// ---------------------------------------------------------------------------------------------
// the school admin's accounts

export type AccountSearch = Pick<AccountListQuery, 'q' | 'status'>;

export const accountListQuery = (search: AccountSearch) => queryOptions({
  queryKey: ['accounts', 'admin', 'list', search.q ?? '', search.status ?? 'all'],
  queryFn: ({ signal }) => api<AccountList>('/api/admin/accounts', { signal, query: { q: search.q, status: search.status, limit: 100 } }),
  // typing in the search box keeps the last answer on screen instead of flashing a spinner
  placeholderData: keepPreviousData,
});

export const accountDetailQuery = (accountId: string) => queryOptions({
  queryKey: ['accounts', 'admin', 'detail', accountId],
  queryFn: ({ signal }) => api<AccountDetail>(`/api/admin/accounts/${enc(accountId)}`, { signal }),
});

export function useSetAccountStatus(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SetStatusBody) => api<AccountDetail>(`/api/admin/accounts/${enc(accountId)}/status`, { method: 'PUT', body }),
    onSuccess: (data) => {
      qc.setQueryData(accountDetailQuery(accountId).queryKey, data);
      void qc.invalidateQueries({ queryKey: ['accounts', 'admin', 'list'] });
    },
  });
}

export function useEndAccountSessions(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EndSessionsBody) => api<Ended>(`/api/admin/accounts/${enc(accountId)}/sessions/end`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accounts', 'admin'] }),
  });
}
