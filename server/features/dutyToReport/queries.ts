/** Every statement of the duty to report (R-61, R-76; L-41). */
import type { QueryFn } from '../../core/db/client.js';
import type { ChildWelfareCategory } from './tables.js';

export interface SettingRow {
  procedure_nb: string | null; procedure_nn: string | null; procedure_en: string | null;
  child_welfare_name: string; child_welfare_phone: string; child_welfare_email: string;
}

export async function settingOf(q: QueryFn, ownerId: string, schoolId: string): Promise<SettingRow | undefined> {
  const [row] = await q<SettingRow>(`select procedure_nb, procedure_nn, procedure_en, child_welfare_name, child_welfare_phone, child_welfare_email
    from duty_to_report_setting where owner_id = $1 and school_id = $2`, [ownerId, schoolId]);
  return row;
}

export interface SettingChange {
  nb: string | null; nn: string | null; en: string | null; name: string; phone: string; email: string; byPersonId: string;
}

export async function saveSetting(q: QueryFn, ownerId: string, schoolId: string, s: SettingChange): Promise<void> {
  await q(`insert into duty_to_report_setting (owner_id, school_id, procedure_nb, procedure_nn, procedure_en, child_welfare_name, child_welfare_phone,
      child_welfare_email, updated_by_person_id) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
    on conflict (owner_id, school_id) do update set procedure_nb = excluded.procedure_nb, procedure_nn = excluded.procedure_nn,
      procedure_en = excluded.procedure_en, child_welfare_name = excluded.child_welfare_name, child_welfare_phone = excluded.child_welfare_phone,
      child_welfare_email = excluded.child_welfare_email, updated_by_person_id = excluded.updated_by_person_id, updated_at = now()`,
  [ownerId, schoolId, s.nb, s.nn, s.en, s.name, s.phone, s.email, s.byPersonId]);
}

export interface NewReport { ownerId: string; id: string; studentId: string; schoolId: string; reporterPersonId: string; sentOn: string; category: ChildWelfareCategory; note: string }

/** The report is complete as it is saved: there is nothing to approve and no later state. */
export async function insertReport(q: QueryFn, r: NewReport): Promise<void> {
  await q(`insert into child_welfare_report (owner_id, id, student_id, school_id, reporter_person_id, sent_on, category, note)
    values ($1, $2, $3, $4, $5, $6, $7, $8)`, [r.ownerId, r.id, r.studentId, r.schoolId, r.reporterPersonId, r.sentOn, r.category, r.note]);
}

export interface ReportRow {
  id: string; student_id: string; student_name: string; reporter_person_id: string; reporter_name: string; sent_on: string;
  category: ChildWelfareCategory; note: string; recorded_at: Date;
}

const SELECT = `select r.id, r.student_id, sp.given_name || ' ' || sp.family_name as student_name, r.reporter_person_id,
  rp.given_name || ' ' || rp.family_name as reporter_name, r.sent_on::text as sent_on, r.category, r.note, r.recorded_at
  from child_welfare_report r
  join student s on s.owner_id = r.owner_id and s.id = r.student_id
  join person sp on sp.owner_id = s.owner_id and sp.id = s.person_id
  join person rp on rp.owner_id = r.owner_id and rp.id = r.reporter_person_id`;

export async function reportsOfStudent(q: QueryFn, ownerId: string, studentId: string): Promise<ReportRow[]> {
  return q<ReportRow>(`${SELECT} where r.owner_id = $1 and r.student_id = $2 order by r.sent_on desc, r.recorded_at desc`, [ownerId, studentId]);
}

export async function reportsOfSchool(q: QueryFn, ownerId: string, schoolId: string): Promise<ReportRow[]> {
  return q<ReportRow>(`${SELECT} where r.owner_id = $1 and r.school_id = $2 order by r.sent_on desc, r.recorded_at desc limit 500`, [ownerId, schoolId]);
}

export async function reportById(q: QueryFn, ownerId: string, id: string): Promise<ReportRow | undefined> {
  const [row] = await q<ReportRow>(`${SELECT} where r.owner_id = $1 and r.id = $2`, [ownerId, id]);
  return row;
}

export async function principalsOf(q: QueryFn, ownerId: string, schoolId: string): Promise<string[]> {
  const rows = await q<{ person_id: string }>(`select distinct sm.person_id from staff_role r join staff_member sm on sm.owner_id = r.owner_id and sm.id = r.staff_member_id
    where r.owner_id = $1 and r.role = 'principal' and sm.school_id = $2`, [ownerId, schoolId]);
  return rows.map((r) => r.person_id);
}

/** Link-only: the principal learns that a report was recorded and opens the list to see it. */
export async function notify(q: QueryFn, ownerId: string, personIds: readonly string[], link: string): Promise<void> {
  if (personIds.length === 0) return;
  await q(`insert into notification (owner_id, id, recipient_person_id, kind, link) select $1, gen_random_uuid(), p, 'childWelfareReport.recorded', $2 from unnest($3::uuid[]) as x(p)`,
    [ownerId, link, [...new Set(personIds)]]);
}
