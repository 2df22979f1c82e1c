/**
 * Every statement of disciplinary cases (R-23, L-30…L-32): the case's facts for the access hook, the
 * case as read with its incidents, hearings, measures, suspension and physical interventions, the lists
 * by student, class and school, and the writes. Names are read in the statement (`nameOf`), so a case is
 * one round trip per part.
 */
import type { QueryFn } from '../../core/db/client.js';
import type { Level } from '../../core/db/tables.js';
import { STUDENT_FACTS_SQL, toStudentFacts } from '../../core/policy/facts.js';
import type { DisciplinaryCaseFacts } from './policy.js';
import type {
  DisciplinaryMeasureKind, SuspensionScope, disciplinaryCase, disciplinaryHearing, disciplinaryIncident, disciplinaryMeasure, physicalIntervention, suspension,
} from './tables.js';

type Case = typeof disciplinaryCase.$inferSelect;
type Incident = typeof disciplinaryIncident.$inferSelect;
type Hearing = typeof disciplinaryHearing.$inferSelect;
type Measure = typeof disciplinaryMeasure.$inferSelect;
type Suspension = typeof suspension.$inferSelect;
type Intervention = typeof physicalIntervention.$inferSelect;

/** A person's full name, by the id in `alias` ($1 is the owner). */
const name = (alias: string) => `(select given_name || ' ' || family_name from person where owner_id = $1 and id = ${alias})`;

/* ───────────── the case's facts (the access hook) ───────────── */

/** A disciplinary case's facts with its student's, in one round trip. */
export async function disciplinaryCaseFacts(q: QueryFn, ownerId: string, caseId: string, today: string): Promise<DisciplinaryCaseFacts | null> {
  const rows = await q<Record<string, unknown> & { case_id: string; reported_by_person_id: string }>(
    STUDENT_FACTS_SQL('dc.id = $3', ', dc.id as case_id, dc.reported_by_person_id',
      ' join disciplinary_case dc on dc.owner_id = s.owner_id and dc.student_id = s.id'),
    [ownerId, today, caseId],
  );
  const r = rows[0];
  if (!r) return null;
  return { caseId: r.case_id, reportedByPersonId: r.reported_by_person_id, student: toStudentFacts(ownerId, r) };
}

/* ───────────── one case, part by part ───────────── */

export interface CaseHeadRow {
  opened_at: Case['openedAt'];
  /** the reporter's name */
  reported_by: string; given_name: string; family_name: string; level: Level; class_name: string | null;
}

/** When the case was opened and by whom, and its student's name, level and current class on `today`. */
export async function caseHead(q: QueryFn, ownerId: string, caseId: string, today: string): Promise<CaseHeadRow | undefined> {
  const [head] = await q<CaseHeadRow>(
    `select dc.opened_at, ${name('dc.reported_by_person_id')} as reported_by, p.given_name, p.family_name, s.level,
       (select bg.name from enrolment e join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
        where e.owner_id = s.owner_id and e.student_id = s.id and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date) limit 1) as class_name
     from disciplinary_case dc join student s on s.owner_id = dc.owner_id and s.id = dc.student_id
     join person p on p.owner_id = s.owner_id and p.id = s.person_id where dc.owner_id = $1 and dc.id = $2`,
    [ownerId, caseId, today]);
  return head;
}

export interface IncidentRow { id: Incident['id']; occurred_on: string; place: Incident['place']; description: Incident['description']; rule: Incident['rule']; by: string }

/** In the order they happened. */
export async function caseIncidents(q: QueryFn, ownerId: string, caseId: string): Promise<IncidentRow[]> {
  return q<IncidentRow>(
    `select id, occurred_on::text, place, description, rule, ${name('reported_by_person_id')} as by from disciplinary_incident
       where owner_id = $1 and case_id = $2 order by occurred_on, recorded_at`, [ownerId, caseId]);
}

export interface HearingRow { id: Hearing['id']; heard_on: string; student_view: Hearing['studentView']; by: string }

