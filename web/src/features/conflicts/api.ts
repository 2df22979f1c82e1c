/** The conflicts API (server/features/conflicts); its types come from the server's schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type {
  ConflictInput, ConflictList, ConflictView as Conflict, NoteInput, StatusInput, StepInput, StudentSearch,
} from '@server/features/conflicts/schemas.js';

export type { ConflictList, ConflictSummary, ConflictView as Conflict, FoundStudent, Involved } from '@server/features/conflicts/schemas.js';

const enc = encodeURIComponent;

export const conflictsQuery = queryOptions({ queryKey: ['conflicts', 'list'], queryFn: ({ signal }) => api<ConflictList>('/api/conflicts', { signal }) });
export const conflictQuery = (id: string) => queryOptions({ queryKey: ['conflicts', 'one', id], queryFn: ({ signal }) => api<Conflict>(`/api/conflicts/${enc(id)}`, { signal }) });
export const studentConflictsQuery = (studentId: string) => queryOptions({
  queryKey: ['conflicts', 'student', studentId],
  queryFn: ({ signal }) => api<ConflictList>(`/api/students/${enc(studentId)}/conflicts`, { signal }),
  retry: false,
});
export const searchStudents = (q: string) => api<StudentSearch>('/api/conflicts/students', { query: { q } });

export function useCreateConflict() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ConflictInput) => api<Conflict>('/api/conflicts', { method: 'POST', body }),
    onSuccess: (c) => {
      qc.setQueryData(conflictQuery(c.id).queryKey, c);
      void qc.invalidateQueries({ queryKey: ['conflicts', 'list'] });
    },
  });
}

/** A step, the status or one student's note: each body as the server takes it. */
export type ConflictUpdate =
  | { path: '/steps'; method: 'POST'; body: StepInput }
  | { path: '/status'; method: 'PUT'; body: StatusInput }
  | { path: `/students/${string}/note`; method: 'PUT'; body: NoteInput };

/** Steps, status and notes all answer with the conflict as the caller may see it. */
export function useUpdateConflict(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: ConflictUpdate) => api<Conflict>(`/api/conflicts/${enc(id)}${req.path}`, { method: req.method, body: req.body }),
    onSuccess: (c) => {
      qc.setQueryData(conflictQuery(id).queryKey, c);
      void qc.invalidateQueries({ queryKey: ['conflicts', 'list'] });
    },
  });
}
