/**
 * The annual cycle's statements about the weekly digest (R-30…R-33): each person's preference, who is
 * responsible for each overdue task, and the one digest per person per ISO week. Pass `database.query` or a
 * transaction's query function.
 */
import type { Database, QueryFn } from '../../../core/db/client.js';
import type { Locale } from '../../../core/i18n/locale.js';
import type { RoutineRow } from './routines.js';
import { queryTasks, taskSql, type SliceMembers, type TaskContext } from './tasks.js';

/** The person's choice, or undefined when they never made one (the digest is on unless turned off). */
export async function digestPreference(q: QueryFn, ownerId: string, personId: string): Promise<boolean | undefined> {
  const [pref] = await q<{ weekly_digest: boolean }>('select weekly_digest from routine_digest_preference where owner_id = $1 and person_id = $2', [ownerId, personId]);
  return pref?.weekly_digest;
}

export async function saveDigestPreference(q: QueryFn, ownerId: string, personId: string, weeklyDigest: boolean): Promise<void> {
  await q(
    `insert into routine_digest_preference (owner_id, person_id, weekly_digest) values ($1, $2, $3)
       on conflict (owner_id, person_id) do update set weekly_digest = excluded.weekly_digest, updated_at = now()`,
    [ownerId, personId, weeklyDigest]);
}

export interface OverdueCountRow { person_id: string; routine_id: string; count: number }

/**
 * Per person and routine, how many of the routines' tasks are overdue, set-based over who is responsible (the
 * same rules as a person's own tasks); without the people who turned the digest off or already got this week's.
 */
export async function overdueCountsByPerson(database: Database, ctx: TaskContext, overdueRoutines: RoutineRow[], monday: string, members: SliceMembers): Promise<OverdueCountRow[]> {
  const ts = taskSql(ctx, overdueRoutines, {}, members);
  const n = ts.params.length;
  return queryTasks<OverdueCountRow>(database,
    `with x as (${ts.text}), od as (select * from x where x.done_on is null),
       resp as (
         select sm.person_id, od.routine_id from od
           join contact_teacher_assignment c on od.responsible_role = 'contactTeacher' and c.owner_id = $${n + 1}::uuid and c.basis_group_id = od.basis_group_id
           join staff_member sm on sm.owner_id = c.owner_id and sm.id = c.staff_member_id
         union all
         select sm.person_id, od.routine_id from od
           join staff_member sm on od.responsible_role = 'subjectTeacher' and sm.owner_id = $${n + 1}::uuid and sm.id = od.staff_id
         union all
         select sm.person_id, od.routine_id from od
           join staff_role sr on od.responsible_role = 'departmentHead' and sr.owner_id = $${n + 1}::uuid and sr.role = 'departmentHead' and sr.department_id = od.department_id
           join staff_member sm on sm.owner_id = sr.owner_id and sm.id = sr.staff_member_id
         union all
         select sm.person_id, od.routine_id from od
           join staff_role sr on od.responsible_role in ('counsellor', 'principal') and sr.owner_id = $${n + 1}::uuid and sr.role = od.responsible_role
           join staff_member sm on sm.owner_id = sr.owner_id and sm.id = sr.staff_member_id and sm.school_id = $${n + 2}::uuid
       )
       select resp.person_id, resp.routine_id, count(*)::int as count from resp
       where not exists (select 1 from routine_digest_preference p where p.owner_id = $${n + 1}::uuid and p.person_id = resp.person_id and not p.weekly_digest)
         and not exists (select 1 from routine_digest_sent s where s.owner_id = $${n + 1}::uuid and s.person_id = resp.person_id and s.week_start = $${n + 3}::date)
       group by resp.person_id, resp.routine_id`,
    [...ts.params, ctx.ownerId, ctx.schoolId, monday], members);
}

export interface DigestRecipient { id: string; given_name: string; email: string | null; preferred_locale: Locale }

export async function digestRecipients(q: QueryFn, ownerId: string, personIds: readonly string[]): Promise<DigestRecipient[]> {
  return q<DigestRecipient>(
    'select id, given_name, email, preferred_locale from person where owner_id = $1 and id = any($2::uuid[])', [ownerId, personIds]);
}

/** Claims the person's digest of the week before it is sent; false when it was already claimed (never twice). */
export async function claimDigestWeek(q: QueryFn, ownerId: string, personId: string, monday: string, overdueCount: number): Promise<boolean> {
  const claimed = await q(
    `insert into routine_digest_sent (owner_id, person_id, week_start, overdue_count) values ($1, $2, $3, $4) on conflict do nothing returning person_id`,
    [ownerId, personId, monday, overdueCount]);
  return claimed.length > 0;
}

/** The mail could not be sent: the week's claim goes, so a retry sends it. */
export async function releaseDigestWeek(q: QueryFn, ownerId: string, personId: string, monday: string): Promise<void> {
  await q('delete from routine_digest_sent where owner_id = $1 and person_id = $2 and week_start = $3', [ownerId, personId, monday]);
}
