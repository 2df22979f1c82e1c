/**
 * Subjects' annual hours (årstimer), which the absence limit is counted on. FINT has none, so a subject
 * it brings has 0 (unknown) until the school admin sets them; a sync that says nothing keeps that value
 * (queries/sync.ts updateSubjects), and a FINT sync reads it back as the subject's hours.
 */
import type { QueryFn } from '../../../core/db/client.js';

/** The hours Elevlos holds per subject code, where it holds any. */
export async function subjectHoursByCode(q: QueryFn, ownerId: string): Promise<Record<string, number>> {
  const rows = await q<{ code: string; annual_hours: number }>('select code, annual_hours from subject where owner_id = $1 and annual_hours > 0', [ownerId]);
  return Object.fromEntries(rows.map((r) => [r.code, r.annual_hours]));
}

export interface SubjectHoursRow {
  id: string;
  code: string;
  name: string;
  /** 0: unknown */
  annualHours: number;
}

/** The subjects the school's teaching groups have, those without annual hours first. */
export async function subjectsOfSchool(q: QueryFn, ownerId: string, schoolId: string): Promise<SubjectHoursRow[]> {
  return q<SubjectHoursRow>(
    `select s.id, s.code, s.name, s.annual_hours as "annualHours" from subject s
     where s.owner_id = $1 and exists (select 1 from teaching_group g where g.owner_id = s.owner_id and g.subject_id = s.id and g.school_id = $2)
     order by s.annual_hours > 0, s.code`, [ownerId, schoolId]);
}

/** Sets a subject's hours, if the school teaches it; the subject as it was, or undefined. */
export async function setAnnualHours(q: QueryFn, ownerId: string, schoolId: string, subjectId: string, annualHours: number): Promise<SubjectHoursRow | undefined> {
  const [row] = await q<SubjectHoursRow>(
    `update subject s set annual_hours = $4 from (select id, annual_hours from subject where owner_id = $1 and id = $3) old
     where s.owner_id = $1 and s.id = $3 and old.id = s.id
       and exists (select 1 from teaching_group g where g.owner_id = s.owner_id and g.subject_id = s.id and g.school_id = $2)
     returning s.id, s.code, s.name, old.annual_hours as "annualHours"`, [ownerId, schoolId, subjectId, annualHours]);
  return row;
}
