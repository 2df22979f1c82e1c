/**
 * Evidence for the routine engine (R-30… ): `assessmentPlanPublished` — every teaching group
 * has at least one entry in its plan for the term. Per task subject:
 *   basisGroup: every teaching group of the class's current students has an entry starting in the term;
 *               done on the day the last of those groups got its first entry (one row per term)
 *   teacher:    every teaching group the teacher teaches has such an entry; done likewise
 * Listed in this feature's description (index.ts), which installs it into core/evidence.
 */
import { NIL_UUID, osloDay, type EvidenceSource } from '../../core/evidence/sources.js';

const nil = `'${NIL_UUID}'::uuid`;

/** first entry per teaching group and term of the school year */
const firstEntries = (owner: string, year: string) => `
  select p.teaching_group_id, t.id as term_id, min(${osloDay('p.created_at')}) as first_on
  from assessment_plan_entry p
  join term t on t.owner_id = p.owner_id and t.school_year_id = p.school_year_id and p.starts_on between t.starts_on and t.ends_on
  where p.owner_id = ${owner} and p.school_year_id = ${year} and p.teaching_group_id is not null
  group by p.teaching_group_id, t.id`;

export const assessmentPlanPublished: EvidenceSource = {
  kind: 'assessmentPlanPublished',
  subjects: ['basisGroup', 'teacher'],
  dataBacked: true,
  sql: (q, p) => {
    const owner = `${p(q.ownerId)}::uuid`;
    const year = `${p(q.schoolYearId)}::uuid`;
    const school = `${p(q.schoolId)}::uuid`;
    const current = (e: string) => `${e}.starts_on <= ${p(q.today)}::date and (${e}.ends_on is null or ${e}.ends_on > ${p(q.today)}::date)`;
    const groups = q.subject === 'teacher'
      ? `select a.staff_member_id as subject_id, a.teaching_group_id from subject_teacher_assignment a
         join teaching_group tg on tg.owner_id = a.owner_id and tg.id = a.teaching_group_id
         where a.owner_id = ${owner} and tg.school_id = ${school} and tg.school_year_id = ${year} and a.staff_member_id = any(${q.teachers})`
      : `select distinct eb.basis_group_id as subject_id, et.teaching_group_id from enrolment eb
         join basis_group bg on bg.owner_id = eb.owner_id and bg.id = eb.basis_group_id
         join enrolment et on et.owner_id = eb.owner_id and et.student_id = eb.student_id and et.teaching_group_id is not null and ${current('et')}
         where eb.owner_id = ${owner} and bg.school_id = ${school} and bg.school_year_id = ${year} and ${current('eb')} and eb.basis_group_id = any(${q.classes})`;
    return `select g.subject_id, ${nil} as teacher_id, max(f.first_on) as done_on
      from (${groups}) g
      cross join (select id from term where owner_id = ${owner} and school_year_id = ${year}) t
      left join (${firstEntries(owner, year)}) f on f.teaching_group_id = g.teaching_group_id and f.term_id = t.id
      group by g.subject_id, t.id
      having count(*) = count(f.first_on)`;
  },
};