export async function caseHearings(q: QueryFn, ownerId: string, caseId: string): Promise<HearingRow[]> {
  return q<HearingRow>(
    `select id, heard_on::text, student_view, ${name('heard_by_person_id')} as by from disciplinary_hearing
       where owner_id = $1 and case_id = $2 order by heard_on, recorded_at`, [ownerId, caseId]);
}

export interface MeasureRow {
  id: Measure['id']; kind: DisciplinaryMeasureKind; description: Measure['description']; decided_on: string; by: string; single_incident: Measure['singleIncident'];
  addressed_to_family: Measure['addressedToFamily']; group_name: string | null; minutes: Measure['minutes']; evaluate_on: string | null;
}

export async function caseMeasures(q: QueryFn, ownerId: string, caseId: string): Promise<MeasureRow[]> {
  return q<MeasureRow>(
    `select m.id, m.kind, m.description, m.decided_on::text, ${name('m.decided_by_person_id')} as by, m.single_incident, m.addressed_to_family,
         tg.name as group_name, m.minutes, m.evaluate_on::text from disciplinary_measure m
       left join teaching_group tg on tg.owner_id = m.owner_id and tg.id = m.teaching_group_id
       where m.owner_id = $1 and m.case_id = $2 order by m.decided_on, m.recorded_at`, [ownerId, caseId]);
}

export interface SuspensionRow {
  notice_sent_on: Suspension['noticeSentOn']; decided_on: Suspension['decidedOn'];
  /** the principal's name */
  decided_by: string | null;
  scope: Suspension['scope']; days: Suspension['days']; lessons: Suspension['lessons']; starts_on: Suspension['startsOn']; reasons: Suspension['reasons'];
  milder_measures: Suspension['milderMeasures']; guardians_told_on: Suspension['guardiansToldOn']; notified_on: Suspension['notifiedOn'];
  appeal_received_on: Suspension['appealReceivedOn']; appeal_outcome: Suspension['appealOutcome']; appeal_decided_on: Suspension['appealDecidedOn'];
}

/** The case's suspension (one at most): from the advance notice to the appeal. */
export async function caseSuspension(q: QueryFn, ownerId: string, caseId: string): Promise<SuspensionRow[]> {
  return q<SuspensionRow>(
    `select notice_sent_on::text, decided_on::text, ${name('decided_by_person_id')} as decided_by, scope, days, lessons, starts_on::text,
         reasons, milder_measures, guardians_told_on::text, notified_on::text, appeal_received_on::text, appeal_outcome, appeal_decided_on::text
       from suspension where owner_id = $1 and case_id = $2`, [ownerId, caseId]);
}

export interface InterventionRow {
  id: Intervention['id']; occurred_on: string; incident_account: Intervention['incidentAccount']; intervention_account: Intervention['interventionAccount'];
  student_view: Intervention['studentView']; by: string; reported_on: string; informed_on: string | null;
}

export async function caseInterventions(q: QueryFn, ownerId: string, caseId: string): Promise<InterventionRow[]> {
  return q<InterventionRow>(
    `select id, occurred_on::text, incident_account, intervention_account, student_view, ${name('performed_by_person_id')} as by,
         reported_to_principal_on::text as reported_on, parents_informed_on::text as informed_on
       from physical_intervention where owner_id = $1 and case_id = $2 order by occurred_on, recorded_at`, [ownerId, caseId]);
}

/* ───────────── the lists ───────────── */

export interface SummaryRow {
  id: string; student_id: string; given_name: string; family_name: string; class_name: string | null; opened_at: Case['openedAt'];
  reported_by_person_id: string; last_incident_on: string | null; incidents: number; measures: number; family_measures: number;
  notice_sent_on: string | null; decided_on: string | null; appeal_received_on: string | null; informed: number;
}

