/** The class-life API (server/features/classLife, R-35, R-36, R-40, R-41); shapes mirror its schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { Access } from '../../core/api/types';

const enc = encodeURIComponent;
const base = (id: string) => `/api/basis-groups/${enc(id)}`;

export const classHourTopics = ['registrationForm', 'rules', 'classEnvironment', 'studyTechnique', 'timeManagement', 'futureChoices', 'whenChoicesAreMade'] as const;
export type ClassHourTopic = (typeof classHourTopics)[number];
export const standingItems = ['checkAbsence', 'informationChannels', 'commonEvents', 'wellBeing', 'workload', 'deadlines', 'studentCouncil', 'questions', 'individualTalks'] as const;
export const startOfYearItems = ['schoolOrganisation', 'schoolRules', 'absenceRules', 'complaintsAboutTeaching'] as const;
export type StartOfYearItem = (typeof startOfYearItems)[number];

interface Group { id: string; name: string }
export interface Person { studentId: string; givenName: string; familyName: string }
export interface Topic { topic: string; suggested: ClassHourTopic; chosen: boolean }
export interface ClassHourCase { id: string; title: string; background: string; decision: string | null; decidedOn: string | null; preparedBy: string; createdAt: string }
export interface ClassHour { heldOn: string; topic: string; notes: string | null; notesShared: boolean; updatedBy: string; updatedAt: string }
export interface Agenda {
  access: Access; group: Group; today: string; canManage: boolean;
  week: { start: string; end: string; number: number; previous: string; next: string };
  standingItems: (typeof standingItems)[number][];
  absence: { studentsWithUndocumented: number; studentsChecked: number; students: number; isoWeek: string } | null;
  upcoming: { date: string; kind: string; title: string; subject: string | null }[];
  topic: Topic; classHours: ClassHour[]; cases: ClassHourCase[];
}
export interface TopicPlan { access: Access; group: Group; canManage: boolean; weeks: (Topic & { weekStart: string; number: number })[] }
export interface Checklist { access: Access; group: Group; canManage: boolean; items: { item: StartOfYearItem; checkedOn: string | null; checkedBy: string | null }[] }
export interface RulesVersion { version: number; text: string; publishedOn: string }
export interface ClassRules {
  access: Access; group: Group; canManage: boolean; canPropose: boolean;
  draft: { text: string; updatedAt: string } | null; current: RulesVersion | null; earlier: RulesVersion[];
  proposals: { id: string; text: string; author: string | null; mine: boolean; createdAt: string; comments: { id: string; text: string; author: string; mine: boolean; createdAt: string }[] }[];
}
export type CandidateStatus = 'nominated' | 'accepted' | 'declined';
export interface Election {
  id: string; seats: number; termStartsOn: string; termEndsOn: string; status: 'draft' | 'open' | 'closed'; closedOn: string | null;
  candidates: (Person & { status: CandidateStatus; votes: number | null; elected: number | null; drawnByLot: boolean })[];
  turnout: { voted: number; eligible: number };
  me: { voted: boolean; candidacy: 'none' | CandidateStatus } | null;
}
export interface Representatives { access: Access; group: Group; canManage: boolean; canVote: boolean; students: Person[]; elections: Election[] }
export interface DutyRota {
  access: Access; group: Group; canManage: boolean; students: Person[];
  rota: { id: string; startsOn: string; endsOn: string; perWeek: number; routines: string[]; weeks: { weekStart: string; number: number; students: Person[] }[]; counts: (Person & { count: number })[] } | null;
  away: (Person & { id: string; fromOn: string; toOn: string })[];
  defaultRoutines: string[];
}

export const myClassesQuery = () => queryOptions({
  queryKey: ['classLife', 'mine'],
  queryFn: ({ signal }) => api<{ classes: Group[] }>('/api/me/classes', { signal }),
});
export const agendaQuery = (id: string, week?: string) => queryOptions({
  queryKey: ['classLife', id, 'agenda', week ?? ''],
  queryFn: ({ signal }) => api<Agenda>(`${base(id)}/class-hour${week ? `?week=${enc(week)}` : ''}`, { signal }),
});
export const topicPlanQuery = (id: string) => queryOptions({
  queryKey: ['classLife', id, 'topics'],
  queryFn: ({ signal }) => api<TopicPlan>(`${base(id)}/class-hour/topics`, { signal }),
});
export const checklistQuery = (id: string) => queryOptions({
  queryKey: ['classLife', id, 'startOfYear'],
  queryFn: ({ signal }) => api<Checklist>(`${base(id)}/start-of-year`, { signal }),
});
export const classRulesQuery = (id: string) => queryOptions({
  queryKey: ['classLife', id, 'rules'],
  queryFn: ({ signal }) => api<ClassRules>(`${base(id)}/class-rules`, { signal }),
});
export const representativesQuery = (id: string) => queryOptions({
  queryKey: ['classLife', id, 'representatives'],
  queryFn: ({ signal }) => api<Representatives>(`${base(id)}/student-representatives`, { signal }),
});
export const dutyRotaQuery = (id: string) => queryOptions({
  queryKey: ['classLife', id, 'rota'],
  queryFn: ({ signal }) => api<DutyRota>(`${base(id)}/duty-rota`, { signal }),
});

/** Any write under the class: the path below /api/basis-groups/:id; refreshes the class's pages. */
export function useClassLifeWrite(basisGroupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method, body }: { path: string; method: 'POST' | 'PUT' | 'DELETE'; body?: unknown }) =>
      api<unknown>(`${base(basisGroupId)}${path}`, { method, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['classLife', basisGroupId] }),
  });
}
