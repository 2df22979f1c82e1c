/** The conversations API as the meeting pages use it (docs/api.md, "Conversations API"). */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../core/api/client';
import type {
  ConversationCreated,
  ConversationDetail,
  CreateConversation,
  DeclineBody,
  DelegateBody,
  FollowUp,
  FollowUpBody,
  FollowUpPatch,
  HeldBody,
  MyConferenceOffer,
  MyConversations,
  Note,
  NoteBody,
  PatchConversation,
  Preparation,
  SharedFollowUps,
  StudentConversations,
} from '../types';

const enc = encodeURIComponent;
const conversationPath = (id: string) => `/api/conversations/${enc(id)}`;

export const conversationQuery = (conversationId: string) =>
  queryOptions({
    queryKey: ['conversation', conversationId],
    queryFn: ({ signal }) => api<ConversationDetail>(conversationPath(conversationId), { signal }),
  });

export const studentConversationsQuery = (studentId: string) =>
  queryOptions({
    queryKey: ['student', studentId, 'conversations'],
    queryFn: ({ signal }) => api<StudentConversations>(`/api/students/${enc(studentId)}/conversations`, { signal }),
  });

export const myConversationsQuery = queryOptions({
  queryKey: ['me', 'conversations'],
  queryFn: ({ signal }) => api<MyConversations>('/api/me/conversations', { signal }),
});

export const sharedFollowUpsQuery = (studentId: string) =>
  queryOptions({
    queryKey: ['student', studentId, 'sharedFollowUps'],
    queryFn: ({ signal }) => api<SharedFollowUps>(`/api/students/${enc(studentId)}/shared-follow-ups`, { signal }),
  });

/**
 * After a write the answer is put in the cache (the server sends the whole meeting view back), and
 * the lists that show this conversation are marked stale: the student's list, "my conversations",
 * what the family sees and the class plan of the other engineer's pages.
 */
function useAfterWrite(conversationId: string) {
  const queryClient = useQueryClient();
  return {
    setDetail: (detail: ConversationDetail) => queryClient.setQueryData(conversationQuery(conversationId).queryKey, detail),
    invalidateDetail: () => queryClient.invalidateQueries({ queryKey: ['conversation', conversationId] }),
    invalidateLists: (studentId: string) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['student', studentId, 'conversations'] }),
        queryClient.invalidateQueries({ queryKey: ['student', studentId, 'sharedFollowUps'] }),
        queryClient.invalidateQueries({ queryKey: ['me', 'conversations'] }),
        queryClient.invalidateQueries({ queryKey: ['basisGroup'] }),
        queryClient.invalidateQueries({ queryKey: ['conversationPlan'] }),
      ]),
  };
}

/** The writes that answer with the whole meeting view (PATCH, preparation, held, delegate, cancel). */
function useDetailMutation<V>(conversationId: string, studentId: string, call: (v: V) => Promise<ConversationDetail>) {
  const after = useAfterWrite(conversationId);
  return useMutation({
    mutationFn: call,
    onSuccess: async (detail) => {
      after.setDetail(detail);
      await after.invalidateLists(studentId);
    },
  });
}

export function usePatchConversation(conversationId: string, studentId: string) {
  return useDetailMutation(conversationId, studentId, (body: PatchConversation) =>
    api<ConversationDetail>(conversationPath(conversationId), { method: 'PATCH', body }),
  );
}

export function useSavePreparation(conversationId: string, studentId: string) {
  return useDetailMutation(conversationId, studentId, (body: Preparation) =>
    api<ConversationDetail>(`${conversationPath(conversationId)}/preparation`, { method: 'PUT', body }),
  );
}

export function useMarkHeld(conversationId: string, studentId: string) {
  return useDetailMutation(conversationId, studentId, (newImportantInformation: boolean) =>
    api<ConversationDetail>(`${conversationPath(conversationId)}/held`, { method: 'POST', body: { newImportantInformation } satisfies HeldBody }),
  );
}