/** $1 owner, $2 today; `where` picks the cases. */
const SUMMARY_SQL = (where: string) => `
select dc.id, dc.student_id, p.given_name, p.family_name, dc.opened_at, dc.reported_by_person_id,
  (select bg.name from enrolment e join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
   where e.owner_id = dc.owner_id and e.student_id = dc.student_id and e.starts_on <= $2::date and (e.ends_on is null or e.ends_on > $2::date) limit 1) as class_name,
  (select max(occurred_on)::text from disciplinary_incident i where i.owner_id = dc.owner_id and i.case_id = dc.id) as last_incident_on,
  (select count(*)::int from disciplinary_incident i where i.owner_id = dc.owner_id and i.case_id = dc.id) as incidents,
  (select count(*)::int from disciplinary_measure m where m.owner_id = dc.owner_id and m.case_id = dc.id) as measures,
  (select count(*)::int from disciplinary_measure m where m.owner_id = dc.owner_id and m.case_id = dc.id and m.addressed_to_family) as family_measures,
  (select count(*)::int from physical_intervention x where x.owner_id = dc.owner_id and x.case_id = dc.id and x.parents_informed_on is not null) as informed,
  su.notice_sent_on::text as notice_sent_on, su.decided_on::text as decided_on, su.appeal_received_on::text as appeal_received_on
from disciplinary_case dc
join student s on s.owner_id = dc.owner_id and s.id = dc.student_id
join person p on p.owner_id = s.owner_id and p.id = s.person_id
left join suspension su on su.owner_id = dc.owner_id and su.case_id = dc.id
where dc.owner_id = $1 and ${where}
order by dc.opened_at desc`;

/** Every case about the student, newest first (not yet narrowed to what the caller may read). */
export async function caseSummariesOfStudent(q: QueryFn, ownerId: string, today: string, studentId: string): Promise<SummaryRow[]> {
  return q<SummaryRow>(SUMMARY_SQL('dc.student_id = $3'), [ownerId, today, studentId]);
}

/** Every case about the class's current students, newest first. */
export async function caseSummariesOfClass(q: QueryFn, ownerId: string, today: string, basisGroupId: string): Promise<SummaryRow[]> {
  return q<SummaryRow>(SUMMARY_SQL(`dc.student_id in (select e.student_id from enrolment e where e.owner_id = $1 and e.basis_group_id = $3
      and e.starts_on <= $2::date and (e.ends_on is null or e.ends_on > $2::date))`), [ownerId, today, basisGroupId]);
}

/** Every case of the school, newest first. */
export async function caseSummariesOfSchool(q: QueryFn, ownerId: string, today: string, schoolId: string): Promise<SummaryRow[]> {
  return q<SummaryRow>(SUMMARY_SQL('dc.school_id = $3'), [ownerId, today, schoolId]);
}

/* ───────────── opening a case, incidents, hearings, measures ───────────── */

export interface NewCase { studentId: string; schoolId: string }

/** Stamped on "today" when the clock is pinned (demo, tests), so the case is never opened after its own dates. */
export async function insertCase(tx: QueryFn, ownerId: string, id: string, c: NewCase, personId: string, today: string): Promise<void> {
  await tx(`insert into disciplinary_case (owner_id, id, student_id, school_id, reported_by_person_id, opened_at)
        values ($1, $2, $3, $4, $5, case when now()::date > $6::date then $6::date + time '12:00' else now() end)`,
  [ownerId, id, c.studentId, c.schoolId, personId, today]);
}

export interface NewIncident { occurredOn: string; place: string; description: string; rule: string }

/** The incident that opens the case (its id made by the database). */
export async function insertOpeningIncident(tx: QueryFn, ownerId: string, caseId: string, i: NewIncident, personId: string): Promise<void> {
  await tx(`insert into disciplinary_incident (owner_id, id, case_id, occurred_on, place, description, rule, reported_by_person_id)
        values ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7)`, [ownerId, caseId, i.occurredOn, i.place, i.description, i.rule, personId]);
}

