/** The parent-meeting API (server/features/parentMeeting); its types come from the server's schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { ClassMeetings, InformResult, INFORMATION_MAX as ServerInformationMax, MeetingInput, StudentMeetings } from '@server/features/parentMeeting/schemas.js';

export type { Attendance, ClassMeetings, Meeting } from '@server/features/parentMeeting/schemas.js';

const enc = encodeURIComponent;
export const INFORMATION_MAX: typeof ServerInformationMax = 5000;

export const classMeetingsQuery = (basisGroupId: string) => queryOptions({
  queryKey: ['parentMeetings', 'class', basisGroupId],
  queryFn: ({ signal }) => api<ClassMeetings>(`/api/basis-groups/${enc(basisGroupId)}/parent-meetings`, { signal }),
});
export const studentMeetingsQuery = (studentId: string) => queryOptions({
  queryKey: ['parentMeetings', 'student', studentId],
  queryFn: ({ signal }) => api<StudentMeetings>(`/api/students/${enc(studentId)}/parent-meetings`, { signal }),
});

export function useRecordMeeting(basisGroupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingInput) => api<ClassMeetings>(`/api/basis-groups/${enc(basisGroupId)}/parent-meetings`, { method: 'POST', body }),
    onSuccess: (data) => qc.setQueryData(classMeetingsQuery(basisGroupId).queryKey, data),
  });
}

export function useCorrectMeeting(basisGroupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: MeetingInput & { id: string }) =>
      api<ClassMeetings>(`/api/basis-groups/${enc(basisGroupId)}/parent-meetings/${enc(id)}`, { method: 'PUT', body }),
    onSuccess: (data) => {
      qc.setQueryData(classMeetingsQuery(basisGroupId).queryKey, data);
      void qc.invalidateQueries({ queryKey: ['parentMeetings', 'student'] });
    },
  });
}

export function useInformAbsent(basisGroupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (meetingId: string) => api<InformResult>(`/api/basis-groups/${enc(basisGroupId)}/parent-meetings/${enc(meetingId)}/inform-absent`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['parentMeetings', 'class', basisGroupId] }),
  });
}
