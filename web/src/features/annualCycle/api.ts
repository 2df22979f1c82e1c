/** The annual-cycle API (server/features/annualCycle); shapes mirror its schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { Access } from '../../core/api/types';

const enc = encodeURIComponent;

export const routineScopes = ['eachStudent', 'eachBasisGroup', 'eachTeacher', 'eachSubjectTeacherOfStudent'] as const;
export type RoutineScope = (typeof routineScopes)[number];
export const responsibleRoles = ['contactTeacher', 'subjectTeacher', 'departmentHead', 'counsellor', 'principal'] as const;
export type ResponsibleRole = (typeof responsibleRoles)[number];
export const levels = ['vg1', 'vg2', 'vg3'] as const;
export type TaskStatus = 'done' | 'doneLate' | 'overdue' | 'open' | 'upcoming';
export interface Weeks { from: number; to: number }

export interface Routine {
  id: string; builtinKey: string | null; titleNb: string; titleNn: string; descriptionNb: string; descriptionNn: string;
  scope: RoutineScope; level: string | null; programme: 'general' | 'vocational' | null; excludeAdults: boolean; responsibleRole: ResponsibleRole;
  opensOn: string; closesOn: string; weeks: Weeks; evidenceKind: string; evidenceParam: string | null; handTicked: boolean;
}
export interface EvidenceKindInfo { kind: string; subjects: string[]; handTicked: boolean; param: { name: string; values: string[] | null } | null }
export interface CycleView {
  access: Access; schoolYear: { id: string; name: string; startsOn: string; endsOn: string };
  schoolYears: { id: string; name: string; hasCycle: boolean }[]; copiedFromSchoolYear: string | null; canManage: boolean;
  routines: Routine[]; evidenceKinds: EvidenceKindInfo[];
}
export interface RoutineInput {
  schoolYearId?: string; titleNb: string; titleNn: string; descriptionNb: string; descriptionNn: string; scope: RoutineScope;
  level: string | null; programme: 'general' | 'vocational' | null; excludeAdults: boolean; responsibleRole: ResponsibleRole; opensOn: string; closesOn: string;
  evidenceKind: string; evidenceParam: string | null;
}
/** detail: the student's class, for tasks about a student */
export interface TaskItem { subjectId: string; teacherId: string | null; name: string; detail: string | null; status: TaskStatus; doneOn: string | null; tickedBy: string | null }
export interface TaskGroup {
  routineId: string; title: string; description: string; scope: RoutineScope; opensOn: string; closesOn: string; weeks: Weeks;
  evidenceKind: string; evidenceParam: string | null; handTicked: boolean;
  /** a class-level task's class (one line per class); null for a routine's line about students or teachers */
  basisGroup: { id: string; name: string } | null;
  /** the classes of the students on a routine's line */
  basisGroups: { id: string; name: string }[];
  /** pending is at most 100; total − done is how many are left */
  total: number; done: number; overdue: number; pending: TaskItem[];
}
export interface MyTasks { today: string; week: number; groups: TaskGroup[]; weeklyDigest: boolean }
export interface Counts { total: number; done: number; overdue: number; late: number; open: number }
export interface Compliance {
  access: Access; scope: 'school' | 'department'; today: string; schoolYear: string;
  /** when the kept counts were computed; null without routines */
  computedAt: string | null;
  /** how long the server keeps them before computing them again */
  keptForSeconds: number;
  routines: (Counts & { routineId: string; title: string; opensOn: string; closesOn: string; weeks: Weeks; responsibleRole: ResponsibleRole; handTicked: boolean })[];
  classes: (Counts & { basisGroupId: string; name: string; byRoutine: (Counts & { routineId: string })[] })[];
  teachers: (Counts & { staffMemberId: string; name: string; byRoutine: (Counts & { routineId: string })[] })[];
}
export interface ClassCompliance {
  access: Access; basisGroup: { id: string; name: string }; today: string;
  routines: { routineId: string; title: string; scope: RoutineScope; closesOn: string; weeks: Weeks; handTicked: boolean }[];
  classTasks: { routineId: string; status: TaskStatus; doneOn: string | null; tickedBy: string | null }[];
  students: { studentId: string; givenName: string; familyName: string; tasks: { routineId: string; total: number; done: number; status: TaskStatus }[] }[];
}
export interface StudentTasks {
  access: Access; today: string;
  tasks: { routineId: string; title: string; teacher: string | null; opensOn: string; closesOn: string; weeks: Weeks; status: TaskStatus; doneOn: string | null; handTicked: boolean; tickedBy: string | null }[];
}

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
    mutationFn: (body: { fromSchoolYearId: string; toSchoolYearId: string }) => api<CycleView>('/api/annual-cycle/copy', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['annualCycle'] }),
  });
}
export function useTick() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ routineId, subjectId, teacherId }: { routineId: string; subjectId: string; teacherId: string | null }) =>
      api<void>(`/api/annual-cycle/routines/${enc(routineId)}/ticks`, { method: 'POST', body: teacherId ? { subjectId, teacherId } : { subjectId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['annualCycle'] }),
  });
}
export function useDigestPreference() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (weeklyDigest: boolean) => api<{ weeklyDigest: boolean }>('/api/annual-cycle/digest-preference', { method: 'PUT', body: { weeklyDigest } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['annualCycle', 'myTasks'] }),
  });
}
