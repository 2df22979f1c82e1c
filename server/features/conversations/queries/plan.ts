/**
 * Every statement of the conversation plan (R-10): the school's plan and windows, each student's
 * conversation facts for it, and the leaders' compliance view. The bench measures the class plan and
 * the compliance view against SQL floors and replays `COMPLIANCE_SQL` and `planColumns`: the texts stay
 * as they are (PostgreSQL keeps a prepared statement per text).
 */
import type { Database, QueryFn } from '../../../core/db/client.js';
import type { school } from '../../../core/db/tables.js';
import { loadGroupStudents } from '../../../core/policy/facts.js';
import type { StudentFacts } from '../../../core/policy/types.js';
import type { ConversationFact } from '../planStatus.js';
import type { ConversationKind, conversationWindow } from '../tables.js';

type ConversationWindow = typeof conversationWindow.$inferSelect;

/* ───────────── the school's plan ───────────── */

export interface SchoolPlanRow {
  id: string; name: string; starts_on: string; ends_on: string;
  terms: { kind: 'autumn' | 'spring'; startsOn: string; endsOn: string }[];
  plan_id: string | null; conversations_per_year: number | null;
  windows: { id: string; kind: ConversationKind; opensOn: string; closesOn: string; appliesTo: ConversationWindow['appliesTo']; opensWeek: number; closesWeek: number }[] | null;
}

/**
 * The school year of $3, its terms and the school's saved plan with its windows, in one round trip (the
 * class plan and the compliance view read it on every request). ISO weeks from PostgreSQL (extract(week)
 * is ISO 8601), so the app and reports agree. $1 owner, $2 school, $3 day
 */
const PLAN_SQL = `
  with y as (select id, name, starts_on, ends_on from school_year
             where owner_id = $1 and starts_on <= $3::date and ends_on >= $3::date order by starts_on desc limit 1),
       pl as (select id, conversations_per_year from conversation_plan
              where owner_id = $1 and school_id = $2 and school_year_id = (select id from y))
  select y.id, y.name, y.starts_on::text, y.ends_on::text,
    coalesce((select json_agg(json_build_object('kind', t.kind, 'startsOn', t.starts_on::text, 'endsOn', t.ends_on::text) order by t.starts_on)
      from term t where t.owner_id = $1 and t.school_year_id = y.id), '[]'::json) as terms,
    (select id from pl) as plan_id, (select conversations_per_year from pl) as conversations_per_year,
    (select json_agg(json_build_object('id', w.id, 'kind', w.kind, 'opensOn', w.opens_on::text, 'closesOn', w.closes_on::text,
        'appliesTo', w.applies_to, 'opensWeek', extract(week from w.opens_on)::int, 'closesWeek', extract(week from w.closes_on)::int)
        order by w.position, w.opens_on)
      from conversation_window w where w.owner_id = $1 and w.plan_id = (select id from pl)) as windows
  from y`;

/** The school year `day` falls in with its terms, and the school's saved plan for it (none: `plan_id` null). */
export async function schoolPlanRow(q: QueryFn, ownerId: string, schoolId: string, day: string): Promise<SchoolPlanRow | undefined> {
  const [row] = await q<SchoolPlanRow>(PLAN_SQL, [ownerId, schoolId, day]);
  return row;
}

export interface IsoWeeksRow { opens_week: number; closes_week: number }

/** The ISO weeks of each window's opening and closing day, in the order given. */
export async function isoWeeksOf(q: QueryFn, opensOn: string[], closesOn: string[]): Promise<IsoWeeksRow[]> {
  return q<IsoWeeksRow>(
    `select extract(week from o)::int as opens_week, extract(week from c)::int as closes_week
     from unnest($1::date[], $2::date[]) with ordinality as w(o, c, n) order by n`,
    [opensOn, closesOn],
  );
}

/** Saves the school's target for the school year; returns the plan's id. */
export async function upsertConversationPlan(
  q: QueryFn, ownerId: string, id: string, schoolId: string, schoolYearId: string, conversationsPerYear: number, updatedByPersonId: string,
): Promise<string> {
  const [plan] = await q<{ id: string }>(
    `insert into conversation_plan (owner_id, id, school_id, school_year_id, conversations_per_year, updated_by_person_id)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (owner_id, school_id, school_year_id) do update set conversations_per_year = excluded.conversations_per_year,
           updated_at = now(), updated_by_person_id = excluded.updated_by_person_id
         returning id`,
    [ownerId, id, schoolId, schoolYearId, conversationsPerYear, updatedByPersonId],
  );
  return plan!.id;
}

export async function deletePlanWindows(q: QueryFn, ownerId: string, planId: string): Promise<void> {
  await q('delete from conversation_window where owner_id = $1 and plan_id = $2', [ownerId, planId]);
}

export interface NewWindow { kind: ConversationKind; opensOn: string; closesOn: string; appliesTo: ConversationWindow['appliesTo'] }

/** Inserts the plan's windows, positioned in the order given. */
export async function insertPlanWindows(q: QueryFn, ownerId: string, planId: string, windows: NewWindow[]): Promise<void> {
  await q(
    `insert into conversation_window (owner_id, id, plan_id, kind, opens_on, closes_on, applies_to, position)
         select $1, gen_random_uuid(), $2, k, o, c, a, n from unnest($3::text[], $4::date[], $5::date[], $6::text[]) with ordinality as w(k, o, c, a, n)`,
    [ownerId, planId, windows.map((w) => w.kind), windows.map((w) => w.opensOn), windows.map((w) => w.closesOn), windows.map((w) => w.appliesTo)],
  );
}

/* ───────────── each student's conversation facts ───────────── */

