/**
 * Accommodation needs: the queries behind the routes. Who must confirm is computed from today's
 * data, never stored: the current subject teachers of the student's current teaching groups. A teacher
 * who joins a group later has no receipt and so must confirm too; a need that is changed gets a new
 * revision, and only receipts of the current revision count.
 */
import type { QueryFn } from '../../core/db/client.js';
import { addDays, currentSchoolYear, loadCalendar, type SchoolCalendar } from '../../core/calendar/calendar.js';

export interface Need {
  id: string; studentId: string; description: string; guidance: string; registeredAt: string; registeredBy: string | null;
  updatedAt: string; revision: number;
}
export interface Teacher { personId: string; name: string; groups: string[]; email: string | null; locale: 'nb' | 'nn' | 'en' }
export interface TeacherStatus { personId: string; name: string; groups: string[]; confirmedAt: string | null; lastRemindedAt: string | null }

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

/** The current needs (not ended) of some students, oldest first. */
export async function needsOf(q: QueryFn, ownerId: string, studentIds: readonly string[]): Promise<Need[]> {
  if (studentIds.length === 0) return [];
  const rows = await q<Record<string, unknown>>(
    `select a.id, a.student_id, a.description, a.guidance, a.registered_at, a.updated_at, a.revision,
       case when p.id is null then null else p.given_name || ' ' || p.family_name end as registered_by
     from accommodation_need a left join person p on p.owner_id = a.owner_id and p.id = a.registered_by_person_id
     where a.owner_id = $1 and a.student_id = any($2::uuid[]) and a.ended_at is null
     order by a.registered_at, a.id`,
    [ownerId, studentIds],
  );
  return rows.map((r) => ({
    id: r.id as string, studentId: r.student_id as string, description: r.description as string, guidance: r.guidance as string,
    registeredAt: iso(r.registered_at), updatedAt: iso(r.updated_at), revision: Number(r.revision), registeredBy: (r.registered_by as string | null) ?? null,
  }));
}

/** The subject teachers of each student's current teaching groups today, by student. */
export async function subjectTeachersOf(q: QueryFn, ownerId: string, studentIds: readonly string[], today: string): Promise<Map<string, Teacher[]>> {
  const out = new Map<string, Teacher[]>();
  if (studentIds.length === 0) return out;
  const rows = await q<{ student_id: string; person_id: string; given_name: string; family_name: string; email: string | null; preferred_locale: Teacher['locale']; groups: string[] }>(
    `select e.student_id, p.id as person_id, p.given_name, p.family_name, p.email, p.preferred_locale,
       array_agg(distinct tg.name order by tg.name) as groups
     from enrolment e
     join teaching_group tg on tg.owner_id = e.owner_id and tg.id = e.teaching_group_id
     join subject_teacher_assignment sta on sta.owner_id = e.owner_id and sta.teaching_group_id = e.teaching_group_id
     join staff_member sm on sm.owner_id = sta.owner_id and sm.id = sta.staff_member_id
     join person p on p.owner_id = sm.owner_id and p.id = sm.person_id
     where e.owner_id = $1 and e.student_id = any($2::uuid[]) and e.teaching_group_id is not null
       and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date)
     group by e.student_id, p.id, p.given_name, p.family_name, p.email, p.preferred_locale
     order by p.family_name, p.given_name`,
    [ownerId, studentIds, today],
  );
  for (const r of rows) {
    const list = out.get(r.student_id) ?? [];
    list.push({ personId: r.person_id, name: `${r.given_name} ${r.family_name}`, groups: r.groups, email: r.email, locale: r.preferred_locale });
    out.set(r.student_id, list);
  }
  return out;
}

/** Receipts of the needs' current revisions: need id → teacher person id → confirmed at. */
export async function receiptsOf(q: QueryFn, ownerId: string, needs: readonly Need[]): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  if (needs.length === 0) return out;
  const rows = await q<{ need_id: string; teacher_person_id: string; confirmed_at: unknown }>(
    `select r.need_id, r.teacher_person_id, r.confirmed_at from accommodation_need_receipt r
     join accommodation_need a on a.owner_id = r.owner_id and a.id = r.need_id and a.revision = r.revision
     where r.owner_id = $1 and r.need_id = any($2::uuid[])`,
    [ownerId, needs.map((n) => n.id)],
  );
  for (const r of rows) {
    const m = out.get(r.need_id) ?? new Map<string, string>();
    m.set(r.teacher_person_id, iso(r.confirmed_at));
    out.set(r.need_id, m);
  }
  return out;
}

/** The latest reminder per student and teacher. */
export async function lastReminders(q: QueryFn, ownerId: string, studentIds: readonly string[]): Promise<Map<string, string>> {
  if (studentIds.length === 0) return new Map();
  const rows = await q<{ student_id: string; teacher_person_id: string; sent_at: unknown }>(
    `select student_id, teacher_person_id, max(sent_at) as sent_at from accommodation_need_reminder
     where owner_id = $1 and student_id = any($2::uuid[]) group by student_id, teacher_person_id`,
    [ownerId, studentIds],
  );
  return new Map(rows.map((r) => [`${r.student_id}|${r.teacher_person_id}`, iso(r.sent_at)]));
}

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

/** In-app notices that hold only a link (no names, no need): the policy is asked again when it is opened. */
export async function notify(q: QueryFn, ownerId: string, recipients: readonly { personId: string; link: string }[], kind: string): Promise<void> {
  if (recipients.length === 0) return;
  await q(
    `insert into notification (owner_id, id, recipient_person_id, kind, link)
     select $1, gen_random_uuid(), p, $2, l from unnest($3::uuid[], $4::text[]) as x(p, l)`,
    [ownerId, kind, recipients.map((r) => r.personId), recipients.map((r) => r.link)],
  );
}

export const needLink = (studentId: string) => `/students/${studentId}/accommodation-needs`;
