/** The school's conversation plan as the app reads it (its saved plan, else the default one), and a student's facts for the plan's status. */
import type { QueryFn } from '../../core/db/client.js';
import { defaultWindows, type PlanWindowFacts, type StudentPlanFacts, type TermFacts } from './planStatus.js';
import { isoWeeksOf, schoolPlanRow, type PlanColumnsRow } from './queries/plan.js';

// bench/diagnose.ts replays these texts from here

export interface LoadedPlan {
  schoolYear: { id: string; name: string; startsOn: string; endsOn: string };
  terms: TermFacts[];
  conversationsPerYear: number;
  windows: (PlanWindowFacts & { id: string; opensWeek: number; closesWeek: number })[];
}

/** The plan for the school year `day` falls in; the default plan when the school has not saved one. */
export async function loadPlan(q: QueryFn, ownerId: string, schoolId: string, day: string): Promise<LoadedPlan | null> {
  const row = await schoolPlanRow(q, ownerId, schoolId, day);
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
  const weeks = await isoWeeksOf(q, windows.map((w) => w.opensOn), windows.map((w) => w.closesOn));
  return windows.map((w, i) => ({
    id: `default-${w.kind}`, kind: w.kind, opens_on: w.opensOn, closes_on: w.closesOn, applies_to: w.appliesTo,
    opens_week: weeks[i]!.opens_week, closes_week: weeks[i]!.closes_week,
  }));
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
