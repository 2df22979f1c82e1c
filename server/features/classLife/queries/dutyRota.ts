/** The duty rota: the rotas of a class, who is on duty which week, and the students away for a longer period. */
import type { QueryFn } from '../../../core/db/client.js';
import type { dutyRota, dutyRotaAway } from '../tables.js';

type DutyRota = typeof dutyRota.$inferSelect;
type Away = typeof dutyRotaAway.$inferSelect;

export interface DutyRotaRow { id: DutyRota['id']; starts_on: string; ends_on: string; per_week: DutyRota['perWeek']; routines: DutyRota['routines'] }

/** The class's newest rota, if any. */
export async function latestDutyRota(q: QueryFn, ownerId: string, basisGroupId: string): Promise<DutyRotaRow | undefined> {
  const [rota] = await q<DutyRotaRow>(
    `select id, starts_on::text, ends_on::text, per_week, routines from duty_rota where owner_id = $1 and basis_group_id = $2 order by created_at desc limit 1`,
    [ownerId, basisGroupId]);
  return rota;
}

export interface NewDutyRota { startsOn: string; endsOn: string; perWeek: number; routines: string[] }

export async function insertDutyRota(tx: QueryFn, ownerId: string, id: string, basisGroupId: string, rota: NewDutyRota, personId: string): Promise<void> {
  await tx('insert into duty_rota (owner_id, id, basis_group_id, starts_on, ends_on, per_week, routines, created_by_person_id) values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)',
    [ownerId, id, basisGroupId, rota.startsOn, rota.endsOn, rota.perWeek, JSON.stringify(rota.routines), personId]);
}

/** False when the class has no such rota. */
export async function updateDutyRotaRoutines(q: QueryFn, ownerId: string, basisGroupId: string, rotaId: string, routines: string[]): Promise<boolean> {
  const rows = await q('update duty_rota set routines = $4::jsonb where owner_id = $1 and basis_group_id = $2 and id = $3 returning id',
    [ownerId, basisGroupId, rotaId, JSON.stringify(routines)]);
  return rows.length > 0;
}

export interface AssignmentRow { week_start: string; student_id: string; given_name: string; family_name: string }

/** Who is on duty in each week of the rota, by week and name. */
export async function dutyRotaAssignments(q: QueryFn, ownerId: string, rotaId: string): Promise<AssignmentRow[]> {
  return q<AssignmentRow>(
    `select a.week_start::text, a.student_id, p.given_name, p.family_name from duty_rota_assignment a
         join student s on s.owner_id = a.owner_id and s.id = a.student_id join person p on p.owner_id = s.owner_id and p.id = s.person_id
         where a.owner_id = $1 and a.rota_id = $2 order by a.week_start, p.family_name, p.given_name`, [ownerId, rotaId]);
}

/** Puts the students on duty, week by week, in one statement. */
export async function insertDutyRotaAssignments(tx: QueryFn, ownerId: string, rotaId: string, rows: readonly (readonly [weekStart: string, studentId: string])[]): Promise<void> {
  await tx(`insert into duty_rota_assignment (owner_id, rota_id, week_start, student_id) select $1, $2, x.w, x.s from unnest($3::date[], $4::uuid[]) as x(w, s)`,
    [ownerId, rotaId, rows.map((x) => x[0]), rows.map((x) => x[1])]);
}

export interface AwayRow { id: Away['id']; student_id: Away['studentId']; from_on: string; to_on: string }

/** The class's away periods as the contact teacher lists them, by start. */
export async function awayPeriods(q: QueryFn, ownerId: string, basisGroupId: string): Promise<AwayRow[]> {
  return q<AwayRow>(
    'select id, student_id, from_on::text, to_on::text from duty_rota_away where owner_id = $1 and basis_group_id = $2 order by from_on', [ownerId, basisGroupId]);
}

/** The class's away periods as the rota's generator reads them. */
export async function awayPeriodsForRota(q: QueryFn, ownerId: string, basisGroupId: string): Promise<Omit<AwayRow, 'id'>[]> {
  return q<Omit<AwayRow, 'id'>>(
    'select student_id, from_on::text, to_on::text from duty_rota_away where owner_id = $1 and basis_group_id = $2', [ownerId, basisGroupId]);
}

export interface NewAway { studentId: string; fromOn: string; toOn: string }

export async function insertAway(q: QueryFn, ownerId: string, id: string, basisGroupId: string, a: NewAway, personId: string): Promise<void> {
  await q('insert into duty_rota_away (owner_id, id, basis_group_id, student_id, from_on, to_on, set_by_person_id) values ($1, $2, $3, $4, $5, $6, $7)',
    [ownerId, id, basisGroupId, a.studentId, a.fromOn, a.toOn, personId]);
}

/** Removes the away period; returns its student, or null when the class has no such period. */
export async function deleteAway(q: QueryFn, ownerId: string, basisGroupId: string, awayId: string): Promise<string | null> {
  const rows = await q<{ student_id: string }>('delete from duty_rota_away where owner_id = $1 and basis_group_id = $2 and id = $3 returning student_id',
    [ownerId, basisGroupId, awayId]);
  return rows[0]?.student_id ?? null;
}
