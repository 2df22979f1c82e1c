/**
 * Writing absence: every change goes through `applyChanges`, which writes only what differs, keeps the
 * trail (who, when, what the row became) and tells guardians with insight of a new day of absence
 * (L-03) by a notification that carries no content, only a link the policy checks on opening.
 */
import type { QueryFn } from '../../core/db/client.js';
import { badField } from '../../core/http/errors.js';
import type { MessageKey } from '../../core/i18n/messages.js';
import { guardiansWithInsight } from '../../core/policy/guardianInsight.js';
import type { StudentFacts } from '../../core/policy/types.js';
import type { SchoolCalendar } from '../../core/calendar/calendar.js';
import {
  deleteAbsence, insertAbsenceChanges, insertAbsenceNotifications, storedRows, upsertAbsence,
  type Change, type NotificationRecipient, type RowState, type StoredRow,
} from './queries/registration.js';

const key = (c: { studentId: string; day: string; lessonId: string }) => `${c.studentId}|${c.day}|${c.lessonId}`;

const same = (a: RowState, b: RowState) =>
  a.minutes === b.minutes && a.late === b.late && a.fullDay === b.fullDay && a.reason === b.reason && a.documentedOn === b.documentedOn;

/**
 * Writes the changes that differ from what is stored, with one trail row each; returns the students
 * who had no absence on a day before and have some now (their guardians are told).
 */
export async function applyChanges(q: QueryFn, ownerId: string, byPersonId: string, changes: readonly Change[]): Promise<{ changed: number; newAbsenceDays: { studentId: string; day: string }[] }> {
  if (changes.length === 0) return { changed: 0, newAbsenceDays: [] };
  const studentIds = [...new Set(changes.map((c) => c.studentId))];
  const days = [...new Set(changes.map((c) => c.day))];
  const before = await storedRows(q, ownerId, studentIds, days);
  const stored = new Map(before.map((r) => [key(r), r]));
  const real = changes.filter((c) => {
    const old = stored.get(key(c));
    return c.row === null ? old !== undefined : old === undefined || !same(old, c.row);
  });
  if (real.length === 0) return { changed: 0, newAbsenceDays: [] };

  const upserts: StoredRow[] = real.flatMap((c) => (c.row === null ? [] : [{ ...c.row, studentId: c.studentId, day: c.day, lessonId: c.lessonId }]));
  const deletes = real.filter((c) => c.row === null);
  if (upserts.length) await upsertAbsence(q, ownerId, upserts);
  if (deletes.length) await deleteAbsence(q, ownerId, deletes);
  await insertAbsenceChanges(q, ownerId, byPersonId, real);

  const hadAbsence = new Set(before.map((r) => `${r.studentId}|${r.day}`));
  const newAbsenceDays = [...new Map(upserts.filter((c) => !hadAbsence.has(`${c.studentId}|${c.day}`))
    .map((c) => [`${c.studentId}|${c.day}`, { studentId: c.studentId, day: c.day }])).values()];
  return { changed: real.length, newAbsenceDays };
}

/** L-03/R-71: guardians with insight are told that absence was registered; the notice holds only a link. */
export async function notifyGuardians(q: QueryFn, students: readonly StudentFacts[], today: string): Promise<number> {
  const recipients: NotificationRecipient[] = [];
  for (const s of students) {
    for (const g of guardiansWithInsight(s, today)) recipients.push({ ownerId: s.ownerId, personId: g.guardianPersonId, link: `/children/${s.studentId}/absence` });
  }
  if (recipients.length === 0) return 0;
  await insertAbsenceNotifications(q, recipients);
  return recipients.length;
}

/** Bad input about a day: outside the school year, a weekend, a holiday, or after today. */
export function assertSchoolDay(calendar: SchoolCalendar, day: string, today: string, field: string): void {
  const kind = calendar.kindOf(day);
  const bad = (k: MessageKey, params: Record<string, string> = {}) => badField(field, k, { day, ...params });
  if (kind === 'outsideSchoolYear') throw bad('absence.outsideSchoolYear', { from: calendar.year.startsOn, to: calendar.year.endsOn });
  if (kind === 'weekend') throw bad('absence.weekend');
  if (kind === 'publicHoliday' || kind === 'schoolHoliday') throw bad('absence.holiday', { name: calendar.holidayName(day) ?? '' });
  if (day > today) throw bad('absence.inFuture');
}
