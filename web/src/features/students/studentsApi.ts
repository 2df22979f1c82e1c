import { queryOptions } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { StudentRecord } from '../../core/api/types';

export const studentRecordQuery = (studentId: string) =>
  queryOptions({
    queryKey: ['student', studentId],
    queryFn: ({ signal }) => api<StudentRecord>(`/api/students/${encodeURIComponent(studentId)}`, { signal }),
  });
