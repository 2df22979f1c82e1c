/** The screening and class-team meeting API (server/features/screening); types from the server's schemas.ts. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type {
  ClassScreening, ClassTeamMeeting, ConcernInput, ImportInput, ImportResult, MeetingInput, NoteInput, RowInput, RowSaved, ScreeningSettings, SettingsInput,
} from '@server/features/screening/schemas.js';

export type { ClassScreening, ClassTeamMeeting, MeetingStudent, ScreeningRow, ScreeningSettings, ScreeningTestName } from '@server/features/screening/schemas.js';

const enc = encodeURIComponent;
export const screeningTests = ['norwegian', 'english', 'maths'] as const;

export const classScreeningQuery = (basisGroupId: string) => queryOptions({
  queryKey: ['screening', 'class', basisGroupId],
  queryFn: ({ signal }) => api<ClassScreening>(`/api/basis-groups/${enc(basisGroupId)}/screening`, { signal }),
});
export const settingsQuery = () => queryOptions({
  queryKey: ['screening', 'settings'],
  queryFn: ({ signal }) => api<ScreeningSettings>('/api/school/screening-settings', { signal }),
});
export const meetingQuery = (basisGroupId: string) => queryOptions({
  queryKey: ['screening', 'meeting', basisGroupId],
  queryFn: ({ signal }) => api<ClassTeamMeeting>(`/api/basis-groups/${enc(basisGroupId)}/class-team-meeting`, { signal }),
});

/** One row of the grid; the list is refreshed in the background so marks and completeness follow. */
export function useSaveRow(basisGroupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ studentId, body }: { studentId: string; body: RowInput }) =>
      api<RowSaved>(`/api/basis-groups/${enc(basisGroupId)}/screening/${enc(studentId)}`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['screening'] }),
  });
}

export function useImport(basisGroupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportInput) => api<ImportResult>(`/api/basis-groups/${enc(basisGroupId)}/screening/import`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['screening'] }),
  });
}

export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsInput) => api<ScreeningSettings>('/api/school/screening-settings', { method: 'PUT', body }),
    onSuccess: (data) => {
      qc.setQueryData(settingsQuery().queryKey, data);
      void qc.invalidateQueries({ queryKey: ['screening', 'class'] });
    },
  });
}

function useMeetingWrite<B>(basisGroupId: string, method: 'PUT' | 'POST', path: (b: B) => string, body: (b: B) => unknown) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: B) => api<ClassTeamMeeting>(`/api/basis-groups/${enc(basisGroupId)}/class-team-meeting${path(b)}`, { method, body: body(b) }),
    onSuccess: (data) => qc.setQueryData(meetingQuery(basisGroupId).queryKey, data),
  });
}
export const useSaveMeeting = (basisGroupId: string) => useMeetingWrite<MeetingInput>(basisGroupId, 'PUT', () => '', (b) => b);
export const useSaveConcern = (basisGroupId: string) =>
  useMeetingWrite<{ studentId: string; body: ConcernInput }>(basisGroupId, 'PUT', (b) => `/students/${enc(b.studentId)}`, (b) => b.body);
export const useSendNote = (basisGroupId: string) => useMeetingWrite<NoteInput>(basisGroupId, 'POST', () => '/notes', (b) => b);
