/** Reading the school's conversation plan and each student's conversation facts for it. */
import type { QueryFn } from '../../core/db/client.js';
import type { ConversationKind } from '../../core/db/schema.js';
import { defaultWindows, type ConversationFact, type PlanWindowFacts, type StudentPlanFacts, type TermFacts } from './planStatus.js';
import { schoolYearOn } from './service.js';

export interface LoadedPlan {
  schoolYear: { id: string; name: string; startsOn: string; endsOn: string };
  terms: TermFacts[];
  conversationsPerYear: number;
  windows: (PlanWindowFacts & { id: string; opensWeek: number; closesWeek: number })[];
}

/** The plan for the school year `day` falls in; the default plan when the school has not saved one. */
export async function loadPlan(q: QueryFn, ownerId: string, schoolId: string, day: string): Promise<LoadedPlan | null> {
  const year = await schoolYearOn(q, ownerId, day);
  if (!year) return null;
  const terms = await q<{ kind: 'autumn' | 'spring'; starts_on: string; ends_on: string }>(
    'select kind, starts_on::text, ends_on::text from term where owner_id = $1 and school_year_id = $2 order by starts_on',
    [ownerId, year.id],
  );
  const [plan] = await q<{ id: string; conversations_per_year: number }>(
    'select id, conversations_per_year from conversation_plan where owner_id = $1 and school_id = $2 and school_year_id = $3',
    [ownerId, schoolId, year.id],
  );
  // ISO weeks from PostgreSQL (extract(week) is ISO 8601), so the app and reports agree
  const windows = plan
    ? await q<{ id: string; kind: ConversationKind; opens_on: string; closes_on: string; applies_to: 'all' | 'under18'; opens_week: number; closes_week: number }>(
      `select id, kind, opens_on::text, closes_on::text, applies_to, extract(week from opens_on)::int as opens_week, extract(week from closes_on)::int as closes_week
       from conversation_window where owner_id = $1 and plan_id = $2 order by position, opens_on`,
      [ownerId, plan.id],
    )
    : await defaultWindowRows(q, year.startsOn);
  return {
    schoolYear: year,
    terms: terms.map((t) => ({ kind: t.kind, startsOn: t.starts_on, endsOn: t.ends_on })),
    conversationsPerYear: plan?.conversations_per_year ?? 3,
    windows: windows.map((w) => ({
      id: w.id, kind: w.kind, opensOn: w.opens_on, closesOn: w.closes_on, appliesTo: w.applies_to, opensWeek: w.opens_week, closesWeek: w.closes_week,
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
 * and `person p`; `$year` is the school year's parameter, `$today` today's.
 */
export const planColumns = (year: string, today: string) => `,
  s.level, sc.stage, p.birth_date::text as plan_birth_date,
  (select count(*) from consent k where k.owner_id = s.owner_id and k.student_id = s.id and k.withdrawn_at is null) as consents,
  coalesce((select json_agg(json_build_object('id', c.id, 'kind', c.kind,
      'plannedOn', (c.planned_at at time zone 'Europe/Oslo')::date, 'heldOn', (c.held_at at time zone 'Europe/Oslo')::date,
      'studentTakesPart', c.student_takes_part))
    from conversation c where c.owner_id = s.owner_id and c.student_id = s.id and c.school_year_id = ${year} and c.cancelled_at is null), '[]'::json) as plan_conversations,
  coalesce((select json_agg((o.offered_at at time zone 'Europe/Oslo')::date)
    from guardian_conference_offer o where o.owner_id = s.owner_id and o.student_id = s.id and o.school_year_id = ${year}), '[]'::json) as offered_on,
  (select count(*) > 0 and count(*) filter (where o.declined_at is null) = 0
    from guardian_conference_offer o where o.owner_id = s.owner_id and o.student_id = s.id and o.school_year_id = ${year}) as all_declined,
  (select count(*) from enrolment e where e.owner_id = s.owner_id and e.student_id = s.id and e.teaching_group_id is not null
    and e.starts_on <= ${today}::date and (e.ends_on is null or e.ends_on > ${today}::date)) as teaching_group_count,
  (select count(distinct c.teaching_group_id) from conversation c where c.owner_id = s.owner_id and c.student_id = s.id
    and c.school_year_id = ${year} and c.kind = 'subject' and c.held_at is not null and c.cancelled_at is null) as subject_groups_held`;

export interface PlanColumnsRow {
  level: string; stage: 'upperSecondary' | 'compulsory'; plan_birth_date: string | null; consents: string | number;
  plan_conversations: ConversationFact[]; offered_on: string[]; all_declined: boolean;
  teaching_group_count: string | number; subject_groups_held: string | number;
}

export function toPlanFacts(r: PlanColumnsRow, adult: boolean): StudentPlanFacts {
  return {
    level: r.level,
    stage: r.stage,
    adult,
    conferenceEligible: !adult || Number(r.consents) > 0,
    conversations: r.plan_conversations,
    offeredOn: r.offered_on,
    allOffersDeclined: r.all_declined,
    teachingGroupCount: Number(r.teaching_group_count),
    subjectGroupsHeld: Number(r.subject_groups_held),
  };
}
