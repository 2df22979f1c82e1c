/** The assessment-plan API (server/features/assessmentPlan, R-42); shapes mirror its schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { Access } from '../../core/api/types';

const enc = encodeURIComponent;

export const entryKinds = ['test', 'fullDayTest', 'project', 'excursion', 'culturalEvent'] as const;
export type EntryKind = (typeof entryKinds)[number];
export type RuleKind = 'maxTestsPerDay' | 'maxTestsPerWeek' | 'noTestAfterExcursion';
export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 1000;

export interface Entry {
  id: string; kind: EntryKind; title: string; description: string; startsOn: string; endsOn: string | null;
  scope: 'teachingGroup' | 'basisGroup' | 'level' | 'school'; level: string | null;
  subjectCode: string | null; subjectName: string | null; groupName: string | null; teachingGroupId: string | null; basisGroupId: string | null; editable: boolean;
}
export interface Conflict {
  rule: RuleKind; warningOnly: boolean; day: string | null; week: string | null; message: string; studentCount: number;
  students: { id: string; name: string }[];
  entries: { id: string; title: string; kind: EntryKind; startsOn: string; groupName: string | null; proposed: boolean }[];
}
interface Plan { access: Access; from: string; to: string; today: string; entries: Entry[]; conflicts: Conflict[] }
export interface GroupPlan extends Plan {
  group: { id: string; name: string; subjectCode: string | null; subjectName: string | null; kind: 'teaching' | 'basis' };
  canPlan: boolean; studentCount: number;
}
export interface StudentPlan extends Plan { student: { id: string; givenName: string; familyName: string } }
export interface CheckResult { conflicts: Conflict[]; dateErrors: { field: string; message: string }[]; blocked: boolean }
/** `level` only for an event of a level or the whole school (null: the whole school). */
export interface EntryInput { kind: EntryKind; title: string; description: string; startsOn: string; endsOn: string | null; level?: string | null }
export type CheckInput = Omit<EntryInput, 'description'> & { entryId: string | null };
export interface Saved { entry: Entry; warnings: Conflict[] }
export interface Mine { studentIds: string[]; teachingGroups: { id: string; name: string; subjectCode: string; subjectName: string }[]; basisGroups: { id: string; name: string }[] }

/** Where a plan's page lives: a teaching group's or a class's. */
export type GroupRef = { kind: 'teaching' | 'basis'; id: string };
const base = (g: GroupRef) => (g.kind === 'teaching' ? `/api/teaching-groups/${enc(g.id)}` : `/api/basis-groups/${enc(g.id)}`);

export const mineQuery = () => queryOptions({
  queryKey: ['assessmentPlan', 'mine'],
  queryFn: ({ signal }) => api<Mine>('/api/me/assessment-plan', { signal }),
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
  return useMutation({ mutationFn: () => api<{ url: string }>(path, { method: 'POST' }) });
}
export const studentFeedPath = (studentId: string) => `/api/students/${enc(studentId)}/assessment-plan/feed`;
export const groupFeedPath = (teachingGroupId: string) => `/api/teaching-groups/${enc(teachingGroupId)}/assessment-plan/feed`;

/* ───────────── the school's rules and its events for a level or the whole school ───────────── */

export const ruleKinds: readonly RuleKind[] = ['maxTestsPerDay', 'maxTestsPerWeek', 'noTestAfterExcursion'];
/** the rule that has no maximum */
export const hasMaximum = (r: RuleKind) => r !== 'noTestAfterExcursion';
export const MAXIMUM_MIN = 1;
export const MAXIMUM_MAX = 20;
export interface RuleSetting { rule: RuleKind; enabled: boolean; maximum: number | null; warningOnly: boolean }
export interface Rules { access: Access; rules: (RuleSetting & { description: string })[]; canManage: boolean }
export interface SchoolEvents { access: Access; from: string; to: string; today: string; levels: string[]; entries: Entry[] }

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
