/** The assessment-plan API (server/features/assessmentPlan, R-42); its types come from the server's schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type {
  CheckResult, DESCRIPTION_MAX as ServerDescriptionMax, EntryKind, Feed, GroupPlan, MAXIMUM_MAX as ServerMaximumMax, MAXIMUM_MIN as ServerMaximumMin,
  MyAssessmentPlans, RuleKind, Rules, RulesInput, Saved, SchoolCheckInput, SchoolEntryInput, SchoolEvents, StudentPlan, TITLE_MAX as ServerTitleMax,
} from '@server/features/assessmentPlan/schemas.js';

export type { CheckResult, ConflictView as Conflict, EntryKind, EntryView as Entry, GroupPlan, Rules, Saved } from '@server/features/assessmentPlan/schemas.js';

const enc = encodeURIComponent;

export const entryKinds = ['test', 'fullDayTest', 'project', 'excursion', 'culturalEvent'] as const satisfies readonly EntryKind[];
export const TITLE_MAX: typeof ServerTitleMax = 120;
export const DESCRIPTION_MAX: typeof ServerDescriptionMax = 1000;

/** `level` only for an event of a level or the whole school (null: the whole school); a group's entry leaves it out. */
export type EntryInput = SchoolEntryInput;
export type CheckInput = SchoolCheckInput;

/** Where a plan's page lives: a teaching group's or a class's. */
export type GroupRef = Pick<GroupPlan['group'], 'kind' | 'id'>;
const base = (g: GroupRef) => (g.kind === 'teaching' ? `/api/teaching-groups/${enc(g.id)}` : `/api/basis-groups/${enc(g.id)}`);

export const mineQuery = () => queryOptions({
  queryKey: ['assessmentPlan', 'mine'],
  queryFn: ({ signal }) => api<MyAssessmentPlans>('/api/me/assessment-plan', { signal }),
});
export const studentPlanQuery = (studentId: string) => queryOptions({
  queryKey: ['assessmentPlan', 'student', studentId],
  queryFn: ({ signal }) => api<StudentPlan>(`/api/students/${enc(studentId)}/assessment-plan`, { signal }),
});
export const groupPlanQuery = (g: GroupRef) => queryOptions({
  queryKey: ['assessmentPlan', g.kind, g.id],
  queryFn: ({ signal }) => api<GroupPlan>(`${base(g)}/assessment-plan`, { signal }),
});

export function checkEntry(g: GroupRef, body: CheckInput, signal?: AbortSignal): Promise<CheckResult> {
  return api<CheckResult>(`${base(g)}/assessment-plan/check`, { method: 'POST', body, signal });
}

export function useSaveEntry(g: GroupRef) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: EntryInput }) =>
      api<Saved>(id ? `${base(g)}/assessment-plan/${enc(id)}` : `${base(g)}/assessment-plan`, { method: id ? 'PUT' : 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assessmentPlan'] }),
  });
}

export function useDeleteEntry(g: GroupRef) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`${base(g)}/assessment-plan/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assessmentPlan'] }),
  });
}

export function useFeedUrl(path: string) {
  return useMutation({ mutationFn: () => api<Feed>(path, { method: 'POST' }) });
}
export const studentFeedPath = (studentId: string) => `/api/students/${enc(studentId)}/assessment-plan/feed`;
export const groupFeedPath = (teachingGroupId: string) => `/api/teaching-groups/${enc(teachingGroupId)}/assessment-plan/feed`;

/* ───────────── the school's rules and its events for a level or the whole school ───────────── */

export const ruleKinds: readonly RuleKind[] = ['maxTestsPerDay', 'maxTestsPerWeek', 'noTestAfterExcursion'];
/** the rule that has no maximum */
export const hasMaximum = (r: RuleKind) => r !== 'noTestAfterExcursion';
export const MAXIMUM_MIN: typeof ServerMaximumMin = 1;
export const MAXIMUM_MAX: typeof ServerMaximumMax = 20;
/** One rule as the school sets it. */
export type RuleSetting = RulesInput['rules'][number];

export const rulesQuery = () => queryOptions({
  queryKey: ['assessmentPlan', 'rules'],
  queryFn: ({ signal }) => api<Rules>('/api/assessment-plan/rules', { signal }),
});

export function useSaveRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (rules: RuleSetting[]) => api<Rules>('/api/assessment-plan/rules', { method: 'PUT', body: { rules } }),
    onSuccess: (data) => {
      qc.setQueryData(rulesQuery().queryKey, data);
      // the plans' conflicts follow the rules
      return qc.invalidateQueries({ queryKey: ['assessmentPlan'], predicate: (q) => q.queryKey[1] !== 'rules' });
    },
  });
}

export const schoolEventsQuery = () => queryOptions({
  queryKey: ['assessmentPlan', 'schoolEvents'],
  queryFn: ({ signal }) => api<SchoolEvents>('/api/assessment-plan/school-events', { signal }),
});

export function checkSchoolEvent(body: CheckInput, signal?: AbortSignal): Promise<CheckResult> {
  return api<CheckResult>('/api/assessment-plan/school-events/check', { method: 'POST', body, signal });
}

/** Plans a new event for a level or the whole school (no id) or changes one. */
export function useSaveSchoolEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: EntryInput }) =>
      api<Saved>(id ? `/api/assessment-plan/school-events/${enc(id)}` : '/api/assessment-plan/school-events', { method: id ? 'PUT' : 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assessmentPlan'] }),
  });
}

export function useDeleteSchoolEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/assessment-plan/school-events/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assessmentPlan'] }),
  });
}
