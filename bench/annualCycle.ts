/**
 * The annual cycle's compliance view (R-30…R-33) in the bench: the floor is the engine's own counting
 * statement (server/features/annualCycle/queries/compliance.ts, complianceSql) run straight on the database for the
 * leader's school or department, with the planner settings the app uses; the app adds the session, the
 * actor, the cycle and routines, the names and the audit row. Answers are compared as totals per routine.
 */
import type { Database } from '../server/core/db/client.js';
import { KEPT_COUNTS_SQL, complianceSql, type ComplianceRow } from '../server/features/annualCycle/queries/compliance.js';
import { routinesOf, schoolYearOn, type RoutineRow } from '../server/features/annualCycle/queries/routines.js';
import { membersOf } from '../server/features/annualCycle/queries/tasks.js';
import { createDefaultCycle } from '../server/features/annualCycle/service.js';
import type { LeaderUser } from './dataset.js';
import type { Query } from './floor.js';

export const CYCLE_PLANNER = { enable_nestloop: 'off', jit: 'off' };

/** per routine: tasks, done, overdue */
export type CycleAnswer = Record<string, { total: number; done: number; overdue: number }>;

export const tasksIn = (a: CycleAnswer): number => Object.values(a).reduce((n, r) => n + r.total, 0);

/** Every school of the owner gets the default cycle for the school year of `today` (as the app would on first use). */
export async function createCycles(database: Database, ownerId: string, today: string): Promise<number> {
  const year = await schoolYearOn(database.query, ownerId, today);
  if (!year) throw new Error(`no school year on ${today}`);
  const schools = await database.query<{ id: string }>('select id from school where owner_id = $1', [ownerId]);
  for (const s of schools) await createDefaultCycle(database, ownerId, s.id, year.id, null);
  return schools.length;
}

const contexts = new Map<string, Promise<{ ctx: { ownerId: string; schoolId: string; schoolYearId: string; cycleId: string; today: string }; routines: RoutineRow[] }>>();

/** the school's cycle and routines: read once per school, outside the timed statement (the app reads them per request) */
function contextOf(q: Query, ownerId: string, schoolId: string, today: string) {
  let c = contexts.get(schoolId);
  if (!c) {
    c = (async () => {
      const [row] = (await q(`select c.id as cycle_id, c.school_year_id from annual_cycle c join school_year y on y.owner_id = c.owner_id and y.id = c.school_year_id
        where c.owner_id = $1 and c.school_id = $2 and y.starts_on <= $3::date and y.ends_on >= $3::date`, [ownerId, schoolId, today])) as { cycle_id: string; school_year_id: string }[];
      if (!row) throw new Error(`no annual cycle for school ${schoolId}`);
      const routines = await routinesOf(async <T>(text: string, params?: unknown[]) => (await q(text, params ?? [])) as T[], ownerId, row.cycle_id);
      return { ctx: { ownerId, schoolId, schoolYearId: row.school_year_id, cycleId: row.cycle_id, today }, routines };
    })();
    contexts.set(schoolId, c);
  }
  return c;
}

export async function floorCycleCompliance(q: Query, ownerId: string, u: LeaderUser, today: string): Promise<CycleAnswer> {
  const { ctx, routines } = await contextOf(q, ownerId, u.schoolId, today);
  const departmentIds = u.departmentId ? [u.departmentId] : undefined;
  const members = await membersOf(async <T>(text: string, params?: unknown[]) => (await q(text, params ?? [])) as T[], ctx, departmentIds ? { departmentIds } : {});
  const { text, params } = complianceSql(ctx, routines, departmentIds, members);
  return countsOf((await q(text, params)) as ComplianceRow[]);
}

/**
 * The floor of what the app answers with: the kept counts (routine_compliance, written by the app while it
 * ran) read for the leader's school or department with the app's own statement. The answer check still
 * compares the app with a computation from the data (floorCycleCompliance).
 */
export async function floorKeptCompliance(q: Query, ownerId: string, u: LeaderUser, today: string): Promise<CycleAnswer> {
  const { ctx, routines } = await contextOf(q, ownerId, u.schoolId, today);
  const rows = (await q(KEPT_COUNTS_SQL, [ownerId, ctx.cycleId, routines.map((r) => r.id), u.departmentId ? [u.departmentId] : null])) as ComplianceRow[];
  return countsOf(rows);
}

function countsOf(rows: ComplianceRow[]): CycleAnswer {
  const out: CycleAnswer = {};
  for (const r of rows) {
    if (r.dim !== 'class') continue;
    const a = (out[r.routine_id] ??= { total: 0, done: 0, overdue: 0 });
    a.total += r.total; a.done += r.done; a.overdue += r.overdue;
  }
  return out;
}

export function appCycleCompliance(body: unknown): CycleAnswer {
  const b = body as { routines: { routineId: string; total: number; done: number; overdue: number }[] };
  return Object.fromEntries(b.routines.map((r) => [r.routineId, { total: r.total, done: r.done, overdue: r.overdue }]));
}
