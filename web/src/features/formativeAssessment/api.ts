/** The formative-assessment API (server/features/formativeAssessment); shapes mirror its schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { Access } from '../../core/api/types';

const enc = encodeURIComponent;

export const assessmentKinds = ['writtenFeedback', 'test', 'presentation', 'conversation', 'practical'] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];
export const FEEDBACK_MAX = 1000;

export interface Assessment {
  id: string; assessedOn: string; kind: AssessmentKind; feedback: string; subjectCode: string; subjectName: string; groupName: string; recordedBy: string;
}
export interface Term { kind: 'autumn' | 'spring'; startsOn: string; endsOn: string }
export interface StudentAssessments {
  access: Access; student: { id: string; givenName: string; familyName: string }; scope: 'all' | 'ownGroups'; assessments: Assessment[];
}
export interface GroupAssessments {
  access: Access; group: { id: string; name: string; subjectCode: string; subjectName: string }; term: Term | null; today: string; canRecord: boolean;
  students: { studentId: string; givenName: string; familyName: string; countThisTerm: number; assessments: (Assessment & { mine: boolean })[] }[];
}
export interface ClassSummary {
  access: Access; group: { id: string; name: string }; term: Term | null;
  subjects: { subjectCode: string; subjectName: string; students: number; count: number; latestOn: string | null; withoutAssessment: { studentId: string; givenName: string; familyName: string }[] }[];
}
export interface RecordInput { assessedOn: string; kind: AssessmentKind; entries: { studentId: string; feedback: string }[] }

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
    mutationFn: ({ id, feedback }: { id: string; feedback: string }) =>
      api<GroupAssessments>(`/api/teaching-groups/${enc(teachingGroupId)}/formative-assessments/${enc(id)}`, { method: 'PATCH', body: { feedback } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['formative'] }),
  });
}

export function useImportAssessments(teachingGroupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => api<{ created: number; unchanged: number }>(`/api/teaching-groups/${enc(teachingGroupId)}/formative-assessments/import`, { method: 'POST', body: { csv } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['formative'] }),
  });
}
