/**
 * Every statement of booking (R-18): rounds, their slots, the bookings, and the people and calendar feeds
 * they are mailed to. Writes that must hold together run in the caller's transaction (pass its query function).
 */
import type { Database, QueryFn } from '../../core/db/client.js';
import type { Locale } from '../../core/i18n/locale.js';
import { loadGroupStudents } from '../../core/policy/facts.js';
import type { StudentFacts } from '../../core/policy/types.js';
import type { ConversationKind } from '../conversations/index.js';

/* ───────────── rounds ───────────── */

export interface RoundRow {
  id: string;
  school_id: string;
  school_year_id: string;
  basis_group_id: string | null;
  teaching_group_id: string | null;
  kind: ConversationKind;
  host_person_id: string;
  title: string;
  cutoff_hours: number;
  closed_at: Date | null;
  group_name: string;
  host_name: string;
}

/** A round with its group's name and its host's. */
const ROUND_SELECT = `select r.id, r.school_id, r.school_year_id, r.basis_group_id, r.teaching_group_id, r.kind, r.host_person_id,
    r.title, r.cutoff_hours, r.closed_at, coalesce(bg.name, tg.name) as group_name, hp.given_name || ' ' || hp.family_name as host_name
  from booking_round r
  left join basis_group bg on bg.owner_id = r.owner_id and bg.id = r.basis_group_id
  left join teaching_group tg on tg.owner_id = r.owner_id and tg.id = r.teaching_group_id
  join person hp on hp.owner_id = r.owner_id and hp.id = r.host_person_id`;

export async function roundRow(q: QueryFn, ownerId: string, roundId: string): Promise<RoundRow | undefined> {
  const [row] = await q<RoundRow>(`${ROUND_SELECT} where r.owner_id = $1 and r.id = $2`, [ownerId, roundId]);
  return row;
}

export interface RoundSummaryRow extends RoundRow {
  slot_count: number; booked_count: number; first_starts_at: Date | null; last_ends_at: Date | null;
}

const SUMMARY_SELECT = `select x.*,
    (select count(*) from slot s where s.owner_id = x.owner_id and s.round_id = x.id and s.cancelled_at is null)::int as slot_count,
    (select count(*) from booking b where b.owner_id = x.owner_id and b.round_id = x.id and b.cancelled_at is null)::int as booked_count,
    (select min(s.starts_at) from slot s where s.owner_id = x.owner_id and s.round_id = x.id and s.cancelled_at is null) as first_starts_at,
    (select max(s.ends_at) from slot s where s.owner_id = x.owner_id and s.round_id = x.id and s.cancelled_at is null) as last_ends_at
  from (${ROUND_SELECT.replace('select r.id,', 'select r.owner_id, r.id,')}) x`;

/** A round with its counts of live slots and bookings and the span of its slots. */
export async function roundSummaryRow(q: QueryFn, ownerId: string, roundId: string): Promise<RoundSummaryRow | undefined> {
  const [row] = await q<RoundSummaryRow>(`${SUMMARY_SELECT} where x.owner_id = $1 and x.id = $2`, [ownerId, roundId]);
  return row;
}

/** The rounds a person hosts, or manages through these classes and teaching groups: open ones first, latest slots first. */
export async function roundSummariesOf(
  q: QueryFn, ownerId: string, personId: string, basisGroupIds: string[], teachingGroupIds: string[],
): Promise<RoundSummaryRow[]> {
  return q<RoundSummaryRow>(
    `${SUMMARY_SELECT} where x.owner_id = $1 and (x.host_person_id = $2 or x.basis_group_id = any($3::uuid[]) or x.teaching_group_id = any($4::uuid[]))
     order by x.closed_at is not null, first_starts_at desc nulls last`,
    [ownerId, personId, basisGroupIds, teachingGroupIds],
  );
}

export interface StudentRoundRow extends RoundRow { has_free: boolean }

/**
 * The rounds of a student's classes and teaching groups, and any round the student has a live booking
 * in, in the order published; each says whether it has a slot after `now` (booked or not).
 */
