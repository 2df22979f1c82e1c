import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type {
  NewStatusChange, NewStatusDocument, NewStatusMeeting, PendingStatusChanges, StatusAppealInput, StatusChange, StatusChanges, StatusDecisionInput,
  StatusDecisions,
} from '@server/features/statusChange/schemas.js';

export type { NewStatusChange, StatusChange, StatusChanges, StatusDecision } from '@server/features/statusChange/schemas.js';

const base = (studentId: string) => `/api/students/${encodeURIComponent(studentId)}/status-changes`;

export const statusChangesQuery = (studentId: string) =>
  queryOptions({ queryKey: ['student', studentId, 'statusChanges'], queryFn: ({ signal }) => api<StatusChanges>(base(studentId), { signal }) });

export const statusDecisionsQuery = (studentId: string) =>
  queryOptions({
    queryKey: ['student', studentId, 'statusDecisions'],
    queryFn: ({ signal }) => api<StatusDecisions>(`/api/students/${encodeURIComponent(studentId)}/status-decisions`, { signal }),
  });

export const pendingStatusChangesQuery = () =>
  queryOptions({ queryKey: ['statusChanges', 'pending'], queryFn: ({ signal }) => api<PendingStatusChanges>('/api/status-changes/pending', { signal }) });

function useRefresh(studentId: string) {
  const queryClient = useQueryClient();
  // a decision changes the student's record (status, groups) and the principal's pending list
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ['student', studentId] }),
    queryClient.invalidateQueries({ queryKey: ['statusChanges'] }),
  ]);
}

export function useStartStatusChange(studentId: string) {
  const onSuccess = useRefresh(studentId);
  return useMutation({ mutationFn: (b: NewStatusChange) => api<StatusChange>(base(studentId), { method: 'POST', body: b }), onSuccess });
}

type Step =
  | { kind: 'meetings'; body: NewStatusMeeting }
  | { kind: 'documents'; body: NewStatusDocument }
  | { kind: 'decision'; body: StatusDecisionInput }
  | { kind: 'appeal'; body: StatusAppealInput };

/** A step of one status change: a meeting, a document, the decision or the appeal. */
export function useStatusChangeStep(studentId: string, statusChangeId: string) {
  const onSuccess = useRefresh(studentId);
  return useMutation({
    mutationFn: (s: Step) => api<StatusChange>(`${base(studentId)}/${encodeURIComponent(statusChangeId)}/${s.kind}`, { method: s.kind === 'appeal' ? 'PUT' : 'POST', body: s.body }),
    onSuccess,
  });
}
