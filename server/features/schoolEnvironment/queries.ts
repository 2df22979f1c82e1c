/** Every statement of school-environment cases (R-70; L-33, L-34). */
import type { QueryFn } from '../../core/db/client.js';
import type { ActivityPlanMeasure, CaseLogKind } from './tables.js';

export interface CaseFactsRow {
  id: string; student_id: string; reported_by_person_id: string; concerns_person_id: string | null; leadership_involved: boolean;
  participants: string[];
}

const FACTS = `select c.id, c.student_id, c.reported_by_person_id, c.concerns_person_id, c.leadership_involved,
  coalesce((select array_agg(p.person_id::text) from school_environment_participant p where p.owner_id = c.owner_id and p.case_id = c.id), '{}') as participants
  from school_environment_case c`;

export async function caseFactsRow(q: QueryFn, ownerId: string, caseId: string): Promise<CaseFactsRow | undefined> {
  const [row] = await q<CaseFactsRow>(`${FACTS} where c.owner_id = $1 and c.id = $2`, [ownerId, caseId]);
  return row;
}

/** The cases about the student, newest first; the caller's policy decides which are shown. */
export async function caseFactsOfStudent(q: QueryFn, ownerId: string, studentId: string): Promise<CaseFactsRow[]> {
  return q<CaseFactsRow>(`${FACTS} where c.owner_id = $1 and c.student_id = $2 order by c.reported_on desc, c.created_at desc`, [ownerId, studentId]);
}

/** The school's cases, open first; decided per case by the caller's policy. */
export async function caseFactsOfSchool(q: QueryFn, ownerId: string, schoolId: string): Promise<CaseFactsRow[]> {
  return q<CaseFactsRow>(`${FACTS} where c.owner_id = $1 and c.school_id = $2 order by (c.closed_on is not null), c.reported_on desc limit 500`, [ownerId, schoolId]);
}

export interface CaseRow {
  id: string; student_id: string; student_name: string; reported_by_person_id: string; reported_by_name: string; reported_on: string; concern: string;
  concerns_staff_member_id: string | null; concerns_name: string | null; leadership_involved: boolean; escalated_to_owner_on: string | null;
  closed_on: string | null; county_governor_from: string; plan_version: number | null; evaluate_next: string | null;
}

const CASE = `select c.id, c.student_id, sp.given_name || ' ' || sp.family_name as student_name, c.reported_by_person_id,
  rp.given_name || ' ' || rp.family_name as reported_by_name, c.reported_on::text as reported_on, c.concern,
  c.concerns_staff_member_id, cp.given_name || ' ' || cp.family_name as concerns_name, c.leadership_involved,
  c.escalated_to_owner_on::text as escalated_to_owner_on, c.closed_on::text as closed_on,
  (c.reported_on + 7)::text as county_governor_from,
  (select max(v.version) from activity_plan_version v where v.owner_id = c.owner_id and v.case_id = c.id) as plan_version,
  (select min(m->>'evaluateOn') from activity_plan_version v, jsonb_array_elements(v.measures) m
    where v.owner_id = c.owner_id and v.case_id = c.id
      and v.version = (select max(v2.version) from activity_plan_version v2 where v2.owner_id = c.owner_id and v2.case_id = c.id)) as evaluate_next
  from school_environment_case c
  join student s on s.owner_id = c.owner_id and s.id = c.student_id
  join person sp on sp.owner_id = s.owner_id and sp.id = s.person_id
  join person rp on rp.owner_id = c.owner_id and rp.id = c.reported_by_person_id
  left join person cp on cp.owner_id = c.owner_id and cp.id = c.concerns_person_id`;

export async function casesByIds(q: QueryFn, ownerId: string, ids: readonly string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  return q<CaseRow>(`${CASE} where c.owner_id = $1 and c.id = any($2::uuid[]) order by (c.closed_on is not null), c.reported_on desc, c.created_at desc`, [ownerId, ids]);
}

export interface NewCase {
  ownerId: string; id: string; studentId: string; schoolId: string; byPersonId: string; reportedOn: string; concern: string;
  concernsStaffMemberId: string | null; concernsPersonId: string | null; leadershipInvolved: boolean;
}

