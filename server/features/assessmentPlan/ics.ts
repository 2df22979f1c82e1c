/**
 * The assessment plan as iCalendar (ical-generator 9): one all-day event per entry (a project from its
 * start to its due date, a trip over its days). What, when, which subject and group, and a link into
 * Elevlos — never a student's name: calendar services fetch and store these feeds.
 */
import ical from 'ical-generator';
import { addDays } from '../../core/calendar/calendar.js';

export interface FeedEvent {
  id: string;
  summary: string;
  description: string;
  startsOn: string;
  /** inclusive */
  endsOn: string;
  url: string;
}

/** noon UTC: the same calendar day in every European time zone */
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

export function planCalendar(name: string, events: readonly FeedEvent[]): string {
  const cal = ical({ prodId: { company: 'Elevlos', product: 'assessmentPlan', language: 'NO' }, name });
  for (const e of events) {
    cal.createEvent({
      id: `${e.id}@elevlos-assessment-plan`,
      allDay: true,
      start: day(e.startsOn),
      // DTEND of an all-day event is exclusive
      end: day(addDays(e.endsOn, 1)),
      stamp: new Date(),
      summary: e.summary,
      description: e.description,
      url: e.url,
    });
  }
  return cal.toString();
}
