/**
 * The booking API's shapes: one zod schema per request and answer, from which the routes
 * validate and OpenAPI is generated. The web app takes the z.infer types below with `import type`.
 */
import { z } from 'zod';
import { conversationKinds } from '../conversations/index.js';
import { accessSchema } from '../../core/http/schemas.js';

export const roundKindSchema = z.enum(conversationKinds);
export type RoundKind = z.infer<typeof roundKindSchema>;

/** "08:00" … "23:59", Oslo local time */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const dayPlanSchema = z.strictObject({ date: z.iso.date(), from: clockTime, to: clockTime });
export type DayPlan = z.infer<typeof dayPlanSchema>;

/** How slots are generated: each day's from–to cut into `lengthMinutes` with `breakMinutes` between. */
const slotPlan = {
  days: z.array(dayPlanSchema).min(1).max(31),
  lengthMinutes: z.int().min(5).max(240),
  breakMinutes: z.int().min(0).max(240).default(0),
  place: z.string().trim().max(200).optional(),
  /** only https links: a video meeting link goes to families by e-mail */
  videoLink: z.url({ protocol: /^https$/ }).max(500).optional(),
};

export const createRoundBody = z.strictObject({
  kind: roundKindSchema,
  title: z.string().trim().min(1).max(200),
  cutoffHours: z.int().min(0).max(336).default(24),
  ...slotPlan,
});
export type CreateRoundBody = z.infer<typeof createRoundBody>;
/** what the web sends: `cutoffHours` and `breakMinutes` may be left to their defaults */
export type CreateRoundInput = z.input<typeof createRoundBody>;

export const addSlotsBody = z.strictObject(slotPlan);
export type SlotPlan = z.infer<typeof addSlotsBody>;
/** what the web sends: `breakMinutes` may be left to its default */
export type SlotPlanInput = z.input<typeof addSlotsBody>;

export const bookBody = z.strictObject({ slotId: z.uuid() });
export type BookBody = z.infer<typeof bookBody>;

export const basisGroupParams = z.object({ basisGroupId: z.uuid() });
export const teachingGroupParams = z.object({ teachingGroupId: z.uuid() });

export const roundParams = z.object({ roundId: z.uuid() });
export const slotParams = roundParams.extend({ slotId: z.uuid() });
export const studentParams = z.object({ studentId: z.uuid() });
export const bookingParams = studentParams.extend({ bookingId: z.uuid() });

export const slotSchema = z.object({
  id: z.string(), startsAt: z.string(), endsAt: z.string(), place: z.string().nullable(), videoLink: z.string().nullable(),
});
export type Slot = z.infer<typeof slotSchema>;

export const groupRefSchema = z.object({ type: z.enum(['basisGroup', 'teachingGroup']), id: z.string(), name: z.string() });
export type GroupRef = z.infer<typeof groupRefSchema>;

export const roundSummarySchema = z.object({
  id: z.string(),
  kind: roundKindSchema,
  title: z.string(),
  cutoffHours: z.int(),
  closedAt: z.string().nullable(),
  group: groupRefSchema,
  hostName: z.string(),
  slotCount: z.int(),
  bookedCount: z.int(),
  firstStartsAt: z.string().nullable(),
  lastEndsAt: z.string().nullable(),
});
export type RoundSummary = z.infer<typeof roundSummarySchema>;

/** The rounds the caller hosts or manages. */
export const myRoundsSchema = z.object({ rounds: z.array(roundSummarySchema) });
export type MyRounds = z.infer<typeof myRoundsSchema>;

/** The host's view of a round: every slot, who booked it for which student, and who has not booked. */
export const hostRoundSchema = z.object({
  round: roundSummarySchema,
  access: accessSchema,
  slots: z.array(slotSchema.extend({
    booking: z.object({
      id: z.string(), studentId: z.string(), studentName: z.string(),
      bookedBy: z.enum(['student', 'guardian', 'school']), bookedAt: z.string(),
    }).nullable(),
  })),
  notBooked: z.array(z.object({ studentId: z.string(), name: z.string() })),
});
export type HostRound = z.infer<typeof hostRoundSchema>;
export type HostSlot = HostRound['slots'][number];

/**
 * Who booked, as the caller may know it: a guardian sees 'you' or 'otherGuardian', never another
 * guardian's name or contact details (L-07); staff see only the role.
 */
export const bookedBySchema = z.enum(['you', 'student', 'guardian', 'otherGuardian', 'school']);
export type BookedBy = z.infer<typeof bookedBySchema>;

export const studentBookingSchema = z.object({
  access: accessSchema,
  student: z.object({ id: z.string(), givenName: z.string(), familyName: z.string() }),
  rounds: z.array(z.object({
    id: z.string(),
    kind: roundKindSchema,
    title: z.string(),
    hostName: z.string(),
    group: groupRefSchema,
    cutoffHours: z.int(),
    closed: z.boolean(),
    /** the caller may book (and change) in this round */
    canBook: z.boolean(),
    booking: slotSchema.omit({ id: true }).extend({
      id: z.string(),
      slotId: z.string(),
      bookedBy: bookedBySchema,
      bookedAt: z.string(),
      /** last moment to change or cancel it (the cut-off); null when the school may change it any time */
      changeableUntil: z.string().nullable(),
      canChange: z.boolean(),
      /** the booking as an iCalendar file, for "add to calendar" */
      ics: z.string(),
    }).nullable(),
    /** free slots the caller may book now (empty when the caller cannot book) */
    freeSlots: z.array(slotSchema),
  })),
});
export type StudentBooking = z.infer<typeof studentBookingSchema>;
export type StudentRound = StudentBooking['rounds'][number];
export type StudentBookingEntry = NonNullable<StudentRound['booking']>;

export const bookingResultSchema = z.object({
  id: z.string(), roundId: z.string(), conversationId: z.string(), slot: slotSchema,
});
export type BookingResult = z.infer<typeof bookingResultSchema>;

/** the secret of a calendar feed's URL */
export const calendarTokenParams = z.object({ token: z.string().max(200) });

export const calendarFeedSchema = z.object({
  /** the secret URL: shown once, when created; only its hash is stored */
  url: z.string().nullable(),
  exists: z.boolean(),
  createdAt: z.string().nullable(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;