export async function insertCase(q: QueryFn, c: NewCase): Promise<void> {
  await q(`insert into school_environment_case (owner_id, id, student_id, school_id, reported_by_person_id, reported_on, concern,
      concerns_staff_member_id, concerns_person_id, leadership_involved) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
  [c.ownerId, c.id, c.studentId, c.schoolId, c.byPersonId, c.reportedOn, c.concern, c.concernsStaffMemberId, c.concernsPersonId, c.leadershipInvolved]);
}

/** A staff member of the school, with whether they are in its leadership (principal or department head). */
export async function staffMemberOfSchool(q: QueryFn, ownerId: string, staffMemberId: string, schoolId: string): Promise<{ person_id: string; leader: boolean } | undefined> {
  const [row] = await q<{ person_id: string; leader: boolean }>(`select sm.person_id,
      exists (select 1 from staff_role r where r.owner_id = sm.owner_id and r.staff_member_id = sm.id and r.role in ('principal', 'departmentHead')) as leader
    from staff_member sm where sm.owner_id = $1 and sm.id = $2 and sm.school_id = $3`, [ownerId, staffMemberId, schoolId]);
  return row;
}

export async function staffOfSchool(q: QueryFn, ownerId: string, schoolId: string): Promise<{ id: string; person_id: string; name: string }[]> {
  return q(`select sm.id, sm.person_id, p.given_name || ' ' || p.family_name as name
    from staff_member sm join person p on p.owner_id = sm.owner_id and p.id = sm.person_id
    where sm.owner_id = $1 and sm.school_id = $2 order by p.family_name, p.given_name`, [ownerId, schoolId]);
}

/** The principals of the school: the report reaches them at once (§ 12-4). */
export async function principalsOf(q: QueryFn, ownerId: string, schoolId: string): Promise<string[]> {
  const rows = await q<{ person_id: string }>(`select distinct sm.person_id from staff_role r join staff_member sm on sm.owner_id = r.owner_id and sm.id = r.staff_member_id
    where r.owner_id = $1 and r.role = 'principal' and sm.school_id = $2`, [ownerId, schoolId]);
  return rows.map((r) => r.person_id);
}

/** Link-only notices: a kind and a link the policy checks when it is opened; no names, nothing of the concern. */
export async function notify(q: QueryFn, ownerId: string, personIds: readonly string[], kind: string, link: string): Promise<void> {
  if (personIds.length === 0) return;
  await q(`insert into notification (owner_id, id, recipient_person_id, kind, link) select $1, gen_random_uuid(), p, $2, $3 from unnest($4::uuid[]) as x(p)`,
    [ownerId, kind, link, [...new Set(personIds)]]);
}

export interface LogEntry { kind: CaseLogKind; occurredOn: string; text: string; measureId?: string | null; planVersion?: number | null }

/** Adds to the case's log; nothing ever updates or deletes a log row. */
export async function appendLog(q: QueryFn, ownerId: string, caseId: string, byPersonId: string, e: LogEntry): Promise<void> {
  await q(`insert into school_environment_log_entry (owner_id, id, case_id, kind, occurred_on, text, measure_id, plan_version, by_person_id)
    values ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8)`,
  [ownerId, caseId, e.kind, e.occurredOn, e.text, e.measureId ?? null, e.planVersion ?? null, byPersonId]);
}

export interface LogRow { id: string; kind: CaseLogKind; occurred_on: string; text: string; measure_id: string | null; plan_version: number | null; by_name: string; recorded_at: Date }

export async function logOf(q: QueryFn, ownerId: string, caseId: string): Promise<LogRow[]> {
  return q<LogRow>(`select e.id, e.kind, e.occurred_on::text as occurred_on, e.text, e.measure_id, e.plan_version,
      p.given_name || ' ' || p.family_name as by_name, e.recorded_at
    from school_environment_log_entry e join person p on p.owner_id = e.owner_id and p.id = e.by_person_id
    where e.owner_id = $1 and e.case_id = $2 order by e.recorded_at, e.id`, [ownerId, caseId]);
}

export interface PlanRow { version: number; problem: string; measures: ActivityPlanMeasure[]; saved_by: string; saved_at: Date }

/** Every version of the activity plan, newest first. */
export async function planVersionsOf(q: QueryFn, ownerId: string, caseId: string): Promise<PlanRow[]> {
  return q<PlanRow>(`select v.version, v.problem, v.measures, p.given_name || ' ' || p.family_name as saved_by, v.saved_at
    from activity_plan_version v join person p on p.owner_id = v.owner_id and p.id = v.saved_by_person_id
    where v.owner_id = $1 and v.case_id = $2 order by v.version desc`, [ownerId, caseId]);
}

/** A new version (one more than the last); two saves at once cannot both take the same number (primary key). */
export async function insertPlanVersion(q: QueryFn, ownerId: string, caseId: string, byPersonId: string, problem: string, measures: ActivityPlanMeasure[]): Promise<number> {
  const [row] = await q<{ version: number }>(`insert into activity_plan_version (owner_id, case_id, version, problem, measures, saved_by_person_id)
    select $1, $2, coalesce(max(version), 0) + 1, $3, $4::jsonb, $5 from activity_plan_version where owner_id = $1 and case_id = $2
    returning version`, [ownerId, caseId, problem, JSON.stringify(measures), byPersonId]);
  return row!.version;
}

export async function participantsOf(q: QueryFn, ownerId: string, caseId: string): Promise<{ person_id: string; name: string }[]> {
  return q(`select x.person_id, p.given_name || ' ' || p.family_name as name from school_environment_participant x
    join person p on p.owner_id = x.owner_id and p.id = x.person_id where x.owner_id = $1 and x.case_id = $2 order by x.added_at`, [ownerId, caseId]);
}

export async function addParticipant(q: QueryFn, ownerId: string, caseId: string, personId: string, byPersonId: string): Promise<boolean> {
  const rows = await q(`insert into school_environment_participant (owner_id, case_id, person_id, added_by_person_id) values ($1, $2, $3, $4)
    on conflict do nothing returning person_id`, [ownerId, caseId, personId, byPersonId]);
  return rows.length > 0;
}

export async function markEscalated(q: QueryFn, ownerId: string, caseId: string, on: string): Promise<boolean> {
  const rows = await q('update school_environment_case set escalated_to_owner_on = $3 where owner_id = $1 and id = $2 and escalated_to_owner_on is null returning id', [ownerId, caseId, on]);
  return rows.length > 0;
}

export async function markClosed(q: QueryFn, ownerId: string, caseId: string, on: string): Promise<boolean> {
  const rows = await q('update school_environment_case set closed_on = $3 where owner_id = $1 and id = $2 and closed_on is null returning id', [ownerId, caseId, on]);
  return rows.length > 0;
}
