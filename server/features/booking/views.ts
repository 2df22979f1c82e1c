/** What the host, the student, the guardians and the school see of rounds and bookings; the calendar feed. */
import { studentEntry, writeAudit } from '../../core/audit/audit.js';
import { resolveFeedToken, rotateFeedToken as rotateSharedFeedToken } from '../../core/calendarFeed/token.js';
import type { Database, QueryFn } from '../../core/db/client.js';
import type { Locale } from '../../core/i18n/locale.js';
import { can } from '../../core/policy/can.js';
import { loadActor, loadStudentFacts } from '../../core/policy/facts.js';
import type { Actor, Decision, StudentFacts } from '../../core/policy/types.js';
import { nowMs } from './clock.js';
import { calendarText, type BookingEvent } from './ics.js';
import { bookingEvent, familyLink, hostLink } from './notify.js';
import {
  bookingDetail, feedBookings, freeSlots, groupStudentsWithNames, hostSlots, personName, personNameParts, roundsForStudent, studentBookingsIn,
  type RoundRow,
} from './queries.js';
import type { BookedBy, HostRound, StudentBooking } from './schemas.js';
import { bookedByRole, bookerRole, cutoffOf, roleMayBookKind, roundIsForStudent, roundSummary, type BookerRole } from './service.js';
import { bookingTexts } from './texts.js';

/** booking's scope of the shared calendar-feed tokens */
export const BOOKING_FEED_SCOPE = 'booking';

const iso = (d: Date | string) => new Date(d).toISOString();
const byName = new Intl.Collator('nb');

/* ───────────── the host's view of a round ───────────── */

/**
 * Every slot with the student who has it, and the group's students who have not booked. Each student is
 * decided on their own (like the class overview) and each one shown is audited as read.
 */
export async function hostView(database: Database, actor: Actor, round: RoundRow, decision: Extract<Decision, { allow: true }>, today: string, access: HostRound['access']): Promise<HostRound> {
  const q = database.query.bind(database) as QueryFn;
  const summary = await roundSummary(q, actor.ownerId, round.id);
  const slots = await hostSlots(q, actor.ownerId, round.id);
  const group = round.basis_group_id ? { kind: 'basis' as const, id: round.basis_group_id } : { kind: 'teaching' as const, id: round.teaching_group_id ?? '' };
  const members = await groupStudentsWithNames(database, actor.ownerId, group, today);
  const students = new Map<string, { facts: StudentFacts; name: string; member: boolean }>();
  for (const m of members) students.set(m.facts.studentId, { facts: m.facts, name: `${m.row.given_name} ${m.row.family_name}`, member: true });
  // a student who booked and then moved to another class still has the booking
  for (const s of slots) {
    if (!s.student_id || students.has(s.student_id)) continue;
    const facts = await loadStudentFacts(database, actor.ownerId, s.student_id, today);
    if (!facts) continue;
    const name = await personName(q, actor.ownerId, facts.personId);
    students.set(s.student_id, { facts, name: name ?? '', member: false });
  }
  const decided = new Map<string, Decision>();
  for (const [id, s] of students) decided.set(id, can(actor, 'student.read', { type: 'student', student: s.facts }, today));
  const visible = (id: string | null) => (id ? decided.get(id)?.allow === true : false);

  const booked = new Set(slots.filter((s) => s.student_id).map((s) => s.student_id!));
  const shown = [...students.keys()].filter(visible);
  await writeAudit(database, shown.map((id) => studentEntry(actor, 'bookingRound.read', id, (decided.get(id) as Extract<Decision, { allow: true }>).reason,
    { resourceType: 'bookingRound', resourceId: round.id })));
  void decision;

  return {
    round: summary,
    access,
    slots: slots.map((s) => {
      const st = s.student_id ? students.get(s.student_id) : undefined;
      return {
        id: s.id, startsAt: iso(s.starts_at), endsAt: iso(s.ends_at), place: s.place, videoLink: s.video_link,
        booking: s.booking_id
          ? {
              id: s.booking_id,
              studentId: visible(s.student_id) ? s.student_id! : '',
              studentName: visible(s.student_id) ? st?.name ?? '' : '',
              bookedBy: st ? bookedByRole(s.booked_by_person_id ?? '', st.facts) : 'school',
              bookedAt: iso(s.booked_at!),
            }
          : null,
      };
    }),
    notBooked: [...students.entries()]
      .filter(([id, s]) => s.member && !booked.has(id) && visible(id))
      .map(([id, s]) => ({ studentId: id, name: s.name }))
      .sort((a, b) => byName.compare(a.name, b.name)),
  };
}

/* ───────────── a student's booking page ───────────── */

/** Who booked, as this caller may know it (guardians: 'you' or 'otherGuardian', never a name). */
export function bookedByFor(actor: Actor, bookedBy: string, s: StudentFacts): BookedBy {
  if (bookedBy === actor.personId) return 'you';
  const role = bookedByRole(bookedBy, s);
  if (role === 'guardian') return actor.guardianOf.includes(s.studentId) && !actor.studentIds.includes(s.studentId) ? 'otherGuardian' : 'guardian';
  return role;
}

/**
 * The open rounds for this student (their classes' and teaching groups' rounds; a guardian sees only the
 * guardian conference), the free slots the caller may book, and the student's current booking in each.
 */
