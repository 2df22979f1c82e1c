/**
 * The leaders' compliance counts (R-30…R-33), kept per cycle in routine_compliance. Computing them from the
 * data costs the whole school's evidence (~0.2–0.5 s of database time for a 1 667-student school), which a
 * department head or principal opening the view should not wait for each time; reading the kept counts is a
 * few hundred rows. The counts are kept up to COMPLIANCE_MAX_AGE_SECONDS (five minutes by default: a routine
 * runs over weeks, and each computation costs a school's evidence, so a county's schools computed every minute
 * would keep a core busy):
 *   - none yet, or computed for another day (overdue and open depend on the day), or asked to refresh: the
 *     request computes them and waits;
 *   - older than that: the request is answered from the kept counts and they are computed again behind it;
 *   - a changed routine forgets them (forgetCompliance), so the next read computes them.
 * One computation per cycle at a time, across processes: an advisory lock on the cycle; a request that must
 * wait for fresh counts waits for the lock and uses the counts the other computed.
 * Every morning a job computes every school's counts for the day, so the first leader of the day does not
 * wait for them (COMPLIANCE_JOB).
 * The view says when the counts were computed, and a leader can ask for them now.
 */
import type { Database } from '../../core/db/client.js';
import { scheduleOnce, type JobHandler } from '../../core/jobs/queue.js';
import { today as todayNow } from '../../core/time.js';
import {
  complianceRun, deleteKeptCounts, keepCounts, keptCounts, lockCompliance, recordComplianceRun, tryLockCompliance, type ComplianceRow,
} from './queries/compliance.js';
import type { RoutineRow } from './queries/routines.js';
import { disableJit, disableNestedLoops, membersOf, type TaskContext } from './queries/tasks.js';
import { currentCycles } from './service.js';

// the bench's floor reads the kept counts with the app's own statement

/** seconds; COMPLIANCE_MAX_AGE_SECONDS=0 computes on every read */
export const maxAgeSeconds = (): number => {
  const v = Number(process.env.COMPLIANCE_MAX_AGE_SECONDS ?? 300);
  return Number.isFinite(v) && v >= 0 ? v : 300;
};

export interface ComplianceSnapshot {
  rows: ComplianceRow[];
  /** ISO timestamp of the computation */
  computedAt: string;
  /** how long the counts are kept before they are computed again */
  keptForSeconds: number;
}

/**
 * Computes the cycle's counts and keeps them. `wait`: wait for another computation and skip if it left fresh
 * counts for today; otherwise skip when another process is computing.
 */
async function recompute(database: Database, ctx: TaskContext, routines: RoutineRow[], wait: boolean, force: boolean): Promise<void> {
  await database.transaction(async (q) => {
    if (wait) {
      await lockCompliance(q, ctx.cycleId);
      const run = await complianceRun(q, ctx, maxAgeSeconds());
      if (!force && run && run.computedFor === ctx.today && run.fresh) return;
    } else if (!await tryLockCompliance(q, ctx.cycleId)) {
      return;
    }
    // a whole school: hash joins (see queryTasks)
    await disableNestedLoops(q);
    await disableJit(q);
    const members = await membersOf(q, ctx, {});
    await deleteKeptCounts(q, ctx.ownerId, ctx.cycleId);
    await keepCounts(q, ctx, routines, members);
    await recordComplianceRun(q, ctx);
  });
}

/** Computations started behind an answer, per database, so that closing the app can wait for them. */
const behind = new WeakMap<Database, Set<Promise<void>>>();

export async function settleCompliance(database: Database): Promise<void> {
  await Promise.allSettled([...(behind.get(database) ?? [])]);
}

function recomputeBehind(database: Database, ctx: TaskContext, routines: RoutineRow[], onError: (e: unknown) => void): void {
  const set = behind.get(database) ?? new Set<Promise<void>>();
  behind.set(database, set);
  const p: Promise<void> = recompute(database, ctx, routines, false, false).catch(onError).finally(() => set.delete(p));
  set.add(p);
}

/**
 * The counts for a school (departmentIds undefined) or the given departments, summed over the kept rows.
 * `refresh`: compute them now (the leader asked).
 */
export async function complianceSnapshot(database: Database, ctx: TaskContext, routines: RoutineRow[], departmentIds: string[] | undefined,
  opts: { refresh: boolean; onError: (e: unknown) => void }): Promise<ComplianceSnapshot> {
  let run = await complianceRun(database.query, ctx, maxAgeSeconds());
  if (!run || run.computedFor !== ctx.today || opts.refresh) {
    await recompute(database, ctx, routines, true, opts.refresh);
    run = await complianceRun(database.query, ctx, maxAgeSeconds());
  } else if (!run.fresh) {
    recomputeBehind(database, ctx, routines, opts.onError);
  }
  const rows = await keptCounts(database.query, ctx.ownerId, ctx.cycleId, routines.map((r) => r.id), departmentIds ?? null);
  return { rows, computedAt: run!.computedAt, keptForSeconds: maxAgeSeconds() };
}

/**
 * Computes the kept counts of every school's cycle for `day` (a school without a cycle gets the default, as on
 * first use). Returns how many cycles were computed.
 */
export async function computeAllCompliance(database: Database, day: string): Promise<number> {
  let n = 0;
  for (const { ctx, routines } of await currentCycles(database, day)) {
    if (!routines.length) continue;
    await recompute(database, ctx, routines, true, true);
    n += 1;
  }
  return n;
}

export const COMPLIANCE_JOB = 'annualCycle.compliance';

/** 04:00 UTC: 05:00 or 06:00 in Norway, before anyone opens the leaders' view. */
function nextMorning(now: Date): Date {
  const d = new Date(now);
  d.setUTCHours(4, 0, 0, 0);
  if (d <= now) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** Scheduled once for the database: the morning computation, every day. */
export function registerComplianceJob(database: Database): void {
  void scheduleOnce(database, COMPLIANCE_JOB, nextMorning(new Date())).catch(() => {});
}

export const complianceJobs: Record<string, JobHandler> = {
  [COMPLIANCE_JOB]: async (_payload, database) => {
    await computeAllCompliance(database, todayNow());
    await scheduleOnce(database, COMPLIANCE_JOB, nextMorning(new Date()));
  },
};
