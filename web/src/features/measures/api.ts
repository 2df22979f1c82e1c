import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { Measure, MeasureEvaluation, MeasurePatch, Measures, NewMeasure, OverdueMeasures } from '@server/features/measures/schemas.js';

export type { Measure, MeasureEvaluation, NewMeasure } from '@server/features/measures/schemas.js';
export type Proposal = Measures['proposals'][number];

const base = (studentId: string) => `/api/students/${encodeURIComponent(studentId)}/measures`;

export const measuresQuery = (studentId: string) =>
  queryOptions({ queryKey: ['student', studentId, 'measures'], queryFn: ({ signal }) => api<Measures>(base(studentId), { signal }) });

export const overdueMeasuresQuery = () =>
  queryOptions({ queryKey: ['me', 'measures', 'overdue'], queryFn: ({ signal }) => api<OverdueMeasures>('/api/me/measures/overdue', { signal }) });

function useRefresh(studentId: string) {
  const queryClient = useQueryClient();
  // the home page's overdue list changes with every evaluation
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ['student', studentId, 'measures'] }),
    queryClient.invalidateQueries({ queryKey: ['me', 'measures'] }),
  ]);
}

export function useAddMeasure(studentId: string) {
  const onSuccess = useRefresh(studentId);
  return useMutation({ mutationFn: (m: NewMeasure) => api<Measure>(base(studentId), { method: 'POST', body: m }), onSuccess });
}

export function useEditMeasure(studentId: string) {
  const onSuccess = useRefresh(studentId);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: MeasurePatch }) => api<Measure>(`${base(studentId)}/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
    onSuccess,
  });
}

export function useEvaluateMeasure(studentId: string) {
  const onSuccess = useRefresh(studentId);
  return useMutation({
    mutationFn: ({ id, evaluation }: { id: string; evaluation: MeasureEvaluation }) =>
      api<Measure>(`${base(studentId)}/${encodeURIComponent(id)}/evaluation`, { method: 'POST', body: evaluation }),
    onSuccess,
  });
}