export async function roundsForStudent(
  q: QueryFn, ownerId: string, basisGroupIds: string[], teachingGroupIds: string[], studentId: string, now: Date,
): Promise<StudentRoundRow[]> {
  return q<StudentRoundRow>(
    `select r.id, r.school_id, r.school_year_id, r.basis_group_id, r.teaching_group_id, r.kind, r.host_person_id, r.title, r.cutoff_hours, r.closed_at,
       coalesce(bg.name, tg.name) as group_name, hp.given_name || ' ' || hp.family_name as host_name,
       exists (select 1 from slot x where x.owner_id = r.owner_id and x.round_id = r.id and x.cancelled_at is null and x.starts_at > $5) as has_free
     from booking_round r
     left join basis_group bg on bg.owner_id = r.owner_id and bg.id = r.basis_group_id
     left join teaching_group tg on tg.owner_id = r.owner_id and tg.id = r.teaching_group_id
     join person hp on hp.owner_id = r.owner_id and hp.id = r.host_person_id
     where r.owner_id = $1 and (r.basis_group_id = any($2::uuid[]) or r.teaching_group_id = any($3::uuid[])
       or r.id in (select b.round_id from booking b where b.owner_id = $1 and b.student_id = $4 and b.cancelled_at is null))
     order by r.created_at`,
    [ownerId, basisGroupIds, teachingGroupIds, studentId, now],
  );
}

/** The school year of a class or a teaching group (a round belongs to its group's). */
export async function groupSchoolYearId(q: QueryFn, ownerId: string, group: { type: 'basisGroup' | 'teachingGroup'; id: string }): Promise<string> {
  const table = group.type === 'basisGroup' ? 'basis_group' : 'teaching_group';
  const [g] = await q<{ school_year_id: string }>(`select school_year_id from ${table} where owner_id = $1 and id = $2`, [ownerId, group.id]);
  return g!.school_year_id;
}

export interface NewRound {
  ownerId: string; id: string; schoolId: string; schoolYearId: string; basisGroupId: string | null; teachingGroupId: string | null;
  kind: ConversationKind; hostPersonId: string; title: string; cutoffHours: number;
}

