/**
 * The annual cycle's statements about school years, cycles and routines. Pass `database.query` or a
 * transaction's query function.
 */
import type { QueryFn } from '../../../core/db/client.js';
import type { EvidenceKind } from '../../../core/evidence/sources.js';
import type { DefaultRoutine } from '../defaults.js';
import type { RoutineBody } from '../schemas.js';
import type { routine } from '../tables.js';

/** A routine as routineColumns reads it: without owner and editor, its evidence kind typed, its dates as text. */
export type RoutineRow = Omit<typeof routine.$inferSelect, 'ownerId' | 'updatedByPersonId' | 'evidenceKind' | 'updatedAt'> & {
  evidenceKind: EvidenceKind;
  updatedAt: string;
};

/** A school's cycle for one school year, with the year's name and first day. */
export interface Cycle {
  id: string;
  schoolId: string;
  schoolYearId: string;
  schoolYearName: string;
  schoolYearStartsOn: string;
  copiedFromCycleId: string | null;
}

export interface SchoolYear { id: string; name: string; startsOn: string; endsOn: string }
export interface Window { opensOn: string; closesOn: string }
/** What the school writes in a routine. */
export type RoutineFields = Omit<RoutineBody, 'schoolYearId'>;

const routineColumns = (a: string) => `${a}.id, ${a}.cycle_id as "cycleId", ${a}.position, ${a}.builtin_key as "builtinKey", ${a}.title_nb as "titleNb",
  ${a}.title_nn as "titleNn", ${a}.description_nb as "descriptionNb", ${a}.description_nn as "descriptionNn", ${a}.scope, ${a}.level, ${a}.programme, ${a}.exclude_adults as "excludeAdults",
  ${a}.responsible_role as "responsibleRole", ${a}.opens_on::text as "opensOn", ${a}.closes_on::text as "closesOn", ${a}.evidence_kind as "evidenceKind",
  ${a}.evidence_param as "evidenceParam", ${a}.updated_at::text as "updatedAt"`;

export async function routinesOf(q: QueryFn, ownerId: string, cycleId: string): Promise<RoutineRow[]> {
  return q<RoutineRow>(`select ${routineColumns('r')} from routine r where r.owner_id = $1 and r.cycle_id = $2 order by opens_on, position, title_nb`, [ownerId, cycleId]);
}

export async function routineById(q: QueryFn, ownerId: string, routineId: string): Promise<(RoutineRow & { schoolId: string }) | null> {
  const [row] = await q<RoutineRow & { schoolId: string }>(
    `select ${routineColumns('r')}, c.school_id as "schoolId"
     from routine r join annual_cycle c on c.owner_id = r.owner_id and c.id = r.cycle_id where r.owner_id = $1 and r.id = $2`, [ownerId, routineId]);
  return row ?? null;
}

/** The school year `day` falls in (the owner's calendar), or the next one to start. */
export async function schoolYearOn(q: QueryFn, ownerId: string, day: string): Promise<SchoolYear | null> {
  const [row] = await q<SchoolYear>(
    `select id, name, starts_on::text as "startsOn", ends_on::text as "endsOn" from school_year
     where owner_id = $1 and ends_on >= $2::date order by starts_on limit 1`, [ownerId, day]);
  return row ?? null;
}

export async function schoolYearById(q: QueryFn, ownerId: string, schoolYearId: string): Promise<SchoolYear | undefined> {
  const [row] = await q<SchoolYear>(
    'select id, name, starts_on::text as "startsOn", ends_on::text as "endsOn" from school_year where owner_id = $1 and id = $2', [ownerId, schoolYearId]);
  return row;
}

/** The school year's first and last day, or undefined when the owner has no such year. */
export async function schoolYearDates(q: QueryFn, ownerId: string, schoolYearId: string): Promise<{ starts_on: string; ends_on: string } | undefined> {
  const [year] = await q<{ starts_on: string; ends_on: string }>('select starts_on::text, ends_on::text from school_year where owner_id = $1 and id = $2', [ownerId, schoolYearId]);
  return year;
}

