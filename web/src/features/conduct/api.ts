/** The conduct API (server/features/conduct) as the conduct pages use it; its shapes come from the server's zod schemas. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type {
  ClassConduct, ConductGrade, ConductReview, ConductReviewBody, GradePreparation, GradeSet, GroupInputs, InputEntry, InputsBody, SetGradeBody,
  StudentConduct,
} from '@server/features/conduct/schemas.js';

export type {
  ClassConduct, ClassConductStudent as ClassStudent, ConductAspect as Aspect, ConductGrade as Grade, ConductInput, ConductReview as Review,
  ConductReviewBody, ConductReviewOutcome as ReviewOutcome, GradePreparation as Preparation, GradeSet, GroupInputs, InputEntry, Measure,
  SetGradeBody, StudentConduct, Term,
} from '@server/features/conduct/schemas.js';

const enc = encodeURIComponent;

/** The grades a select offers, best first; the server's enum is the truth (server/features/conduct/tables.ts). */
export const grades = ['G', 'Ng', 'Lg'] as const satisfies readonly ConductGrade[];

export const groupInputsQuery = (teachingGroupId: string) => queryOptions({
  queryKey: ['conduct', 'inputs', teachingGroupId],
  queryFn: ({ signal }) => api<GroupInputs>(`/api/teaching-groups/${enc(teachingGroupId)}/conduct-inputs`, { signal }),
});
export const classConductQuery = (basisGroupId: string) => queryOptions({
  queryKey: ['conduct', 'class', basisGroupId],
  queryFn: ({ signal }) => api<ClassConduct>(`/api/basis-groups/${enc(basisGroupId)}/conduct`, { signal }),
});
export const preparationQuery = (basisGroupId: string) => queryOptions({
  queryKey: ['conduct', 'preparation', basisGroupId],
  queryFn: ({ signal }) => api<GradePreparation>(`/api/basis-groups/${enc(basisGroupId)}/grade-preparation`, { signal }),
});
export const preparationCsvUrl = (basisGroupId: string): string => `/api/basis-groups/${enc(basisGroupId)}/grade-preparation.csv`;

export function useSaveInputs(teachingGroupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (inputs: InputEntry[]) => api<GroupInputs>(`/api/teaching-groups/${enc(teachingGroupId)}/conduct-inputs`, { method: 'PUT', body: { inputs } satisfies InputsBody }),
    onSuccess: async (data) => {
      queryClient.setQueryData(groupInputsQuery(teachingGroupId).queryKey, data);
      await queryClient.invalidateQueries({ queryKey: ['conduct', 'class'] });
    },
  });
}

export function useSetGrade(basisGroupId: string, studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetGradeBody) =>
      api<GradeSet>(`/api/basis-groups/${enc(basisGroupId)}/conduct/${enc(studentId)}`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['conduct'] }),
  });
}

export function useSaveReview(basisGroupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConductReviewBody) =>
      api<ConductReview>(`/api/basis-groups/${enc(basisGroupId)}/conduct/review`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['conduct', 'class', basisGroupId] }),
  });
}

/** The conduct grades set for a student, per half-year (what the student and guardians with insight see). */
export const studentConductQuery = (studentId: string) => queryOptions({
  queryKey: ['conduct', 'student', studentId],
  queryFn: ({ signal }) => api<StudentConduct>(`/api/students/${enc(studentId)}/conduct`, { signal }),
});