export async function insertRound(q: QueryFn, r: NewRound): Promise<void> {
  await q(
    `insert into booking_round (owner_id, id, school_id, school_year_id, basis_group_id, teaching_group_id, kind, host_person_id, title, cutoff_hours)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [r.ownerId, r.id, r.schoolId, r.schoolYearId, r.basisGroupId, r.teachingGroupId, r.kind, r.hostPersonId, r.title, r.cutoffHours],
  );
}

/** Closes the round (once: the first close time stays). */
export async function closeRound(q: QueryFn, ownerId: string, roundId: string): Promise<void> {
  await q('update booking_round set closed_at = coalesce(closed_at, now()) where owner_id = $1 and id = $2', [ownerId, roundId]);
}

/* ───────────── slots ───────────── */

/** Makes the host's publications in concurrent transactions check and insert one after the other (until the transaction ends). */
export async function lockHostSlots(q: QueryFn, hostPersonId: string): Promise<void> {
  await q('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`slot-host:${hostPersonId}`]);
}

export interface SlotTimes { starts_at: Date; ends_at: Date }

/**
 * The host's first live slot (in any round) that overlaps one of these periods, if any. A slot of a
 * closed round counts only while it is booked.
 */
export async function firstClashingSlot(q: QueryFn, ownerId: string, hostPersonId: string, starts: string[], ends: string[]): Promise<SlotTimes | undefined> {
  const [clash] = await q<SlotTimes>(
    `select s.starts_at, s.ends_at from slot s
     join booking_round r on r.owner_id = s.owner_id and r.id = s.round_id
     where s.owner_id = $1 and s.host_person_id = $2 and s.cancelled_at is null
       and (r.closed_at is null or exists (select 1 from booking b where b.owner_id = s.owner_id and b.slot_id = s.id and b.cancelled_at is null))
       and exists (select 1 from unnest($3::timestamptz[], $4::timestamptz[]) as n(st, en) where s.starts_at < n.en and s.ends_at > n.st)
     order by s.starts_at limit 1`,
    [ownerId, hostPersonId, starts, ends],
  );
  return clash;
}

export interface NewSlots {
  ownerId: string; roundId: string; hostPersonId: string; starts: string[]; ends: string[]; place: string | null; videoLink: string | null;
}

/** Inserts one slot per period, all at the same place. */
export async function insertSlotRows(q: QueryFn, s: NewSlots): Promise<void> {
  await q(
    `insert into slot (owner_id, id, round_id, host_person_id, starts_at, ends_at, place, video_link)
     select $1, gen_random_uuid(), $2, $3, n.st, n.en, $6, $7 from unnest($4::timestamptz[], $5::timestamptz[]) as n(st, en)`,
    [s.ownerId, s.roundId, s.hostPersonId, s.starts, s.ends, s.place, s.videoLink],
  );
}

/** A slot's own columns beside its round's (`id` is the round's). */
export interface SlotWithRound extends RoundRow {
  slot_id: string; starts_at: Date; ends_at: Date; place: string | null; video_link: string | null; slot_cancelled_at: Date | null;
}

export async function slotWithRound(q: QueryFn, ownerId: string, slotId: string): Promise<SlotWithRound | undefined> {
  const [row] = await q<SlotWithRound>(
    `${ROUND_SELECT.replace('select r.id,', `select s.id as slot_id, s.starts_at, s.ends_at, s.place, s.video_link, s.cancelled_at as slot_cancelled_at, r.id,`)}
     join slot s on s.owner_id = r.owner_id and s.round_id = r.id
     where r.owner_id = $1 and s.id = $2`,
    [ownerId, slotId],
  );
  return row;
}

export interface SlotPlace { place: string | null; video_link: string | null }

/** Where the round's latest slot is: the round's usual place. */
export async function latestSlotPlace(q: QueryFn, ownerId: string, roundId: string): Promise<SlotPlace | undefined> {
  const [last] = await q<SlotPlace>(
    'select place, video_link from slot where owner_id = $1 and round_id = $2 order by starts_at desc limit 1', [ownerId, roundId]);
  return last;
}

/** Locks a live slot of the round for the transaction; false when there is none. */
export async function lockLiveSlot(q: QueryFn, ownerId: string, roundId: string, slotId: string): Promise<boolean> {
  const [slot] = await q<{ id: string }>(
    'select id from slot where owner_id = $1 and round_id = $2 and id = $3 and cancelled_at is null for update', [ownerId, roundId, slotId]);
  return slot !== undefined;
}

export async function cancelSlot(q: QueryFn, ownerId: string, slotId: string): Promise<void> {
  await q('update slot set cancelled_at = now() where owner_id = $1 and id = $2', [ownerId, slotId]);
}

export interface HostSlotRow {
  id: string; starts_at: Date; ends_at: Date; place: string | null; video_link: string | null;
  booking_id: string | null; student_id: string | null; booked_by_person_id: string | null; booked_at: Date | null;
}

/** The round's live slots in time order, each with its live booking if it has one. */
export async function hostSlots(q: QueryFn, ownerId: string, roundId: string): Promise<HostSlotRow[]> {
  return q<HostSlotRow>(
    `select s.id, s.starts_at, s.ends_at, s.place, s.video_link, b.id as booking_id, b.student_id, b.booked_by_person_id, b.booked_at
     from slot s left join booking b on b.owner_id = s.owner_id and b.slot_id = s.id and b.cancelled_at is null
     where s.owner_id = $1 and s.round_id = $2 and s.cancelled_at is null order by s.starts_at`,
    [ownerId, roundId],
  );
}

export interface FreeSlotRow { id: string; round_id: string; starts_at: Date; ends_at: Date; place: string | null; video_link: string | null; cutoff_hours: number }

/** The slots of these open rounds that start after `now` and nobody has booked, in time order. */
export async function freeSlots(q: QueryFn, ownerId: string, roundIds: string[], now: Date): Promise<FreeSlotRow[]> {
  return q<FreeSlotRow>(
    `select s.id, s.round_id, s.starts_at, s.ends_at, s.place, s.video_link, r.cutoff_hours
     from slot s join booking_round r on r.owner_id = s.owner_id and r.id = s.round_id
     where s.owner_id = $1 and s.round_id = any($2::uuid[]) and s.cancelled_at is null and s.starts_at > $3 and r.closed_at is null
       and not exists (select 1 from booking b where b.owner_id = s.owner_id and b.slot_id = s.id and b.cancelled_at is null)
     order by s.starts_at`,
    [ownerId, roundIds, now],
  );
}

/* ───────────── bookings ───────────── */

export interface NewBooking { ownerId: string; id: string; slotId: string; roundId: string; studentId: string; bookedBy: string; conversationId: string }

/** Fails with a unique violation on `booking_one_per_slot` or `booking_one_per_student_round` when the slot or the student is taken. */
export async function insertBookingRow(q: QueryFn, b: NewBooking): Promise<void> {
  await q(
    `insert into booking (owner_id, id, slot_id, round_id, student_id, booked_by_person_id, conversation_id)
       values ($1, $2, $3, $4, $5, $6, $7)`,
    [b.ownerId, b.id, b.slotId, b.roundId, b.studentId, b.bookedBy, b.conversationId],
  );
}

export interface LiveBooking {
  id: string; slot_id: string; round_id: string; conversation_id: string | null; cancelled_at: Date | null;
  starts_at: Date; kind: ConversationKind; cutoff_hours: number; closed_at: Date | null;
}

/** One of the student's bookings (cancelled ones too) with its slot's start and its round's rules. */
export async function studentBooking(q: QueryFn, ownerId: string, studentId: string, bookingId: string): Promise<LiveBooking | undefined> {
  const [row] = await q<LiveBooking>(
    `select b.id, b.slot_id, b.round_id, b.conversation_id, b.cancelled_at, s.starts_at, r.kind, r.cutoff_hours, r.closed_at
     from booking b join slot s on s.owner_id = b.owner_id and s.id = b.slot_id
     join booking_round r on r.owner_id = b.owner_id and r.id = b.round_id
     where b.owner_id = $1 and b.student_id = $2 and b.id = $3`,
    [ownerId, studentId, bookingId],
  );
  return row;
}

/** Cancels a live booking; false when it was cancelled already (someone else a moment ago). */
export async function cancelBookingRow(q: QueryFn, ownerId: string, bookingId: string): Promise<boolean> {
  const done = await q('update booking set cancelled_at = now() where owner_id = $1 and id = $2 and cancelled_at is null returning id', [ownerId, bookingId]);
  return done.length > 0;
}

/** Cancels the conversation a booking planned, unless it was held or cancelled already. */
export async function cancelBookedConversation(q: QueryFn, ownerId: string, conversationId: string): Promise<void> {
  await q('update conversation set cancelled_at = now() where owner_id = $1 and id = $2 and cancelled_at is null and held_at is null', [ownerId, conversationId]);
}

/** Moves the booked conversation to another slot's time and place. */
export async function moveBookedConversation(
  q: QueryFn, ownerId: string, conversationId: string, plannedAt: Date, place: string | null, videoLink: string | null,
): Promise<void> {
  await q('update conversation set planned_at = $3, place = $4, video_link = $5 where owner_id = $1 and id = $2',
    [ownerId, conversationId, plannedAt, place, videoLink]);
}

export interface SlotBooking { id: string; student_id: string; conversation_id: string | null }

/** The live booking of a slot, if any. */
export async function liveBookingOfSlot(q: QueryFn, ownerId: string, slotId: string): Promise<SlotBooking | undefined> {
  const [b] = await q<SlotBooking>(
    'select id, student_id, conversation_id from booking where owner_id = $1 and slot_id = $2 and cancelled_at is null', [ownerId, slotId]);
  return b;
}

export interface StudentBookingRow {
  id: string; round_id: string; slot_id: string; booked_by_person_id: string; booked_at: Date;
  starts_at: Date; ends_at: Date; place: string | null; video_link: string | null;
}

/** The student's live bookings in these rounds, with their slots. */
export async function studentBookingsIn(q: QueryFn, ownerId: string, studentId: string, roundIds: string[]): Promise<StudentBookingRow[]> {
  return q<StudentBookingRow>(
    `select b.id, b.round_id, b.slot_id, b.booked_by_person_id, b.booked_at, s.starts_at, s.ends_at, s.place, s.video_link
     from booking b join slot s on s.owner_id = b.owner_id and s.id = b.slot_id
     where b.owner_id = $1 and b.student_id = $2 and b.cancelled_at is null and b.round_id = any($3::uuid[])`,
    [ownerId, studentId, roundIds],
  );
}

export interface BookingDetail {
  id: string; student_id: string; round_id: string; conversation_id: string | null; cancelled_at: Date | null; reminder_sent_at: Date | null;
  starts_at: Date; ends_at: Date; place: string | null; video_link: string | null;
  kind: ConversationKind; title: string; host_person_id: string; host_name: string; sequence: number;
}

/** A booking with what its mails and calendar events say: slot, round, host, and which revision of the event it is. */
export async function bookingDetail(q: QueryFn, ownerId: string, bookingId: string): Promise<BookingDetail | undefined> {
  const [row] = await q<BookingDetail>(
    `select b.id, b.student_id, b.round_id, b.conversation_id, b.cancelled_at, b.reminder_sent_at,
       s.starts_at, s.ends_at, s.place, s.video_link, r.kind, r.title, r.host_person_id,
       hp.given_name || ' ' || hp.family_name as host_name,
       -- each rebooking is a new booking of the same conversation: the calendar event's revision
       (select count(*) from booking o where o.owner_id = b.owner_id and o.conversation_id = b.conversation_id and o.booked_at <= b.booked_at)::int - 1 as sequence
     from booking b join slot s on s.owner_id = b.owner_id and s.id = b.slot_id
     join booking_round r on r.owner_id = b.owner_id and r.id = b.round_id
     join person hp on hp.owner_id = r.owner_id and hp.id = r.host_person_id
     where b.owner_id = $1 and b.id = $2`,
    [ownerId, bookingId],
  );
  return row;
}

/**
 * Claims the booking's reminder, once, whichever process runs it; false for a cancelled booking, one
 * already reminded, or a slot that has begun.
 */
export async function claimReminder(q: QueryFn, ownerId: string, bookingId: string): Promise<boolean> {
  const claimed = await q(
    `update booking b set reminder_sent_at = now() from slot s
       where b.owner_id = $1 and b.id = $2 and b.cancelled_at is null and b.reminder_sent_at is null
         and s.owner_id = b.owner_id and s.id = b.slot_id and s.starts_at > now()
       returning b.id`,
    [ownerId, bookingId],
  );
  return claimed.length > 0;
}

export interface FeedBookingRow { id: string; student_id: string; round_id: string; host_person_id: string; kind: ConversationKind }

/** A person's live bookings from `since` on, in time order: as host, as the student, or as a guardian of these students. */
export async function feedBookings(
  q: QueryFn, ownerId: string, personId: string, since: Date, studentIds: string[], guardianOf: string[],
): Promise<FeedBookingRow[]> {
  return q<FeedBookingRow>(
    `select b.id, b.student_id, b.round_id, r.host_person_id, r.kind
     from booking b join slot s on s.owner_id = b.owner_id and s.id = b.slot_id
     join booking_round r on r.owner_id = b.owner_id and r.id = b.round_id
     where b.owner_id = $1 and b.cancelled_at is null and s.starts_at >= $3
       and (r.host_person_id = $2 or b.student_id = any($4::uuid[]) or b.student_id = any($5::uuid[]))
     order by s.starts_at`,
    [ownerId, personId, since, studentIds, guardianOf],
  );
}

/* ───────────── people and their calendar feed ───────────── */

/** A person's full name. */
export async function personName(q: QueryFn, ownerId: string, personId: string): Promise<string | undefined> {
  const [p] = await q<{ name: string }>(
    `select p.given_name || ' ' || p.family_name as name from person p where p.owner_id = $1 and p.id = $2`, [ownerId, personId]);
  return p?.name;
}

export interface PersonNameRow { given_name: string; family_name: string }

export async function personNameParts(q: QueryFn, ownerId: string, personId: string): Promise<PersonNameRow | undefined> {
  const [person] = await q<PersonNameRow>('select given_name, family_name from person where owner_id = $1 and id = $2', [ownerId, personId]);
  return person;
}

/**
 * A class's or teaching group's students today, each with their facts and name (one statement: the
 * core's student facts with the names). Takes the database, not a query function: the core's loader is
 * written for it.
 */
export async function groupStudentsWithNames(
  database: Database, ownerId: string, group: { kind: 'basis' | 'teaching'; id: string }, today: string,
): Promise<{ facts: StudentFacts; row: PersonNameRow }[]> {
  const members = await loadGroupStudents(database, ownerId, group, today, { columns: ', p.given_name, p.family_name', params: [] });
  return members.map(({ facts, row }) => ({ facts, row: row as unknown as PersonNameRow }));
}

export interface MailRecipientRow { email: string | null; preferred_locale: Locale }

/** Where and in which language a person gets e-mail. */
export async function mailRecipient(q: QueryFn, ownerId: string, personId: string): Promise<MailRecipientRow | undefined> {
  const [person] = await q<MailRecipientRow>('select email, preferred_locale from person where owner_id = $1 and id = $2', [ownerId, personId]);
  return person;
}

/** When the person's feed of this scope was created, if they have one. */
export async function calendarFeedCreatedAt(q: QueryFn, ownerId: string, personId: string, scope: string): Promise<Date | undefined> {
  const [row] = await q<{ created_at: Date }>('select created_at from calendar_feed where owner_id = $1 and person_id = $2 and scope = $3', [ownerId, personId, scope]);
  return row?.created_at;
}

export async function deleteCalendarFeed(q: QueryFn, ownerId: string, personId: string, scope: string): Promise<void> {
  await q('delete from calendar_feed where owner_id = $1 and person_id = $2 and scope = $3', [ownerId, personId, scope]);
}
