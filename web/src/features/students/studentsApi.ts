import { queryOptions } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { StudentRecord } from '@server/features/students/schemas.js';

export type { ContactDetails, Guardian, StudentRecord } from '@server/features/students/schemas.js';

export const studentRecordQuery = (studentId: string) =>
  queryOptions({
    queryKey: ['student', studentId],
    queryFn: ({ signal }) => api<StudentRecord>(`/api/students/${encodeURIComponent(studentId)}`, { signal }),
  });
