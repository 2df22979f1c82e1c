/** The formative-assessment API (server/features/formativeAssessment); its types come from the server's schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type {
  AssessmentKind, ClassSummary, EditInput, FEEDBACK_MAX as ServerFeedbackMax, GroupAssessments, ImportResult, RecordInput, StudentAssessments,
} from '@server/features/formativeAssessment/schemas.js';

export type { AssessmentKind, GroupAssessments, Term } from '@server/features/formativeAssessment/schemas.js';

const enc = encodeURIComponent;

export const assessmentKinds = ['writtenFeedback', 'test', 'presentation', 'conversation', 'practical'] as const satisfies readonly AssessmentKind[];
export const FEEDBACK_MAX: typeof ServerFeedbackMax = 1000;

export const studentAssessmentsQuery = (studentId: string) => queryOptions({
  queryKey: ['formative', 'student', studentId],
  queryFn: ({ signal }) => api<StudentAssessments>(`/api/students/${enc(studentId)}/formative-assessments`, { signal }),
});
export const groupAssessmentsQuery = (teachingGroupId: string) => queryOptions({
  queryKey: ['formative', 'group', teachingGroupId],
  queryFn: ({ signal }) => api<GroupAssessments>(`/api/teaching-groups/${enc(teachingGroupId)}/formative-assessments`, { signal }),
});
export const classSummaryQuery = (basisGroupId: string) => queryOptions({
  queryKey: ['formative', 'class', basisGroupId],
  queryFn: ({ signal }) => api<ClassSummary>(`/api/basis-groups/${enc(basisGroupId)}/formative-assessments`, { signal }),
});
export const exportUrl = (teachingGroupId: string) => `/api/teaching-groups/${enc(teachingGroupId)}/formative-assessments.csv`;

export function useRecordAssessments(teachingGroupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordInput) => api<GroupAssessments>(`/api/teaching-groups/${enc(teachingGroupId)}/formative-assessments`, { method: 'POST', body }),
    onSuccess: (data) => {
      qc.setQueryData(groupAssessmentsQuery(teachingGroupId).queryKey, data);
      void qc.invalidateQueries({ queryKey: ['formative', 'student'] });
    },
  });
}

export function useDeleteAssessment(teachingGroupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/teaching-groups/${enc(teachingGroupId)}/formative-assessments/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['formative'] }),
  });
}

export function useEditAssessment(teachingGroupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, feedback }: Pick<EditInput, 'feedback'> & { id: string }) =>
      api<GroupAssessments>(`/api/teaching-groups/${enc(teachingGroupId)}/formative-assessments/${enc(id)}`, { method: 'PATCH', body: { feedback } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['formative'] }),
  });
}

export function useImportAssessments(teachingGroupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => api<ImportResult>(`/api/teaching-groups/${enc(teachingGroupId)}/formative-assessments/import`, { method: 'POST', body: { csv } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['formative'] }),
  });
}
