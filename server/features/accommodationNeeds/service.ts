/**
 * Accommodation needs: who has confirmed, and by when. Who must confirm is computed from today's
 * data, never stored: the current subject teachers of the student's current teaching groups. A teacher
 * who joins a group later has no receipt and so must confirm too; a need that is changed gets a new
 * revision, and only receipts of the current revision count.
 */
import type { QueryFn } from '../../core/db/client.js';
import { addDays, currentSchoolYear, loadCalendar, type SchoolCalendar } from '../../core/calendar/calendar.js';
import type { Need, Teacher } from './queries.js';

export interface TeacherStatus { personId: string; name: string; groups: string[]; confirmedAt: string | null; lastRemindedAt: string | null }

/** When a teacher confirmed every one of the student's current needs (the latest receipt), or null. */
export function confirmedAt(needs: readonly Need[], receipts: Map<string, Map<string, string>>, personId: string): string | null {
  if (needs.length === 0) return null;
  let latest = '';
  for (const n of needs) {
    const at = receipts.get(n.id)?.get(personId);
    if (!at) return null;
    if (at > latest) latest = at;
  }
  return latest;
}

export function statusOf(needs: readonly Need[], teachers: readonly Teacher[], receipts: Map<string, Map<string, string>>, reminders: Map<string, string>, studentId: string): TeacherStatus[] {
  return teachers.map((t) => ({
    personId: t.personId, name: t.name, groups: t.groups, confirmedAt: confirmedAt(needs, receipts, t.personId),
    lastRemindedAt: reminders.get(`${studentId}|${t.personId}`) ?? null,
  }));
}

/** The school's calendar this school year (null outside any school year). */
export async function calendarFor(q: QueryFn, ownerId: string, today: string): Promise<SchoolCalendar | null> {
  const year = await currentSchoolYear(q, ownerId, today);
  return year ? loadCalendar(q, ownerId, year) : null;
}

const SCHOOL_DAYS_IN_THREE_WEEKS = 15;

/**
 * teachers are informed within the first three school weeks. The deadline is the 15th school day
 * counted from the school start, or from the day a need was registered or changed later in the year
 * (a need registered in October cannot be overdue the day it is written).
 */
export function dueOn(calendar: SchoolCalendar | null, needs: readonly Need[]): string | null {
  if (!calendar) return null;
  const latestChange = needs.reduce((m, n) => (n.updatedAt.slice(0, 10) > m ? n.updatedAt.slice(0, 10) : m), '');
  const days = calendar.schoolDays.filter((d) => d >= latestChange);
  return days[SCHOOL_DAYS_IN_THREE_WEEKS - 1] ?? (days.length ? days[days.length - 1]! : addDays(calendar.year.endsOn, 0));
}

export function schoolStartDue(calendar: SchoolCalendar | null): string | null {
  return calendar?.schoolDays[SCHOOL_DAYS_IN_THREE_WEEKS - 1] ?? null;
}

export const needLink = (studentId: string) => `/students/${studentId}/accommodation-needs`;
