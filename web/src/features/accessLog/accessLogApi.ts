import { queryOptions } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { AccessLog } from '@server/features/audit/schemas.js';

export type { AccessLogEntry } from '@server/features/audit/schemas.js';

export const accessLogQuery = (studentId: string) =>
  queryOptions({
    queryKey: ['student', studentId, 'accessLog'],
    queryFn: ({ signal }) =>
      api<AccessLog>(`/api/students/${encodeURIComponent(studentId)}/access-log`, { signal }),
  });
