/** The disciplinary-case API (server/features/discipline) as the pages use it; shapes mirror server/features/discipline/schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { Access } from '../../core/api/types';

const enc = encodeURIComponent;

export const measureKinds = ['conversation', 'writtenReprimand', 'repairDamage', 'other'] as const;
export type MeasureKind = (typeof measureKinds)[number] | 'removalFromLesson' | 'suspension';
export type Scope = 'lessons' | 'restOfDay' | 'days';
export type AppealOutcome = 'upheld' | 'changed' | 'reversed';
export type Stage = 'primary' | 'lowerSecondary' | 'upperSecondary';

export interface CaseSummary {
  id: string; studentId: string; givenName: string; familyName: string; className: string | null; openedAt: string;
  lastIncidentOn: string | null; incidents: number; measures: number; suspension: 'none' | 'noticeSent' | 'decided' | 'appealed';
}
export interface CaseList { access: Access; today: string; cases: CaseSummary[] }

export interface Suspension {
  noticeSentOn: string; decidedOn: string | null; decidedBy: string | null; scope: Scope | null; days: number | null; lessons: number | null;
  startsOn: string | null; reasons: string | null; milderMeasures: string | null; guardiansToldOn: string | null; notifiedOn: string | null;
  appealReceivedOn: string | null; appealOutcome: AppealOutcome | null; appealDecidedOn: string | null;
}
export interface DisciplinaryCase {
  access: Access;
  today: string;
  id: string;
  view: 'staff' | 'family';
  student: { id: string; givenName: string; familyName: string; stage: Stage; className: string | null };
  openedAt: string;
  reportedBy: string | null;
  incidents: { id: string; occurredOn: string; place: string; description: string; rule: string; reportedBy: string }[];
  hearings: { id: string; heardOn: string; studentView: string; heardBy: string }[];
  measures: { id: string; kind: MeasureKind; description: string; decidedOn: string; decidedBy: string; singleIncident: boolean; addressedToFamily: boolean; groupName: string | null; minutes: number | null; evaluateOn: string | null }[];
  suspension: Suspension | null;
  interventions: { id: string; occurredOn: string; incidentAccount: string; interventionAccount: string; studentView: string; performedBy: string; reportedToPrincipalOn: string; parentsInformedOn: string | null }[];
  can: { update: boolean; removeFromLesson: boolean; suspend: boolean; reportIntervention: boolean; informParents: boolean };
  ownGroups: { id: string; name: string }[];
}

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
  queryFn: ({ signal }) => api<DisciplinaryCase>(`/api/disciplinary-cases/${enc(caseId)}`, { signal }),
});

export function useOpenCase(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (incident: { occurredOn: string; place: string; description: string; rule: string }) =>
      api<{ id: string }>(`/api/students/${enc(studentId)}/disciplinary-cases`, { method: 'POST', body: { incident } }),
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