/**
 * The per-student columns the plan needs, for a statement over `student s` joined with `school sc`
 * and `person p`; `$year` is the school year's parameter, `$today` today's. One probe per table and
 * student: the conversations' list and the subject count come from one subquery, and so do the
 * guardian-conference offers and whether all were declined (a leader's view reads ~800 students).
 */
export const planColumns = (year: string, today: string) => `,
  s.level, sc.stage, p.birth_date::text as plan_birth_date,
  (select count(*) from consent k where k.owner_id = s.owner_id and k.student_id = s.id and k.withdrawn_at is null) as consents,
  (select json_build_object(
      'list', coalesce(json_agg(json_build_object('id', c.id, 'kind', c.kind,
        'plannedOn', (c.planned_at at time zone 'Europe/Oslo')::date, 'heldOn', (c.held_at at time zone 'Europe/Oslo')::date,
        'studentTakesPart', c.student_takes_part)), '[]'::json),
      'subjectGroupsHeld', count(distinct c.teaching_group_id) filter (where c.kind = 'subject' and c.held_at is not null))
    from conversation c where c.owner_id = s.owner_id and c.student_id = s.id and c.school_year_id = ${year} and c.cancelled_at is null) as plan_conversations,
  (select json_build_object(
      'offeredOn', coalesce(json_agg((o.offered_at at time zone 'Europe/Oslo')::date), '[]'::json),
      'allDeclined', count(*) > 0 and count(*) filter (where o.declined_at is null) = 0)
    from guardian_conference_offer o where o.owner_id = s.owner_id and o.student_id = s.id and o.school_year_id = ${year}) as plan_offers,
  (select count(*) from enrolment e where e.owner_id = s.owner_id and e.student_id = s.id and e.teaching_group_id is not null
    and e.starts_on <= ${today}::date and (e.ends_on is null or e.ends_on > ${today}::date)) as teaching_group_count`;

export interface PlanColumnsRow {
  level: string; stage: (typeof school.$inferSelect)['stage']; plan_birth_date: string | null; consents: string | number;
  plan_conversations: { list: ConversationFact[]; subjectGroupsHeld: number };
  plan_offers: { offeredOn: string[]; allDeclined: boolean };
  teaching_group_count: string | number;
}

export interface ClassPlanRow extends PlanColumnsRow { given_name: string; family_name: string }

/**
 * The class's students today, each with their facts and the plan columns (one statement: the core's
 * student facts with the plan's columns). Takes the database, not a query function: the core's loader
 * is written for it.
 */
export async function classPlanStudents(
  database: Database, ownerId: string, basisGroupId: string, today: string, schoolYearId: string,
): Promise<{ facts: StudentFacts; row: ClassPlanRow }[]> {
  const students = await loadGroupStudents(database, ownerId, { kind: 'basis', id: basisGroupId }, today, {
    columns: `, p.given_name, p.family_name ${planColumns('$4', '$2')}`,
    params: [schoolYearId],
  });
  return students.map(({ facts, row }) => ({ facts, row: row as unknown as ClassPlanRow }));
}

/* ───────────── the leaders' compliance view ───────────── */

/**
 * The compliance view's students: the school's students who have not left — one department's when $5 is
 * given — with their current basis group (only for the per-class view: the lateral is skipped for the
 * principal's per-department view), their department and the plan columns.
 * The person is read by key per student (offset 0 keeps the subquery from being flattened): planned
 * for a whole school's ~1 700 students, a join would hash all of the owner's 290 000 persons.
 * $1 owner, $2 today, $3 school year, $4 school, $5 department or null
 */
export const COMPLIANCE_SQL = `
  select s.id, bg.id as group_id, bg.name as group_name, s.department_id, d.name as department_name ${planColumns('$3', '$2')}
  from student s
  join lateral (select p.birth_date from person p where p.owner_id = s.owner_id and p.id = s.person_id offset 0) p on true
  join school sc on sc.owner_id = s.owner_id and sc.id = s.school_id
  left join department d on d.owner_id = s.owner_id and d.id = s.department_id
  left join lateral (select bg.id, bg.name from enrolment e join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
    where $5::uuid is not null and e.owner_id = s.owner_id and e.student_id = s.id
      and e.starts_on <= $2::date and (e.ends_on is null or e.ends_on > $2::date) limit 1) bg on true
  where s.owner_id = $1 and s.school_id = $4 and s.status <> 'left' and ($5::uuid is null or s.department_id = $5::uuid)`;

export interface ComplianceFactsRow extends PlanColumnsRow {
  id: string; group_id: string | null; group_name: string | null; department_id: string | null; department_name: string | null;
}

/**
 * The compliance view's students (`COMPLIANCE_SQL`), with JIT off. PostgreSQL would JIT-compile a whole
 * school's statement (its estimate passes jit_above_cost), which takes longer than running it: ~70 ms on
 * each custom-planned execution, i.e. the first ones on every pooled connection. Off for this statement
 * only, hence its own transaction: it takes the database, not a query function.
 */
export async function complianceStudents(
  database: Database, ownerId: string, today: string, schoolYearId: string, schoolId: string, departmentId: string | null,
): Promise<ComplianceFactsRow[]> {
  return database.transaction(async (q) => {
    await q('set local jit = off');
    return q<ComplianceFactsRow>(COMPLIANCE_SQL, [ownerId, today, schoolYearId, schoolId, departmentId]);
  });
}

export async function departmentName(q: QueryFn, ownerId: string, departmentId: string): Promise<string | undefined> {
  const [row] = await q<{ name: string }>('select name from department where owner_id = $1 and id = $2', [ownerId, departmentId]);
  return row?.name;
}
