/** Forms: which forms apply to which students, and their statuses. No status row is "missing". */
import type { QueryFn } from '../../core/db/client.js';
import type { FormStatusValue } from './schemas.js';

export interface FormRow { id: string; nameNb: string; nameNn: string; level: string | null; dueOn: string }
export interface RetiredFormRow extends FormRow { retiredAt: string; retiredBy: string | null }
export interface StatusRow { formId: string; studentId: string; status: Exclude<FormStatusValue, 'missing'>; receivedOn: string; receivedBy: string | null; checkedAt: string | null; checkedBy: string | null }

/** The forms in use: a retired form applies to no one (its statuses stay, see retiredFormsOfSchool). */
export async function formsOfSchool(q: QueryFn, ownerId: string, schoolId: string): Promise<FormRow[]> {
  const rows = await q<{ id: string; name_nb: string; name_nn: string; level: string | null; due_on: string }>(
    `select id, name_nb, name_nn, level, due_on::text as due_on from form
     where owner_id = $1 and school_id = $2 and retired_at is null order by due_on, name_nb, id`,
    [ownerId, schoolId],
  );
  return rows.map((r) => ({ id: r.id, nameNb: r.name_nb, nameNn: r.name_nn, level: r.level, dueOn: r.due_on }));
}

/** The forms the school has stopped using, most recently retired first. */
export async function retiredFormsOfSchool(q: QueryFn, ownerId: string, schoolId: string): Promise<RetiredFormRow[]> {
  const rows = await q<{ id: string; name_nb: string; name_nn: string; level: string | null; due_on: string; retired_at: string | Date; retired_by: string | null }>(
    `select f.id, f.name_nb, f.name_nn, f.level, f.due_on::text as due_on, f.retired_at, p.given_name || ' ' || p.family_name as retired_by
     from form f left join person p on p.owner_id = f.owner_id and p.id = f.retired_by_person_id
     where f.owner_id = $1 and f.school_id = $2 and f.retired_at is not null order by f.retired_at desc, f.name_nb, f.id`,
    [ownerId, schoolId],
  );
  return rows.map((r) => ({
    id: r.id, nameNb: r.name_nb, nameNn: r.name_nn, level: r.level, dueOn: r.due_on,
    retiredAt: new Date(r.retired_at).toISOString(), retiredBy: r.retired_by ?? null,
  }));
}

/** Retires or reinstates a form of the school; false when the school has no such form. Retiring twice keeps the first date. */
export async function setRetired(q: QueryFn, ownerId: string, schoolId: string, formId: string, personId: string, retired: boolean): Promise<boolean> {
  const rows = retired
    ? await q(`update form set retired_at = coalesce(retired_at, now()), retired_by_person_id = coalesce(retired_by_person_id, $4)
        where owner_id = $1 and school_id = $2 and id = $3 returning id`, [ownerId, schoolId, formId, personId])
    : await q(`update form set retired_at = null, retired_by_person_id = null
        where owner_id = $1 and school_id = $2 and id = $3 returning id`, [ownerId, schoolId, formId]);
  return rows.length > 0;
}

export const applies = (f: FormRow, level: string) => f.level === null || f.level === level;

export async function statusesOf(q: QueryFn, ownerId: string, studentIds: readonly string[]): Promise<StatusRow[]> {
  if (studentIds.length === 0) return [];
  const rows = await q<Record<string, unknown>>(
    `select fs.form_id, fs.student_id, fs.status, fs.received_on::text as received_on, fs.checked_at,
       rp.given_name || ' ' || rp.family_name as received_by, cp.given_name || ' ' || cp.family_name as checked_by
     from form_status fs
     left join person rp on rp.owner_id = fs.owner_id and rp.id = fs.received_by_person_id
     left join person cp on cp.owner_id = fs.owner_id and cp.id = fs.checked_by_person_id
     where fs.owner_id = $1 and fs.student_id = any($2::uuid[])`,
    [ownerId, studentIds],
  );
  return rows.map((r) => ({
    formId: r.form_id as string, studentId: r.student_id as string, status: r.status as StatusRow['status'], receivedOn: r.received_on as string,
    receivedBy: (r.received_by as string | null) ?? null, checkedAt: r.checked_at ? new Date(r.checked_at as string).toISOString() : null,
    checkedBy: (r.checked_by as string | null) ?? null,
  }));
}

/** Per form over all students of the school it applies to (the school's overview). */
export async function schoolCounts(q: QueryFn, ownerId: string, schoolId: string): Promise<Map<string, { students: number; received: number; checked: number }>> {
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

/** Applies the changes in two statements: "missing" deletes the row; "received" keeps the first receipt; "checked" records who and when. */
export async function applyChanges(q: QueryFn, ownerId: string, personId: string, today: string,
  changes: readonly { formId: string; studentId: string; status: FormStatusValue }[]): Promise<void> {
  const missing = changes.filter((c) => c.status === 'missing');
  const set = changes.filter((c) => c.status !== 'missing');
  if (missing.length) {
    await q(
      `delete from form_status fs using unnest($2::uuid[], $3::uuid[]) as x(f, s) where fs.owner_id = $1 and fs.form_id = x.f and fs.student_id = x.s`,
      [ownerId, missing.map((c) => c.formId), missing.map((c) => c.studentId)],
    );
  }
  if (set.length) {
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
      [ownerId, today, personId, set.map((c) => c.formId), set.map((c) => c.studentId), set.map((c) => c.status)],
    );
  }
}
