/** The parent-meeting API (server/features/parentMeeting); shapes mirror its schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type { Access } from '../../core/api/types';

const enc = encodeURIComponent;
export const INFORMATION_MAX = 5000;

export interface Attendance { studentId: string; guardianPersonId: string; guardianName: string; present: boolean; informedAt: string | null }
export interface Meeting { id: string; heldOn: string; topic: string; information: string; recordedBy: string; attendance: Attendance[]; present: number; absent: number; informed: number }
export interface ClassMeetings {
  access: Access; group: { id: string; name: string; level: string }; today: string; canManage: boolean;
  families: { studentId: string; givenName: string; familyName: string; guardians: { personId: string; name: string }[] }[];
  meetings: Meeting[];
}
export interface StudentMeetings { access: Access; student: { id: string; givenName: string; familyName: string }; meetings: { id: string; heldOn: string; topic: string; information: string; className: string }[] }
export interface MeetingInput { heldOn: string; topic: string; information: string; attendance: { studentId: string; guardianPersonId: string; present: boolean }[] }

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
    mutationFn: (meetingId: string) => api<{ informed: number }>(`/api/basis-groups/${enc(basisGroupId)}/parent-meetings/${enc(meetingId)}/inform-absent`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['parentMeetings', 'class', basisGroupId] }),
  });
}
