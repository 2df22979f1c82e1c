/** The booking API (server/features/booking/routes.ts) as the booking pages use it. */
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../core/api/client';
import type {
  BookBody, BookingResult, CalendarFeed, CreateRoundInput, GroupRef, HostRound, MyRounds, RoundSummary, SlotPlanInput, StudentBooking,
} from '@server/features/booking/schemas.js';

// The booking API's shapes, from the server's zod schemas (server/features/booking/schemas.ts).
export type {
  BookedBy, BookingResult, CalendarFeed, CreateRoundInput, DayPlan, GroupRef, HostRound, HostSlot, RoundKind, RoundSummary, Slot,
  SlotPlan, SlotPlanInput, StudentBooking, StudentBookingEntry, StudentRound,
} from '@server/features/booking/schemas.js';

const enc = encodeURIComponent;

export const myRoundsQuery = queryOptions({
  queryKey: ['me', 'bookingRounds'],
  queryFn: ({ signal }) => api<MyRounds>('/api/me/booking-rounds', { signal }),
});

/** The host's view: reading it is an audited read of each student shown. */
export const roundQuery = (roundId: string) =>
  queryOptions({
    queryKey: ['bookingRound', roundId],
    queryFn: ({ signal }) => api<HostRound>(`/api/booking-rounds/${enc(roundId)}`, { signal }),
  });

/** Under ['student', id] so that anything else that changes the student's conversations marks it stale too. */
export const studentBookingQuery = (studentId: string) =>
  queryOptions({
    queryKey: ['student', studentId, 'booking'],
    queryFn: ({ signal }) => api<StudentBooking>(`/api/students/${enc(studentId)}/booking`, { signal }),
  });

export const calendarFeedQuery = queryOptions({
  queryKey: ['me', 'calendarFeed'],
  queryFn: ({ signal }) => api<CalendarFeed>('/api/me/calendar-feed', { signal }),
});

/** A booking plans a conversation: the class plan, the guardian conferences and conversation lists change with it. */
async function afterBookingChange(queryClient: QueryClient, studentId?: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: studentId ? ['student', studentId] : ['student'] }),
    queryClient.invalidateQueries({ queryKey: ['bookingRound'] }),
    queryClient.invalidateQueries({ queryKey: ['me', 'bookingRounds'] }),
    queryClient.invalidateQueries({ queryKey: ['me', 'conversations'] }),
    queryClient.invalidateQueries({ queryKey: ['basisGroup'] }),
  ]);
}

export type RoundGroup = Pick<GroupRef, 'type' | 'id'>;

export function usePublishRound(group: RoundGroup) {
  const queryClient = useQueryClient();
  const path = group.type === 'basisGroup' ? 'basis-groups' : 'teaching-groups';
  return useMutation({
    mutationFn: (body: CreateRoundInput) => api<RoundSummary>(`/api/${path}/${enc(group.id)}/booking-rounds`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'bookingRounds'] }),
  });
}

export function useAddSlots(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SlotPlanInput) => api<RoundSummary>(`/api/booking-rounds/${enc(roundId)}/slots`, { method: 'POST', body }),
    onSuccess: () => afterBookingChange(queryClient),
  });
}

export function useRemoveSlot(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slotId: string) => api<void>(`/api/booking-rounds/${enc(roundId)}/slots/${enc(slotId)}`, { method: 'DELETE' }),
    onSuccess: () => afterBookingChange(queryClient),
  });
}

export function useCloseRound(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<RoundSummary>(`/api/booking-rounds/${enc(roundId)}/close`, { method: 'POST' }),
    onSuccess: () => afterBookingChange(queryClient),
  });
}

/** Book, move (rebook) or cancel one student's time. */
export function useBookingActions(studentId: string) {
  const queryClient = useQueryClient();
  const base = `/api/students/${enc(studentId)}/bookings`;
  const settle = () => afterBookingChange(queryClient, studentId);
  return {
    book: useMutation({
      mutationFn: (slotId: string) => api<BookingResult>(base, { method: 'POST', body: { slotId } satisfies BookBody }),
      onSettled: settle,
    }),
    move: useMutation({
      mutationFn: (v: { bookingId: string; slotId: string }) =>
        api<BookingResult>(`${base}/${enc(v.bookingId)}`, { method: 'PUT', body: { slotId: v.slotId } satisfies BookBody }),
      onSettled: settle,
    }),
    cancel: useMutation({
      mutationFn: (bookingId: string) => api<void>(`${base}/${enc(bookingId)}`, { method: 'DELETE' }),
      onSettled: settle,
    }),
  };
}

export function useCalendarFeedActions() {
  const queryClient = useQueryClient();
  return {
    create: useMutation({
      mutationFn: () => api<CalendarFeed>('/api/me/calendar-feed', { method: 'POST' }),
      // the answer carries the URL once; the cached status must not keep it
      onSuccess: (feed) => queryClient.setQueryData(calendarFeedQuery.queryKey, { ...feed, url: null }),
    }),
    remove: useMutation({
      mutationFn: () => api<void>('/api/me/calendar-feed', { method: 'DELETE' }),
      onSuccess: () => queryClient.setQueryData(calendarFeedQuery.queryKey, { url: null, exists: false, createdAt: null }),
    }),
  };
}
