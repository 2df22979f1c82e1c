import { queryOptions } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { GuardianChildren } from '@server/features/guardians/schemas.js';

export const childrenQuery = queryOptions({
  queryKey: ['guardian', 'children'],
  queryFn: ({ signal }) => api<GuardianChildren>('/api/guardian/children', { signal }),
});
