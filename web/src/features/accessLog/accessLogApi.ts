import { queryOptions } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { AccessLogEntry } from '../../core/api/types';

export const accessLogQuery = (studentId: string) =>
  queryOptions({
    queryKey: ['student', studentId, 'accessLog'],
    queryFn: ({ signal }) =>
      api<{ entries: AccessLogEntry[] }>(`/api/students/${encodeURIComponent(studentId)}/access-log`, { signal }),
  });
