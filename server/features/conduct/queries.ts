/**
 * Every statement of conduct grades (R-25, L-22): the term, teachers' inputs, the half-year grades, the
 * principal's review, and what the § 9-17 check and the grade preparation read. Each function takes a
 * `QueryFn`, so it runs alike on `database.query` and inside a transaction.
 */
import type { QueryFn } from '../../core/db/client.js';
import type { ConductGrade, conductReviewOutcome } from './tables.js';

type ReviewOutcome = (typeof conductReviewOutcome.$inferSelect)['outcome'];

export interface TermRow {
  id: string; kind: 'autumn' | 'spring'; school_year_id: string; name: string; year_starts_on: string; starts_on: string; ends_on: string;
}

/** The term asked for, or else the latest that started on or before `day`, with its school year. */
export async function termRow(q: QueryFn, ownerId: string, day: string, termId?: string): Promise<TermRow | undefined> {
  const rows = await q<TermRow>(
    `select t.id, t.kind, t.school_year_id, y.name, y.starts_on::text as year_starts_on, t.starts_on::text as starts_on, t.ends_on::text as ends_on
     from term t join school_year y on y.owner_id = t.owner_id and y.id = t.school_year_id
     where t.owner_id = $1 and (case when $3::uuid is null then t.starts_on <= $2::date else t.id = $3::uuid end)
     order by t.starts_on desc limit 1`,
    // every parameter is used in every case: one that is not has no type, and PostgreSQL refuses the statement
    [ownerId, day, termId ?? null],
  );
  return rows[0];
}

/** The ids of the school year's terms. */
export async function termIdsOfYear(q: QueryFn, ownerId: string, schoolYearId: string): Promise<Set<string>> {
  const rows = await q<{ id: string }>('select id from term where owner_id = $1 and school_year_id = $2', [ownerId, schoolYearId]);
  return new Set(rows.map((t) => t.id));
}

export interface TeacherInputRow {
  student_id: string; order: ConductGrade; behaviour: ConductGrade; reasons: string | null; updated_at: string;
}

/** One teacher's inputs this term for some students. */
export async function teacherInputsFor(q: QueryFn, ownerId: string, termId: string, teacherPersonId: string, studentIds: readonly string[]): Promise<TeacherInputRow[]> {
  return q<TeacherInputRow>(
    `select student_id, "order", behaviour, reasons, updated_at from conduct_input
       where owner_id = $1 and term_id = $2 and teacher_person_id = $3 and student_id = any($4::uuid[])`,
    [ownerId, termId, teacherPersonId, studentIds]);
}

/** Every input one teacher has given this term. */
export async function teacherInputs(q: QueryFn, ownerId: string, termId: string, teacherPersonId: string): Promise<TeacherInputRow[]> {
  return q<TeacherInputRow>(
    `select student_id, "order", behaviour, reasons, updated_at from conduct_input where owner_id = $1 and term_id = $2 and teacher_person_id = $3`,
    [ownerId, termId, teacherPersonId]);
}

export interface InputEntry {
  studentId: string; order: ConductGrade; behaviour: ConductGrade; reasons: string | null;
}

/** A teacher's inputs for students of one group: a new one per student, or the teacher's earlier one changed. */
export async function upsertConductInputs(q: QueryFn, ownerId: string, termId: string, teacherPersonId: string, teachingGroupId: string, inputs: readonly InputEntry[]): Promise<void> {
  await q(
    `insert into conduct_input (owner_id, id, student_id, term_id, teacher_person_id, teaching_group_id, "order", behaviour, reasons)
       select $1, gen_random_uuid(), s, $2, $3, $4, o, b, r from unnest($5::uuid[], $6::text[], $7::text[], $8::text[]) as x(s, o, b, r)
       on conflict (owner_id, student_id, term_id, teacher_person_id) do update set teaching_group_id = excluded.teaching_group_id,
         "order" = excluded."order", behaviour = excluded.behaviour, reasons = excluded.reasons, updated_at = now()`,
    [ownerId, termId, teacherPersonId, teachingGroupId, inputs.map((e) => e.studentId), inputs.map((e) => e.order), inputs.map((e) => e.behaviour), inputs.map((e) => e.reasons)],
  );
}

export interface ClassInputRow {
  student_id: string; teacher: string; group_name: string | null; subject_code: string | null; order: ConductGrade; behaviour: ConductGrade;
  reasons: string | null; updated_at: string;
}

