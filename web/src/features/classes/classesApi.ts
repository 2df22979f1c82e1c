import { queryOptions } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { ClassOverview } from '../../core/api/types';

export const classOverviewQuery = (basisGroupId: string) =>
  queryOptions({
    queryKey: ['basisGroup', basisGroupId, 'overview'],
    queryFn: ({ signal }) =>
      api<ClassOverview>(`/api/basis-groups/${encodeURIComponent(basisGroupId)}/overview`, { signal }),
  });
