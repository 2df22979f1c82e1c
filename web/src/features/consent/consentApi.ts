import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { ConsentBody, Consents } from '@server/features/consent/schemas.js';

export type { Consents };

const base = (studentId: string) => `/api/students/${encodeURIComponent(studentId)}/consents`;

export const consentsQuery = (studentId: string) =>
  queryOptions({
    queryKey: ['student', studentId, 'consents'],
    queryFn: ({ signal }) => api<Consents>(base(studentId), { signal }),
  });

export function useSetConsent(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ guardianPersonId, granted }: { guardianPersonId: string; granted: boolean }) =>
      api<Consents>(`${base(studentId)}/${encodeURIComponent(guardianPersonId)}`, { method: 'PUT', body: { granted } satisfies ConsentBody }),
    onSuccess: async (consents) => {
      queryClient.setQueryData(consentsQuery(studentId).queryKey, consents);
      // Guardians' insight (and the access log) follow from consent.
      await queryClient.invalidateQueries({ queryKey: ['student', studentId], exact: true });
    },
  });
}
