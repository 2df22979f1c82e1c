/**
 * Every statement of formative assessment. An assessment is read through one select with its
 * subject, group and recorder; only the `where` differs between a student's, a group's and a class's.
 * Reads of several students are decided per student with can() by the routes.
 */
import { randomUUID } from 'node:crypto';
import type { Database, QueryFn } from '../../core/db/client.js';
import { loadGroupStudents } from '../../core/policy/facts.js';
import type { StudentFacts } from '../../core/policy/types.js';
import type { FormativeAssessmentKind, formativeAssessment } from './tables.js';

type Assessment = typeof formativeAssessment.$inferSelect;

export interface Term { kind: 'autumn' | 'spring'; startsOn: string; endsOn: string }

/** The term that `day` falls in, if any. */
export async function termOn(q: QueryFn, ownerId: string, day: string): Promise<Term | null> {
  const [row] = await q<{ kind: Term['kind']; starts_on: string; ends_on: string }>(
    `select kind, starts_on::text, ends_on::text from term where owner_id = $1 and starts_on <= $2::date and ends_on >= $2::date
     order by starts_on desc limit 1`, [ownerId, day]);
  return row ? { kind: row.kind, startsOn: row.starts_on, endsOn: row.ends_on } : null;
}

/* ───────────── assessments ───────────── */

export interface AssessmentRow {
  id: string; studentId: string; teachingGroupId: string; assessedOn: string; kind: FormativeAssessmentKind; feedback: string;
  subjectCode: string; subjectName: string; groupName: string; recordedBy: string; recordedByPersonId: string;
}

interface SelectedRow {
  id: Assessment['id']; student_id: Assessment['studentId']; teaching_group_id: Assessment['teachingGroupId']; assessed_on: string; kind: FormativeAssessmentKind;
  feedback: Assessment['feedback']; subject_code: string; subject_name: string; group_name: string; recorded_by_person_id: Assessment['recordedByPersonId'];
  /** the recorder's name */
  recorded_by: string;
}

const SELECT = `select fa.id, fa.student_id, fa.teaching_group_id, fa.assessed_on::text as assessed_on, fa.kind, fa.feedback,
    su.code as subject_code, su.name as subject_name, tg.name as group_name, fa.recorded_by_person_id,
    p.given_name || ' ' || p.family_name as recorded_by
  from formative_assessment fa
  join subject su on su.owner_id = fa.owner_id and su.id = fa.subject_id
  join teaching_group tg on tg.owner_id = fa.owner_id and tg.id = fa.teaching_group_id
  join person p on p.owner_id = fa.owner_id and p.id = fa.recorded_by_person_id`;

function toRow(r: SelectedRow): AssessmentRow {
  return {
    id: r.id, studentId: r.student_id, teachingGroupId: r.teaching_group_id, assessedOn: r.assessed_on, kind: r.kind,
    feedback: r.feedback, subjectCode: r.subject_code, subjectName: r.subject_name, groupName: r.group_name, recordedBy: r.recorded_by,
    recordedByPersonId: r.recorded_by_person_id,
  };
}

/** Newest first. `where` narrows on fa.*; its parameters are numbered from $2. */
async function assessments(q: QueryFn, ownerId: string, where: string, params: unknown[]): Promise<AssessmentRow[]> {
  const rows = await q<SelectedRow>(`${SELECT} where fa.owner_id = $1 and ${where} order by fa.assessed_on desc, fa.recorded_at desc`, [ownerId, ...params]);
  return rows.map(toRow);
}

/** Every assessment of the student, newest first. */
export async function assessmentsOfStudent(q: QueryFn, ownerId: string, studentId: string): Promise<AssessmentRow[]> {
  return assessments(q, ownerId, 'fa.student_id = $2', [studentId]);
}

/** The student's assessments in these teaching groups (a subject teacher's own), newest first. */
export async function assessmentsOfStudentInGroups(q: QueryFn, ownerId: string, studentId: string, teachingGroupIds: readonly string[]): Promise<AssessmentRow[]> {
  return assessments(q, ownerId, 'fa.student_id = $2 and fa.teaching_group_id = any($3::uuid[])', [studentId, teachingGroupIds]);
}

/** Every assessment recorded in the teaching group, newest first. */
export async function assessmentsOfGroup(q: QueryFn, ownerId: string, teachingGroupId: string): Promise<AssessmentRow[]> {
  return assessments(q, ownerId, 'fa.teaching_group_id = $2', [teachingGroupId]);
}

