/** The conduct API (server/features/conduct) as the conduct pages use it; shapes mirror server/features/conduct/schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { Access } from '../../core/api/types';

const enc = encodeURIComponent;

export const grades = ['G', 'Ng', 'Lg'] as const;
export type Grade = (typeof grades)[number];
export type Aspect = 'order' | 'behaviour';
export interface Term { id: string; kind: 'autumn' | 'spring'; schoolYearName: string; startsOn: string; endsOn: string }
interface Named { studentId: string; givenName: string; familyName: string }

export interface GroupInputs {
  access: Access;
  group: { id: string; name: string; subjectCode: string; subjectName: string };
  term: Term;
  students: (Named & { input: { order: Grade; behaviour: Grade; reasons: string | null; updatedAt: string } | null })[];
}
export interface InputEntry { studentId: string; order: Grade; behaviour: Grade; reasons?: string }

export interface ConductInput { teacherName: string; groupName: string | null; subjectCode: string | null; order: Grade; behaviour: Grade; reasons: string | null; updatedAt: string }
export interface Measure { id: string; caseId: string; kind: string; description: string; decidedOn: string }
export interface GradeSet { order: Grade; behaviour: Grade; reasons: string | null; measureId: string | null; setAt: string; setBy: string }
export type ReviewOutcome = 'confirmed' | 'changed' | 'followUp';
export interface Review { id: string; heldOn: string; participants: string | null; reviewedBy: string; outcomes: { studentId: string; outcome: ReviewOutcome; note: string | null }[] }
export interface ClassConduct {
  access: Access;
  group: { id: string; name: string };
  term: Term;
  canSet: boolean;
  canReview: boolean;
  review: Review | null;
  students: (Named & {
    inputs: ConductInput[];
    grade: GradeSet | null;
    warnings: Record<Aspect, { warningId: string; sentAt: string } | null>;
    singleIncidentMeasures: Measure[];
  })[];
}
export type ClassStudent = ClassConduct['students'][number];

export interface Preparation {
  access: Access;
  group: { id: string; name: string };
  term: Term;
  students: (Named & {
    absenceRisks: { subjectCode: string; subjectName: string; percent: number; status: 'overLimit' | 'nearLimit' }[];
    notAssessedWarnings: { subjectCode: string; subjectName: string; sentAt: string }[];
    conductWarnings: { aspect: Aspect; sentAt: string }[];
    inputs: { count: number; lowestOrder: Grade | null; lowestBehaviour: Grade | null };
    grade: { order: Grade; behaviour: Grade } | null;
  })[];
}

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
  queryFn: ({ signal }) => api<Preparation>(`/api/basis-groups/${enc(basisGroupId)}/grade-preparation`, { signal }),
});
export const preparationCsvUrl = (basisGroupId: string): string => `/api/basis-groups/${enc(basisGroupId)}/grade-preparation.csv`;

export function useSaveInputs(teachingGroupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (inputs: InputEntry[]) => api<GroupInputs>(`/api/teaching-groups/${enc(teachingGroupId)}/conduct-inputs`, { method: 'PUT', body: { inputs } }),
    onSuccess: async (data) => {
      queryClient.setQueryData(groupInputsQuery(teachingGroupId).queryKey, data);
      await queryClient.invalidateQueries({ queryKey: ['conduct', 'class'] });
    },
  });
}

export function useSetGrade(basisGroupId: string, studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { order: Grade; behaviour: Grade; reasons?: string; measureId?: string | null }) =>
      api<GradeSet>(`/api/basis-groups/${enc(basisGroupId)}/conduct/${enc(studentId)}`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['conduct'] }),
  });
}

export function useSaveReview(basisGroupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { heldOn: string; participants?: string; outcomes: { studentId: string; outcome: ReviewOutcome; note?: string }[] }) =>
      api<Review>(`/api/basis-groups/${enc(basisGroupId)}/conduct/review`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['conduct', 'class', basisGroupId] }),
  });
}

/** The conduct grades set for a student, per half-year (what the student and guardians with insight see). */
export interface StudentConduct {
  access: Access;
  grades: { termId: string; termKind: 'autumn' | 'spring'; schoolYearName: string; order: Grade; behaviour: Grade; setAt: string }[];
}
export const studentConductQuery = (studentId: string) => queryOptions({
  queryKey: ['conduct', 'student', studentId],
  queryFn: ({ signal }) => api<StudentConduct>(`/api/students/${enc(studentId)}/conduct`, { signal }),
});