export function useDelegate(conversationId: string, studentId: string) {
  return useDetailMutation(conversationId, studentId, (subjectTeacherPersonId: string) =>
    api<ConversationDetail>(`${conversationPath(conversationId)}/delegate`, { method: 'POST', body: { subjectTeacherPersonId } satisfies DelegateBody }),
  );
}

export function useCancelConversation(conversationId: string, studentId: string) {
  return useDetailMutation(conversationId, studentId, () =>
    api<ConversationDetail>(`${conversationPath(conversationId)}/cancel`, { method: 'POST' }),
  );
}

/** One note per section; empty text deletes it (204, so the answer is undefined). */
export function useSaveNote(conversationId: string, studentId: string) {
  const queryClient = useQueryClient();
  const after = useAfterWrite(conversationId);
  return useMutation({
    mutationFn: ({ sectionKey, body, keepalive }: { sectionKey: string; body: NoteBody; keepalive?: boolean }) =>
      api<Note | undefined>(`${conversationPath(conversationId)}/notes/${enc(sectionKey)}`, { method: 'PUT', body, keepalive }),
    onSuccess: async (note, { sectionKey }) => {
      // Patch the cached view in place: refetching would reset the other sections' editors for nothing.
      queryClient.setQueryData(conversationQuery(conversationId).queryKey, (old) =>
        old
          ? { ...old, notes: [...old.notes.filter((n) => n.sectionKey !== sectionKey), ...(note ? [note] : [])] }
          : old,
      );
      await after.invalidateLists(studentId);
    },
  });
}

export function useAddFollowUp(conversationId: string, studentId: string) {
  const queryClient = useQueryClient();
  const after = useAfterWrite(conversationId);
  return useMutation({
    mutationFn: (body: FollowUpBody) =>
      api<FollowUp>(`${conversationPath(conversationId)}/follow-ups`, { method: 'POST', body }),
    onSuccess: async (followUp) => {
      queryClient.setQueryData(conversationQuery(conversationId).queryKey, (old) =>
        old ? { ...old, followUps: [...old.followUps, followUp] } : old,
      );
      await after.invalidateLists(studentId);
    },
  });
}

export function useSetFollowUpDone(conversationId: string, studentId: string) {
  const queryClient = useQueryClient();
  const after = useAfterWrite(conversationId);
  return useMutation({
    mutationFn: ({ followUpId, done }: { followUpId: string; done: boolean }) =>
      api<FollowUp>(`${conversationPath(conversationId)}/follow-ups/${enc(followUpId)}`, { method: 'PATCH', body: { done } satisfies FollowUpPatch }),
    onSuccess: async (followUp) => {
      queryClient.setQueryData(conversationQuery(conversationId).queryKey, (old) =>
        old ? { ...old, followUps: old.followUps.map((f) => (f.id === followUp.id ? followUp : f)) } : old,
      );
      await after.invalidateLists(studentId);
    },
  });
}

export function useCreateConversation(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConversation) =>
      api<ConversationCreated>(`/api/students/${enc(studentId)}/conversations`, { method: 'POST', body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['student', studentId, 'conversations'] }),
        queryClient.invalidateQueries({ queryKey: ['me', 'conversations'] }),
        queryClient.invalidateQueries({ queryKey: ['basisGroup'] }),
        queryClient.invalidateQueries({ queryKey: ['conversationPlan'] }),
      ]),
  });
}

/** The guardian's own offer of the guardian conference, and declining it. */
export const myConferenceOfferQuery = (studentId: string) =>
  queryOptions({
    queryKey: ['student', studentId, 'myConferenceOffer'],
    queryFn: ({ signal }) => api<MyConferenceOffer>(`/api/students/${enc(studentId)}/guardian-conference`, { signal }),
  });

export function useDeclineConference(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/api/students/${enc(studentId)}/guardian-conference/decline`, { method: 'POST', body: {} satisfies DeclineBody }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['student', studentId, 'myConferenceOffer'] }),
  });
}
