/**
 * Evidence for the routine engine: formReceived — with a form id, that form of the student was
 * received (or received and checked), done on the day it was received; without one, every form that
 * applies to the student (the school's forms in use for all students or the student's level) was received,
 * done on the last of those days. A retired form applies to no one, but a routine naming it still reads the
 * statuses recorded. Listed in this feature's description (index.ts), which installs it into core/evidence.
 */
import { NIL_UUID, type EvidenceSource } from '../../core/evidence/sources.js';

export const formReceivedEvidence: EvidenceSource = {
  kind: 'formReceived',
  subjects: ['student'],
  param: { name: 'formId' },
  dataBacked: true,
  sql: (q, p) => {
    const owner = `${p(q.ownerId)}::uuid`;
    const school = `${p(q.schoolId)}::uuid`;
    // the id is compared as text, so a malformed parameter finds nothing instead of failing the whole query
    if (q.param) {
      return `select fs.student_id as subject_id, '${NIL_UUID}'::uuid as teacher_id, fs.received_on as done_on
        from form_status fs join form f on f.owner_id = fs.owner_id and f.id = fs.form_id
        where fs.owner_id = ${owner} and f.school_id = ${school} and fs.form_id::text = ${p(q.param)} and fs.student_id = any(${q.students})`;
    }
    return `select st.id as subject_id, '${NIL_UUID}'::uuid as teacher_id, max(fs.received_on) as done_on
      from student st
      join enrolment e on e.owner_id = st.owner_id and e.student_id = st.id and e.basis_group_id is not null
        and e.starts_on <= ${p(q.today)}::date and (e.ends_on is null or e.ends_on > ${p(q.today)}::date)
      join basis_group g on g.owner_id = e.owner_id and g.id = e.basis_group_id
      join form f on f.owner_id = st.owner_id and f.school_id = ${school} and f.retired_at is null and (f.level is null or f.level = g.level)
      left join form_status fs on fs.owner_id = f.owner_id and fs.form_id = f.id and fs.student_id = st.id
      where st.owner_id = ${owner} and st.school_id = ${school} and st.id = any(${q.students})
      group by st.id
      having count(*) = count(fs.student_id)`;
  },
};
