import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { ContactLog, ContactLogEntry, ContactLogEntryPatch, NewContactLogEntry } from '@server/features/contactLog/schemas.js';

export type { ContactChannel, ContactLogEntry, Visibility } from '@server/features/contactLog/schemas.js';

/** What the form sends: every field; the visibility is always chosen here (the server's default is for other callers). */
export type ContactLogInput = Required<NewContactLogEntry>;

const base = (studentId: string) => `/api/students/${encodeURIComponent(studentId)}/contact-log`;

export const contactLogQuery = (studentId: string) =>
  queryOptions({
    queryKey: ['student', studentId, 'contactLog'],
    queryFn: ({ signal }) => api<ContactLog>(base(studentId), { signal }),
  });

function useRefreshAfterWrite(studentId: string) {
  const queryClient = useQueryClient();
  // The class overview shows "last contact", so it is stale as soon as the log changes.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['student', studentId, 'contactLog'] }),
      queryClient.invalidateQueries({ queryKey: ['basisGroup'] }),
    ]);
}

export function useAddContactLogEntry(studentId: string) {
  const refresh = useRefreshAfterWrite(studentId);
  return useMutation({
    mutationFn: (input: ContactLogInput) => api<ContactLogEntry>(base(studentId), { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useUpdateContactLogEntry(studentId: string) {
  const refresh = useRefreshAfterWrite(studentId);
  return useMutation({
    mutationFn: ({ entryId, patch }: { entryId: string; patch: ContactLogEntryPatch }) =>
      api<ContactLogEntry>(`${base(studentId)}/${encodeURIComponent(entryId)}`, { method: 'PATCH', body: patch }),
    onSuccess: refresh,
  });
}
