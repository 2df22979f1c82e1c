/**
 * Writing absence: every change goes through `applyChanges`, which writes only what differs, keeps the
 * trail (who, when, what the row became) and tells guardians with insight of a new day of absence
 * (L-03) by a notification that carries no content, only a link the policy checks on opening.
 */
import type { QueryFn } from '../../core/db/client.js';
import type { AbsenceReason } from './tables.js';
import { badField } from '../../core/http/errors.js';
import type { MessageKey } from '../../core/i18n/messages.js';
import { guardiansWithInsight } from '../../core/policy/guardianInsight.js';
import type { StudentFacts } from '../../core/policy/types.js';
import { isoWeekday, type SchoolCalendar } from '../../core/calendar/calendar.js';

export interface RowState {
  minutes: number;
  late: boolean;
  fullDay: boolean;
  reason: AbsenceReason;
  documentedOn: string | null;
}

export interface Change {
  studentId: string;
  day: string;
  lessonId: string;
  /** null: no absence (the row is removed) */
  row: RowState | null;
}

export interface StoredRow extends RowState {
  studentId: string;
  day: string;
  lessonId: string;
}

export interface LessonOnDay {
  id: string;
  teachingGroupId: string;
  startsAt: string;
  minutes: number;
}

const key = (c: { studentId: string; day: string; lessonId: string }) => `${c.studentId}|${c.day}|${c.lessonId}`;

/** The stored rows of some students on some days. */
export async function storedRows(q: QueryFn, ownerId: string, studentIds: readonly string[], days: readonly string[]): Promise<StoredRow[]> {
  if (studentIds.length === 0 || days.length === 0) return [];
  const rows = await q<{ student_id: string; day: string; lesson_id: string; minutes: number; late: boolean; full_day: boolean; reason: AbsenceReason; documented_on: string | null }>(
    `select student_id, day::text as day, lesson_id, minutes, late, full_day, reason, documented_on::text as documented_on
     from absence where owner_id = $1 and student_id = any($2::uuid[]) and day = any($3::date[])`,
    [ownerId, studentIds, days],
  );
  return rows.map((r) => ({
    studentId: r.student_id, day: r.day, lessonId: r.lesson_id, minutes: Number(r.minutes), late: r.late, fullDay: r.full_day,
    reason: r.reason, documentedOn: r.documented_on,
  }));
}

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

  const upserts = real.filter((c) => c.row !== null);
  const deletes = real.filter((c) => c.row === null);
  const col = <T>(list: readonly Change[], f: (c: Change) => T) => list.map(f);
  if (upserts.length) {
    await q(
      `insert into absence (owner_id, student_id, day, lesson_id, minutes, late, full_day, reason, documented_on)
       select $1, * from unnest($2::uuid[], $3::date[], $4::uuid[], $5::smallint[], $6::boolean[], $7::boolean[], $8::text[], $9::date[])
       on conflict (owner_id, student_id, day, lesson_id) do update set minutes = excluded.minutes, late = excluded.late,
         full_day = excluded.full_day, reason = excluded.reason, documented_on = excluded.documented_on`,
      [ownerId, col(upserts, (c) => c.studentId), col(upserts, (c) => c.day), col(upserts, (c) => c.lessonId), col(upserts, (c) => c.row!.minutes),
        col(upserts, (c) => c.row!.late), col(upserts, (c) => c.row!.fullDay), col(upserts, (c) => c.row!.reason), col(upserts, (c) => c.row!.documentedOn)],
    );
  }
  if (deletes.length) {
    await q(
      `delete from absence a using unnest($2::uuid[], $3::date[], $4::uuid[]) as d(student_id, day, lesson_id)
       where a.owner_id = $1 and a.student_id = d.student_id and a.day = d.day and a.lesson_id = d.lesson_id`,
      [ownerId, col(deletes, (c) => c.studentId), col(deletes, (c) => c.day), col(deletes, (c) => c.lessonId)],
    );
  }
  await q(
    `insert into absence_change (owner_id, student_id, day, lesson_id, by_person_id, minutes, late, full_day, reason, documented_on)
     select $1, s, d, l, $2, m, la, f, r, doc
     from unnest($3::uuid[], $4::date[], $5::uuid[], $6::smallint[], $7::boolean[], $8::boolean[], $9::text[], $10::date[]) as x(s, d, l, m, la, f, r, doc)`,
    [ownerId, byPersonId, col(real, (c) => c.studentId), col(real, (c) => c.day), col(real, (c) => c.lessonId), col(real, (c) => c.row?.minutes ?? null),
      col(real, (c) => c.row?.late ?? null), col(real, (c) => c.row?.fullDay ?? null), col(real, (c) => c.row?.reason ?? null), col(real, (c) => c.row?.documentedOn ?? null)],
  );

  const hadAbsence = new Set(before.map((r) => `${r.studentId}|${r.day}`));
  const newAbsenceDays = [...new Map(upserts.filter((c) => !hadAbsence.has(`${c.studentId}|${c.day}`))
    .map((c) => [`${c.studentId}|${c.day}`, { studentId: c.studentId, day: c.day }])).values()];
  return { changed: real.length, newAbsenceDays };
}

/** L-03/R-71: guardians with insight are told that absence was registered; the notice holds only a link. */
export async function notifyGuardians(q: QueryFn, students: readonly StudentFacts[], today: string): Promise<number> {
  const recipients: { ownerId: string; personId: string; link: string }[] = [];
  for (const s of students) {
    for (const g of guardiansWithInsight(s, today)) recipients.push({ ownerId: s.ownerId, personId: g.guardianPersonId, link: `/children/${s.studentId}/absence` });
  }
  if (recipients.length === 0) return 0;
  await q(
    `insert into notification (owner_id, id, recipient_person_id, kind, link)
     select o, gen_random_uuid(), p, 'absence.registered', l from unnest($1::uuid[], $2::uuid[], $3::text[]) as x(o, p, l)`,
    [recipients.map((r) => r.ownerId), recipients.map((r) => r.personId), recipients.map((r) => r.link)],
  );
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

/** The lessons of some teaching groups held on a day (by weekday and the lessons' validity). */
export async function lessonsOn(q: QueryFn, ownerId: string, teachingGroupIds: readonly string[], day: string): Promise<LessonOnDay[]> {
  if (teachingGroupIds.length === 0) return [];
  const rows = await q<{ id: string; teaching_group_id: string; starts_at: string; minutes: number }>(
    `select id, teaching_group_id, starts_at::text as starts_at, minutes from lesson
     where owner_id = $1 and teaching_group_id = any($2::uuid[]) and weekday = $3
       and starts_on <= $4::date and (ends_on is null or ends_on > $4::date)
     order by starts_at, teaching_group_id`,
    [ownerId, teachingGroupIds, isoWeekday(day), day],
  );
  return rows.map((r) => ({ id: r.id, teachingGroupId: r.teaching_group_id, startsAt: r.starts_at, minutes: Number(r.minutes) }));
}

/** The teaching groups a student was enrolled in on each of some days. */
export async function studentGroupsOn(q: QueryFn, ownerId: string, studentId: string, days: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await q<{ day: string; teaching_group_id: string }>(
    `select d::text as day, e.teaching_group_id from unnest($3::date[]) as d
     join enrolment e on e.owner_id = $1 and e.student_id = $2 and e.teaching_group_id is not null
       and e.starts_on <= d and (e.ends_on is null or e.ends_on > d)`,
    [ownerId, studentId, days],
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.day, [...(out.get(r.day) ?? []), r.teaching_group_id]);
  return out;
}
