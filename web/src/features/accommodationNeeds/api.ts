/** The accommodation-need API (server/features/accommodationNeeds); shapes mirror its schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { Access } from '../../core/api/types';

const enc = encodeURIComponent;
export const DESCRIPTION_MAX = 2000;

export interface Need { id: string; description: string; guidance: string; registeredAt: string; registeredBy: string | null; updatedAt: string; revision: number }
export interface TeacherStatus { personId: string; name: string; groups: string[]; confirmedAt: string | null; lastRemindedAt: string | null }
interface Name { id: string; givenName: string; familyName: string }
export interface StudentNeeds {
  access: Access; student: Name; canManage: boolean; canConfirm: boolean; confirmedByMe: boolean; needs: Need[]; teachers: TeacherStatus[]; dueOn: string | null; overdue: boolean;
}
export interface ClassNeeds {
  access: Access; group: { id: string; name: string }; canRemind: boolean; schoolStartDueOn: string | null;
  students: { student: Name; needCount: number; teachers: TeacherStatus[]; notConfirmed: number; dueOn: string | null; overdue: boolean }[];
}
export interface MyNeeds { count: number; students: { student: Name; groups: string[]; needs: Need[]; dueOn: string | null; overdue: boolean }[] }

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
  queryFn: ({ signal }) => api<{ count: number }>('/api/me/accommodation-needs/count', { signal }),
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
    mutationFn: (input: { id?: string; description: string; guidance: string }) => input.id
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
    mutationFn: (studentIds?: string[]) => api<{ reminded: number; students: number }>(`/api/basis-groups/${enc(basisGroupId)}/accommodation-needs/reminders`, { method: 'POST', body: studentIds ? { studentIds } : {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accommodationNeeds', 'class', basisGroupId] }),
  });
}
