/**
 * The routine engine (R-30…R-33). A routine × the subjects of its scope = its tasks, computed from the
 * data at the moment they are asked for (nothing to keep in step); a task is done when its evidence exists
 * on or after the window opens (after it closes: done late). One SQL statement computes the tasks and their
 * evidence for any set of routines and any slice (a person's own, a department, a class, a student), so a
 * county's compliance is a few set-based queries, never one per class or student (queries/tasks.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../core/db/client.js';
import type { Actor } from '../../core/policy/types.js';
import { DEFAULT_ROUTINES, moveByYears, weeksWindow } from './defaults.js';
import {
  allSchools, cycleOfYear, insertCopiedCycle, insertCopiedRoutine, insertCycle, insertDefaultRoutines, previousCycleYear, routinesOf, schoolYearDates,
  schoolYearOn, type Cycle, type RoutineRow, type Window,
} from './queries/routines.js';
import { membersOf, queryTasks, taskSql, type TaskContext, type TaskRow, type TaskSlice } from './queries/tasks.js';

// the bench (bench/annualCycle.ts) and the tests read the engine's statements through this module

const yearOf = (day: string) => Number(day.slice(0, 4));

/** A window kept inside the school year (week 34's Monday may come before the first school day). */
export function clampWindow(w: Window, startsOn: string, endsOn: string): Window {
  const opensOn = w.opensOn < startsOn ? startsOn : w.opensOn > endsOn ? endsOn : w.opensOn;
  const closesOn = w.closesOn > endsOn ? endsOn : w.closesOn < opensOn ? opensOn : w.closesOn;
  return { opensOn, closesOn };
}

/** Creates the default cycle (seeds 000/001/003) for a school year; the windows are that autumn's ISO weeks. */
export async function createDefaultCycle(database: Database, ownerId: string, schoolId: string, schoolYearId: string, createdBy: string | null): Promise<void> {
  const year = await schoolYearDates(database.query, ownerId, schoolYearId);
  if (!year) throw new Error('no such school year');
  const autumn = yearOf(year.starts_on);
  const within = (w: Window) => clampWindow(w, year.starts_on, year.ends_on);
  await database.transaction(async (q) => {
    const cycleId = randomUUID();
    if (!await insertCycle(q, ownerId, cycleId, schoolId, schoolYearId, createdBy)) return;
    const rows = DEFAULT_ROUTINES.map((d, i) => ({ position: i, routine: d, window: within(weeksWindow(autumn, d.weeks)) }));
    await insertDefaultRoutines(q, ownerId, cycleId, createdBy, rows);
  });
}

/**
 * Copies a cycle into another school year with every window moved to the same ISO week and weekday
 * "a new school year copies the cycle with dates moved"). Returns the new cycle's id, or null when
 * the target year already has a cycle.
 */
export async function copyCycle(database: Database, ownerId: string, from: Cycle, toSchoolYearId: string, createdBy: string | null): Promise<string | null> {
  const to = await schoolYearDates(database.query, ownerId, toSchoolYearId);
  if (!to) throw new Error('no such school year');
  const years = yearOf(to.starts_on) - yearOf(from.schoolYearStartsOn);
  const routines = await routinesOf(database.query, ownerId, from.id);
  return database.transaction(async (q) => {
    const cycleId = randomUUID();
    if (!await insertCopiedCycle(q, ownerId, cycleId, from, toSchoolYearId, createdBy)) return null;
    for (const r of routines) {
      const window = clampWindow({ opensOn: moveByYears(r.opensOn, years), closesOn: moveByYears(r.closesOn, years) }, to.starts_on, to.ends_on);
      await insertCopiedRoutine(q, ownerId, randomUUID(), cycleId, r, window, createdBy);
    }
    return cycleId;
  });
}

/**
 * The school's cycle for the school year, made when missing: copied from the school's latest earlier cycle
 * if it has one, else the default (any school that has none gets the default). The copy does not wait for
 * a person: a new year first met by the morning job, a teacher's home page or the roster import's year turn
 * (personId null) still keeps the school's own routines.
 */
export async function ensureCycle(database: Database, ownerId: string, schoolId: string, schoolYearId: string, personId: string | null): Promise<Cycle> {
  const existing = await cycleOfYear(database.query, ownerId, schoolId, schoolYearId);
  if (existing) return existing;
  const previousYearId = await previousCycleYear(database.query, ownerId, schoolId, schoolYearId);
  const from = previousYearId ? await cycleOfYear(database.query, ownerId, schoolId, previousYearId) : null;
  if (from) await copyCycle(database, ownerId, from, schoolYearId, personId);
  else await createDefaultCycle(database, ownerId, schoolId, schoolYearId, personId);
  return (await cycleOfYear(database.query, ownerId, schoolId, schoolYearId))!;
}

/** Every school's cycle for the school year `day` falls in (made when missing, as on first use), with its routines. */
export async function currentCycles(database: Database, day: string): Promise<{ ctx: TaskContext; routines: RoutineRow[] }[]> {
  const schools = await allSchools(database.query);
  const out: { ctx: TaskContext; routines: RoutineRow[] }[] = [];
  for (const school of schools) {
    const year = await schoolYearOn(database.query, school.owner_id, day);
    if (!year || year.startsOn > day) continue;
    const cycle = await ensureCycle(database, school.owner_id, school.id, year.id, null);
    out.push({
      ctx: { ownerId: school.owner_id, schoolId: school.id, schoolYearId: year.id, cycleId: cycle.id, today: day },
      routines: await routinesOf(database.query, school.owner_id, cycle.id),
    });
  }
  return out;
}

export async function cycleFor(database: Database, ownerId: string, schoolId: string, schoolYearId: string): Promise<Cycle | null> {
  return cycleOfYear(database.query, ownerId, schoolId, schoolYearId);
}

/** The tasks of the routines in the slice (the slice's members read first; see membersOf). */
export async function tasksOf(database: Database, ctx: TaskContext, routines: RoutineRow[], slice: TaskSlice): Promise<TaskRow[]> {
  if (!routines.length) return [];
  const members = await membersOf(database.query, ctx, slice);
  const { text, params } = taskSql(ctx, routines, slice, members);
  return queryTasks(database, text, params, members);
}

export type TaskStatus = 'done' | 'doneLate' | 'overdue' | 'open' | 'upcoming';

export function statusOf(t: { opens_on: string; closes_on: string; done_on: string | null }, today: string): TaskStatus {
  if (t.done_on) return t.done_on > t.closes_on ? 'doneLate' : 'done';
  if (today > t.closes_on) return 'overdue';
  return today >= t.opens_on ? 'open' : 'upcoming';
}

/** The staff member's own responsibility at the school, for the task slice. */
export function responsibilityOf(actor: Actor, schoolId: string): TaskSlice['responsible'] | null {
  const staff = actor.staff.find((m) => m.schoolId === schoolId);
  if (!staff) return null;
  return {
    staffMemberId: staff.staffMemberId,
    roles: staff.roles.map((r) => r.role),
    departmentIds: staff.roles.filter((r) => r.role === 'departmentHead' && r.departmentId).map((r) => r.departmentId!),
  };
}
