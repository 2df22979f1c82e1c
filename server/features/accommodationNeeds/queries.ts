/**
 * Every statement of accommodation needs. Pass `database.query` or a transaction's query function.
 * Who must confirm is read from today's data, never stored: the current subject teachers of the student's
 * current teaching groups; only receipts of a need's current revision count.
 */
import type { Database, QueryFn } from '../../core/db/client.js';
import { loadGroupStudents } from '../../core/policy/facts.js';
import type { StudentFacts } from '../../core/policy/types.js';
import type { accommodationNeed } from './tables.js';

export type Need = Pick<typeof accommodationNeed.$inferSelect, 'id' | 'studentId' | 'description' | 'guidance' | 'revision'> & {
  registeredAt: string; registeredBy: string | null; updatedAt: string;
};
export interface Teacher { personId: string; name: string; groups: string[]; email: string | null; locale: 'nb' | 'nn' | 'en' }
export interface NeedFields { description: string; guidance: string }

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

/** The current needs (not ended) of some students, oldest first. */
export async function needsOf(q: QueryFn, ownerId: string, studentIds: readonly string[]): Promise<Need[]> {
  if (studentIds.length === 0) return [];
  const rows = await q<{ id: string; student_id: string; description: string; guidance: string; registered_at: unknown; updated_at: unknown; revision: number; registered_by: string | null }>(
    `select a.id, a.student_id, a.description, a.guidance, a.registered_at, a.updated_at, a.revision,
       case when p.id is null then null else p.given_name || ' ' || p.family_name end as registered_by
     from accommodation_need a left join person p on p.owner_id = a.owner_id and p.id = a.registered_by_person_id
     where a.owner_id = $1 and a.student_id = any($2::uuid[]) and a.ended_at is null
     order by a.registered_at, a.id`,
    [ownerId, studentIds],
  );
  return rows.map((r) => ({
    id: r.id, studentId: r.student_id, description: r.description, guidance: r.guidance,
    registeredAt: iso(r.registered_at), updatedAt: iso(r.updated_at), revision: Number(r.revision), registeredBy: r.registered_by ?? null,
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

/** The latest reminder per student and teacher, keyed `studentId|teacherPersonId`. */
export async function lastReminders(q: QueryFn, ownerId: string, studentIds: readonly string[]): Promise<Map<string, string>> {
  if (studentIds.length === 0) return new Map();
  const rows = await q<{ student_id: string; teacher_person_id: string; sent_at: unknown }>(
    `select student_id, teacher_person_id, max(sent_at) as sent_at from accommodation_need_reminder
     where owner_id = $1 and student_id = any($2::uuid[]) group by student_id, teacher_person_id`,
    [ownerId, studentIds],
  );
  return new Map(rows.map((r) => [`${r.student_id}|${r.teacher_person_id}`, iso(r.sent_at)]));
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

/** Given and family name of each person, by id. */
export async function personNames(q: QueryFn, ownerId: string, personIds: readonly string[]): Promise<Map<string, { givenName: string; familyName: string }>> {
  if (personIds.length === 0) return new Map();
  const rows = await q<{ id: string; given_name: string; family_name: string }>(
    'select id, given_name, family_name from person where owner_id = $1 and id = any($2::uuid[])', [ownerId, personIds]);
  return new Map(rows.map((r) => [r.id, { givenName: r.given_name, familyName: r.family_name }]));
}

export interface StudentNameRow { given_name: string; family_name: string }

/** The class's current students (core's statement) with their names. */
export async function classStudentsWithNames(database: Database, ownerId: string, basisGroupId: string, today: string): Promise<{ facts: StudentFacts; row: StudentNameRow }[]> {
  const rows = await loadGroupStudents(database, ownerId, { kind: 'basis', id: basisGroupId }, today, { columns: ', p.given_name, p.family_name', params: [] });
  return rows.map(({ facts, row }) => ({ facts, row: row as unknown as StudentNameRow }));
}

export async function insertNeed(q: QueryFn, ownerId: string, id: string, studentId: string, n: NeedFields, registeredByPersonId: string): Promise<void> {
  await q(
    `insert into accommodation_need (owner_id, id, student_id, description, guidance, registered_by_person_id) values ($1, $2, $3, $4, $5, $6)`,
    [ownerId, id, studentId, n.description, n.guidance, registeredByPersonId],
  );
}

/** Whether the student's need has ended; undefined when the student has no such need. */
export async function needEnded(q: QueryFn, ownerId: string, studentId: string, needId: string): Promise<boolean | undefined> {
  const [row] = await q<{ ended: boolean }>('select ended_at is not null as ended from accommodation_need where owner_id = $1 and id = $2 and student_id = $3', [ownerId, needId, studentId]);
  return row?.ended;
}

/** A new revision when the text changed (every subject teacher confirms again); false when nothing changed. */
export async function reviseNeed(q: QueryFn, ownerId: string, needId: string, n: NeedFields): Promise<boolean> {
  const changed = await q(
    `update accommodation_need set description = $3, guidance = $4, revision = revision + 1, updated_at = now()
       where owner_id = $1 and id = $2 and (description <> $3 or guidance <> $4) returning id`,
    [ownerId, needId, n.description, n.guidance],
  );
  return changed.length > 0;
}

/** Ending an ended need keeps its first end; false when the student has no such need. */
export async function endNeed(q: QueryFn, ownerId: string, needId: string, studentId: string): Promise<boolean> {
  const rows = await q('update accommodation_need set ended_at = coalesce(ended_at, now()) where owner_id = $1 and id = $2 and student_id = $3 returning id',
    [ownerId, needId, studentId]);
  return rows.length > 0;
}

/** The teacher's receipt of each need's current revision; a receipt of the same revision keeps its date. */
export async function confirmNeeds(q: QueryFn, ownerId: string, teacherPersonId: string, needs: readonly Pick<Need, 'id' | 'revision'>[]): Promise<void> {
  await q(
    `insert into accommodation_need_receipt (owner_id, need_id, teacher_person_id, revision)
       select $1, n, $2, rv from unnest($3::uuid[], $4::int[]) as x(n, rv)
       on conflict (owner_id, need_id, teacher_person_id) do update set revision = excluded.revision, confirmed_at = now()
         where accommodation_need_receipt.revision <> excluded.revision`,
    [ownerId, teacherPersonId, needs.map((n) => n.id), needs.map((n) => n.revision)],
  );
}

/** Records one reminder per student and teacher. */
export async function insertReminders(q: QueryFn, ownerId: string, sentByPersonId: string, items: readonly { studentId: string; personId: string }[]): Promise<void> {
  await q(
    `insert into accommodation_need_reminder (owner_id, id, student_id, teacher_person_id, sent_by_person_id)
         select $1, gen_random_uuid(), s, p, $2 from unnest($3::uuid[], $4::uuid[]) as x(s, p)`,
    [ownerId, sentByPersonId, items.map((x) => x.studentId), items.map((x) => x.personId)],
  );
}

/** The students now in the teaching groups who have a current need. */
export async function studentsWithNeedsIn(q: QueryFn, ownerId: string, teachingGroupIds: readonly string[], today: string): Promise<string[]> {
  const rows = await q<{ student_id: string }>(
    `select distinct e.student_id from enrolment e
       where e.owner_id = $1 and e.teaching_group_id = any($2::uuid[]) and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date)
         and exists (select 1 from accommodation_need a where a.owner_id = e.owner_id and a.student_id = e.student_id and a.ended_at is null)`,
    [ownerId, teachingGroupIds, today],
  );
  return rows.map((x) => x.student_id);
}

/** A teacher's address and language for the reminder e-mail. */
export async function reminderRecipient(q: QueryFn, ownerId: string, personId: string): Promise<{ email: string | null; preferred_locale: Teacher['locale'] } | undefined> {
  const [person] = await q<{ email: string | null; preferred_locale: Teacher['locale'] }>(
    'select email, preferred_locale from person where owner_id = $1 and id = $2', [ownerId, personId]);
  return person;
}
