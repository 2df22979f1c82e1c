/** Every statement of the IOP (R-51, R-75, L-40) and the adapted arrangement. */
import type { QueryFn } from '../../core/db/client.js';
import type { FrozenPart } from './schemas.js';
import type { PlanReportPeriod } from './tables.js';

/** The student's name, for the page's heading. */
export async function personName(q: QueryFn, ownerId: string, personId: string): Promise<string> {
  const [row] = await q<{ name: string }>("select given_name || ' ' || family_name as name from person where owner_id = $1 and id = $2", [ownerId, personId]);
  return row?.name ?? '';
}

export interface SubjectRow { id: string; code: string; name: string }

/** The subjects of the student's current teaching groups (the subjects a plan can have parts for). */
export async function subjectsOfStudent(q: QueryFn, ownerId: string, studentId: string, today: string): Promise<SubjectRow[]> {
  return q<SubjectRow>(`select distinct sub.id, sub.code, sub.name from enrolment e
    join teaching_group tg on tg.owner_id = e.owner_id and tg.id = e.teaching_group_id
    join subject sub on sub.owner_id = tg.owner_id and sub.id = tg.subject_id
    where e.owner_id = $1 and e.student_id = $2 and e.teaching_group_id is not null
      and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date)
    order by sub.name`, [ownerId, studentId, today]);
}

export async function subjectsByIds(q: QueryFn, ownerId: string, ids: readonly string[]): Promise<SubjectRow[]> {
  return q<SubjectRow>('select id, code, name from subject where owner_id = $1 and id = any($2::uuid[]) order by name', [ownerId, ids]);
}

export interface PlanRow {
  id: string; school_year_id: string; school_year_name: string; summary: string;
  decision_id: string; decided_on: string; reference: string; subject_ids: string[];
}

/** The student's plan for the school year, with the decision it rests on. */
export async function planOf(q: QueryFn, ownerId: string, studentId: string, schoolYearId: string): Promise<PlanRow | undefined> {
  const [row] = await q<PlanRow>(`select p.id, p.school_year_id, y.name as school_year_name, p.summary,
      d.id as decision_id, d.decided_on::text as decided_on, d.reference, d.subject_ids
    from individual_plan p
    join school_year y on y.owner_id = p.owner_id and y.id = p.school_year_id
    join special_education_decision d on d.owner_id = p.owner_id and d.id = p.decision_id
    where p.owner_id = $1 and p.student_id = $2 and p.school_year_id = $3`, [ownerId, studentId, schoolYearId]);
  return row;
}

export interface DecisionRow { id: string; decided_on: string; reference: string; subject_ids: string[] }

/** The latest recorded decision about the student (a plan of an earlier year may rest on it). */
export async function latestDecision(q: QueryFn, ownerId: string, studentId: string): Promise<DecisionRow | undefined> {
  const [row] = await q<DecisionRow>(`select id, decided_on::text as decided_on, reference, subject_ids from special_education_decision
    where owner_id = $1 and student_id = $2 order by decided_on desc, recorded_at desc limit 1`, [ownerId, studentId]);
  return row;
}

export interface PartRow {
  subject_id: string; subject_code: string; subject_name: string; goals: string; content: string; organisation: string; report: string;
  report_updated_at: string | null; report_updated_by_name: string | null;
}

export async function partsOf(q: QueryFn, ownerId: string, planId: string): Promise<PartRow[]> {
  return q<PartRow>(`select pp.subject_id, sub.code as subject_code, sub.name as subject_name, pp.goals, pp.content, pp.organisation, pp.report,
      to_char(pp.report_updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as report_updated_at,
      case when rp.id is null then null else rp.given_name || ' ' || rp.family_name end as report_updated_by_name
    from individual_plan_part pp
    join subject sub on sub.owner_id = pp.owner_id and sub.id = pp.subject_id
    left join person rp on rp.owner_id = pp.owner_id and rp.id = pp.report_updated_by_person_id
    where pp.owner_id = $1 and pp.plan_id = $2 order by sub.name`, [ownerId, planId]);
}

export interface NewPlan {
  ownerId: string; studentId: string; schoolYearId: string; decisionId: string; planId: string;
  decidedOn: string; reference: string; subjectIds: string[]; byPersonId: string;
}

