/**
 * The school year's turn, in SQL. A school has turned from a school year once a later year has groups at
 * the school (the import brought next year's classes); that year's groups then close at its end: their
 * memberships and lessons end on the day after its last day (ends_on is exclusive), and nothing is deleted.
 * The sync asks which of the rows it would end today belong to such a year, so that it leaves them to
 * close at the year's end instead (an import of next year in June keeps this year's classes until the
 * summer).
 */
import type { QueryFn } from '../../../core/db/client.js';

/** `turned(school_id, school_year_id, closes_on)`: each school's years with a later year's groups at the school. */
const TURNED = `
  school_years as (
    select distinct g.school_id, y.id as school_year_id, y.starts_on, y.ends_on
    from (select school_id, school_year_id from basis_group where owner_id = $1
          union select school_id, school_year_id from teaching_group where owner_id = $1) g
    join school_year y on y.owner_id = $1 and y.id = g.school_year_id),
  turned as (
    select a.school_id, a.school_year_id, a.ends_on + 1 as closes_on from school_years a
    where exists (select 1 from school_years b where b.school_id = a.school_id and b.starts_on > a.starts_on))`;

/** The year of a row's group: basis or teaching group, joined on the row's columns. */
const GROUP_YEAR = (basis: string, teaching: string) => `
  left join basis_group bg on bg.owner_id = $1 and bg.id = ${basis}
  left join teaching_group tg on tg.owner_id = $1 and tg.id = ${teaching}
  left join turned t on t.school_id = coalesce(bg.school_id, tg.school_id) and t.school_year_id = coalesce(bg.school_year_id, tg.school_year_id)`;

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

/** Of these enrolments, those whose group is not of a year the school has turned from (they end today, as before). */
export async function enrolmentsOutsideTurnedYears(q: QueryFn, ownerId: string, enrolmentIds: readonly string[]): Promise<string[]> {
  return ids(await q<{ id: string }>(
    `with ${TURNED} select e.id from enrolment e ${GROUP_YEAR('e.basis_group_id', 'e.teaching_group_id')}
     where e.owner_id = $1 and e.id = any($2::uuid[]) and t.school_id is null`, [ownerId, enrolmentIds]));
}

/** The memberships of these students that are not of a year the school has turned from. */
export async function enrolmentsOfStudentsOutsideTurnedYears(q: QueryFn, ownerId: string, studentIds: readonly string[]): Promise<string[]> {
  return ids(await q<{ id: string }>(
    `with ${TURNED} select e.id from enrolment e ${GROUP_YEAR('e.basis_group_id', 'e.teaching_group_id')}
     where e.owner_id = $1 and e.student_id = any($2::uuid[]) and t.school_id is null`, [ownerId, studentIds]));
}

export async function lessonsOutsideTurnedYears(q: QueryFn, ownerId: string, lessonIds: readonly string[]): Promise<string[]> {
  return ids(await q<{ id: string }>(
    `with ${TURNED} select l.id from lesson l ${GROUP_YEAR('null::uuid', 'l.teaching_group_id')}
     where l.owner_id = $1 and l.id = any($2::uuid[]) and t.school_id is null`, [ownerId, lessonIds]));
}

/** Of these groups (basis or teaching), those not of a year the school has turned from. */
export async function groupsOutsideTurnedYears(q: QueryFn, ownerId: string, groupIds: readonly string[]): Promise<Set<string>> {
  const rows = await q<{ id: string }>(
    `with ${TURNED}, g as (select unnest($2::uuid[]) as id)
     select g.id from g ${GROUP_YEAR('g.id', 'g.id')} where t.school_id is null`, [ownerId, groupIds]);
  return new Set(ids(rows));
}

/**
 * Of these students, those still in a class of a year the school has turned from while that year runs:
 * a student missing from next year's export (imported in June) finishes this year, so they have not
 * left yet.
 */
