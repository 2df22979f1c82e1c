/**
 * Demo data for accommodation needs, forms and parent meetings, added after the demo
 * school is in place. Generated people only.
 *  - 2STA's students with needs get "what the teachers should do"; some of their subject teachers have
 *    confirmed and some have not — `faglarer` (maths) has not, so the contact teacher has someone to remind.
 *  - Two forms for every student (the registration form and a photo consent) with mixed statuses; `elev`
 *    has handed in the registration form but not the consent.
 *  - One parent meeting in 2STA (early September) with attendance per guardian with insight; some of the
 *    absent have been sent the information, some not yet.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../core/db/client.js';
import { loadGroupStudents } from '../core/policy/facts.js';
import { guardiansWithInsight } from '../core/policy/guardianInsight.js';
import { DEMO_TODAY, type DemoInfo } from './demo.js';

const GUIDANCE = [
  'Gi eleven 25 % ekstra tid på prøver, og la eleven sitte i et eget rom ved behov.',
  'La eleven bruke PC med opplesing og retteprogram på alle skriftlige oppgaver og prøver.',
  'Gi beskjeder skriftlig (i Teams) i tillegg til muntlig; del planen for timen i starten.',
];

export async function seedStudentForms(database: Database, info: DemoInfo): Promise<void> {
  const h = info.hardCases;
  const ownerId = info.ownerId;
  const q = database.query;
  const personOf = async (staffMemberId: string) =>
    (await q<{ person_id: string }>('select person_id from staff_member where owner_id = $1 and id = $2', [ownerId, staffMemberId]))[0]!.person_id;
  const [fag, kt, counsellor] = await Promise.all([personOf(h.subjectTeacherStaffMemberId), personOf(h.contactTeacherStaffMemberId), personOf(h.counsellorStaffMemberId)]);

  // a need is "changed" when it was registered, not when the demo was seeded
  await q('update accommodation_need set updated_at = registered_at where owner_id = $1', [ownerId]);

  /* ── accommodation needs in 2STA ── */
  const inMath = new Set((await q<{ student_id: string }>(
    'select student_id from enrolment where owner_id = $1 and teaching_group_id = $2 and ends_on is null', [ownerId, h.teachingGroup2STAMATId])).map((r) => r.student_id));
  const hard = new Set(Object.values(h).flat());
  const classStudents = (await q<{ student_id: string }>(
    `select e.student_id from enrolment e join student s on s.owner_id = e.owner_id and s.id = e.student_id
     where e.owner_id = $1 and e.basis_group_id = $2 and e.ends_on is null and s.status = 'active' order by e.student_id`, [ownerId, h.basisGroup2STAId])).map((r) => r.student_id);
  // faglarer must have a 2STA student with a need to confirm: one of the demo's skjemaelever, or one more
  if (!h.accommodationStudentIds.some((id) => inMath.has(id))) {
    const extra = classStudents.find((id) => inMath.has(id) && !hard.has(id));
    if (extra) {
      await q(`insert into accommodation_need (owner_id, id, student_id, description, guidance, registered_by_person_id, registered_at, updated_at)
        values ($1, $2, $3, 'Dysleksi: trenger lengre tid på lesing og skriving', $4, $5, '2026-08-21T10:00:00+02:00', '2026-08-21T10:00:00+02:00')`,
      [ownerId, randomUUID(), extra, GUIDANCE[1], counsellor]);
    }
  }
  const needs = await q<{ id: string; student_id: string }>(
    `select a.id, a.student_id from accommodation_need a where a.owner_id = $1 and a.ended_at is null and a.student_id = any($2::uuid[]) order by a.registered_at, a.id`,
    [ownerId, classStudents]);
  for (const [i, n] of needs.entries()) {
    await q(`update accommodation_need set guidance = $3, registered_at = '2026-08-20T09:00:00+02:00', updated_at = '2026-08-20T09:00:00+02:00'
      where owner_id = $1 and id = $2 and guidance = ''`, [ownerId, n.id, GUIDANCE[i % GUIDANCE.length]]);
  }
  // the subject teachers of each such student; every second teacher (and never faglarer) has confirmed
  const teachers = await q<{ student_id: string; person_id: string }>(
    `select distinct e.student_id, sm.person_id from enrolment e
     join subject_teacher_assignment sta on sta.owner_id = e.owner_id and sta.teaching_group_id = e.teaching_group_id
     join staff_member sm on sm.owner_id = sta.owner_id and sm.id = sta.staff_member_id
     where e.owner_id = $1 and e.student_id = any($2::uuid[]) and e.ends_on is null order by e.student_id, sm.person_id`,
    [ownerId, [...new Set(needs.map((n) => n.student_id))]]);
  const receipts: { needId: string; personId: string; on: string }[] = [];
  teachers.forEach((t, i) => {
    if (t.person_id === fag || (i % 2 === 1 && t.person_id !== kt)) return;
    for (const n of needs.filter((x) => x.student_id === t.student_id)) receipts.push({ needId: n.id, personId: t.person_id, on: `2026-08-${String(24 + (i % 6)).padStart(2, '0')}T15:00:00+02:00` });
  });
  if (receipts.length) {
    await q(`insert into accommodation_need_receipt (owner_id, need_id, teacher_person_id, revision, confirmed_at)
      select $1, n, p, 1, c from unnest($2::uuid[], $3::uuid[], $4::timestamptz[]) as x(n, p, c) on conflict do nothing`,
    [ownerId, receipts.map((r) => r.needId), receipts.map((r) => r.personId), receipts.map((r) => r.on)]);
  }

  /* ── forms ── */
  const principal = await personOf(h.principalStaffMemberId);
  const registration = randomUUID();
  const photo = randomUUID();
  await q(`insert into form (owner_id, id, school_id, name_nb, name_nn, level, due_on, created_by_person_id, created_at) values
    ($1, $2, $3, 'Registreringsskjema', 'Registreringsskjema', null, '2026-08-28', $5, '2026-08-10T09:00:00+02:00'),
    ($1, $4, $3, 'Samtykke til bilder på skolens nettsider', 'Samtykke til bilete på nettsidene til skulen', null, '2026-09-15', $5, '2026-08-10T09:00:00+02:00')`,
  [ownerId, registration, info.schoolId, photo, principal]);
  const students = (await q<{ id: string }>(`select id from student where owner_id = $1 and school_id = $2 and status = 'active' order by id`, [ownerId, info.schoolId])).map((r) => r.id);
  const rows: { formId: string; studentId: string; status: 'received' | 'checked'; on: string }[] = [];
  students.forEach((id, i) => {
    if (id === h.elevStudentId) {
      rows.push({ formId: registration, studentId: id, status: 'checked', on: '2026-08-25' });
      return;
    }
    // registration: most checked, some received, a few missing; the photo consent: about half in
    if (i % 9 !== 0) rows.push({ formId: registration, studentId: id, status: i % 4 === 0 ? 'received' : 'checked', on: `2026-08-${String(21 + (i % 7)).padStart(2, '0')}` });
    if (i % 2 === 0) rows.push({ formId: photo, studentId: id, status: i % 3 === 0 ? 'checked' : 'received', on: `2026-09-${String(1 + (i % 14)).padStart(2, '0')}` });
  });
  await q(`insert into form_status (owner_id, form_id, student_id, status, received_on, received_by_person_id, checked_at, checked_by_person_id, updated_at)
    select $1, f, s, st, d, $2, case when st = 'checked' then (d + 1)::timestamptz end, case when st = 'checked' then $2::uuid end, d::timestamptz
    from unnest($3::uuid[], $4::uuid[], $5::text[], $6::date[]) as x(f, s, st, d)`,
  [ownerId, kt, rows.map((r) => r.formId), rows.map((r) => r.studentId), rows.map((r) => r.status), rows.map((r) => r.on)]);

  /* ── a parent meeting in 2STA ── */
  const meetingId = randomUUID();
  await q(`insert into parent_meeting (owner_id, id, basis_group_id, held_on, topic, information, recorded_by_person_id, recorded_at)
    values ($1, $2, $3, '2026-09-03', 'Foreldremøte Vg2 – høsten', $4, $5, '2026-09-03T21:00:00+02:00')`,
  [ownerId, meetingId, h.basisGroup2STAId,
    'Vi gikk gjennom årsplanen for Vg2, vurderingsplanen og skolens fraværsregler. Elevsamtaler og foreldresamtaler holdes i oktober og november; dere får tilbud om tid i Elevlos. Ta kontakt med kontaktlærer ved spørsmål.', kt]);
  const family = await loadGroupStudents(database, ownerId, { kind: 'basis', id: h.basisGroup2STAId }, DEMO_TODAY);
  const att: { studentId: string; guardianPersonId: string; present: boolean; informed: boolean }[] = [];
  let k = 0;
  for (const { facts } of family) {
    for (const g of guardiansWithInsight(facts, DEMO_TODAY)) {
      const present = k % 3 !== 2;
      att.push({ studentId: facts.studentId, guardianPersonId: g.guardianPersonId, present, informed: !present && k % 2 === 0 });
      k++;
    }
  }
  if (att.length) {
    await q(`insert into parent_meeting_attendance (owner_id, meeting_id, student_id, guardian_person_id, present, informed_at, informed_by_person_id)
      select $1, $2, s, g, p, case when i then '2026-09-05T12:00:00+02:00'::timestamptz end, case when i then $3::uuid end
      from unnest($4::uuid[], $5::uuid[], $6::boolean[], $7::boolean[]) as x(s, g, p, i)`,
    [ownerId, meetingId, kt, att.map((a) => a.studentId), att.map((a) => a.guardianPersonId), att.map((a) => a.present), att.map((a) => a.informed)]);
  }
}