export async function insertPlan(q: QueryFn, p: NewPlan): Promise<void> {
  await q(`insert into special_education_decision (owner_id, id, student_id, decided_on, reference, subject_ids, recorded_by_person_id)
    values ($1, $2, $3, $4, $5, $6::uuid[], $7)`, [p.ownerId, p.decisionId, p.studentId, p.decidedOn, p.reference, p.subjectIds, p.byPersonId]);
  await q(`insert into individual_plan (owner_id, id, student_id, school_year_id, decision_id, created_by_person_id, updated_by_person_id)
    values ($1, $2, $3, $4, $5, $6, $6)`, [p.ownerId, p.planId, p.studentId, p.schoolYearId, p.decisionId, p.byPersonId]);
}

export async function updateDecision(q: QueryFn, ownerId: string, decisionId: string, d: { decidedOn: string; reference: string; subjectIds: string[] }): Promise<void> {
  await q('update special_education_decision set decided_on = $3, reference = $4, subject_ids = $5::uuid[] where owner_id = $1 and id = $2',
    [ownerId, decisionId, d.decidedOn, d.reference, d.subjectIds]);
}

/** The plan has exactly these subjects' parts: new ones are added empty; the caller checked that removed ones were empty. */
export async function syncParts(q: QueryFn, ownerId: string, planId: string, subjectIds: string[]): Promise<void> {
  await q('delete from individual_plan_part where owner_id = $1 and plan_id = $2 and not (subject_id = any($3::uuid[]))', [ownerId, planId, subjectIds]);
  await q(`insert into individual_plan_part (owner_id, plan_id, subject_id)
    select $1, $2, s from unnest($3::uuid[]) s on conflict do nothing`, [ownerId, planId, subjectIds]);
}

export async function updatePartPlan(q: QueryFn, ownerId: string, planId: string, subjectId: string, c: { goals: string; content: string; organisation: string; byPersonId: string }): Promise<void> {
  await q(`update individual_plan_part set goals = $4, content = $5, organisation = $6, updated_by_person_id = $7, updated_at = now()
    where owner_id = $1 and plan_id = $2 and subject_id = $3`, [ownerId, planId, subjectId, c.goals, c.content, c.organisation, c.byPersonId]);
}

export async function updatePartReport(q: QueryFn, ownerId: string, planId: string, subjectId: string, report: string, byPersonId: string): Promise<void> {
  await q(`update individual_plan_part set report = $4, report_updated_by_person_id = $5, report_updated_at = now()
    where owner_id = $1 and plan_id = $2 and subject_id = $3`, [ownerId, planId, subjectId, report, byPersonId]);
}

export async function updateSummary(q: QueryFn, ownerId: string, planId: string, summary: string, byPersonId: string): Promise<void> {
  await q('update individual_plan set summary = $3, updated_by_person_id = $4, updated_at = now() where owner_id = $1 and id = $2',
    [ownerId, planId, summary, byPersonId]);
}

export interface ReportRow {
  version: number; period: PlanReportPeriod; school_year_name: string; finalised_at: string; finalised_by_name: string;
  summary: string; parts: FrozenPart[];
}

const REPORTS = `select r.version, r.period, y.name as school_year_name,
    to_char(r.finalised_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as finalised_at,
    fp.given_name || ' ' || fp.family_name as finalised_by_name, r.summary, r.parts
  from plan_report r
  join individual_plan p on p.owner_id = r.owner_id and p.id = r.plan_id
  join school_year y on y.owner_id = p.owner_id and y.id = p.school_year_id
  join person fp on fp.owner_id = r.owner_id and fp.id = r.finalised_by_person_id`;

/** Every finalised version about the student, the newest first. */
export async function reportsOf(q: QueryFn, ownerId: string, studentId: string): Promise<ReportRow[]> {
  return q<ReportRow>(`${REPORTS} where r.owner_id = $1 and p.student_id = $2 order by r.version desc`, [ownerId, studentId]);
}

export async function reportOf(q: QueryFn, ownerId: string, studentId: string, version: number): Promise<ReportRow | undefined> {
  const [row] = await q<ReportRow>(`${REPORTS} where r.owner_id = $1 and p.student_id = $2 and r.version = $3`, [ownerId, studentId, version]);
  return row;
}

/**
 * Freezes the plan as it is now into the next version (numbered per student across the years). The
 * copy is taken in the statement itself, so what is stored is exactly what the database held.
 */
