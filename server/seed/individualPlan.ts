/**
 * Demo IOP (R-51, R-75, L-40) and adapted arrangement, added after the demo school is in place.
 * Two generated students of 2STA who take both 2STA-MAT and 2STA-NOR and are none of the hard cases: one
 * has a special-education decision and a plan with a maths and a Norwegian part and a finalised version,
 * the other an adapted arrangement. The texts are ordinary school words, no health details.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../core/db/client.js';
import type { DemoInfo } from './demo.js';

export async function seedIndividualPlan(database: Database, info: DemoInfo): Promise<void> {
  const h = info.hardCases;
  const ownerId = info.ownerId;
  const q = database.query;
  const hardIds = new Set(Object.values(h).flat().filter((v): v is string => typeof v === 'string'));
  const both = await q<{ student_id: string }>(
    `select e1.student_id from enrolment e1 join enrolment e2 on e2.owner_id = e1.owner_id and e2.student_id = e1.student_id
       join enrolment b on b.owner_id = e1.owner_id and b.student_id = e1.student_id and b.basis_group_id = $4 and b.ends_on is null
     where e1.owner_id = $1 and e1.teaching_group_id = $2 and e2.teaching_group_id = $3 and e1.ends_on is null and e2.ends_on is null
     order by e1.student_id`, [ownerId, h.teachingGroup2STAMATId, h.teachingGroup2STANORId, h.basisGroup2STAId]);
  const [withPlan, withArrangement] = both.map((r) => r.student_id).filter((id) => !hardIds.has(id));
  if (!withPlan || !withArrangement) return;

  const personOf = async (staffMemberId: string) =>
    (await q<{ person_id: string }>('select person_id from staff_member where owner_id = $1 and id = $2', [ownerId, staffMemberId]))[0]!.person_id;
  const [kt, fag] = await Promise.all([personOf(h.contactTeacherStaffMemberId), personOf(h.subjectTeacherStaffMemberId)]);
  const subjectOf = async (groupId: string) => (await q<{ subject_id: string }>('select subject_id from teaching_group where owner_id = $1 and id = $2', [ownerId, groupId]))[0]!.subject_id;
  const [mat, nor] = await Promise.all([subjectOf(h.teachingGroup2STAMATId), subjectOf(h.teachingGroup2STANORId)]);
  const [year] = await q<{ id: string }>('select id from school_year where owner_id = $1 order by starts_on desc limit 1', [ownerId]);
  if (!year) return;

  const decisionId = randomUUID();
  const planId = randomUUID();
  await q(`insert into special_education_decision (owner_id, id, student_id, decided_on, reference, subject_ids, recorded_by_person_id)
    values ($1, $2, $3, '2026-08-14', '2026/08812', $4::uuid[], $5)`, [ownerId, decisionId, withPlan, [mat, nor], kt]);
  await q(`insert into individual_plan (owner_id, id, student_id, school_year_id, decision_id, summary, created_by_person_id, updated_by_person_id)
    values ($1, $2, $3, $4, $5, $6, $7, $7)`,
  [ownerId, planId, withPlan, year.id, decisionId, 'Eleven har fått opplæringen planen beskriver i begge fagene og er på god vei mot målene i matematikk. I norsk trengs mer trening i å skrive lengre tekster.', kt]);
  await q(`insert into individual_plan_part (owner_id, plan_id, subject_id, goals, content, organisation, report, updated_by_person_id, report_updated_by_person_id, report_updated_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $8, '2026-11-20T12:00:00Z'), ($1, $2, $9, $10, $11, $12, $13, $14, $14, '2026-11-21T12:00:00Z')`, [
    ownerId, planId,
    mat, 'Løse likninger og arbeide med lineære funksjoner.', 'Algebra, funksjoner og praktisk regning.', 'To timer i uka i liten gruppe med faglærer.',
    'Eleven har fulgt smågruppen hver uke og løser nå likninger av første grad på egen hånd.', fag,
    nor, 'Skrive sammenhengende tekster på minst en side.', 'Skriveprosess, tekststruktur og lesestrategier.', 'Skriveøkter med tilpasset oppgavemengde.',
    'Eleven skriver nå tekster med tydelig innledning og avslutning, men trenger fortsatt støtte med avsnitt.', kt,
  ]);
  await q(`insert into plan_report (owner_id, id, plan_id, version, period, summary, parts, finalised_by_person_id, finalised_at)
    select p.owner_id, $3, p.id, 1, 'year', p.summary,
      (select jsonb_agg(jsonb_build_object('subjectId', pp.subject_id, 'subjectCode', s.code, 'subjectName', s.name, 'goals', pp.goals,
          'content', pp.content, 'organisation', pp.organisation, 'report', pp.report) order by s.name)
        from individual_plan_part pp join subject s on s.owner_id = pp.owner_id and s.id = pp.subject_id where pp.owner_id = p.owner_id and pp.plan_id = p.id),
      $4, '2026-11-23T12:00:00Z'
    from individual_plan p where p.owner_id = $1 and p.id = $2`, [ownerId, planId, randomUUID(), kt]);

  await q(`insert into adapted_arrangement (owner_id, id, student_id, adaptation, work_plan, agreed_on, agreed_with_student, agreed_with_guardians,
      support_services, created_by_person_id, updated_by_person_id) values ($1, $2, $3, $4, $5, '2026-09-10', true, true, 'PPT', $6, $6)`, [
    ownerId, randomUUID(), withArrangement, 'Kortere skriftlige oppgaver og muntlig vurdering der det passer.',
    'Halve oppgavesett i skriftlige fag; muntlig framføring kan erstatte skriftlig innlevering.', kt,
  ]);
}
