/**
 * R-18 booking: rounds of slots a teacher publishes, and the one booking per student per round that the
 * student, a guardian with insight or the contact teacher takes. Every write is one transaction; the
 * partial unique indexes `booking_one_per_slot` and `booking_one_per_student_round` make a double
 * booking impossible even for two clicks at the same instant (the loser gets a 409).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Database, QueryFn } from '../../core/db/client.js';
import type { ConversationKind } from '../conversations/index.js';
import { writeAudit } from '../../core/audit/audit.js';
import { HttpError, type FieldError } from '../../core/http/errors.js';
import { requireActor } from '../../core/http/access.js';
import type { Locale } from '../../core/i18n/locale.js';
import { can } from '../../core/policy/can.js';
import { isUuid, loadBasisGroupFacts, loadTeachingGroupFacts } from '../../core/policy/facts.js';
import type { Actor, Decision, Reason, StudentFacts } from '../../core/policy/types.js';
import { insertConversation, schoolYearOn } from '../conversations/index.js';
import { nowMs, osloDay, osloToInstant } from './clock.js';
import {
  cancelBookedConversation, cancelBookingRow, cancelSlot, firstClashingSlot, insertBookingRow, insertSlotRows, liveBookingOfSlot, lockHostSlots,
  lockLiveSlot, moveBookedConversation, roundRow, roundSummariesOf, roundSummaryRow, slotWithRound, studentBooking,
  type LiveBooking, type NewBooking, type RoundRow, type RoundSummaryRow, type SlotWithRound,
} from './queries.js';
import type { SlotPlan } from './schemas.js';

/** At most this many slots per request (a week of 10-minute slots, all day, is ~250). */
export const MAX_SLOTS_PER_REQUEST = 300;

export async function loadRound(q: QueryFn, ownerId: string, roundId: string): Promise<RoundRow | null> {
  if (!isUuid(roundId)) return null;
  return (await roundRow(q, ownerId, roundId)) ?? null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/* ───────────── who may manage a round ───────────── */

/**
 * A round is managed through its group: the class's contact teacher (basisGroup.manageBooking) or the
 * teaching group's subject teacher (teachingGroup.manageBooking). Denied like access.ts does: audited,
 * 404 when the caller has no relationship to the group at all, else 403.
 */
export async function authorizeRound(req: FastifyRequest, roundId: string): Promise<{ round: RoundRow; actor: Actor; decision: Extract<Decision, { allow: true }> }> {
  const actor = requireActor(req);
  const { database } = req.server;
  const round = await loadRound(database.query.bind(database) as QueryFn, actor.ownerId, roundId);
  if (!round) throw new HttpError(404, 'error.notFound');
  let decision: Decision;
  let action: string;
  let resourceType: string;
  if (round.basis_group_id) {
    const group = await loadBasisGroupFacts(database, actor.ownerId, round.basis_group_id);
    if (!group) throw new HttpError(404, 'error.notFound');
    action = 'basisGroup.manageBooking';
    resourceType = 'basisGroup';
    decision = can(actor, 'basisGroup.manageBooking', { type: 'basisGroup', group }, req.today);
  } else {
    const group = await loadTeachingGroupFacts(database, actor.ownerId, round.teaching_group_id ?? '');
    if (!group) throw new HttpError(404, 'error.notFound');
    action = 'teachingGroup.manageBooking';
    resourceType = 'teachingGroup';
    decision = can(actor, 'teachingGroup.manageBooking', { type: 'teachingGroup', group }, req.today);
  }
  if (!decision.allow) {
    await writeAudit(database, [{
      ownerId: actor.ownerId, actorPersonId: actor.personId, action, resourceType, resourceId: round.id, studentId: null,
      decision: 'deny', reason: decision.reason,
    }]);
    throw decision.hide ? new HttpError(404, 'error.notFound') : new HttpError(403, 'error.forbidden');
  }
  req.decision = decision;
  return { round, actor, decision };
}

/* ───────────── generating slots ───────────── */

export interface PlannedSlot {
  startsAt: number;
  endsAt: number;
  /** which day of the request it came from, to name the field in an error */
  day: number;
}

const whenFormat = (locale: Locale) => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale === 'nn' ? 'nn-NO' : 'nb-NO', {
  timeZone: 'Europe/Oslo', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
});
export const formatWhen = (ms: number | Date, locale: Locale) => whenFormat(locale).format(new Date(ms));

