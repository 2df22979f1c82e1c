/** The terms the warnings belong to, and each term's assessment date that the deadline check counts from (L-20). */
import type { QueryFn } from '../../../core/db/client.js';

export interface TermRow {
  id: string; kind: 'autumn' | 'spring'; school_year_id: string; starts_on: string; ends_on: string;
}

/** The term of a day; between terms, the next one. */
export async function termOfDay(q: QueryFn, ownerId: string, day: string): Promise<TermRow | undefined> {
  const [row] = await q<TermRow>(
    `select id, kind, school_year_id, starts_on::text as starts_on, ends_on::text as ends_on from term
     where owner_id = $1 and ends_on >= $2::date order by starts_on limit 1`,
    [ownerId, day],
  );
  return row;
}

export async function termSchoolYear(q: QueryFn, ownerId: string, termId: string): Promise<{ school_year_id: string } | undefined> {
  const [term] = await q<{ school_year_id: string }>('select school_year_id from term where owner_id = $1 and id = $2', [ownerId, termId]);
  return term;
}

export async function termDates(q: QueryFn, ownerId: string, termId: string): Promise<{ starts_on: string; ends_on: string } | undefined> {
  const [term] = await q<{ starts_on: string; ends_on: string }>('select starts_on::text as starts_on, ends_on::text as ends_on from term where owner_id = $1 and id = $2', [ownerId, termId]);
  return term;
}

/** The date the school set for a term's assessment, and the notice a warning needs before it; none when not set. */
export async function assessmentDate(q: QueryFn, ownerId: string, schoolId: string, termId: string): Promise<{ assessed_on: string; minimum_notice_days: number } | undefined> {
  const [row] = await q<{ assessed_on: string; minimum_notice_days: number }>(
    'select assessed_on::text as assessed_on, minimum_notice_days from term_assessment_date where owner_id = $1 and school_id = $2 and term_id = $3',
    [ownerId, schoolId, termId],
  );
  return row;
}

export interface TermAssessmentRow {
  id: string; kind: 'autumn' | 'spring'; starts_on: string; ends_on: string; assessed_on: string | null; minimum_notice_days: number | null;
}

/** The terms of the current and coming school years (at most four), with the school's assessment date where set. */
export async function termAssessmentDates(q: QueryFn, ownerId: string, schoolId: string, today: string): Promise<TermAssessmentRow[]> {
  return q<TermAssessmentRow>(
    `select t.id, t.kind, t.starts_on::text as starts_on, t.ends_on::text as ends_on, a.assessed_on::text as assessed_on, a.minimum_notice_days
     from term t join school_year y on y.owner_id = t.owner_id and y.id = t.school_year_id
     left join term_assessment_date a on a.owner_id = t.owner_id and a.term_id = t.id and a.school_id = $2
     where t.owner_id = $1 and y.ends_on >= $3::date order by t.starts_on limit 4`,
    [ownerId, schoolId, today],
  );
}

export interface AssessmentDateEntry {
  termId: string; assessedOn: string; minimumNoticeDays: number; updatedByPersonId: string;
}

export async function upsertAssessmentDate(q: QueryFn, ownerId: string, schoolId: string, a: AssessmentDateEntry): Promise<void> {
  await q(
    `insert into term_assessment_date (owner_id, school_id, term_id, assessed_on, minimum_notice_days, updated_by_person_id)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (owner_id, school_id, term_id) do update set assessed_on = excluded.assessed_on, minimum_notice_days = excluded.minimum_notice_days,
         updated_at = now(), updated_by_person_id = excluded.updated_by_person_id`,
    [ownerId, schoolId, a.termId, a.assessedOn, a.minimumNoticeDays, a.updatedByPersonId],
  );
}
