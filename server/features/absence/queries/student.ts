/**
 * One student's absence beyond the rows: the principal's limit decisions (L-13), the higher-risk
 * condition (L-12), the diploma request (L-14) and the trail of changes.
 */
import type { QueryFn } from '../../../core/db/client.js';
import type { absenceLimitDecision, AbsenceReason } from '../tables.js';

type LimitDecision = typeof absenceLimitDecision.$inferSelect;

export interface LimitDecisionRow {
  id: string; subject_id: string; granted: boolean; limit_percent: number | null; ground: LimitDecision['ground'];
  reasons: string; decided_at: string; decided_by: string;
}

/** The latest decision per subject of the student in a school year, with who decided. */
export async function studentLimitDecisions(q: QueryFn, ownerId: string, studentId: string, schoolYearId: string): Promise<LimitDecisionRow[]> {
  return q<LimitDecisionRow>(
    `select distinct on (d.subject_id) d.id, d.subject_id, d.granted, d.limit_percent, d.ground, d.reasons, d.decided_at::text as decided_at,
         p.given_name || ' ' || p.family_name as decided_by
       from absence_limit_decision d join person p on p.owner_id = d.owner_id and p.id = d.decided_by_person_id
       where d.owner_id = $1 and d.student_id = $2 and d.school_year_id = $3 order by d.subject_id, d.decided_at desc`,
    [ownerId, studentId, schoolYearId],
  );
}

export interface LimitDecisionInput {
  id: string; studentId: string; subjectId: string; schoolYearId: string; granted: boolean; limitPercent: number | null;
  ground: LimitDecision['ground']; reasons: string; decidedByPersonId: string;
}

export async function insertLimitDecision(q: QueryFn, ownerId: string, d: LimitDecisionInput): Promise<void> {
  await q(
    `insert into absence_limit_decision (owner_id, id, student_id, subject_id, school_year_id, granted, limit_percent, ground, reasons, decided_by_person_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [ownerId, d.id, d.studentId, d.subjectId, d.schoolYearId, d.granted, d.limitPercent, d.ground, d.reasons, d.decidedByPersonId],
  );
}

/** How many of the student's teaching groups in the school year teach the subject. */
export async function subjectEnrolmentCount(q: QueryFn, ownerId: string, studentId: string, subjectId: string, schoolYearId: string): Promise<number> {
  const [takes] = await q<{ n: number }>(
    `select count(*)::int as n from enrolment e join teaching_group tg on tg.owner_id = e.owner_id and tg.id = e.teaching_group_id
       where e.owner_id = $1 and e.student_id = $2 and tg.subject_id = $3 and tg.school_year_id = $4`,
    [ownerId, studentId, subjectId, schoolYearId],
  );
  return takes?.n ?? 0;
}

/** The day the higher-risk condition was documented; none when there is no such condition. */
export async function higherRiskConditions(q: QueryFn, ownerId: string, studentId: string): Promise<{ documented_on: string }[]> {
  return q<{ documented_on: string }>('select documented_on::text as documented_on from higher_risk_condition where owner_id = $1 and student_id = $2', [ownerId, studentId]);
}

export async function upsertHigherRiskCondition(q: QueryFn, ownerId: string, studentId: string, documentedOn: string, byPersonId: string): Promise<void> {
  await q(
    `insert into higher_risk_condition (owner_id, student_id, documented_on, registered_by_person_id) values ($1, $2, $3, $4)
       on conflict (owner_id, student_id) do update set documented_on = excluded.documented_on, registered_by_person_id = excluded.registered_by_person_id, registered_at = now()`,
    [ownerId, studentId, documentedOn, byPersonId],
  );
}

export async function deleteHigherRiskCondition(q: QueryFn, ownerId: string, studentId: string): Promise<void> {
  await q('delete from higher_risk_condition where owner_id = $1 and student_id = $2', [ownerId, studentId]);
}

/** The student's name, from their person. */
export async function personName(q: QueryFn, ownerId: string, personId: string): Promise<{ given_name: string; family_name: string } | undefined> {
  const [person] = await q<{ given_name: string; family_name: string }>('select given_name, family_name from person where owner_id = $1 and id = $2', [ownerId, personId]);
  return person;
}

export interface DiplomaRequestRow {
  /** a date[]: an array from node-postgres and PGlite, text ("{a,b}") where a driver leaves it */
  excluded_days: string[] | string;
  reasons_attached: boolean;
}

export async function diplomaRequest(q: QueryFn, ownerId: string, studentId: string, schoolYearId: string): Promise<DiplomaRequestRow | undefined> {
  const [request] = await q<DiplomaRequestRow>(
    'select excluded_days::text[] as excluded_days, reasons_attached from diploma_request where owner_id = $1 and student_id = $2 and school_year_id = $3',
    [ownerId, studentId, schoolYearId],
  );
  return request;
}

export async function upsertDiplomaRequest(q: QueryFn, ownerId: string, studentId: string, schoolYearId: string, excludedDays: readonly string[],
  reasonsAttached: boolean, byPersonId: string): Promise<void> {
  await q(
    `insert into diploma_request (owner_id, student_id, school_year_id, excluded_days, reasons_attached, updated_by_person_id)
       values ($1, $2, $3, $4::date[], $5, $6)
       on conflict (owner_id, student_id, school_year_id) do update set excluded_days = excluded.excluded_days,
         reasons_attached = excluded.reasons_attached, updated_by_person_id = excluded.updated_by_person_id, updated_at = now()`,
    [ownerId, studentId, schoolYearId, excludedDays, reasonsAttached, byPersonId],
  );
}

export interface AbsenceChangeRow {
  at: string; by: string; day: string; code: string; starts_at: string; minutes: number | null; late: boolean | null; full_day: boolean | null;
  reason: AbsenceReason | null; documented_on: string | null;
}

/** The trail of the student's absence, newest first (the latest 500 changes). */
export async function absenceChanges(q: QueryFn, ownerId: string, studentId: string): Promise<AbsenceChangeRow[]> {
  return q<AbsenceChangeRow>(
    `select c.at, p.given_name || ' ' || p.family_name as by, c.day::text as day, su.code, l.starts_at::text as starts_at,
         c.minutes, c.late, c.full_day, c.reason, c.documented_on::text as documented_on
       from absence_change c
       join person p on p.owner_id = c.owner_id and p.id = c.by_person_id
       join lesson l on l.owner_id = c.owner_id and l.id = c.lesson_id
       join teaching_group tg on tg.owner_id = l.owner_id and tg.id = l.teaching_group_id
       join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id
       where c.owner_id = $1 and c.student_id = $2 order by c.id desc limit 500`,
    [ownerId, studentId],
  );
}
