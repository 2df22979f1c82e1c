/**
 * Registering absence: the stored rows, the writes with their trail and the guardians' notices, and
 * what a registration is checked against (the lessons of a day, the student's groups, the limits of
 * self-certification and religious holidays). Every function takes a `QueryFn`, so it runs alike on
 * `database.query` and inside a transaction.
 */
import type { QueryFn } from '../../../core/db/client.js';
import { isoWeekday } from '../../../core/calendar/calendar.js';
import type { AbsenceReason } from '../tables.js';

/** One row of absence is keyed by student, day and lesson. */
export interface AbsenceKey {
  studentId: string;
  day: string;
  lessonId: string;
}

export interface RowState {
  minutes: number;
  late: boolean;
  fullDay: boolean;
  reason: AbsenceReason;
  documentedOn: string | null;
}

export interface StoredRow extends AbsenceKey, RowState {}

export interface Change extends AbsenceKey {
  /** null: no absence (the row is removed) */
  row: RowState | null;
}

export interface LessonOnDay {
  id: string;
  teachingGroupId: string;
  startsAt: string;
  minutes: number;
}

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

/** Inserts the rows, or overwrites the stored row of the same student, day and lesson. */
export async function upsertAbsence(q: QueryFn, ownerId: string, rows: readonly StoredRow[]): Promise<void> {
  await q(
    `insert into absence (owner_id, student_id, day, lesson_id, minutes, late, full_day, reason, documented_on)
       select $1, * from unnest($2::uuid[], $3::date[], $4::uuid[], $5::smallint[], $6::boolean[], $7::boolean[], $8::text[], $9::date[])
       on conflict (owner_id, student_id, day, lesson_id) do update set minutes = excluded.minutes, late = excluded.late,
         full_day = excluded.full_day, reason = excluded.reason, documented_on = excluded.documented_on`,
    [ownerId, rows.map((r) => r.studentId), rows.map((r) => r.day), rows.map((r) => r.lessonId), rows.map((r) => r.minutes),
      rows.map((r) => r.late), rows.map((r) => r.fullDay), rows.map((r) => r.reason), rows.map((r) => r.documentedOn)],
  );
}

export async function deleteAbsence(q: QueryFn, ownerId: string, keys: readonly AbsenceKey[]): Promise<void> {
  await q(
    `delete from absence a using unnest($2::uuid[], $3::date[], $4::uuid[]) as d(student_id, day, lesson_id)
       where a.owner_id = $1 and a.student_id = d.student_id and a.day = d.day and a.lesson_id = d.lesson_id`,
    [ownerId, keys.map((k) => k.studentId), keys.map((k) => k.day), keys.map((k) => k.lessonId)],
  );
}

/** The trail (L-43): one row per change, with what the row became (nulls: removed). */
export async function insertAbsenceChanges(q: QueryFn, ownerId: string, byPersonId: string, changes: readonly Change[]): Promise<void> {
  await q(
    `insert into absence_change (owner_id, student_id, day, lesson_id, by_person_id, minutes, late, full_day, reason, documented_on)
     select $1, s, d, l, $2, m, la, f, r, doc
     from unnest($3::uuid[], $4::date[], $5::uuid[], $6::smallint[], $7::boolean[], $8::boolean[], $9::text[], $10::date[]) as x(s, d, l, m, la, f, r, doc)`,
    [ownerId, byPersonId, changes.map((c) => c.studentId), changes.map((c) => c.day), changes.map((c) => c.lessonId), changes.map((c) => c.row?.minutes ?? null),
      changes.map((c) => c.row?.late ?? null), changes.map((c) => c.row?.fullDay ?? null), changes.map((c) => c.row?.reason ?? null), changes.map((c) => c.row?.documentedOn ?? null)],
  );
}

export interface NotificationRecipient {
  ownerId: string;
  personId: string;
  link: string;
}

/** L-03: a notice that absence was registered, holding only a link. */
export async function insertAbsenceNotifications(q: QueryFn, recipients: readonly NotificationRecipient[]): Promise<void> {
  await q(
    `insert into notification (owner_id, id, recipient_person_id, kind, link)
     select o, gen_random_uuid(), p, 'absence.registered', l from unnest($1::uuid[], $2::uuid[], $3::text[]) as x(o, p, l)`,
    [recipients.map((r) => r.ownerId), recipients.map((r) => r.personId), recipients.map((r) => r.link)],
  );
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

export interface LessonSubjectRow {
  id: string;
  subject_id: string;
  starts_at: string;
  code: string;
}

/** Each lesson's start and subject. */
export async function lessonSubjects(q: QueryFn, ownerId: string, lessonIds: readonly string[]): Promise<LessonSubjectRow[]> {
  return q<LessonSubjectRow>(
    `select l.id, tg.subject_id, l.starts_at::text as starts_at, su.code from lesson l
     join teaching_group tg on tg.owner_id = l.owner_id and tg.id = l.teaching_group_id
     join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id
     where l.owner_id = $1 and l.id = any($2::uuid[])`,
    [ownerId, lessonIds],
  );
}

/** L-12, L-14: whether health personnel documented a condition with a higher risk of absence. */
export async function hasHigherRiskCondition(q: QueryFn, ownerId: string, studentId: string): Promise<boolean> {
  const [risk] = await q<{ n: number }>('select count(*)::int as n from higher_risk_condition where owner_id = $1 and student_id = $2', [ownerId, studentId]);
  return (risk?.n ?? 0) > 0;
}

/** L-11 c: the days between two dates (both inclusive) the student already has religious-holiday absence. */
export async function religiousHolidayDays(q: QueryFn, ownerId: string, studentId: string, from: string, to: string): Promise<string[]> {
  const rows = await q<{ day: string }>(
    `select distinct day::text as day from absence where owner_id = $1 and student_id = $2 and reason = 'religiousHoliday'
       and day between $3::date and $4::date`,
    [ownerId, studentId, from, to],
  );
  return rows.map((r) => r.day);
}
