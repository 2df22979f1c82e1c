/** The class-life API (server/features/classLife, R-35, R-36, R-40, R-41); its types come from the server's schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type {
  Agenda, Checklist, ClassHourTopic, ClassRules, DutyRota, MyClasses, Representatives, TopicPlan,
} from '@server/features/classLife/schemas.js';

export type {
  Agenda, Checklist, ClassHourCase, ClassRules, DutyRota, Election, Representatives, Topic, TopicPlan,
} from '@server/features/classLife/schemas.js';

const enc = encodeURIComponent;
const base = (id: string) => `/api/basis-groups/${enc(id)}`;

export const classHourTopics = ['registrationForm', 'rules', 'classEnvironment', 'studyTechnique', 'timeManagement', 'futureChoices', 'whenChoicesAreMade'] as const satisfies readonly ClassHourTopic[];

export const myClassesQuery = () => queryOptions({
  queryKey: ['classLife', 'mine'],
  queryFn: ({ signal }) => api<MyClasses>('/api/me/classes', { signal }),
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
