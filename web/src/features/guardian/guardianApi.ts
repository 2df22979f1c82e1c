import { queryOptions } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { GuardianChild } from '../../core/api/types';

export const childrenQuery = queryOptions({
  queryKey: ['guardian', 'children'],
  queryFn: ({ signal }) => api<{ children: GuardianChild[] }>('/api/guardian/children', { signal }),
});