export async function insertReport(q: QueryFn, r: { ownerId: string; id: string; planId: string; studentId: string; period: PlanReportPeriod; byPersonId: string }): Promise<number> {
  const [row] = await q<{ version: number }>(`insert into plan_report (owner_id, id, plan_id, version, period, summary, parts, finalised_by_person_id)
    select $1, $2, p.id,
      coalesce((select max(r.version) from plan_report r join individual_plan p2 on p2.owner_id = r.owner_id and p2.id = r.plan_id
        where r.owner_id = $1 and p2.student_id = $4), 0) + 1,
      $5, p.summary,
      coalesce((select jsonb_agg(jsonb_build_object('subjectId', pp.subject_id, 'subjectCode', sub.code, 'subjectName', sub.name,
          'goals', pp.goals, 'content', pp.content, 'organisation', pp.organisation, 'report', pp.report) order by sub.name)
        from individual_plan_part pp join subject sub on sub.owner_id = pp.owner_id and sub.id = pp.subject_id
        where pp.owner_id = p.owner_id and pp.plan_id = p.id), '[]'::jsonb),
      $6
    from individual_plan p where p.owner_id = $1 and p.id = $3
    returning version`, [r.ownerId, r.id, r.planId, r.studentId, r.period, r.byPersonId]);
  return row!.version;
}

export async function reportsPerYear(q: QueryFn, ownerId: string, schoolId: string): Promise<number> {
  const [row] = await q<{ reports_per_year: number }>('select reports_per_year from individual_plan_setting where owner_id = $1 and school_id = $2', [ownerId, schoolId]);
  return row?.reports_per_year ?? 1;
}

export async function setReportsPerYear(q: QueryFn, ownerId: string, schoolId: string, n: number, byPersonId: string): Promise<void> {
  await q(`insert into individual_plan_setting (owner_id, school_id, reports_per_year, updated_by_person_id) values ($1, $2, $3, $4)
    on conflict (owner_id, school_id) do update set reports_per_year = excluded.reports_per_year,
      updated_by_person_id = excluded.updated_by_person_id, updated_at = now()`, [ownerId, schoolId, n, byPersonId]);
}

// ----- the adapted arrangement (R-50) -----------------------------------------------------------

export interface ArrangementRow {
  id: string; adaptation: string; work_plan: string; agreed_on: string; agreed_with_student: boolean; agreed_with_guardians: boolean;
  support_services: string; ends_on: string | null; updated_at: string; updated_by_name: string;
}

const ARRANGEMENTS = `select a.id, a.adaptation, a.work_plan, a.agreed_on::text as agreed_on, a.agreed_with_student, a.agreed_with_guardians,
    a.support_services, a.ends_on::text as ends_on,
    to_char(a.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as updated_at, up.given_name || ' ' || up.family_name as updated_by_name
  from adapted_arrangement a join person up on up.owner_id = a.owner_id and up.id = a.updated_by_person_id`;

/** The student's arrangements, those that still apply first. */
export async function arrangementsOf(q: QueryFn, ownerId: string, studentId: string, today: string): Promise<ArrangementRow[]> {
  return q<ArrangementRow>(`${ARRANGEMENTS} where a.owner_id = $1 and a.student_id = $2
    order by (a.ends_on is not null and a.ends_on < $3::date), a.agreed_on desc, a.created_at desc`, [ownerId, studentId, today]);
}

export async function arrangementOf(q: QueryFn, ownerId: string, studentId: string, id: string): Promise<ArrangementRow | undefined> {
  const [row] = await q<ArrangementRow>(`${ARRANGEMENTS} where a.owner_id = $1 and a.student_id = $2 and a.id = $3`, [ownerId, studentId, id]);
  return row;
}

export interface ArrangementValues {
  adaptation: string; workPlan: string; agreedOn: string; agreedWithStudent: boolean; agreedWithGuardians: boolean;
  supportServices: string; endsOn: string | null;
}

export async function insertArrangement(q: QueryFn, ownerId: string, id: string, studentId: string, v: ArrangementValues, byPersonId: string): Promise<void> {
  await q(`insert into adapted_arrangement (owner_id, id, student_id, adaptation, work_plan, agreed_on, agreed_with_student, agreed_with_guardians,
      support_services, ends_on, created_by_person_id, updated_by_person_id) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
  [ownerId, id, studentId, v.adaptation, v.workPlan, v.agreedOn, v.agreedWithStudent, v.agreedWithGuardians, v.supportServices, v.endsOn, byPersonId]);
}

export async function updateArrangement(q: QueryFn, ownerId: string, id: string, v: ArrangementValues, byPersonId: string): Promise<void> {
  await q(`update adapted_arrangement set adaptation = $3, work_plan = $4, agreed_on = $5, agreed_with_student = $6, agreed_with_guardians = $7,
      support_services = $8, ends_on = $9, updated_by_person_id = $10, updated_at = now() where owner_id = $1 and id = $2`,
  [ownerId, id, v.adaptation, v.workPlan, v.agreedOn, v.agreedWithStudent, v.agreedWithGuardians, v.supportServices, v.endsOn, byPersonId]);
}