/** Every school year of the owner, first first, saying whether the school has a cycle for it. */
export async function schoolYearsWithCycle(q: QueryFn, ownerId: string, schoolId: string): Promise<{ id: string; name: string; has_cycle: boolean }[]> {
  return q<{ id: string; name: string; has_cycle: boolean }>(
    `select y.id, y.name, exists (select 1 from annual_cycle c where c.owner_id = y.owner_id and c.school_year_id = y.id and c.school_id = $2) as has_cycle
       from school_year y where y.owner_id = $1 order by y.starts_on`, [ownerId, schoolId]);
}

export async function cycleOfYear(q: QueryFn, ownerId: string, schoolId: string, schoolYearId: string): Promise<Cycle | null> {
  const [row] = await q<Cycle>(
    `select c.id, c.school_id as "schoolId", c.school_year_id as "schoolYearId", y.name as "schoolYearName", y.starts_on::text as "schoolYearStartsOn",
       c.copied_from_cycle_id as "copiedFromCycleId"
     from annual_cycle c join school_year y on y.owner_id = c.owner_id and y.id = c.school_year_id
     where c.owner_id = $1 and c.school_id = $2 and c.school_year_id = $3`, [ownerId, schoolId, schoolYearId]);
  return row ?? null;
}

/** The school year the school's latest earlier cycle belongs to, or null when it has none. */
export async function previousCycleYear(q: QueryFn, ownerId: string, schoolId: string, schoolYearId: string): Promise<string | null> {
  const [previous] = await q<{ school_year_id: string }>(
    `select c.school_year_id from annual_cycle c join school_year y on y.owner_id = c.owner_id and y.id = c.school_year_id
     where c.owner_id = $1 and c.school_id = $2 and y.starts_on < (select starts_on from school_year where owner_id = $1 and id = $3)
     order by y.starts_on desc limit 1`, [ownerId, schoolId, schoolYearId]);
  return previous?.school_year_id ?? null;
}

export async function schoolYearIdOfCycle(q: QueryFn, ownerId: string, cycleId: string): Promise<string | undefined> {
  const [c] = await q<{ school_year_id: string }>('select school_year_id from annual_cycle where owner_id = $1 and id = $2', [ownerId, cycleId]);
  return c?.school_year_id;
}

export async function schoolYearNameOfCycle(q: QueryFn, ownerId: string, cycleId: string): Promise<string | null> {
  const [row] = await q<{ name: string }>('select y.name from annual_cycle c join school_year y on y.owner_id = c.owner_id and y.id = c.school_year_id where c.owner_id = $1 and c.id = $2', [ownerId, cycleId]);
  return row?.name ?? null;
}

/** Every school of every owner: the jobs walk them all. */
export async function allSchools(q: QueryFn): Promise<{ owner_id: string; id: string }[]> {
  return q<{ owner_id: string; id: string }>('select owner_id, id from school order by owner_id, id');
}

/** false when the school already has a cycle for the year (made meanwhile by another request). */
export async function insertCycle(q: QueryFn, ownerId: string, cycleId: string, schoolId: string, schoolYearId: string, createdBy: string | null): Promise<boolean> {
  const inserted = await q<{ id: string }>(
    `insert into annual_cycle (owner_id, id, school_id, school_year_id, created_by_person_id) values ($1, $2, $3, $4, $5)
       on conflict (owner_id, school_id, school_year_id) do nothing returning id`, [ownerId, cycleId, schoolId, schoolYearId, createdBy]);
  return inserted.length > 0;
}

/** false when the school already has a cycle for the year. */
export async function insertCopiedCycle(q: QueryFn, ownerId: string, cycleId: string, from: Pick<Cycle, 'id' | 'schoolId'>, schoolYearId: string, createdBy: string | null): Promise<boolean> {
  const inserted = await q<{ id: string }>(
    `insert into annual_cycle (owner_id, id, school_id, school_year_id, copied_from_cycle_id, created_by_person_id) values ($1, $2, $3, $4, $5, $6)
       on conflict (owner_id, school_id, school_year_id) do nothing returning id`, [ownerId, cycleId, from.schoolId, schoolYearId, from.id, createdBy]);
  return inserted.length > 0;
}