export async function insertIncident(q: QueryFn, ownerId: string, id: string, caseId: string, i: NewIncident, personId: string): Promise<void> {
  await q(`insert into disciplinary_incident (owner_id, id, case_id, occurred_on, place, description, rule, reported_by_person_id) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [ownerId, id, caseId, i.occurredOn, i.place, i.description, i.rule, personId]);
}

export async function insertHearing(q: QueryFn, ownerId: string, id: string, caseId: string, heardOn: string, studentView: string, personId: string): Promise<void> {
  await q('insert into disciplinary_hearing (owner_id, id, case_id, heard_on, student_view, heard_by_person_id) values ($1, $2, $3, $4, $5, $6)',
    [ownerId, id, caseId, heardOn, studentView, personId]);
}

/** How many hearings were held on or after `on` (the advance notice's day). */
export async function hearingsSince(q: QueryFn, ownerId: string, caseId: string, on: string): Promise<number> {
  const [heard] = await q<{ n: number }>('select count(*)::int as n from disciplinary_hearing where owner_id = $1 and case_id = $2 and heard_on >= $3::date',
    [ownerId, caseId, on]);
  return heard?.n ?? 0;
}

export interface NewMeasure {
  kind: DisciplinaryMeasureKind; description: string; decidedOn: string; singleIncident: boolean; addressedToFamily: boolean; evaluateOn: string | null;
}

export async function insertMeasure(q: QueryFn, ownerId: string, id: string, caseId: string, m: NewMeasure, personId: string): Promise<void> {
  await q(`insert into disciplinary_measure (owner_id, id, case_id, kind, description, decided_on, decided_by_person_id, single_incident, addressed_to_family, evaluate_on)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
  [ownerId, id, caseId, m.kind, m.description, m.decidedOn, personId, m.singleIncident, m.addressedToFamily, m.evaluateOn]);
}

export interface NewRemoval { description: string; on: string; teachingGroupId: string; minutes: number }

/** A teacher's removal of the student from their own lesson (L-31): a measure for a single incident. */
export async function insertRemoval(q: QueryFn, ownerId: string, id: string, caseId: string, r: NewRemoval, personId: string): Promise<void> {
  await q(`insert into disciplinary_measure (owner_id, id, case_id, kind, description, decided_on, decided_by_person_id, teaching_group_id, minutes, single_incident)
      values ($1, $2, $3, 'removalFromLesson', $4, $5, $6, $7, $8, true)`,
  [ownerId, id, caseId, r.description, r.on, personId, r.teachingGroupId, r.minutes]);
}

/** The student's level, which sets the law's caps on suspension. */
export async function studentLevel(q: QueryFn, ownerId: string, studentId: string): Promise<Level | undefined> {
  const [st] = await q<{ level: Level }>('select level from student where owner_id = $1 and id = $2', [ownerId, studentId]);
  return st?.level;
}

/* ───────────── suspension (L-31) ───────────── */

/** Whether the case has a suspension, and the day it was decided (null: notice sent, not decided). */
export async function suspensionDecidedOn(q: QueryFn, ownerId: string, caseId: string): Promise<{ decided_on: string | null } | undefined> {
  const [s] = await q<{ decided_on: string | null }>('select decided_on::text from suspension where owner_id = $1 and case_id = $2', [ownerId, caseId]);
  return s;
}

export async function suspensionNoticeAndDecision(q: QueryFn, ownerId: string, caseId: string): Promise<{ notice_sent_on: string; decided_on: string | null } | undefined> {
  const [s] = await q<{ notice_sent_on: string; decided_on: string | null }>('select notice_sent_on::text, decided_on::text from suspension where owner_id = $1 and case_id = $2', [ownerId, caseId]);
  return s;
}