/** Every teacher's input this term for some students, with the teacher's name and the group and subject they teach them. */
export async function classConductInputs(q: QueryFn, ownerId: string, termId: string, studentIds: readonly string[]): Promise<ClassInputRow[]> {
  return q<ClassInputRow>(
    `select ci.student_id, p.given_name || ' ' || p.family_name as teacher, tg.name as group_name, su.code as subject_code,
           ci."order", ci.behaviour, ci.reasons, ci.updated_at
         from conduct_input ci join person p on p.owner_id = ci.owner_id and p.id = ci.teacher_person_id
         left join teaching_group tg on tg.owner_id = ci.owner_id and tg.id = ci.teaching_group_id
         left join subject su on su.owner_id = tg.owner_id and su.id = tg.subject_id
         where ci.owner_id = $1 and ci.term_id = $2 and ci.student_id = any($3::uuid[]) order by su.code nulls last, teacher`,
    [ownerId, termId, studentIds]);
}

/** Order and behaviour of every input this term for some students (the grade preparation shows the lowest). */
export async function inputGrades(q: QueryFn, ownerId: string, termId: string, studentIds: readonly string[]): Promise<{ student_id: string; order: ConductGrade; behaviour: ConductGrade }[]> {
  return q<{ student_id: string; order: ConductGrade; behaviour: ConductGrade }>(
    'select student_id, "order", behaviour from conduct_input where owner_id = $1 and term_id = $2 and student_id = any($3::uuid[])', [ownerId, termId, studentIds]);
}

export interface ConductGradeRow {
  student_id: string; order: ConductGrade; behaviour: ConductGrade; reasons: string | null; measure_id: string | null; set_at: string; set_by: string;
}

/** The half-year grades set this term for some students, with who set them. */
export async function conductGrades(q: QueryFn, ownerId: string, termId: string, studentIds: readonly string[]): Promise<ConductGradeRow[]> {
  return q<ConductGradeRow>(
    `select g.student_id, g."order", g.behaviour, g.reasons, g.measure_id, g.set_at, p.given_name || ' ' || p.family_name as set_by
     from conduct_grade g join person p on p.owner_id = g.owner_id and p.id = g.set_by_person_id
     where g.owner_id = $1 and g.term_id = $2 and g.student_id = any($3::uuid[])`,
    [ownerId, termId, studentIds]);
}

export interface GradeEntry {
  studentId: string; termId: string; order: ConductGrade; behaviour: ConductGrade; reasons: string | null; measureId: string | null; setByPersonId: string;
}

export async function upsertConductGrade(q: QueryFn, ownerId: string, g: GradeEntry): Promise<void> {
  await q(
    `insert into conduct_grade (owner_id, student_id, term_id, "order", behaviour, reasons, measure_id, set_by_person_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (owner_id, student_id, term_id) do update set "order" = excluded."order", behaviour = excluded.behaviour,
         reasons = excluded.reasons, measure_id = excluded.measure_id, set_by_person_id = excluded.set_by_person_id, set_at = now()`,
    [ownerId, g.studentId, g.termId, g.order, g.behaviour, g.reasons, g.measureId, g.setByPersonId]);
}

export interface StudentGradeRow {
  term_id: string; kind: 'autumn' | 'spring'; name: string; order: ConductGrade; behaviour: ConductGrade; set_at: string;
}

/** A student's grades as set, newest term first, with the term and school year. */
export async function studentConductGrades(q: QueryFn, ownerId: string, studentId: string): Promise<StudentGradeRow[]> {
  return q<StudentGradeRow>(
    `select g.term_id, t.kind, y.name, g."order", g.behaviour, g.set_at from conduct_grade g
       join term t on t.owner_id = g.owner_id and t.id = g.term_id join school_year y on y.owner_id = t.owner_id and y.id = t.school_year_id
       where g.owner_id = $1 and g.student_id = $2 order by t.starts_on desc`,
    [ownerId, studentId]);
}

export interface ReviewEntry {
  id: string; basisGroupId: string; termId: string; heldOn: string; participants: string | null; reviewedByPersonId: string;
}

/** Records the class's review of the term (one per class and term: a second one replaces it); returns its id. */
export async function upsertConductReview(q: QueryFn, ownerId: string, r: ReviewEntry): Promise<string> {
  const [row] = await q<{ id: string }>(
    `insert into conduct_review (owner_id, id, basis_group_id, term_id, held_on, participants, reviewed_by_person_id)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (owner_id, basis_group_id, term_id) do update set held_on = excluded.held_on, participants = excluded.participants,
           reviewed_by_person_id = excluded.reviewed_by_person_id, recorded_at = now()
         returning id`,
    [ownerId, r.id, r.basisGroupId, r.termId, r.heldOn, r.participants, r.reviewedByPersonId]);
  return row!.id;
}