export async function studentView(database: Database, args: {
  actor: Actor; student: StudentFacts; readDecision: Extract<Decision, { allow: true }>; today: string; locale: Locale; publicUrl: string; access: StudentBooking['access'];
}): Promise<StudentBooking> {
  const { actor, student: s, today, locale } = args;
  const now = nowMs();
  const readRole = bookerRole(args.readDecision.reason);
  const bookDecision = can(actor, 'booking.book', { type: 'student', student: s }, today);
  const bookRole: BookerRole | null = bookDecision.allow ? bookerRole(bookDecision.reason) : null;
  // read-only staff (leaders) are 'school' too; guardians see only what guardians may book
  const viewRole: BookerRole = bookRole ?? (readRole === 'guardian' ? 'guardian' : readRole);

  const q = database.query;
  const person = await personNameParts(q, actor.ownerId, s.personId);
  const rounds = await roundsForStudent(q, actor.ownerId, s.basisGroups.map((g) => g.id), s.teachingGroups.map((g) => g.id), s.studentId, new Date(now));
  const visibleRounds = rounds.filter((r) => roleMayBookKind(viewRole, r.kind));
  const ids = visibleRounds.map((r) => r.id);
  const bookings = await studentBookingsIn(q, actor.ownerId, s.studentId, ids);
  const free = await freeSlots(q, actor.ownerId, ids, new Date(now));
  const link = familyLink(args.publicUrl, s.studentId);

  const out: StudentBooking['rounds'] = [];
  for (const r of visibleRounds) {
    const b = bookings.find((x) => x.round_id === r.id);
    const open = !r.closed_at;
    // a round with nothing left to book and nothing booked is not shown
    if (!b && (!open || !r.has_free)) continue;
    if (b && new Date(b.ends_at).getTime() < now - 7 * 24 * 3600_000 && !(open && r.has_free)) continue;
    const canBook = open && bookRole !== null && roleMayBookKind(bookRole, r.kind) && roundIsForStudent(r, s);
    let booking: StudentBooking['rounds'][number]['booking'] = null;
    if (b) {
      const deadline = cutoffOf(b.starts_at, r.cutoff_hours);
      const started = new Date(b.starts_at).getTime() <= now;
      const detail = await bookingDetail(q, actor.ownerId, b.id);
      booking = {
        id: b.id, slotId: b.slot_id, startsAt: iso(b.starts_at), endsAt: iso(b.ends_at), place: b.place, videoLink: b.video_link,
        bookedBy: bookedByFor(actor, b.booked_by_person_id, s), bookedAt: iso(b.booked_at),
        changeableUntil: bookRole === 'school' ? null : iso(new Date(deadline)),
        canChange: open && bookRole !== null && roleMayBookKind(bookRole, r.kind) && !started && (bookRole === 'school' || now < deadline),
        ics: detail ? calendarText([bookingEvent(detail, locale, link, false)], { method: 'PUBLISH' }) : '',
      };
    }
    out.push({
      id: r.id, kind: r.kind, title: r.title, hostName: r.host_name, cutoffHours: r.cutoff_hours, closed: !open, canBook,
      group: r.basis_group_id ? { type: 'basisGroup', id: r.basis_group_id, name: r.group_name } : { type: 'teachingGroup', id: r.teaching_group_id ?? '', name: r.group_name },
      booking,
      freeSlots: canBook
        ? free.filter((x) => x.round_id === r.id && (bookRole === 'school' || now < cutoffOf(x.starts_at, x.cutoff_hours)))
          .map((x) => ({ id: x.id, startsAt: iso(x.starts_at), endsAt: iso(x.ends_at), place: x.place, videoLink: x.video_link }))
        : [],
    });
  }
  return {
    access: args.access,
    student: { id: s.studentId, givenName: person?.given_name ?? '', familyName: person?.family_name ?? '' },
    rounds: out,
  };
}

/* ───────────── the personal calendar feed ───────────── */

/** Creates or replaces the caller's booking feed token (core/calendarFeed); the old URL stops working. */
export async function rotateFeedToken(database: Database, actor: Actor): Promise<{ token: string; createdAt: Date }> {
  return rotateSharedFeedToken(database.query, actor.ownerId, actor.personId, BOOKING_FEED_SCOPE);
}

/**
 * The feed: the person's booked conversations from a month back — as host, as the student, and as a
 * guardian with insight today (guardian conferences only) — each decided by the policy as the person.
 * No names: calendar services fetch this URL, and what they store must not say who the student is.
 */
export async function feedFor(database: Database, token: string, today: string, publicUrl: string): Promise<string | null> {
  const feed = await resolveFeedToken(database.query, token);
  if (!feed || feed.scope !== BOOKING_FEED_SCOPE) return null;
  const actor = await loadActor(database, feed.ownerId, feed.personId);
  if (!actor) return null;
  const since = new Date(nowMs() - 31 * 24 * 3600_000);
  const rows = await feedBookings(database.query, actor.ownerId, actor.personId, since, actor.studentIds, actor.guardianOf);
  const locale = actor.locale;
  const events: BookingEvent[] = [];
  const factsCache = new Map<string, StudentFacts | null>();
  for (const r of rows) {
    let link: string;
    if (r.host_person_id === actor.personId) {
      link = hostLink(publicUrl, r.round_id);
    } else {
      if (!factsCache.has(r.student_id)) factsCache.set(r.student_id, await loadStudentFacts(database, actor.ownerId, r.student_id, today));
      const facts = factsCache.get(r.student_id);
      if (!facts) continue;
      const d = can(actor, 'booking.read', { type: 'student', student: facts }, today);
      if (!d.allow || !roleMayBookKind(bookerRole(d.reason), r.kind)) continue;
      link = familyLink(publicUrl, r.student_id);
    }
    const detail = await bookingDetail(database.query, actor.ownerId, r.id);
    if (detail) events.push(bookingEvent(detail, locale, link, false));
  }
  return calendarText(events, { method: 'PUBLISH', name: bookingTexts[locale].feedName });
}
