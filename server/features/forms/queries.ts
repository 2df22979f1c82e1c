/**
 * Every statement of forms. Pass `database.query` or a transaction's query function. No status row
 * is "missing": a form without a row for a student is missing for that student.
 */
import type { Database, QueryFn } from '../../core/db/client.js';
import type { school } from '../../core/db/tables.js';
import { loadGroupStudents } from '../../core/policy/facts.js';
import type { StudentFacts } from '../../core/policy/types.js';
import type { FormStatusValue } from './schemas.js';
import type { form } from './tables.js';

export type FormRow = Pick<typeof form.$inferSelect, 'id' | 'nameNb' | 'nameNn' | 'level' | 'dueOn'>;
export interface RetiredFormRow extends FormRow { retiredAt: string; retiredBy: string | null }
export interface StatusRow { formId: string; studentId: string; status: Exclude<FormStatusValue, 'missing'>; receivedOn: string; receivedBy: string | null; checkedAt: string | null; checkedBy: string | null }
export interface FormCounts { students: number; received: number; checked: number }

type FormColumns = { id: string; name_nb: string; name_nn: string; level: FormRow['level']; due_on: string };
const formOf = (r: FormColumns): FormRow => ({ id: r.id, nameNb: r.name_nb, nameNn: r.name_nn, level: r.level, dueOn: r.due_on });

/** The forms in use: a retired form applies to no one (its statuses stay, see retiredFormsOfSchool). */
export async function formsOfSchool(q: QueryFn, ownerId: string, schoolId: string): Promise<FormRow[]> {
  const rows = await q<FormColumns>(
    `select id, name_nb, name_nn, level, due_on::text as due_on from form
     where owner_id = $1 and school_id = $2 and retired_at is null order by due_on, name_nb, id`,
    [ownerId, schoolId],
  );
  return rows.map(formOf);
}

/** The forms the school has stopped using, most recently retired first. */
export async function retiredFormsOfSchool(q: QueryFn, ownerId: string, schoolId: string): Promise<RetiredFormRow[]> {
  const rows = await q<FormColumns & { retired_at: string | Date; retired_by: string | null }>(
    `select f.id, f.name_nb, f.name_nn, f.level, f.due_on::text as due_on, f.retired_at, p.given_name || ' ' || p.family_name as retired_by
     from form f left join person p on p.owner_id = f.owner_id and p.id = f.retired_by_person_id
     where f.owner_id = $1 and f.school_id = $2 and f.retired_at is not null order by f.retired_at desc, f.name_nb, f.id`,
    [ownerId, schoolId],
  );
  return rows.map((r) => ({ ...formOf(r), retiredAt: new Date(r.retired_at).toISOString(), retiredBy: r.retired_by ?? null }));
}

/** One form of the owner with when it was retired (null: in use), or undefined. */
export async function formById(q: QueryFn, ownerId: string, formId: string): Promise<(FormRow & { retiredAt: string | null }) | undefined> {
  const [row] = await q<FormColumns & { retired_at: string | Date | null }>(
    'select id, name_nb, name_nn, level, due_on::text as due_on, retired_at from form where owner_id = $1 and id = $2', [ownerId, formId]);
  return row && { ...formOf(row), retiredAt: row.retired_at ? new Date(row.retired_at).toISOString() : null };
}

type Stage = (typeof school.$inferSelect)['stage'];

/** The school's stage, or undefined when the owner has no such school. */
export async function schoolStage(q: QueryFn, ownerId: string, schoolId: string): Promise<Stage | undefined> {
  const [row] = await q<{ stage: Stage }>('select stage from school where owner_id = $1 and id = $2', [ownerId, schoolId]);
  return row?.stage;
}

export type FormFields = Pick<FormRow, 'nameNb' | 'nameNn' | 'level' | 'dueOn'>;

export async function insertForm(q: QueryFn, ownerId: string, id: string, schoolId: string, f: FormFields, createdByPersonId: string): Promise<void> {
  await q('insert into form (owner_id, id, school_id, name_nb, name_nn, level, due_on, created_by_person_id) values ($1, $2, $3, $4, $5, $6, $7, $8)',
    [ownerId, id, schoolId, f.nameNb, f.nameNn, f.level, f.dueOn, createdByPersonId]);
}

/** false when the school has no such form. */
export async function updateForm(q: QueryFn, ownerId: string, formId: string, schoolId: string, f: FormFields): Promise<boolean> {
  const rows = await q('update form set name_nb = $4, name_nn = $5, level = $6, due_on = $7 where owner_id = $1 and id = $2 and school_id = $3 returning id',
    [ownerId, formId, schoolId, f.nameNb, f.nameNn, f.level, f.dueOn]);
  return rows.length > 0;
}

/** Retiring twice keeps the first date and person; false when the school has no such form. */
export async function retireForm(q: QueryFn, ownerId: string, schoolId: string, formId: string, personId: string): Promise<boolean> {
  const rows = await q(`update form set retired_at = coalesce(retired_at, now()), retired_by_person_id = coalesce(retired_by_person_id, $4)
        where owner_id = $1 and school_id = $2 and id = $3 returning id`, [ownerId, schoolId, formId, personId]);
  return rows.length > 0;
}

/** false when the school has no such form. */
export async function reinstateForm(q: QueryFn, ownerId: string, schoolId: string, formId: string): Promise<boolean> {
  const rows = await q(`update form set retired_at = null, retired_by_person_id = null
        where owner_id = $1 and school_id = $2 and id = $3 returning id`, [ownerId, schoolId, formId]);
  return rows.length > 0;
}