/** The default routines in one statement, each at its position with its window. */
export async function insertDefaultRoutines(q: QueryFn, ownerId: string, cycleId: string, createdBy: string | null,
  rows: readonly { position: number; routine: DefaultRoutine; window: Window }[]): Promise<void> {
  await q(
    `insert into routine (owner_id, id, cycle_id, position, builtin_key, title_nb, title_nn, description_nb, description_nn, scope, level, programme,
         responsible_role, opens_on, closes_on, evidence_kind, evidence_param, exclude_adults, updated_by_person_id)
       select $1, gen_random_uuid(), $2, * , $3 from unnest($4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
         $13::text[], $14::date[], $15::date[], $16::text[], $17::text[], $18::boolean[])`,
    [ownerId, cycleId, createdBy,
      rows.map((r) => r.position), rows.map((r) => r.routine.key), rows.map((r) => r.routine.titleNb), rows.map((r) => r.routine.titleNn), rows.map((r) => r.routine.descriptionNb),
      rows.map((r) => r.routine.descriptionNn), rows.map((r) => r.routine.scope), rows.map((r) => r.routine.level ?? null), rows.map((r) => r.routine.programme ?? null),
      rows.map((r) => r.routine.responsibleRole), rows.map((r) => r.window.opensOn), rows.map((r) => r.window.closesOn), rows.map((r) => r.routine.evidenceKind),
      rows.map((r) => r.routine.evidenceParam ?? null), rows.map((r) => r.routine.excludeAdults ?? false)],
  );
}

/** One routine of another year's cycle, into this cycle with its window moved. */
export async function insertCopiedRoutine(q: QueryFn, ownerId: string, id: string, cycleId: string, r: RoutineRow, window: Window, createdBy: string | null): Promise<void> {
  await q(
    `insert into routine (owner_id, id, cycle_id, position, builtin_key, title_nb, title_nn, description_nb, description_nn, scope, level, programme,
           responsible_role, opens_on, closes_on, evidence_kind, evidence_param, updated_by_person_id, exclude_adults)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [ownerId, id, cycleId, r.position, r.builtinKey, r.titleNb, r.titleNn, r.descriptionNb, r.descriptionNn, r.scope, r.level, r.programme,
      r.responsibleRole, window.opensOn, window.closesOn, r.evidenceKind, r.evidenceParam, createdBy, r.excludeAdults],
  );
}

/** The school's own routine, last in the cycle. */
export async function insertRoutine(q: QueryFn, ownerId: string, cycleId: string, b: RoutineFields, personId: string): Promise<void> {
  await q(
    `insert into routine (owner_id, id, cycle_id, position, title_nb, title_nn, description_nb, description_nn, scope, level, programme, responsible_role,
         opens_on, closes_on, evidence_kind, evidence_param, updated_by_person_id, exclude_adults)
       values ($1, gen_random_uuid(), $2, (select coalesce(max(position), 0) + 1 from routine where owner_id = $1 and cycle_id = $2), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [ownerId, cycleId, b.titleNb, b.titleNn, b.descriptionNb, b.descriptionNn, b.scope, b.level, b.programme, b.responsibleRole, b.opensOn, b.closesOn,
      b.evidenceKind, b.evidenceParam, personId, b.excludeAdults]);
}

export async function updateRoutine(q: QueryFn, ownerId: string, routineId: string, b: RoutineFields, personId: string): Promise<void> {
  await q(
    `update routine set title_nb = $3, title_nn = $4, description_nb = $5, description_nn = $6, scope = $7, level = $8, programme = $9, responsible_role = $10,
         opens_on = $11, closes_on = $12, evidence_kind = $13, evidence_param = $14, updated_by_person_id = $15, exclude_adults = $16, updated_at = now()
       where owner_id = $1 and id = $2`,
    [ownerId, routineId, b.titleNb, b.titleNn, b.descriptionNb, b.descriptionNn, b.scope, b.level, b.programme, b.responsibleRole, b.opensOn, b.closesOn,
      b.evidenceKind, b.evidenceParam, personId, b.excludeAdults]);
}

/** The routine goes with its hand ticks (on delete cascade). */
export async function deleteRoutine(q: QueryFn, ownerId: string, routineId: string): Promise<void> {
  await q('delete from routine where owner_id = $1 and id = $2', [ownerId, routineId]);
}
