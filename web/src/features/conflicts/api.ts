/** The conflicts API (server/features/conflicts); shapes mirror its schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { Access } from '../../core/api/types';

const enc = encodeURIComponent;

/** `known: false`: the viewer has no relationship to this student and sees only the class. */
export interface Involved { known: boolean; studentId: string | null; givenName: string | null; familyName: string | null; groupName: string | null; note: string | null }
export interface Step { id: string; takenOn: string; description: string; studentId: string | null; recordedBy: string }
export interface Conflict {
  access: Access; id: string; occurredOn: string; description: string; status: 'open' | 'resolved'; resolvedOn: string | null; recordedBy: string;
  scope: 'full' | 'ownStudents'; students: Involved[]; steps: Step[]; today: string;
}
export interface ConflictSummary { id: string; occurredOn: string; status: 'open' | 'resolved'; resolvedOn: string | null; students: Involved[] }
export interface ConflictList { access: Access; today: string; conflicts: ConflictSummary[] }
export interface FoundStudent { studentId: string; givenName: string; familyName: string; groupName: string | null }
export interface CreateInput { occurredOn: string; description: string; students: { studentId: string; note?: string }[] }

export const conflictsQuery = queryOptions({ queryKey: ['conflicts', 'list'], queryFn: ({ signal }) => api<ConflictList>('/api/conflicts', { signal }) });
export const conflictQuery = (id: string) => queryOptions({ queryKey: ['conflicts', 'one', id], queryFn: ({ signal }) => api<Conflict>(`/api/conflicts/${enc(id)}`, { signal }) });
export const studentConflictsQuery = (studentId: string) => queryOptions({
  queryKey: ['conflicts', 'student', studentId],
  queryFn: ({ signal }) => api<ConflictList>(`/api/students/${enc(studentId)}/conflicts`, { signal }),
  retry: false,
});
export const searchStudents = (q: string) => api<{ students: FoundStudent[] }>('/api/conflicts/students', { query: { q } });

export function useCreateConflict() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInput) => api<Conflict>('/api/conflicts', { method: 'POST', body }),
    onSuccess: (c) => {
      qc.setQueryData(conflictQuery(c.id).queryKey, c);
      void qc.invalidateQueries({ queryKey: ['conflicts', 'list'] });
    },
  });
}

/** Steps, status and notes all answer with the conflict as the caller may see it. */
export function useUpdateConflict(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: { path: string; method: 'POST' | 'PUT'; body: unknown }) => api<Conflict>(`/api/conflicts/${enc(id)}${req.path}`, { method: req.method, body: req.body }),
    onSuccess: (c) => {
      qc.setQueryData(conflictQuery(id).queryKey, c);
      void qc.invalidateQueries({ queryKey: ['conflicts', 'list'] });
    },
  });
}