/** Cuts each day into slots; refuses days that end before they start, are too short, lie in the past or overlap. */
export function planSlots(plan: SlotPlan, now: number): { slots: PlannedSlot[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const slots: PlannedSlot[] = [];
  const length = plan.lengthMinutes * 60_000;
  const step = length + plan.breakMinutes * 60_000;
  plan.days.forEach((d, i) => {
    const from = osloToInstant(d.date, d.from);
    const to = osloToInstant(d.date, d.to);
    if (to <= from) {
      errors.push({ field: `days.${i}.to`, key: 'booking.toBeforeFrom' });
      return;
    }
    if (from <= now) {
      errors.push({ field: osloDay(from) < osloDay(now) ? `days.${i}.date` : `days.${i}.from`, key: 'booking.slotInPast' });
      return;
    }
    let n = 0;
    for (let t = from; t + length <= to; t += step, n++) slots.push({ startsAt: t, endsAt: t + length, day: i });
    if (n === 0) errors.push({ field: `days.${i}.to`, key: 'booking.dayTooShort', params: { minutes: plan.lengthMinutes } });
  });
  if (errors.length) return { slots: [], errors };
  // two periods in the same request must not overlap
  const byDay = plan.days.map((d, i) => ({ i, from: osloToInstant(d.date, d.from), to: osloToInstant(d.date, d.to) })).sort((a, b) => a.from - b.from);
  for (let k = 1; k < byDay.length; k++) {
    if (byDay[k]!.from < byDay[k - 1]!.to) errors.push({ field: `days.${Math.max(byDay[k]!.i, byDay[k - 1]!.i)}.from`, key: 'booking.daysOverlap' });
  }
  if (slots.length > MAX_SLOTS_PER_REQUEST) {
    errors.push({ field: 'days', key: 'booking.tooManySlots', params: { count: slots.length, max: MAX_SLOTS_PER_REQUEST } });
  }
  return { slots: errors.length ? [] : slots, errors };
}

/**
 * Inserts the planned slots for a host, refusing any that overlap the host's other live slots in any
 * round. Runs in the caller's transaction; an advisory lock per host makes two concurrent publications
 * by the same teacher check one after the other.
 */
export async function insertSlots(q: QueryFn, args: {
  ownerId: string; roundId: string; hostPersonId: string; slots: PlannedSlot[]; place: string | null; videoLink: string | null; locale: Locale;
}): Promise<number> {
  await lockHostSlots(q, args.hostPersonId);
  const starts = args.slots.map((s) => new Date(s.startsAt).toISOString());
  const ends = args.slots.map((s) => new Date(s.endsAt).toISOString());
  const clash = await firstClashingSlot(q, args.ownerId, args.hostPersonId, starts, ends);
  if (clash) {
    const cs = new Date(clash.starts_at).getTime();
    const ce = new Date(clash.ends_at).getTime();
    const first = args.slots.find((s) => s.startsAt < ce && s.endsAt > cs)!;
    throw new HttpError(400, 'error.badRequest', {}, [{ field: `days.${first.day}.from`, key: 'booking.overlapsOwnSlot', params: { when: formatWhen(cs, args.locale) } }]);
  }
  await insertSlotRows(q, { ownerId: args.ownerId, roundId: args.roundId, hostPersonId: args.hostPersonId, starts, ends, place: args.place, videoLink: args.videoLink });
  return args.slots.length;
}

/* ───────────── summaries and the host's view ───────────── */

function toSummary(r: RoundSummaryRow) {
  return {
    id: r.id, kind: r.kind, title: r.title, cutoffHours: r.cutoff_hours, closedAt: r.closed_at ? iso(r.closed_at) : null,
    group: r.basis_group_id
      ? { type: 'basisGroup' as const, id: r.basis_group_id, name: r.group_name }
      : { type: 'teachingGroup' as const, id: r.teaching_group_id ?? '', name: r.group_name },
    hostName: r.host_name, slotCount: r.slot_count, bookedCount: r.booked_count,
    firstStartsAt: r.first_starts_at ? iso(r.first_starts_at) : null, lastEndsAt: r.last_ends_at ? iso(r.last_ends_at) : null,
  };
}

/** The rounds a person hosts or manages (contact teacher of the class, subject teacher of the group), newest first. */
export async function myRounds(database: Database, actor: Actor) {
  const rows = await roundSummariesOf(database.query, actor.ownerId, actor.personId, actor.contactTeacherOf.map((g) => g.id), actor.subjectTeacherOf.map((g) => g.id));
  return rows.map(toSummary);
}

export async function roundSummary(q: QueryFn, ownerId: string, roundId: string) {
  const row = await roundSummaryRow(q, ownerId, roundId);
  if (!row) throw new HttpError(404, 'error.notFound');
  return toSummary(row);
}

/** How a booking was made, from who made it: the student, one of the guardians, or someone at school. */
export function bookedByRole(bookedBy: string, s: { personId: string; guardianships: { guardianPersonId: string }[] }): 'student' | 'guardian' | 'school' {
  if (bookedBy === s.personId) return 'student';
  if (s.guardianships.some((g) => g.guardianPersonId === bookedBy)) return 'guardian';
  return 'school';
}

/* ───────────── booking, cancelling, rebooking ───────────── */

export type BookerRole = 'student' | 'guardian' | 'school';

/** The role the policy allowed the caller on: the student themself, a guardian with insight, or the contact teacher. */
export function bookerRole(reason: Reason): BookerRole {
  if (reason.code === 'self') return 'student';
  if (reason.code === 'guardianWithParentalResponsibility' || reason.code === 'guardianByConsent' || reason.code === 'guardianByInformationDecision') return 'guardian';
  return 'school';
}

/** Guardians book only the guardian conference; the student and the contact teacher book every kind. */
export const roleMayBookKind = (role: BookerRole, kind: ConversationKind) => role !== 'guardian' || kind === 'guardian';

/** The round is for this student: one of their current classes or teaching groups. */
export const roundIsForStudent = (r: { basis_group_id: string | null; teaching_group_id: string | null }, s: StudentFacts) =>
  (r.basis_group_id !== null && s.basisGroups.some((g) => g.id === r.basis_group_id))
  || (r.teaching_group_id !== null && s.teachingGroups.some((g) => g.id === r.teaching_group_id));

/** The last moment a family may book, change or cancel a slot. */
export const cutoffOf = (startsAt: Date | string, cutoffHours: number) => new Date(startsAt).getTime() - cutoffHours * 3600_000;

/** The checks every booking of a slot passes, whoever books. */
function checkBookable(slot: SlotWithRound | undefined, s: StudentFacts, role: BookerRole, now: number, locale: Locale): SlotWithRound {
  if (!slot || slot.slot_cancelled_at || !roundIsForStudent(slot, s) || !roleMayBookKind(role, slot.kind)) {
    throw new HttpError(400, 'error.badRequest', {}, [{ field: 'slotId', key: 'booking.noSuchSlot' }]);
  }
  if (slot.closed_at) throw new HttpError(400, 'booking.roundClosed', {}, [{ field: 'slotId', key: 'booking.roundClosed' }]);
  if (new Date(slot.starts_at).getTime() <= now) throw new HttpError(400, 'error.badRequest', {}, [{ field: 'slotId', key: 'booking.slotInPast' }]);
  checkCutoff(slot.starts_at, slot.cutoff_hours, role, now, locale, 'slotId');
  return slot;
}

/** The family books, changes and cancels until the cut-off; the school (contact teacher) may until the slot starts. */
function checkCutoff(startsAt: Date, cutoffHours: number, role: BookerRole, now: number, locale: Locale, field?: string): void {
  if (role === 'school') return;
  const deadline = cutoffOf(startsAt, cutoffHours);
  if (now >= deadline) {
    const params = { deadline: formatWhen(deadline, locale) };
    throw new HttpError(400, 'booking.afterCutoff', params, field ? [{ field, key: 'booking.afterCutoff', params }] : []);
  }
}

/** A unique violation on one of the two booking indexes, as the 409 the person can act on. */
function conflictFrom(e: unknown): HttpError | null {
  const err = e as { code?: string; constraint?: string; message?: string };
  if (err?.code !== '23505') return null;
  const which = err.constraint ?? err.message ?? '';
  if (which.includes('booking_one_per_slot')) return new HttpError(409, 'booking.slotTaken');
  if (which.includes('booking_one_per_student_round')) return new HttpError(409, 'booking.alreadyBooked');
  return null;
}

async function insertBooking(q: QueryFn, b: NewBooking): Promise<void> {
  try {
    await insertBookingRow(q, b);
  } catch (e) {
    throw conflictFrom(e) ?? e;
  }
}

export interface Booked {
  id: string;
  roundId: string;
  conversationId: string;
  slot: { id: string; startsAt: string; endsAt: string; place: string | null; videoLink: string | null };
  startsAt: Date;
}

const bookedResult = (id: string, conversationId: string, slot: SlotWithRound): Booked => ({
  id, roundId: slot.id, conversationId, startsAt: new Date(slot.starts_at),
  slot: { id: slot.slot_id, startsAt: iso(slot.starts_at), endsAt: iso(slot.ends_at), place: slot.place, videoLink: slot.video_link },
});

/** Books a slot for a student and plans the conversation of the round's kind, in one transaction. */
export async function book(database: Database, args: { actor: Actor; student: StudentFacts; role: BookerRole; slotId: string; locale: Locale }): Promise<Booked> {
  const { actor, student, role } = args;
  const now = nowMs();
  return database.transaction(async (q) => {
    const slot = checkBookable(await slotWithRound(q, actor.ownerId, args.slotId), student, role, now, args.locale);
    const year = (await schoolYearOn(q, actor.ownerId, osloDay(new Date(slot.starts_at).getTime())))?.id ?? slot.school_year_id;
    const conversationId = await insertConversation(q, {
      ownerId: actor.ownerId, studentId: student.studentId, schoolId: slot.school_id, schoolYearId: year, kind: slot.kind,
      holderPersonId: slot.host_person_id, createdByPersonId: actor.personId,
      teachingGroupId: slot.kind === 'subject' ? slot.teaching_group_id : null,
      plannedAt: new Date(slot.starts_at), place: slot.place, videoLink: slot.video_link,
    });
    const id = randomUUID();
    await insertBooking(q, { ownerId: actor.ownerId, id, slotId: slot.slot_id, roundId: slot.id, studentId: student.studentId, bookedBy: actor.personId, conversationId });
    return bookedResult(id, conversationId, slot);
  });
}

/** The checks before a family or the school changes or cancels a booking. */
function checkChangeable(b: LiveBooking | undefined, role: BookerRole, now: number, locale: Locale): LiveBooking {
  // a guardian does not see other kinds of booking at all
  if (!b || !roleMayBookKind(role, b.kind)) throw new HttpError(404, 'error.notFound');
  if (b.cancelled_at) throw new HttpError(409, 'booking.alreadyCancelled');
  if (b.closed_at) throw new HttpError(400, 'booking.roundClosed');
  if (new Date(b.starts_at).getTime() <= now) throw new HttpError(400, 'booking.slotInPast');
  checkCutoff(b.starts_at, b.cutoff_hours, role, now, locale);
  return b;
}

async function cancelRow(q: QueryFn, ownerId: string, b: { id: string; conversation_id: string | null }): Promise<void> {
  // someone else cancelled or moved it a moment ago
  if (!(await cancelBookingRow(q, ownerId, b.id))) throw new HttpError(409, 'booking.alreadyCancelled');
  if (b.conversation_id) await cancelBookedConversation(q, ownerId, b.conversation_id);
}

export async function cancel(database: Database, args: { actor: Actor; student: StudentFacts; role: BookerRole; bookingId: string; locale: Locale }): Promise<void> {
  const now = nowMs();
  await database.transaction(async (q) => {
    const b = checkChangeable(await studentBooking(q, args.actor.ownerId, args.student.studentId, args.bookingId), args.role, now, args.locale);
    await cancelRow(q, args.actor.ownerId, b);
  });
}

/**
 * Rebooking: the old booking is cancelled and the new slot booked in one transaction, so the student is
 * never left without a time, nor with two. The planned conversation moves with it (same conversation:
 * the student's preparation stays attached).
 */
export async function rebook(database: Database, args: { actor: Actor; student: StudentFacts; role: BookerRole; bookingId: string; slotId: string; locale: Locale }): Promise<Booked & { previousBookingId: string | null }> {
  const { actor, student, role } = args;
  const now = nowMs();
  return database.transaction(async (q) => {
    const old = checkChangeable(await studentBooking(q, actor.ownerId, student.studentId, args.bookingId), role, now, args.locale);
    const slot = checkBookable(await slotWithRound(q, actor.ownerId, args.slotId), student, role, now, args.locale);
    if (slot.id !== old.round_id) throw new HttpError(400, 'error.badRequest', {}, [{ field: 'slotId', key: 'booking.otherRound' }]);
    if (slot.slot_id === old.slot_id) return { ...bookedResult(old.id, old.conversation_id ?? '', slot), previousBookingId: null };
    if (!(await cancelBookingRow(q, actor.ownerId, old.id))) throw new HttpError(409, 'booking.alreadyCancelled');
    let conversationId = old.conversation_id;
    if (conversationId) {
      await moveBookedConversation(q, actor.ownerId, conversationId, new Date(slot.starts_at), slot.place, slot.video_link);
    } else {
      conversationId = await insertConversation(q, {
        ownerId: actor.ownerId, studentId: student.studentId, schoolId: slot.school_id, schoolYearId: slot.school_year_id, kind: slot.kind,
        holderPersonId: slot.host_person_id, createdByPersonId: actor.personId, teachingGroupId: slot.kind === 'subject' ? slot.teaching_group_id : null,
        plannedAt: new Date(slot.starts_at), place: slot.place, videoLink: slot.video_link,
      });
    }
    const id = randomUUID();
    await insertBooking(q, { ownerId: actor.ownerId, id, slotId: slot.slot_id, roundId: slot.id, studentId: student.studentId, bookedBy: actor.personId, conversationId });
    return { ...bookedResult(id, conversationId, slot), previousBookingId: old.id };
  });
}

/**
 * The host takes a slot away: a free one simply disappears; a booked one is cancelled with its
 * conversation (the family is told by e-mail). Returns the cancelled booking, if there was one.
 */
export async function removeSlot(database: Database, ownerId: string, roundId: string, slotId: string): Promise<{ bookingId: string; studentId: string } | null> {
  return database.transaction(async (q) => {
    if (!(await lockLiveSlot(q, ownerId, roundId, slotId))) throw new HttpError(404, 'error.notFound');
    const b = await liveBookingOfSlot(q, ownerId, slotId);
    if (b) await cancelRow(q, ownerId, b);
    await cancelSlot(q, ownerId, slotId);
    return b ? { bookingId: b.id, studentId: b.student_id } : null;
  });
}
