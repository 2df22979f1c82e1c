/**
 * The annual cycle's statements about the leaders' compliance counts (R-30…R-33): the counting statement
 * that wraps the task statement, and the counts kept per cycle (see ../compliance.ts for when they are
 * computed). Pass `database.query` or a transaction's query function.
 */
import type { QueryFn } from '../../../core/db/client.js';
import type { RoutineRow } from './routines.js';
import { taskSql, type SliceMembers, type TaskContext, type TaskSql } from './tasks.js';

export interface ComplianceCounts { total: number; done: number; overdue: number; late: number; open: number }
export type ComplianceRow = ComplianceCounts & { dim: 'class' | 'teacher'; routine_id: string; key: string | null; department_id: string | null };

/**
 * The leaders' compliance (R-30…R-33) as ONE statement: the school's (or the departments') tasks computed
 * once and counted per routine and class, and per routine and responsible teacher (a contact teacher's
 * class tasks go to the class's contact teacher), each split by the tasks' department so that one school's
 * counts serve every department head (see compliance.ts).
 */
export function complianceSql(ctx: TaskContext, routines: RoutineRow[], departmentIds: string[] | undefined, members: SliceMembers): TaskSql {
  const ts = taskSql(ctx, routines, departmentIds ? { departmentIds } : {}, members);
  const n = ts.params.length;
  const counts = (x: string) => `count(*)::int as total, count(${x}.done_on)::int as done,
      count(*) filter (where ${x}.done_on is null and ${x}.closes_on::date < $${n + 1}::date)::int as overdue,
      count(*) filter (where ${x}.done_on::date > ${x}.closes_on::date)::int as late,
      count(*) filter (where ${x}.done_on is null and ${x}.opens_on::date <= $${n + 1}::date and ${x}.closes_on::date >= $${n + 1}::date)::int as open`;
  return {
    text: `with x as (${ts.text})
       select 'class' as dim, x.routine_id, x.basis_group_id::text as key, x.department_id, ${counts('x')} from x group by x.routine_id, x.basis_group_id, x.department_id
       union all
       select 'teacher', y.routine_id, y.staff::text, y.department_id, ${counts('y')} from (
         select x.*, coalesce(x.staff_id, c.staff_member_id) as staff from x
         left join contact_teacher_assignment c on x.responsible_role = 'contactTeacher' and c.owner_id = $${n + 2}::uuid and c.basis_group_id = x.basis_group_id
         where x.responsible_role in ('contactTeacher', 'subjectTeacher')
       ) y where y.staff is not null group by y.routine_id, y.staff, y.department_id`,
    params: [...ts.params, ctx.today, ctx.ownerId],
  };
}

/** When the cycle's counts were computed and for which day; fresh: within `maxAgeSeconds`. */
export interface ComplianceRun { computedAt: string; computedFor: string; fresh: boolean }

export async function complianceRun(q: QueryFn, ctx: TaskContext, maxAgeSeconds: number): Promise<ComplianceRun | null> {
  const [row] = await q<ComplianceRun>(
    `select to_json(computed_at)#>>'{}' as "computedAt", computed_for::text as "computedFor",
       computed_at > now() - make_interval(secs => $3) as fresh
     from routine_compliance_run where owner_id = $1 and cycle_id = $2`, [ctx.ownerId, ctx.cycleId, maxAgeSeconds]);
  return row ?? null;
}

const lockKey = (cycleId: string) => `routine_compliance:${cycleId}`;

/** Waits for the cycle's computation lock, held until the transaction ends. */
export async function lockCompliance(q: QueryFn, cycleId: string): Promise<void> {
  await q('select pg_advisory_xact_lock(hashtext($1))', [lockKey(cycleId)]);
}

/** Takes the cycle's computation lock if no one holds it (until the transaction ends); false when another does. */
export async function tryLockCompliance(q: QueryFn, cycleId: string): Promise<boolean> {
  const [got] = await q<{ ok: boolean }>('select pg_try_advisory_xact_lock(hashtext($1)) as ok', [lockKey(cycleId)]);
  return got?.ok ?? false;
}

export async function deleteKeptCounts(q: QueryFn, ownerId: string, cycleId: string): Promise<void> {
  await q('delete from routine_compliance where owner_id = $1 and cycle_id = $2', [ownerId, cycleId]);
}

/** Computes the school's counts (complianceSql) and keeps them, in one statement. */
export async function keepCounts(q: QueryFn, ctx: TaskContext, routines: RoutineRow[], members: SliceMembers): Promise<void> {
  const { text, params } = complianceSql(ctx, routines, undefined, members);
  const n = params.length;
  await q(
    `insert into routine_compliance (owner_id, cycle_id, dim, routine_id, key, department_id, total, done, overdue, late, open)
       select $${n + 1}::uuid, $${n + 2}::uuid, c.dim, c.routine_id, c.key::uuid, c.department_id, c.total, c.done, c.overdue, c.late, c.open
       from (${text}) c`, [...params, ctx.ownerId, ctx.cycleId]);
}

export async function recordComplianceRun(q: QueryFn, ctx: TaskContext): Promise<void> {
  await q(
    `insert into routine_compliance_run (owner_id, cycle_id, computed_at, computed_for) values ($1, $2, now(), $3)
       on conflict (owner_id, cycle_id) do update set computed_at = excluded.computed_at, computed_for = excluded.computed_for`,
    [ctx.ownerId, ctx.cycleId, ctx.today]);
}

/** A routine of the cycle changed: its kept counts no longer hold. */
export async function forgetCompliance(q: QueryFn, ownerId: string, cycleId: string): Promise<void> {
  await q('delete from routine_compliance_run where owner_id = $1 and cycle_id = $2', [ownerId, cycleId]);
}

/** The kept counts of a cycle's routines ($3) for the school ($4 null) or departments ($4), per routine and class or teacher. */
export const KEPT_COUNTS_SQL = `select dim, routine_id, key::text as key, null::uuid as department_id, sum(total)::int as total, sum(done)::int as done,
    sum(overdue)::int as overdue, sum(late)::int as late, sum(open)::int as open
  from routine_compliance
  where owner_id = $1 and cycle_id = $2 and routine_id = any($3::uuid[]) and ($4::uuid[] is null or department_id = any($4::uuid[]))
  group by dim, routine_id, key`;

/** The kept counts for the school (departmentIds null) or the departments. */
export async function keptCounts(q: QueryFn, ownerId: string, cycleId: string, routineIds: readonly string[], departmentIds: readonly string[] | null): Promise<ComplianceRow[]> {
  return q<ComplianceRow>(KEPT_COUNTS_SQL, [ownerId, cycleId, routineIds, departmentIds]);
}
