/** The disciplinary-case API (server/features/discipline) as the pages use it; its shapes come from the server's zod schemas. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { CaseList, CaseView, Created, DisciplinaryMeasureKind, IncidentBody, OpenCaseBody } from '@server/features/discipline/schemas.js';

export type {
  AppealOutcome, CaseList, CaseSummary, CaseView as DisciplinaryCase, DisciplinaryMeasureKind as MeasureKind, HearingBody, IncidentBody,
  MeasureBody, ParentsInformedBody, PhysicalInterventionBody, RemovalBody, SchoolStage as Stage, Suspension, SuspensionAppealBody,
  SuspensionDecisionBody, SuspensionNoticeBody, SuspensionScope as Scope,
} from '@server/features/discipline/schemas.js';

const enc = encodeURIComponent;

/** The measures a case's form records directly (a removal and a suspension have their own forms). */
export const measureKinds = ['conversation', 'writtenReprimand', 'repairDamage', 'other'] as const satisfies readonly DisciplinaryMeasureKind[];

export const schoolCasesQuery = queryOptions({
  queryKey: ['discipline', 'school'],
  queryFn: ({ signal }) => api<CaseList>('/api/disciplinary-cases', { signal }),
});
export const classCasesQuery = (basisGroupId: string) => queryOptions({
  queryKey: ['discipline', 'class', basisGroupId],
  queryFn: ({ signal }) => api<CaseList>(`/api/basis-groups/${enc(basisGroupId)}/disciplinary-cases`, { signal }),
});
export const studentCasesQuery = (studentId: string) => queryOptions({
  queryKey: ['discipline', 'student', studentId],
  queryFn: ({ signal }) => api<CaseList>(`/api/students/${enc(studentId)}/disciplinary-cases`, { signal }),
});
export const caseQuery = (caseId: string) => queryOptions({
  queryKey: ['discipline', 'case', caseId],
  queryFn: ({ signal }) => api<CaseView>(`/api/disciplinary-cases/${enc(caseId)}`, { signal }),
});

export function useOpenCase(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (incident: IncidentBody) =>
      api<Created>(`/api/students/${enc(studentId)}/disciplinary-cases`, { method: 'POST', body: { incident } satisfies OpenCaseBody }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['discipline'] }),
  });
}

/** Any write on one case (path after the case, method, body); the case is fetched again afterwards. */
export function useCaseWrite<B>(caseId: string, path: string, method: 'POST' | 'PUT') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<unknown>(`/api/disciplinary-cases/${enc(caseId)}${path}`, { method, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['discipline'] }),
  });
}