export async function deleteReviewOutcomes(q: QueryFn, ownerId: string, reviewId: string): Promise<void> {
  await q('delete from conduct_review_outcome where owner_id = $1 and review_id = $2', [ownerId, reviewId]);
}

export interface OutcomeEntry {
  studentId: string; outcome: ReviewOutcome; note: string | null;
}

export async function insertReviewOutcomes(q: QueryFn, ownerId: string, reviewId: string, outcomes: readonly OutcomeEntry[]): Promise<void> {
  await q(
    `insert into conduct_review_outcome (owner_id, review_id, student_id, outcome, note)
           select $1, $2, s, o, n from unnest($3::uuid[], $4::text[], $5::text[]) as x(s, o, n)`,
    [ownerId, reviewId, outcomes.map((o) => o.studentId), outcomes.map((o) => o.outcome), outcomes.map((o) => o.note)]);
}

export interface ReviewRow {
  id: string; held_on: string; participants: string | null; reviewed_by: string;
}

/** The class's review of the term, with who held it. */
export async function conductReview(q: QueryFn, ownerId: string, basisGroupId: string, termId: string): Promise<ReviewRow | undefined> {
  const [rv] = await q<ReviewRow>(
    `select r.id, r.held_on::text as held_on, r.participants, p.given_name || ' ' || p.family_name as reviewed_by from conduct_review r
     join person p on p.owner_id = r.owner_id and p.id = r.reviewed_by_person_id
     where r.owner_id = $1 and r.basis_group_id = $2 and r.term_id = $3`,
    [ownerId, basisGroupId, termId]);
  return rv;
}

export async function reviewOutcomes(q: QueryFn, ownerId: string, reviewId: string): Promise<{ student_id: string; outcome: ReviewOutcome; note: string | null }[]> {
  return q<{ student_id: string; outcome: ReviewOutcome; note: string | null }>(
    'select student_id, outcome, note from conduct_review_outcome where owner_id = $1 and review_id = $2', [ownerId, reviewId]);
}

export interface SingleIncidentMeasure {
  id: string;
  caseId: string;
  kind: string;
  description: string;
  decidedOn: string;
}

/** The sanctions for a single incident some students have had since a day (the exception of § 9-17), per student. */
export async function singleIncidentMeasures(q: QueryFn, ownerId: string, studentIds: readonly string[], from: string): Promise<Map<string, SingleIncidentMeasure[]>> {
  const out = new Map<string, SingleIncidentMeasure[]>();
  if (studentIds.length === 0) return out;
  const rows = await q<{ id: string; case_id: string; student_id: string; kind: string; description: string; decided_on: string }>(
    `select m.id, m.case_id, c.student_id, m.kind, m.description, m.decided_on::text as decided_on
     from disciplinary_measure m join disciplinary_case c on c.owner_id = m.owner_id and c.id = m.case_id
     where m.owner_id = $1 and c.student_id = any($2::uuid[]) and m.single_incident and m.decided_on >= $3::date
     order by m.decided_on, m.id`,
    [ownerId, studentIds, from],
  );
  for (const r of rows) {
    out.set(r.student_id, [...(out.get(r.student_id) ?? []), { id: r.id, caseId: r.case_id, kind: r.kind, description: r.description, decidedOn: r.decided_on }]);
  }
  return out;
}

export interface LimitDecisionRow {
  student_id: string; subject_id: string; granted: boolean; limit_percent: number | null;
}

/** The principal's latest absence-limit decision (L-13) per student and subject of the school year. */
export async function latestLimitDecisions(q: QueryFn, ownerId: string, schoolYearId: string, studentIds: readonly string[]): Promise<LimitDecisionRow[]> {
  return q<LimitDecisionRow>(
    `select distinct on (student_id, subject_id) student_id, subject_id, granted, limit_percent from absence_limit_decision
       where owner_id = $1 and school_year_id = $2 and student_id = any($3::uuid[]) order by student_id, subject_id, decided_at desc`,
    [ownerId, schoolYearId, studentIds]);
}

/** Every subject of the owner. */
export async function ownerSubjects(q: QueryFn, ownerId: string): Promise<{ id: string; code: string; name: string }[]> {
  return q<{ id: string; code: string; name: string }>('select id, code, name from subject where owner_id = $1', [ownerId]);
}
