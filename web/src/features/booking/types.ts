// The booking API's shapes (server/features/booking/schemas.ts), kept word for word so that a change in
// the contract is a change here.
import type { Access } from '../../core/api/types';
import type { ConversationKind } from '../conversations';

export type { ConversationKind };

/** One day's period in Norway's local time: "2026-12-03", "14:00", "16:00". */
export interface DayPlan {
  date: string;
  from: string;
  to: string;
}

export interface SlotPlan {
  days: DayPlan[];
  lengthMinutes: number;
  breakMinutes: number;
  place?: string;
  /** https only */
  videoLink?: string;
}

export interface CreateRoundBody extends SlotPlan {
  kind: ConversationKind;
  title: string;
  cutoffHours: number;
}

export interface Slot {
  id: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  videoLink: string | null;
}

export interface GroupRef {
  type: 'basisGroup' | 'teachingGroup';
  id: string;
  name: string;
}

export interface RoundSummary {
  id: string;
  kind: ConversationKind;
  title: string;
  cutoffHours: number;
  closedAt: string | null;
  group: GroupRef;
  hostName: string;
  slotCount: number;
  bookedCount: number;
  firstStartsAt: string | null;
  lastEndsAt: string | null;
}

export interface HostSlot extends Slot {
  booking: {
    id: string;
    /** '' when the caller may not see who it is (the policy decided per student) */
    studentId: string;
    studentName: string;
    bookedBy: 'student' | 'guardian' | 'school';
    bookedAt: string;
  } | null;
}

export interface HostRound {
  round: RoundSummary;
  access: Access;
  slots: HostSlot[];
  notBooked: { studentId: string; name: string }[];
}

/** Who booked, as the caller may know it: a guardian never learns the other guardian's name (L-07). */
export type BookedBy = 'you' | 'student' | 'guardian' | 'otherGuardian' | 'school';

export interface StudentBookingEntry {
  id: string;
  slotId: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  videoLink: string | null;
  bookedBy: BookedBy;
  bookedAt: string;
  /** the cut-off; null when the school may change it any time */
  changeableUntil: string | null;
  canChange: boolean;
  /** the booking as an iCalendar file */
  ics: string;
}

export interface StudentRound {
  id: string;
  kind: ConversationKind;
  title: string;
  hostName: string;
  group: GroupRef;
  cutoffHours: number;
  closed: boolean;
  canBook: boolean;
  booking: StudentBookingEntry | null;
  freeSlots: Slot[];
}

export interface StudentBooking {
  access: Access;
  student: { id: string; givenName: string; familyName: string };
  rounds: StudentRound[];
}

export interface BookingResult {
  id: string;
  roundId: string;
  conversationId: string;
  slot: Slot;
}

export interface CalendarFeed {
  /** the secret URL: only in the answer that created it */
  url: string | null;
  exists: boolean;
  createdAt: string | null;
}