export async function studentsFinishingTheYear(q: QueryFn, ownerId: string, studentIds: readonly string[], today: string): Promise<Set<string>> {
  if (!studentIds.length) return new Set();
  const rows = await q<{ id: string }>(
    `with ${TURNED} select distinct e.student_id as id from enrolment e ${GROUP_YEAR('e.basis_group_id', 'e.teaching_group_id')}
     where e.owner_id = $1 and e.student_id = any($2::uuid[]) and t.closes_on > $3::date
       and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date)`, [ownerId, studentIds, today]);
  return new Set(ids(rows));
}

/**
 * Students the source no longer has (every link of theirs ended) who are still active only because
 * they were finishing the year: once none of their memberships runs any more, they have left. Every
 * owner's when `ownerId` is null (the hourly job).
 */
export async function leaveAfterTheYear(q: QueryFn, ownerId: string | null, today: string): Promise<number> {
  const rows = await q<{ id: string }>(
    `update student s set status = 'left'
     where ($1::uuid is null or s.owner_id = $1::uuid) and s.status <> 'left'
       and exists (select 1 from roster_link l where l.owner_id = s.owner_id and l.source in ('csv', 'oneRoster', 'fint') and l.kind = 'students'
                   and l.local_id = s.id and l.ended_at is not null)
       and not exists (select 1 from roster_link l where l.owner_id = s.owner_id and l.source in ('csv', 'oneRoster', 'fint') and l.kind = 'students'
                   and l.local_id = s.id and l.ended_at is null)
       and not exists (select 1 from enrolment e where e.owner_id = s.owner_id and e.student_id = s.id and (e.ends_on is null or e.ends_on > $2::date))
     returning s.id`, [ownerId, today]);
  return rows.length;
}

export interface Closed {
  enrolments: number;
  lessons: number;
}

/** Which rows to look at: all of the schools' (the turn itself), or only these (what an apply wrote). */
export interface CloseRows {
  enrolmentIds: readonly string[] | null;
  lessonIds: readonly string[] | null;
}

/**
 * Closes the groups of the years these schools have turned from: every membership and lesson still open
 * past the year's end ends the day after its last day. Rows that began after the year's end are left alone.
 */
export async function closeTurnedYears(q: QueryFn, ownerId: string, schoolIds: readonly string[], rows: CloseRows): Promise<Closed> {
  const close = (table: 'enrolment' | 'lesson', column: string, groups: 'basis_group' | 'teaching_group', ids: readonly string[] | null) => q<{ id: string }>(
    `with ${TURNED}
     update ${table} x set ends_on = c.closes_on
     from (select g.id, t.closes_on from ${groups} g join turned t on t.school_id = g.school_id and t.school_year_id = g.school_year_id
           where g.owner_id = $1 and g.school_id = any($2::uuid[])) c
     where x.owner_id = $1 and x.${column} = c.id and x.starts_on < c.closes_on and (x.ends_on is null or x.ends_on > c.closes_on)
       and ($3::uuid[] is null or x.id = any($3::uuid[]))
     returning x.id`, [ownerId, schoolIds, ids]);
  const basis = await close('enrolment', 'basis_group_id', 'basis_group', rows.enrolmentIds);
  const teaching = await close('enrolment', 'teaching_group_id', 'teaching_group', rows.enrolmentIds);
  const lessons = await close('lesson', 'teaching_group_id', 'teaching_group', rows.lessonIds);
  return { enrolments: basis.length + teaching.length, lessons: lessons.length };
}

/** Each school's years whose groups are at the school and that have not ended, oldest first (their annual cycles). */
export async function openYearsOfSchools(q: QueryFn, ownerId: string, schoolIds: readonly string[], today: string): Promise<{ schoolId: string; schoolYearId: string }[]> {
  return q<{ schoolId: string; schoolYearId: string }>(
    `select g.school_id as "schoolId", y.id as "schoolYearId"
     from (select school_id, school_year_id from basis_group where owner_id = $1 and school_id = any($2::uuid[])
           union select school_id, school_year_id from teaching_group where owner_id = $1 and school_id = any($2::uuid[])) g
     join school_year y on y.owner_id = $1 and y.id = g.school_year_id
     where y.ends_on >= $3::date order by y.starts_on, g.school_id`, [ownerId, schoolIds, today]);
}
