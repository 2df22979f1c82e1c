/** The annual-cycle API (server/features/annualCycle); its types come from the server's schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type {
  ClassCompliance, Compliance, CopyInput, CycleView, DigestPreference, MyTasks, ResponsibleRole, RoutineInput, RoutineScope, StudentTasks, TickInput,
} from '@server/features/annualCycle/schemas.js';

export type {
  CycleView, EvidenceKindInfo, ResponsibleRole, Routine, RoutineScope, TaskCounts as Counts, TaskGroup, TaskItem, TaskStatus, Weeks,
} from '@server/features/annualCycle/schemas.js';

const enc = encodeURIComponent;

export const routineScopes = ['eachStudent', 'eachBasisGroup', 'eachTeacher', 'eachSubjectTeacherOfStudent'] as const satisfies readonly RoutineScope[];
export const responsibleRoles = ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor', 'principal'] as const satisfies readonly ResponsibleRole[];
/** The levels a routine may be limited to (upper secondary). */
export const levels = ['vg1', 'vg2', 'vg3'] as const satisfies readonly NonNullable<RoutineInput['level']>[];

export const cycleQuery = (schoolYearId?: string) => queryOptions({
  queryKey: ['annualCycle', 'cycle', schoolYearId ?? 'current'],
  queryFn: ({ signal }) => api<CycleView>(`/api/annual-cycle${schoolYearId ? `?schoolYearId=${enc(schoolYearId)}` : ''}`, { signal }),
});
export const myTasksQuery = () => queryOptions({
  queryKey: ['annualCycle', 'myTasks'],
  queryFn: ({ signal }) => api<MyTasks>('/api/annual-cycle/my-tasks', { signal }),
});
export const complianceQuery = () => queryOptions({
  queryKey: ['annualCycle', 'compliance'],
  queryFn: ({ signal }) => api<Compliance>('/api/annual-cycle/compliance', { signal }),
});
/** The leader asks for the counts now instead of the kept ones. */
export function useRefreshCompliance() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<Compliance>('/api/annual-cycle/compliance?refresh=true'),
    onSuccess: (fresh) => qc.setQueryData(complianceQuery().queryKey, fresh),
  });
}
export const classComplianceQuery = (basisGroupId: string) => queryOptions({
  queryKey: ['annualCycle', 'class', basisGroupId],
  queryFn: ({ signal }) => api<ClassCompliance>(`/api/annual-cycle/compliance/classes/${enc(basisGroupId)}`, { signal }),
});
export const studentTasksQuery = (studentId: string) => queryOptions({
  queryKey: ['annualCycle', 'student', studentId],
  queryFn: ({ signal }) => api<StudentTasks>(`/api/students/${enc(studentId)}/routine-tasks`, { signal }),
});

export function useSaveRoutine() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: RoutineInput }) =>
      api<CycleView>(id ? `/api/annual-cycle/routines/${enc(id)}` : '/api/annual-cycle/routines', { method: id ? 'PUT' : 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['annualCycle'] }),
  });
}
export function useDeleteRoutine() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/annual-cycle/routines/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['annualCycle'] }),
  });
}
export function useCopyCycle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CopyInput) => api<CycleView>('/api/annual-cycle/copy', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['annualCycle'] }),
  });
}
export function useTick() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ routineId, subjectId, teacherId }: { routineId: string; subjectId: string; teacherId: string | null }) =>
      api<void>(`/api/annual-cycle/routines/${enc(routineId)}/ticks`, { method: 'POST', body: (teacherId ? { subjectId, teacherId } : { subjectId }) satisfies TickInput }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['annualCycle'] }),
  });
}
export function useDigestPreference() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (weeklyDigest: boolean) => api<DigestPreference>('/api/annual-cycle/digest-preference', { method: 'PUT', body: { weeklyDigest } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['annualCycle', 'myTasks'] }),
  });
}
