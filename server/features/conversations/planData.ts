/** Reading the school's conversation plan and each student's conversation facts for it. */
import type { QueryFn } from '../../core/db/client.js';
import type { ConversationKind } from './tables.js';
import { defaultWindows, type ConversationFact, type PlanWindowFacts, type StudentPlanFacts, type TermFacts } from './planStatus.js';

export interface LoadedPlan {
  schoolYear: { id: string; name: string; startsOn: string; endsOn: string };
  terms: TermFacts[];
  conversationsPerYear: number;
  windows: (PlanWindowFacts & { id: string; opensWeek: number; closesWeek: number })[];
}

interface PlanRow {
  id: string; name: string; starts_on: string; ends_on: string;
  terms: { kind: 'autumn' | 'spring'; startsOn: string; endsOn: string }[];
  plan_id: string | null; conversations_per_year: number | null;
  windows: { id: string; kind: ConversationKind; opensOn: string; closesOn: string; appliesTo: 'all' | 'under18'; opensWeek: number; closesWeek: number }[] | null;
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

/** The plan for the school year `day` falls in; the default plan when the school has not saved one. */
export async function loadPlan(q: QueryFn, ownerId: string, schoolId: string, day: string): Promise<LoadedPlan | null> {
  const [row] = await q<PlanRow>(PLAN_SQL, [ownerId, schoolId, day]);
  if (!row) return null;
  const year = { id: row.id, name: row.name, startsOn: row.starts_on, endsOn: row.ends_on };
  const windows = row.plan_id !== null
    ? row.windows ?? []
    : (await defaultWindowRows(q, year.startsOn)).map((w) => ({
      id: w.id, kind: w.kind, opensOn: w.opens_on, closesOn: w.closes_on, appliesTo: w.applies_to, opensWeek: w.opens_week, closesWeek: w.closes_week,
    }));
  return {
    schoolYear: year,
    terms: row.terms.map((t) => ({ kind: t.kind, startsOn: t.startsOn, endsOn: t.endsOn })),
    conversationsPerYear: row.conversations_per_year ?? 3,
    windows: windows.map((w) => ({
      id: w.id, kind: w.kind, opensOn: w.opensOn, closesOn: w.closesOn, appliesTo: w.appliesTo, opensWeek: w.opensWeek, closesWeek: w.closesWeek,
    })),
  };
}

async function defaultWindowRows(q: QueryFn, schoolYearStart: string) {
  const windows = defaultWindows(schoolYearStart);
  const weeks = await q<{ opens_week: number; closes_week: number }>(
    `select extract(week from o)::int as opens_week, extract(week from c)::int as closes_week
     from unnest($1::date[], $2::date[]) with ordinality as w(o, c, n) order by n`,
    [windows.map((w) => w.opensOn), windows.map((w) => w.closesOn)],
  );
  return windows.map((w, i) => ({
    id: `default-${w.kind}`, kind: w.kind, opens_on: w.opensOn, closes_on: w.closesOn, applies_to: w.appliesTo,
    opens_week: weeks[i]!.opens_week, closes_week: weeks[i]!.closes_week,
  }));
}

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
  level: string; stage: 'upperSecondary' | 'compulsory'; plan_birth_date: string | null; consents: string | number;
  plan_conversations: { list: ConversationFact[]; subjectGroupsHeld: number };
  plan_offers: { offeredOn: string[]; allDeclined: boolean };
  teaching_group_count: string | number;
}

export function toPlanFacts(r: PlanColumnsRow, adult: boolean): StudentPlanFacts {
  return {
    level: r.level,
    stage: r.stage,
    adult,
    conferenceEligible: !adult || Number(r.consents) > 0,
    conversations: r.plan_conversations.list,
    offeredOn: r.plan_offers.offeredOn,
    allOffersDeclined: r.plan_offers.allDeclined,
    teachingGroupCount: Number(r.teaching_group_count),
    subjectGroupsHeld: Number(r.plan_conversations.subjectGroupsHeld),
  };
}

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
