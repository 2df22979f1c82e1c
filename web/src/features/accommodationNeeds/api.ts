/** The accommodation-need API (server/features/accommodationNeeds); its types come from the server's schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type {
  ClassNeeds, DESCRIPTION_MAX as ServerDescriptionMax, MyNeeds, MyNeedsCount, NeedInput, ReminderResult, StudentNeeds,
} from '@server/features/accommodationNeeds/schemas.js';

export type { AccommodationNeed as Need, StudentNeeds } from '@server/features/accommodationNeeds/schemas.js';

const enc = encodeURIComponent;
export const DESCRIPTION_MAX: typeof ServerDescriptionMax = 2000;

export const studentNeedsQuery = (studentId: string) => queryOptions({
  queryKey: ['accommodationNeeds', 'student', studentId],
  queryFn: ({ signal }) => api<StudentNeeds>(`/api/students/${enc(studentId)}/accommodation-needs`, { signal }),
});
export const classNeedsQuery = (basisGroupId: string) => queryOptions({
  queryKey: ['accommodationNeeds', 'class', basisGroupId],
  queryFn: ({ signal }) => api<ClassNeeds>(`/api/basis-groups/${enc(basisGroupId)}/accommodation-needs`, { signal }),
});
export const myNeedsQuery = queryOptions({
  queryKey: ['accommodationNeeds', 'mine'],
  queryFn: ({ signal }) => api<MyNeeds>('/api/me/accommodation-needs', { signal }),
});
export const myCountQuery = queryOptions({
  queryKey: ['accommodationNeeds', 'mine', 'count'],
  queryFn: ({ signal }) => api<MyNeedsCount>('/api/me/accommodation-needs/count', { signal }),
});

export function useConfirmNeeds() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (studentId: string) => api<StudentNeeds>(`/api/students/${enc(studentId)}/accommodation-needs/receipts`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accommodationNeeds'] }),
  });
}

export function useSaveNeed(studentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NeedInput & { id?: string }) => input.id
      ? api<StudentNeeds>(`/api/students/${enc(studentId)}/accommodation-needs/${enc(input.id)}`, { method: 'PUT', body: { description: input.description, guidance: input.guidance } })
      : api<StudentNeeds>(`/api/students/${enc(studentId)}/accommodation-needs`, { method: 'POST', body: { description: input.description, guidance: input.guidance } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accommodationNeeds'] }),
  });
}

export function useEndNeed(studentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/students/${enc(studentId)}/accommodation-needs/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accommodationNeeds'] }),
  });
}

export function useRemind(basisGroupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (studentIds?: string[]) => api<ReminderResult>(`/api/basis-groups/${enc(basisGroupId)}/accommodation-needs/reminders`, { method: 'POST', body: studentIds ? { studentIds } : {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accommodationNeeds', 'class', basisGroupId] }),
  });
}
