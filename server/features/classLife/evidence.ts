/**
 * Evidence for the annual-cycle engine (R-30…R-33) from class life, one task per class (subject
 * 'basisGroup'): the start-of-year checklist is done when all its items are checked off, on
 * the day of the last; the class rules are published, on the day of the first version; the
 * student representatives are elected, on the day the first election with someone elected closed.
 * Listed in this feature's description (index.ts), which installs them into core/evidence.
 */
import { startOfYearItems } from './tables.js';
import { NIL_UUID, type EvidenceQuery, type EvidenceSource } from '../../core/evidence/sources.js';

const nil = `'${NIL_UUID}'::uuid`;
/** the classes of the school and school year asked about */
const classes = (alias: string, q: EvidenceQuery, p: (v: unknown) => string) =>
  `join basis_group bg on bg.owner_id = ${alias}.owner_id and bg.id = ${alias}.basis_group_id
   where ${alias}.owner_id = ${p(q.ownerId)}::uuid and bg.school_id = ${p(q.schoolId)}::uuid and bg.school_year_id = ${p(q.schoolYearId)}::uuid
     and ${alias}.basis_group_id = any(${q.classes})`;

export const startOfYearChecklistDone: EvidenceSource = {
  kind: 'startOfYearChecklistDone',
  subjects: ['basisGroup'],
  dataBacked: true,
  sql: (q, p) => `select c.basis_group_id as subject_id, ${nil} as teacher_id, max(c.checked_on) as done_on
    from start_of_year_check c ${classes('c', q, p)}
    group by c.basis_group_id having count(distinct c.item) = ${startOfYearItems.length}`,
};

export const classRulesPublished: EvidenceSource = {
  kind: 'classRulesPublished',
  subjects: ['basisGroup'],
  dataBacked: true,
  sql: (q, p) => `select v.basis_group_id as subject_id, ${nil} as teacher_id, min(v.published_on) as done_on
    from class_rules_version v ${classes('v', q, p)}
    group by v.basis_group_id`,
};

export const studentRepresentativesElected: EvidenceSource = {
  kind: 'studentRepresentativesElected',
  subjects: ['basisGroup'],
  dataBacked: true,
  sql: (q, p) => `select e.basis_group_id as subject_id, ${nil} as teacher_id, min(e.closed_on) as done_on
    from student_representative_election e ${classes('e', q, p)}
      and e.status = 'closed'
      and exists (select 1 from student_representative_candidate c where c.owner_id = e.owner_id and c.election_id = e.id and c.elected is not null)
    group by e.basis_group_id`,
};

export const classLifeEvidenceSources: EvidenceSource[] = [startOfYearChecklistDone, classRulesPublished, studentRepresentativesElected];
