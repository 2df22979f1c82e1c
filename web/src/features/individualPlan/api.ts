import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type {
  AdaptedArrangement, AdaptedArrangements, ArrangementInput, ArrangementPatch, FinalisedPlan, IndividualPlanView, PartInput, PlanInput, PlanReport,
} from '@server/features/individualPlan/schemas.js';

export type {
  AdaptedArrangement, ArrangementInput, IndividualPlanView, PlanPart, PlanReport, PlanVersionSummary,
} from '@server/features/individualPlan/schemas.js';

const base = (studentId: string) => `/api/students/${encodeURIComponent(studentId)}/individual-plan`;
const arrangementsBase = (studentId: string) => `/api/students/${encodeURIComponent(studentId)}/adapted-arrangements`;

export const planQuery = (studentId: string) =>
  queryOptions({ queryKey: ['student', studentId, 'individualPlan'], queryFn: ({ signal }) => api<IndividualPlanView>(base(studentId), { signal }) });

export const versionQuery = (studentId: string, version: number) =>
  queryOptions({
    queryKey: ['student', studentId, 'individualPlan', 'version', version],
    queryFn: ({ signal }) => api<PlanReport>(`${base(studentId)}/reports/${version}`, { signal }),
  });

export const finalisedQuery = (studentId: string) =>
  queryOptions({ queryKey: ['student', studentId, 'individualPlan', 'finalised'], queryFn: ({ signal }) => api<FinalisedPlan>(`${base(studentId)}/finalised`, { signal }) });

export const arrangementsQuery = (studentId: string) =>
  queryOptions({ queryKey: ['student', studentId, 'adaptedArrangements'], queryFn: ({ signal }) => api<AdaptedArrangements>(arrangementsBase(studentId), { signal }) });

/** Every write answers with the whole working view: it replaces the cached one, so the page shows what is stored. */
function useViewWrite<V>(studentId: string, call: (v: V) => Promise<IndividualPlanView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => queryClient.setQueryData(planQuery(studentId).queryKey, view),
  });
}

export const useSavePlan = (studentId: string) =>
  useViewWrite(studentId, (body: PlanInput) => api<IndividualPlanView>(base(studentId), { method: 'PUT', body }));

export const useSavePart = (studentId: string) =>
  useViewWrite(studentId, ({ subjectId, body, keepalive }: { subjectId: string; body: PartInput; keepalive?: boolean }) =>
    api<IndividualPlanView>(`${base(studentId)}/parts/${encodeURIComponent(subjectId)}`, { method: 'PUT', body, keepalive }));

export const useSaveReport = (studentId: string) =>
  useViewWrite(studentId, ({ subjectId, report, keepalive }: { subjectId: string; report: string; keepalive?: boolean }) =>
    api<IndividualPlanView>(`${base(studentId)}/parts/${encodeURIComponent(subjectId)}/report`, { method: 'PUT', body: { report }, keepalive }));

export const useSaveSummary = (studentId: string) =>
  useViewWrite(studentId, ({ summary, keepalive }: { summary: string; keepalive?: boolean }) =>
    api<IndividualPlanView>(`${base(studentId)}/summary`, { method: 'PUT', body: { summary }, keepalive }));

export function useFinalise(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (period: PlanReport['period']) => api<PlanReport>(`${base(studentId)}/reports`, { method: 'POST', body: { period } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['student', studentId, 'individualPlan'] }),
  });
}

function useArrangementWrite<V>(studentId: string, call: (v: V) => Promise<AdaptedArrangement>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['student', studentId, 'adaptedArrangements'] }) });
}

export const useAddArrangement = (studentId: string) =>
  useArrangementWrite(studentId, (body: ArrangementInput) => api<AdaptedArrangement>(arrangementsBase(studentId), { method: 'POST', body }));

export const useEditArrangement = (studentId: string) =>
  useArrangementWrite(studentId, ({ id, patch }: { id: string; patch: ArrangementPatch }) =>
    api<AdaptedArrangement>(`${arrangementsBase(studentId)}/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }));
