/** The school-environment API (server/features/schoolEnvironment, R-70) as the pages use it; shapes from the server's zod schemas. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type {
  CarriedOutBody, CaseList, CaseView, Created, EvaluationBody, LogEntryBody, PlanInput, ReportBody, StaffList,
} from '@server/features/schoolEnvironment/schemas.js';

export type { CaseView as SchoolEnvironmentCase, PlanInput } from '@server/features/schoolEnvironment/schemas.js';

const enc = encodeURIComponent;

export const studentCasesQuery = (studentId: string) => queryOptions({
  queryKey: ['schoolEnvironment', 'student', studentId],
  queryFn: ({ signal }) => api<CaseList>(`/api/students/${enc(studentId)}/school-environment-cases`, { signal }),
});
export const schoolCasesQuery = queryOptions({
  queryKey: ['schoolEnvironment', 'school'],
  queryFn: ({ signal }) => api<CaseList>('/api/school-environment-cases', { signal }),
});
export const staffQuery = queryOptions({
  queryKey: ['schoolEnvironment', 'staff'],
  queryFn: ({ signal }) => api<StaffList>('/api/school-environment/staff', { signal }),
  staleTime: 5 * 60_000,
});
export const caseQuery = (caseId: string) => queryOptions({
  queryKey: ['schoolEnvironment', 'case', caseId],
  queryFn: ({ signal }) => api<CaseView>(`/api/school-environment-cases/${enc(caseId)}`, { signal }),
});

export function useReportConcern(studentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: ReportBody) => api<Created>(`/api/students/${enc(studentId)}/school-environment-cases`, { method: 'POST', body: b }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['schoolEnvironment'] }),
  });
}

/** One write on the case; the answer is the case as the caller now sees it. */
export function useCaseWrite<B>(caseId: string, method: 'POST' | 'PUT', path: (b: B) => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: B) => api<CaseView>(`/api/school-environment-cases/${enc(caseId)}${path(b)}`, { method, body: stripRoute(b) }),
    onSuccess: (data) => {
      qc.setQueryData(caseQuery(caseId).queryKey, data);
      return qc.invalidateQueries({ queryKey: ['schoolEnvironment'], predicate: (q) => q.queryKey[1] !== 'case' });
    },
  });
}

/** A measure's id travels in the path, not the body. */
function stripRoute<B>(b: B): unknown {
  if (b && typeof b === 'object' && 'measureId' in b) {
    const { measureId: _, ...rest } = b as Record<string, unknown>;
    return rest;
  }
  return b;
}

export const useAddLogEntry = (caseId: string) => useCaseWrite<LogEntryBody>(caseId, 'POST', () => '/log-entries');
export const useSavePlan = (caseId: string) => useCaseWrite<PlanInput>(caseId, 'PUT', () => '/activity-plan');
export const useCarriedOut = (caseId: string) =>
  useCaseWrite<CarriedOutBody & { measureId: string }>(caseId, 'POST', (b) => `/measures/${enc(b.measureId)}/carried-out`);
export const useEvaluate = (caseId: string) =>
  useCaseWrite<EvaluationBody & { measureId: string }>(caseId, 'POST', (b) => `/measures/${enc(b.measureId)}/evaluations`);
export const useAssign = (caseId: string) => useCaseWrite<{ staffMemberId: string }>(caseId, 'POST', () => '/participants');
export const useEscalate = (caseId: string) => useCaseWrite<{ text: string }>(caseId, 'POST', () => '/escalation');
export const useClose = (caseId: string) => useCaseWrite<{ text: string }>(caseId, 'POST', () => '/closing');
