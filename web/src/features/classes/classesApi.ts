import { queryOptions } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { ClassList, ClassOverview, TeachingGroupStudents } from '@server/features/classes/schemas.js';

export type { ClassOverviewStudent } from '@server/features/classes/schemas.js';

export const classOverviewQuery = (basisGroupId: string) =>
  queryOptions({
    queryKey: ['basisGroup', basisGroupId, 'overview'],
    queryFn: ({ signal }) =>
      api<ClassOverview>(`/api/basis-groups/${encodeURIComponent(basisGroupId)}/overview`, { signal }),
  });

/** Classes the caller may open (leaders see their department's or the school's). */
export const classListQuery = () =>
  queryOptions({
    queryKey: ['basisGroups'],
    queryFn: ({ signal }) => api<ClassList>('/api/basis-groups', { signal }),
  });

export const teachingGroupQuery = (teachingGroupId: string) =>
  queryOptions({
    queryKey: ['teachingGroup', teachingGroupId, 'students'],
    queryFn: ({ signal }) =>
      api<TeachingGroupStudents>(`/api/teaching-groups/${encodeURIComponent(teachingGroupId)}/students`, { signal }),
  });
