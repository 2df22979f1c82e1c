import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type {
  Meeting, MeetingConsent, MeetingPatch, MyMeetings, NewAction, NewAgendaItem, NewDecision, NewMeeting, NewResourceTeamMeeting, ParticipantInput,
  ParticipationDecision, ResourceTeam, ShareInput, SharedMinutes, StudentMeetings, StudentSearch,
} from '@server/features/meetings/schemas.js';
import type { ResourceTeamCases } from '@server/features/cases/schemas.js';

export type { Meeting, MeetingSummary, MyMeetings, ParticipantInput, ResourceTeam, SharedMinutes, StudentMeetings } from '@server/features/meetings/schemas.js';
export type MeetingKind = Meeting['kind'];

const enc = encodeURIComponent;
const meetingUrl = (id: string) => `/api/meetings/${enc(id)}`;

export const meetingQuery = (id: string) =>
  queryOptions({ queryKey: ['meeting', id], queryFn: ({ signal }) => api<Meeting>(meetingUrl(id), { signal }) });
export const studentMeetingsQuery = (studentId: string) =>
  queryOptions({ queryKey: ['student', studentId, 'meetings'], queryFn: ({ signal }) => api<StudentMeetings>(`/api/students/${enc(studentId)}/meetings`, { signal }) });
export const sharedMinutesQuery = (studentId: string) =>
  queryOptions({ queryKey: ['student', studentId, 'shared-minutes'], queryFn: ({ signal }) => api<SharedMinutes>(`/api/students/${enc(studentId)}/shared-minutes`, { signal }) });
export const myMeetingsQuery = queryOptions({ queryKey: ['me', 'meetings'], queryFn: ({ signal }) => api<MyMeetings>('/api/me/meetings', { signal }) });
export const resourceTeamQuery = queryOptions({ queryKey: ['resource-team'], queryFn: ({ signal }) => api<ResourceTeam>('/api/resource-team', { signal }) });

/** The cases registered for the resource team (the cases feature's own route), for the team's agenda. */
export const registeredCasesQuery = queryOptions({
  queryKey: ['resource-team', 'cases'], queryFn: ({ signal }) => api<ResourceTeamCases>('/api/resource-team/cases', { signal }), retry: false,
});

export const searchStudents = (meetingId: string, q: string) => api<StudentSearch>(`${meetingUrl(meetingId)}/student-search?q=${enc(q)}`);

export function usePlanMeeting(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (m: NewMeeting) => api<Meeting>(`/api/students/${enc(studentId)}/meetings`, { method: 'POST', body: m }),
    onSuccess: (m) => {
      queryClient.setQueryData(['meeting', m.id], m);
      return Promise.all([queryClient.invalidateQueries({ queryKey: ['student', studentId, 'meetings'] }), queryClient.invalidateQueries({ queryKey: ['me', 'meetings'] })]);
    },
  });
}

export function usePlanResourceTeamMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (m: NewResourceTeamMeeting) => api<Meeting>('/api/resource-team/meetings', { method: 'POST', body: m }),
    onSuccess: (m) => {
      queryClient.setQueryData(['meeting', m.id], m);
      return queryClient.invalidateQueries({ queryKey: ['resource-team'] });
    },
  });
}

export function useSetResourceTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (staffMemberIds: string[]) => api<unknown>('/api/resource-team/members', { method: 'PUT', body: { staffMemberIds } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['resource-team'] }),
  });
}

/** Every change to a meeting answers with the meeting as it is now. */
function useMeetingChange<V>(meetingId: string, call: (v: V) => Promise<Meeting>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (m) => {
      queryClient.setQueryData(['meeting', meetingId], m);
      return queryClient.invalidateQueries({ queryKey: ['student'] });
    },
  });
}

export const usePatchMeeting = (id: string) => useMeetingChange(id, (b: MeetingPatch) => api<Meeting>(meetingUrl(id), { method: 'PATCH', body: b }));
export const useAddParticipant = (id: string) => useMeetingChange(id, (b: ParticipantInput) => api<Meeting>(`${meetingUrl(id)}/participants`, { method: 'POST', body: b }));
export const useRemoveParticipant = (id: string) =>
  useMeetingChange(id, (participantId: string) => api<Meeting>(`${meetingUrl(id)}/participants/${enc(participantId)}`, { method: 'DELETE' }));
export const useAddAgendaItem = (id: string) => useMeetingChange(id, (b: NewAgendaItem) => api<Meeting>(`${meetingUrl(id)}/agenda-items`, { method: 'POST', body: b }));
export const useAddDecision = (id: string) => useMeetingChange(id, (b: NewDecision) => api<Meeting>(`${meetingUrl(id)}/decisions`, { method: 'POST', body: b }));
export const useAddAction = (id: string) => useMeetingChange(id, (b: NewAction) => api<Meeting>(`${meetingUrl(id)}/actions`, { method: 'POST', body: b }));
export const useMarkAction = (id: string) =>
  useMeetingChange(id, (b: { actionId: string; done: boolean }) => api<Meeting>(`${meetingUrl(id)}/actions/${enc(b.actionId)}`, { method: 'PATCH', body: { done: b.done } }));
export const useShare = (id: string) => useMeetingChange(id, (b: ShareInput) => api<Meeting>(`${meetingUrl(id)}/shares`, { method: 'POST', body: b }));
export const useSaveConsent = (id: string) => useMeetingChange(id, (b: MeetingConsent) => api<Meeting>(`${meetingUrl(id)}/consent`, { method: 'PUT', body: b }));
export const useSaveParticipationDecision = (id: string) =>
  useMeetingChange(id, (b: ParticipationDecision) => api<Meeting>(`${meetingUrl(id)}/participation-decision`, { method: 'PUT', body: b }));

/** A measure made from a decision: created by the measures feature's route, then linked from the decision. */
export const useMeasureFromDecision = (id: string, studentId: string) =>
  useMeetingChange(id, async (b: { decisionId: string; goal: string; actions: string; startsOn: string; evaluateOn: string }) => {
    const measure = await api<{ id: string }>(`/api/students/${enc(studentId)}/measures`, {
      method: 'POST', body: { goal: b.goal, actions: b.actions, startsOn: b.startsOn, evaluateOn: b.evaluateOn },
    });
    return api<Meeting>(`${meetingUrl(id)}/decisions/${enc(b.decisionId)}/measure`, { method: 'PUT', body: { measureId: measure.id } });
  });

export function saveMinutes(id: string, text: string, keepalive: boolean) {
  return api<{ updatedAt: string }>(`${meetingUrl(id)}/minutes`, { method: 'PUT', body: { text }, keepalive });
}