/** The advance notice (sent again: the new day and sender replace the old). */
export async function saveSuspensionNotice(q: QueryFn, ownerId: string, caseId: string, noticeSentOn: string, personId: string): Promise<void> {
  await q(`insert into suspension (owner_id, case_id, notice_sent_on, notice_by_person_id) values ($1, $2, $3, $4)
      on conflict (owner_id, case_id) do update set notice_sent_on = excluded.notice_sent_on, notice_by_person_id = excluded.notice_by_person_id`,
  [ownerId, caseId, noticeSentOn, personId]);
}

/** The suspension as a measure addressed to the family, its description the reasons. */
export async function insertSuspensionMeasure(tx: QueryFn, ownerId: string, measureId: string, caseId: string, reasons: string, decidedOn: string, personId: string, singleIncident: boolean): Promise<void> {
  await tx(`insert into disciplinary_measure (owner_id, id, case_id, kind, description, decided_on, decided_by_person_id, single_incident, addressed_to_family)
        values ($1, $2, $3, 'suspension', $4, $5, $6, $7, true)`, [ownerId, measureId, caseId, reasons, decidedOn, personId, singleIncident]);
}

export interface SuspensionDecision {
  decidedOn: string; measureId: string; scope: SuspensionScope; days: number | null; lessons: number | null; startsOn: string; reasons: string;
  milderMeasures: string; guardiansToldOn: string | null; notifiedOn: string | null;
}

export async function decideSuspension(tx: QueryFn, ownerId: string, caseId: string, d: SuspensionDecision, personId: string): Promise<void> {
  await tx(`update suspension set decided_on = $3, decided_by_person_id = $4, measure_id = $5, scope = $6, days = $7, lessons = $8, starts_on = $9,
          reasons = $10, milder_measures = $11, guardians_told_on = $12, notified_on = $13
        where owner_id = $1 and case_id = $2`,
  [ownerId, caseId, d.decidedOn, personId, d.measureId, d.scope, d.days, d.lessons, d.startsOn, d.reasons, d.milderMeasures, d.guardiansToldOn, d.notifiedOn]);
}

export interface SuspensionAppeal { receivedOn: string; outcome: Suspension['appealOutcome']; decidedOn: string | null }

export async function saveSuspensionAppeal(q: QueryFn, ownerId: string, caseId: string, a: SuspensionAppeal): Promise<void> {
  await q('update suspension set appeal_received_on = $3, appeal_outcome = $4, appeal_decided_on = $5 where owner_id = $1 and case_id = $2',
    [ownerId, caseId, a.receivedOn, a.outcome, a.decidedOn]);
}

/* ───────────── physical interventions (L-32) ───────────── */

export interface NewIntervention { occurredOn: string; incidentAccount: string; interventionAccount: string; studentView: string; reportedToPrincipalOn: string }

export async function insertIntervention(q: QueryFn, ownerId: string, id: string, caseId: string, x: NewIntervention, personId: string): Promise<void> {
  await q(`insert into physical_intervention (owner_id, id, case_id, occurred_on, incident_account, intervention_account, student_view, performed_by_person_id, reported_to_principal_on)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
  [ownerId, id, caseId, x.occurredOn, x.incidentAccount, x.interventionAccount, x.studentView, personId, x.reportedToPrincipalOn]);
}

export async function interventionDates(q: QueryFn, ownerId: string, caseId: string, interventionId: string): Promise<{ occurred_on: string; parents_informed_on: string | null } | undefined> {
  const [x] = await q<{ occurred_on: string; parents_informed_on: string | null }>(
    'select occurred_on::text, parents_informed_on::text from physical_intervention where owner_id = $1 and case_id = $2 and id = $3',
    [ownerId, caseId, interventionId]);
  return x;
}

export async function markParentsInformed(q: QueryFn, ownerId: string, caseId: string, interventionId: string, informedOn: string, personId: string): Promise<void> {
  await q('update physical_intervention set parents_informed_on = $4, parents_informed_by_person_id = $5 where owner_id = $1 and case_id = $2 and id = $3',
    [ownerId, caseId, interventionId, informedOn, personId]);
}