/** The students' assessments from `from` to `to`, newest first. */
export async function assessmentsOfStudentsBetween(q: QueryFn, ownerId: string, studentIds: readonly string[], from: string, to: string): Promise<AssessmentRow[]> {
  return assessments(q, ownerId, 'fa.student_id = any($2::uuid[]) and fa.assessed_on between $3::date and $4::date', [studentIds, from, to]);
}

export interface NewAssessment { studentId: string; assessedOn: string; kind: FormativeAssessmentKind; feedback: string }

/** Saves the rows in one statement (so a batch is all or nothing). */
export async function insertAssessments(q: QueryFn, ownerId: string, group: { id: string; subjectId: string }, personId: string, rows: NewAssessment[]): Promise<void> {
  if (rows.length === 0) return;
  await q(
    `insert into formative_assessment (owner_id, id, student_id, teaching_group_id, subject_id, assessed_on, kind, feedback, recorded_by_person_id)
     select $1, x.id, x.student_id, $2, $3, x.assessed_on, x.kind, x.feedback, $4
     from unnest($5::uuid[], $6::uuid[], $7::date[], $8::text[], $9::text[]) as x(id, student_id, assessed_on, kind, feedback)`,
    [ownerId, group.id, group.subjectId, personId, rows.map(() => randomUUID()), rows.map((r) => r.studentId), rows.map((r) => r.assessedOn),
      rows.map((r) => r.kind), rows.map((r) => r.feedback)],
  );
}

/** Who an assessment of this group is about and who recorded it; undefined when the group has no such assessment. */
export async function assessmentOfGroup(q: QueryFn, ownerId: string, assessmentId: string, teachingGroupId: string): Promise<{ student_id: string; recorded_by_person_id: string } | undefined> {
  const [row] = await q<{ student_id: string; recorded_by_person_id: string }>(
    'select student_id, recorded_by_person_id from formative_assessment where owner_id = $1 and id = $2 and teaching_group_id = $3',
    [ownerId, assessmentId, teachingGroupId]);
  return row;
}

export interface AssessmentCorrection { feedback: string; assessedOn: string | null; kind: FormativeAssessmentKind | null }

/** The feedback, and the date and kind where given (null keeps them). */
export async function correctAssessment(q: QueryFn, ownerId: string, assessmentId: string, c: AssessmentCorrection): Promise<void> {
  await q(`update formative_assessment set feedback = $3, assessed_on = coalesce($4::date, assessed_on), kind = coalesce($5, kind)
      where owner_id = $1 and id = $2`, [ownerId, assessmentId, c.feedback, c.assessedOn, c.kind]);
}

export async function deleteAssessment(q: QueryFn, ownerId: string, assessmentId: string): Promise<void> {
  await q('delete from formative_assessment where owner_id = $1 and id = $2', [ownerId, assessmentId]);
}

/* ───────────── groups, students and subjects ───────────── */

/** The subject a teaching group teaches (the group exists: the access hook loaded it). */
export async function subjectIdOf(q: QueryFn, ownerId: string, teachingGroupId: string): Promise<string> {
  const [row] = await q<{ subject_id: string }>('select subject_id from teaching_group where owner_id = $1 and id = $2', [ownerId, teachingGroupId]);
  return row!.subject_id;
}

export interface GroupStudent { facts: StudentFacts; givenName: string; familyName: string; email: string | null }

/** The group's current students with the policy's facts, and the name and e-mail an import matches on. */
export async function groupStudentsWithContact(database: Database, ownerId: string, group: { kind: 'basis' | 'teaching'; id: string }, today: string): Promise<GroupStudent[]> {
  const rows = await loadGroupStudents(database, ownerId, group, today, { columns: ', p.given_name, p.family_name, p.email', params: [] });
  return rows.map(({ facts, row }) => ({ facts, givenName: row.given_name as string, familyName: row.family_name as string, email: (row.email as string | null) ?? null }));
}

/** A person's name. */
export async function personName(q: QueryFn, ownerId: string, personId: string): Promise<{ given_name: string; family_name: string } | undefined> {
  const [person] = await q<{ given_name: string; family_name: string }>('select given_name, family_name from person where owner_id = $1 and id = $2', [ownerId, personId]);
  return person;
}

/** The subjects with these codes. */
export async function subjectsByCode(q: QueryFn, ownerId: string, codes: readonly string[]): Promise<{ code: string; name: string }[]> {
  return q<{ code: string; name: string }>('select code, name from subject where owner_id = $1 and code = any($2::text[])', [ownerId, codes]);
}
