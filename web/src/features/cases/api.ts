/** The cases API (server/features/cases, R-53, R-54, R-60) as the pages use it; its shapes come from the server's zod schemas. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { CaseDetail, CaseOutcomeInput, Cases, NewCase, NewCaseEvent, NewCaseParticipant, ResourceTeamCases } from '@server/features/cases/schemas.js';
import type { Measure, NewMeasure } from '@server/features/measures/schemas.js';

export type { CaseDetail, CaseEvent, CaseOutcomeInput, CaseSummary, NewCase, NewCaseEvent, NewCaseParticipant } from '@server/features/cases/schemas.js';
export type { CaseOutcome, CaseVisibility } from '@server/features/cases/tables.js';

const enc = encodeURIComponent;

export const studentCasesQuery = (studentId: string) => queryOptions({
  queryKey: ['cases', 'student', studentId],
  queryFn: ({ signal }) => api<Cases>(`/api/students/${enc(studentId)}/cases`, { signal }),
});

export const caseQuery = (caseId: string) => queryOptions({
  queryKey: ['cases', 'case', caseId],
  queryFn: ({ signal }) => api<CaseDetail>(`/api/cases/${enc(caseId)}`, { signal }),
});

export const resourceTeamCasesQuery = queryOptions({
  queryKey: ['cases', 'resourceTeam'],
  queryFn: ({ signal }) => api<ResourceTeamCases>('/api/resource-team/cases', { signal }),
});

export function useRaiseCase(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (c: NewCase) => api<CaseDetail>(`/api/students/${enc(studentId)}/cases`, { method: 'POST', body: c }),
    onSuccess: (c) => {
      queryClient.setQueryData(caseQuery(c.id).queryKey, c);
      return queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

/** One change to a case; the answer is the case as it is now. */
export function useCaseChange<B>(caseId: string, path: string, method: 'POST' | 'PUT') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api<CaseDetail>(`/api/cases/${enc(caseId)}${path}`, { method, body }),
    onSuccess: (c) => {
      queryClient.setQueryData(caseQuery(caseId).queryKey, c);
      return queryClient.invalidateQueries({ queryKey: ['cases'], predicate: (q) => q.queryKey[1] !== 'case' });
    },
  });
}

export const useAddEvent = (caseId: string) => useCaseChange<NewCaseEvent>(caseId, '/events', 'POST');
export const useAddParticipant = (caseId: string) => useCaseChange<NewCaseParticipant>(caseId, '/participants', 'POST');
export const useResourceTeam = (caseId: string) => useCaseChange<{ registered: boolean }>(caseId, '/resource-team', 'PUT');
export const useVisibility = (caseId: string) => useCaseChange<{ visibility: CaseDetail['visibility'] }>(caseId, '/visibility', 'PUT');
export const useOutcome = (caseId: string) => useCaseChange<CaseOutcomeInput>(caseId, '/outcome', 'PUT');

/** A measure proposed in the case (R-55): made through the measures' own route, with the case named. */
export function useMeasureFromCase(studentId: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (m: NewMeasure) => api<Measure>(`/api/students/${enc(studentId)}/measures`, { method: 'POST', body: { ...m, caseId } }),
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: ['cases', 'case', caseId] }),
      queryClient.invalidateQueries({ queryKey: ['student', studentId, 'measures'] }),
      queryClient.invalidateQueries({ queryKey: ['me', 'measures'] }),
    ]),
  });
}