export async function statusesOf(q: QueryFn, ownerId: string, studentIds: readonly string[]): Promise<StatusRow[]> {
  if (studentIds.length === 0) return [];
  const rows = await q<{ form_id: string; student_id: string; status: StatusRow['status']; received_on: string; checked_at: string | Date | null; received_by: string | null; checked_by: string | null }>(
    `select fs.form_id, fs.student_id, fs.status, fs.received_on::text as received_on, fs.checked_at,
       rp.given_name || ' ' || rp.family_name as received_by, cp.given_name || ' ' || cp.family_name as checked_by
     from form_status fs
     left join person rp on rp.owner_id = fs.owner_id and rp.id = fs.received_by_person_id
     left join person cp on cp.owner_id = fs.owner_id and cp.id = fs.checked_by_person_id
     where fs.owner_id = $1 and fs.student_id = any($2::uuid[])`,
    [ownerId, studentIds],
  );
  return rows.map((r) => ({
    formId: r.form_id, studentId: r.student_id, status: r.status, receivedOn: r.received_on,
    receivedBy: r.received_by ?? null, checkedAt: r.checked_at ? new Date(r.checked_at).toISOString() : null,
    checkedBy: r.checked_by ?? null,
  }));
}

/** Per form over all students of the school it applies to (the school's overview). */
export async function schoolCounts(q: QueryFn, ownerId: string, schoolId: string): Promise<Map<string, FormCounts>> {
  const rows = await q<{ id: string; students: number; received: number; checked: number }>(
    `select f.id,
       (select count(*) from student s where s.owner_id = f.owner_id and s.school_id = f.school_id and s.status = 'active' and (f.level is null or s.level = f.level))::int as students,
       (select count(*) from form_status fs join student s on s.owner_id = fs.owner_id and s.id = fs.student_id and s.status = 'active'
          where fs.owner_id = f.owner_id and fs.form_id = f.id and fs.status = 'received')::int as received,
       (select count(*) from form_status fs join student s on s.owner_id = fs.owner_id and s.id = fs.student_id and s.status = 'active'
          where fs.owner_id = f.owner_id and fs.form_id = f.id and fs.status = 'checked')::int as checked
     from form f where f.owner_id = $1 and f.school_id = $2`,
    [ownerId, schoolId],
  );
  return new Map(rows.map((r) => [r.id, { students: Number(r.students), received: Number(r.received), checked: Number(r.checked) }]));
}

/** "missing": the rows go. */
export async function deleteFormStatuses(q: QueryFn, ownerId: string, cells: readonly { formId: string; studentId: string }[]): Promise<void> {
  await q(
    `delete from form_status fs using unnest($2::uuid[], $3::uuid[]) as x(f, s) where fs.owner_id = $1 and fs.form_id = x.f and fs.student_id = x.s`,
    [ownerId, cells.map((c) => c.formId), cells.map((c) => c.studentId)],
  );
}

/** "received" keeps the first receipt; "checked" records who and when (the first time). */
export async function upsertFormStatuses(q: QueryFn, ownerId: string, today: string, personId: string,
  cells: readonly { formId: string; studentId: string; status: FormStatusValue }[]): Promise<void> {
  await q(
    `insert into form_status (owner_id, form_id, student_id, status, received_on, received_by_person_id, checked_at, checked_by_person_id)
       select $1, x.f, x.s, x.st, $2::date, $3, case when x.st = 'checked' then now() end, case when x.st = 'checked' then $3::uuid end
       from unnest($4::uuid[], $5::uuid[], $6::text[]) as x(f, s, st)
       on conflict (owner_id, form_id, student_id) do update set
         status = excluded.status,
         checked_at = case when excluded.status = 'checked' then coalesce(form_status.checked_at, now()) end,
         checked_by_person_id = case when excluded.status = 'checked' then coalesce(form_status.checked_by_person_id, excluded.checked_by_person_id) end,
         updated_at = now()
       where form_status.status <> excluded.status`,
    [ownerId, today, personId, cells.map((c) => c.formId), cells.map((c) => c.studentId), cells.map((c) => c.status)],
  );
}

/** The student's level and name (the student's own list). */
export async function studentLevelAndName(q: QueryFn, ownerId: string, studentId: string): Promise<{ level: string; given_name: string; family_name: string } | undefined> {
  const [row] = await q<{ level: string; given_name: string; family_name: string }>(
    'select s.level, p.given_name, p.family_name from student s join person p on p.owner_id = s.owner_id and p.id = s.person_id where s.owner_id = $1 and s.id = $2',
    [ownerId, studentId]);
  return row;
}

export interface ChecklistStudentRow { given_name: string; family_name: string; student_level: string; student_status: string }

/** The class's current students (core's statement) with the columns the checklist needs. */
export async function checklistStudents(database: Database, ownerId: string, basisGroupId: string, today: string): Promise<{ facts: StudentFacts; row: ChecklistStudentRow }[]> {
  const rows = await loadGroupStudents(database, ownerId, { kind: 'basis', id: basisGroupId }, today,
    { columns: ', p.given_name, p.family_name, s.level as student_level, s.status as student_status', params: [] });
  return rows.map(({ facts, row }) => ({ facts, row: row as unknown as ChecklistStudentRow }));
}
