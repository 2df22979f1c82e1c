/**
 * E-mails about bookings, sent by the job queue so that a slow or failing mail server never slows or
 * fails a booking, and a retry never resends to those who already got theirs:
 *   booking.notify   — a booking was made, cancelled or moved: one booking.mail job per recipient
 *   booking.reminder — 24 h before the slot (a no-op when the booking was cancelled or already reminded)
 *   booking.mail     — renders one e-mail with its .ics in the recipient's language and sends it
 * Recipients: the student, each guardian with insight today (guardian conferences only) and the host.
 * Each gets their own e-mail: no guardian ever sees another's address.
 */
import type { Config } from '../../core/config.js';
import type { Database } from '../../core/db/client.js';
import type { Locale } from '../../core/i18n/locale.js';
import { enqueue, type JobHandler } from '../../core/jobs/queue.js';
import { sendMail, type SmtpSettings } from '../../core/mail/mailer.js';
import { guardiansWithInsight } from '../../core/policy/guardianInsight.js';
import { loadStudentFacts } from '../../core/policy/facts.js';
import { personStillReadsStudent } from '../../core/policy/stillReads.js';
import { today } from '../../core/time.js';
import { calendarText, eventUid, type BookingEvent } from './ics.js';
import { bookingDetail, claimReminder, mailRecipient, type BookingDetail } from './queries.js';
import { mailContent, type Audience, type MailEvent } from './texts.js';

interface MailSettings {
  smtp: SmtpSettings | undefined;
  publicUrl: string;
}

/** Each app registers its mail settings for its database; the job worker sharing that database uses them. */
const settingsByDatabase = new WeakMap<Database, MailSettings>();

export function registerMailSettings(database: Database, config: Config): void {
  settingsByDatabase.set(database, { smtp: config.smtp, publicUrl: config.publicUrl });
}

export const familyLink = (publicUrl: string, studentId: string) => `${publicUrl}/students/${studentId}/booking`;
export const hostLink = (publicUrl: string, roundId: string) => `${publicUrl}/booking-rounds/${roundId}`;

/** The calendar event of a booking, in one language. */
export function bookingEvent(d: BookingDetail, locale: Locale, link: string, cancelled: boolean): BookingEvent {
  const content = mailContent({
    locale, event: cancelled ? 'cancelled' : 'booked', audience: 'family', kind: d.kind, title: d.title,
    start: new Date(d.starts_at), end: new Date(d.ends_at), place: d.place, videoLink: d.video_link, link,
  });
  return {
    uid: eventUid(d.conversation_id ?? d.id),
    sequence: Math.max(0, d.sequence) + (cancelled ? 1 : 0),
    start: new Date(d.starts_at), end: new Date(d.ends_at), summary: content.summary,
    place: d.place, videoLink: d.video_link, url: link, description: link, cancelled,
  };
}

interface Recipient { personId: string; audience: Audience }

async function recipientsOf(database: Database, ownerId: string, d: BookingDetail, withHost: boolean): Promise<Recipient[]> {
  const facts = await loadStudentFacts(database, ownerId, d.student_id, today());
  if (!facts) return [];
  const out: Recipient[] = [{ personId: facts.personId, audience: 'family' }];
  if (d.kind === 'guardian') {
    for (const g of guardiansWithInsight(facts, today())) out.push({ personId: g.guardianPersonId, audience: 'family' });
  }
  if (withHost) out.push({ personId: d.host_person_id, audience: 'host' });
  const seen = new Set<string>();
  return out.filter((r) => !seen.has(r.personId) && seen.add(r.personId));
}

async function fanOut(database: Database, ownerId: string, bookingId: string, event: MailEvent, withHost: boolean): Promise<void> {
  const d = await bookingDetail(database.query, ownerId, bookingId);
  if (!d) return;
  for (const r of await recipientsOf(database, ownerId, d, withHost)) {
    await enqueue(database, 'booking.mail', { ownerId, bookingId, event, personId: r.personId, audience: r.audience }, { ownerId });
  }
}

/** After a booking, cancellation or rebooking is committed: mails to everyone concerned, and the reminder. */
export async function afterBookingChange(database: Database, ownerId: string, change:
  | { event: 'booked' | 'rebooked'; bookingId: string; startsAt: Date }
  | { event: 'cancelled'; bookingId: string }): Promise<void> {
  await enqueue(database, 'booking.notify', { ownerId, bookingId: change.bookingId, event: change.event }, { ownerId });
  if (change.event !== 'cancelled') {
    const runAt = new Date(change.startsAt.getTime() - 24 * 3600_000);
    // booked less than a day ahead: the confirmation is the reminder
    if (runAt.getTime() > Date.now()) await enqueue(database, 'booking.reminder', { ownerId, bookingId: change.bookingId }, { ownerId, runAt });
  }
}

export const bookingJobs: Record<string, JobHandler> = {
  'booking.notify': async (payload, database) => {
    const { ownerId, bookingId, event } = payload as { ownerId: string; bookingId: string; event: MailEvent };
    await fanOut(database, ownerId, bookingId, event, true);
  },
  'booking.reminder': async (payload, database) => {
    const { ownerId, bookingId } = payload as { ownerId: string; bookingId: string };
    // claimed once, whichever process runs it; nothing for a cancelled booking or a slot that has begun
    if (!(await claimReminder(database.query, ownerId, bookingId))) return;
    await fanOut(database, ownerId, bookingId, 'reminder', false);
  },
  'booking.mail': async (payload, database) => {
    const { ownerId, bookingId, event, personId, audience } = payload as { ownerId: string; bookingId: string; event: MailEvent; personId: string; audience: Audience };
    const settings = settingsByDatabase.get(database);
    if (!settings) throw new Error('no mail settings registered for this database');
    const d = await bookingDetail(database.query, ownerId, bookingId);
    if (!d) return;
    // a reminder or confirmation for a booking cancelled in the meantime is not sent
    if (event !== 'cancelled' && d.cancelled_at) return;
    const person = await mailRecipient(database.query, ownerId, personId);
    const to = person?.email?.trim();
    if (!to) return;
    // recipients were decided at the fan-out; insight may have ended since (the family's mail names and links the student)
    if (audience === 'family' && !(await personStillReadsStudent(database, ownerId, personId, d.student_id, today()))) return;
    const locale = person!.preferred_locale;
    const link = audience === 'host' ? hostLink(settings.publicUrl, d.round_id) : familyLink(settings.publicUrl, d.student_id);
    const content = mailContent({
      locale, event, audience, kind: d.kind, title: d.title, start: new Date(d.starts_at), end: new Date(d.ends_at),
      place: d.place, videoLink: d.video_link, link,
    });
    const cancelled = event === 'cancelled';
    const organizerEmail = /<([^>]+)>/.exec(settings.smtp?.from ?? '')?.[1] ?? settings.smtp?.from ?? 'ikke-svar@elevlos.local';
    const ics = calendarText([bookingEvent(d, locale, link, cancelled)], {
      method: cancelled ? 'CANCEL' : 'REQUEST',
      organizer: { name: d.host_name, email: organizerEmail },
      attendee: { email: to },
    });
    await sendMail(settings.smtp, {
      to, subject: content.subject, text: content.text,
      calendar: { method: cancelled ? 'CANCEL' : 'REQUEST', content: ics, filename: 'samtale.ics' },
    });
  },
};
