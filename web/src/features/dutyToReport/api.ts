/** The duty-to-report API (server/features/dutyToReport, R-61, R-76) as the pages use it; shapes from the server's zod schemas. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { ChildWelfareReportView, Procedure, ProcedureBody, ReportBody, ReportList } from '@server/features/dutyToReport/schemas.js';

export type { ChildWelfareReportView, Procedure, ProcedureBody } from '@server/features/dutyToReport/schemas.js';
export const categories = ['mistreatment', 'seriousNeglect', 'untreatedIllness', 'crimeOrDrugs', 'humanTrafficking'] as const satisfies readonly ReportBody['category'][];

const enc = encodeURIComponent;

export const procedureQuery = (locale: string) => queryOptions({
  queryKey: ['dutyToReport', 'procedure', locale],
  queryFn: ({ signal }) => api<Procedure>('/api/duty-to-report', { signal }),
});
export const reportsQuery = queryOptions({
  queryKey: ['dutyToReport', 'reports'],
  queryFn: ({ signal }) => api<ReportList>('/api/child-welfare-reports', { signal }),
});

export function useRecordReport(studentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: ReportBody) => api<ChildWelfareReportView>(`/api/students/${enc(studentId)}/child-welfare-reports`, { method: 'POST', body: b }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['dutyToReport', 'reports'] }),
  });
}

export function useSaveProcedure() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: ProcedureBody) => api<null>('/api/duty-to-report', { method: 'PUT', body: b }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['dutyToReport', 'procedure'] }),
  });
}
