/**
 * iCalendar for bookings (ical-generator): the invitation attached to each e-mail (METHOD:REQUEST,
 * or CANCEL), the "add to calendar" file and the personal feed. One UID per booked conversation, so a
 * rebooking moves the event in the recipient's calendar (a higher SEQUENCE) instead of adding one.
 * An event carries what, when, where and a link — never a student's or a guardian's name or address.
 */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface BookingEvent {
  /** stable per booked conversation (survives rebooking) */
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  place: string | null;
  videoLink: string | null;
  /** a link into Elevlos */
  url: string;
  description: string;
  cancelled: boolean;
}

export type IcsMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

export const eventUid = (conversationId: string) => `${conversationId}@elevlos`;

export function calendarText(events: BookingEvent[], opts: {
  method?: IcsMethod;
  name?: string;
  /** REQUEST/CANCEL need an organizer and the attendee the invitation is for (only that one person) */
  organizer?: { name: string; email: string };
  attendee?: { email: string };
} = {}): string {
  const cal = ical({
    prodId: { company: 'Elevlos', product: 'booking', language: 'NO' },
    name: opts.name ?? null,
    method: opts.method ? ICalCalendarMethod[opts.method] : null,
  });
  for (const e of events) {
    const where = [e.place, e.videoLink].filter(Boolean).join(' · ');
    const event = cal.createEvent({
      id: e.uid,
      sequence: e.sequence,
      start: e.start,
      end: e.end,
      stamp: new Date(),
      summary: e.summary,
      location: where || null,
      url: e.url,
      description: e.description,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    if (opts.organizer) event.organizer({ name: opts.organizer.name, email: opts.organizer.email });
    if (opts.attendee) {
      event.createAttendee({
        email: opts.attendee.email, role: ICalAttendeeRole.REQ,
        status: e.cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
      });
    }
  }
  return cal.toString();
}
