/** Reading disciplinary cases: one case as staff or family see it, and the lists by student, class and school. */
import type { Database, QueryFn } from '../../core/db/client.js';
import type { Level } from '../../core/db/tables.js';
import { can } from '../../core/policy/can.js';
import { loadStudentsFacts } from '../../core/policy/facts.js';
import type { Actor, Reason } from '../../core/policy/types.js';
import type { DisciplinaryCaseFacts } from './policy.js';
import type { CaseView } from './schemas.js';
import { stageOf } from './rules.js';

const FAMILY: Reason['code'][] = ['self', 'guardianWithParentalResponsibility', 'guardianByConsent', 'guardianByInformationDecision'];
export const isFamily = (reason: Reason): boolean => FAMILY.includes(reason.code);

const name = (alias: string) => `(select given_name || ' ' || family_name from person where owner_id = $1 and id = ${alias})`;

/** The case as the caller may see it: staff see it all; the student and guardians only what was addressed to them. */
export async function caseView(q: QueryFn, actor: Actor, c: DisciplinaryCaseFacts, reason: Reason, today: string): Promise<Omit<CaseView, 'access' | 'today'>> {
  const o = actor.ownerId;
  const [head] = await q<{ opened_at: string; reported_by: string; given_name: string; family_name: string; level: Level; class_name: string | null }>(
    `select dc.opened_at, ${name('dc.reported_by_person_id')} as reported_by, p.given_name, p.family_name, s.level,
       (select bg.name from enrolment e join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
        where e.owner_id = s.owner_id and e.student_id = s.id and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date) limit 1) as class_name
     from disciplinary_case dc join student s on s.owner_id = dc.owner_id and s.id = dc.student_id
     join person p on p.owner_id = s.owner_id and p.id = s.person_id where dc.owner_id = $1 and dc.id = $2`,
    [o, c.caseId, today]);
  const [incidents, hearings, measures, suspensions, interventions] = await Promise.all([
    q<{ id: string; occurred_on: string; place: string; description: string; rule: string; by: string }>(
      `select id, occurred_on::text, place, description, rule, ${name('reported_by_person_id')} as by from disciplinary_incident
       where owner_id = $1 and case_id = $2 order by occurred_on, recorded_at`, [o, c.caseId]),
    q<{ id: string; heard_on: string; student_view: string; by: string }>(
      `select id, heard_on::text, student_view, ${name('heard_by_person_id')} as by from disciplinary_hearing
       where owner_id = $1 and case_id = $2 order by heard_on, recorded_at`, [o, c.caseId]),
    q<{ id: string; kind: CaseView['measures'][number]['kind']; description: string; decided_on: string; by: string; single_incident: boolean;
      addressed_to_family: boolean; group_name: string | null; minutes: number | null; evaluate_on: string | null }>(
      `select m.id, m.kind, m.description, m.decided_on::text, ${name('m.decided_by_person_id')} as by, m.single_incident, m.addressed_to_family,
         tg.name as group_name, m.minutes, m.evaluate_on::text from disciplinary_measure m
       left join teaching_group tg on tg.owner_id = m.owner_id and tg.id = m.teaching_group_id
       where m.owner_id = $1 and m.case_id = $2 order by m.decided_on, m.recorded_at`, [o, c.caseId]),
    q<Record<string, string | number | null>>(
      `select notice_sent_on::text, decided_on::text, ${name('decided_by_person_id')} as decided_by, scope, days, lessons, starts_on::text,
         reasons, milder_measures, guardians_told_on::text, notified_on::text, appeal_received_on::text, appeal_outcome, appeal_decided_on::text
       from suspension where owner_id = $1 and case_id = $2`, [o, c.caseId]),
    q<{ id: string; occurred_on: string; incident_account: string; intervention_account: string; student_view: string; by: string; reported_on: string; informed_on: string | null }>(
      `select id, occurred_on::text, incident_account, intervention_account, student_view, ${name('performed_by_person_id')} as by,
         reported_to_principal_on::text as reported_on, parents_informed_on::text as informed_on
       from physical_intervention where owner_id = $1 and case_id = $2 order by occurred_on, recorded_at`, [o, c.caseId]),
  ]);
  const family = isFamily(reason);
  const s = suspensions[0];
  const may = (action: Parameters<typeof can>[1]) => can(actor, action, { type: 'disciplinaryCase', disciplinaryCase: c }, today).allow;
  const studentGroups = new Set(c.student.teachingGroups.map((g) => g.id));
  return {
    id: c.caseId,
    view: family ? 'family' : 'staff',
    student: { id: c.student.studentId, givenName: head!.given_name, familyName: head!.family_name, stage: stageOf(head!.level), className: head!.class_name },
    openedAt: new Date(head!.opened_at).toISOString(),
    reportedBy: family ? null : head!.reported_by,
    // internal notes stay with the staff: the family sees the decisions addressed to them
    incidents: family ? [] : incidents.map((i) => ({ id: i.id, occurredOn: i.occurred_on, place: i.place, description: i.description, rule: i.rule, reportedBy: i.by })),
    hearings: family ? [] : hearings.map((h) => ({ id: h.id, heardOn: h.heard_on, studentView: h.student_view, heardBy: h.by })),
    measures: measures.filter((m) => !family || m.addressed_to_family).map((m) => ({
      id: m.id, kind: m.kind, description: m.description, decidedOn: m.decided_on, decidedBy: m.by, singleIncident: m.single_incident,
      addressedToFamily: m.addressed_to_family, groupName: m.group_name, minutes: m.minutes === null ? null : Number(m.minutes), evaluateOn: m.evaluate_on,
    })),
    suspension: s ? {
      noticeSentOn: s.notice_sent_on as string, decidedOn: s.decided_on as string | null, decidedBy: s.decided_on ? s.decided_by as string : null,
      scope: s.scope as 'lessons' | 'restOfDay' | 'days' | null, days: s.days === null ? null : Number(s.days), lessons: s.lessons === null ? null : Number(s.lessons),
      startsOn: s.starts_on as string | null, reasons: s.reasons as string | null, milderMeasures: family ? null : s.milder_measures as string | null,
      guardiansToldOn: s.guardians_told_on as string | null, notifiedOn: s.notified_on as string | null, appealReceivedOn: s.appeal_received_on as string | null,
      appealOutcome: s.appeal_outcome as 'upheld' | 'changed' | 'reversed' | null, appealDecidedOn: s.appeal_decided_on as string | null,
    } : null,
    // L-32: the parents are informed by the principal; until then the report is the staff's
    interventions: interventions.filter((i) => !family || i.informed_on).map((i) => ({
      id: i.id, occurredOn: i.occurred_on, incidentAccount: i.incident_account, interventionAccount: i.intervention_account, studentView: i.student_view,
      performedBy: i.by, reportedToPrincipalOn: i.reported_on, parentsInformedOn: i.informed_on,
    })),
    can: family
      ? { update: false, removeFromLesson: false, suspend: false, reportIntervention: false, informParents: false }
      : {
          update: may('disciplinaryCase.update'), removeFromLesson: may('disciplinaryCase.removeFromLesson'), suspend: may('disciplinaryCase.suspend'),
          reportIntervention: may('disciplinaryCase.reportIntervention'), informParents: may('disciplinaryCase.informParents'),
        },
    ownGroups: family ? [] : actor.subjectTeacherOf.filter((g) => studentGroups.has(g.id)).map((g) => ({ id: g.id, name: g.name })),
  };
}

export interface SummaryRow {
  id: string; student_id: string; given_name: string; family_name: string; class_name: string | null; opened_at: string;
  reported_by_person_id: string; last_incident_on: string | null; incidents: number; measures: number; family_measures: number;
  notice_sent_on: string | null; decided_on: string | null; appeal_received_on: string | null; informed: number;
}

/** $1 owner, $2 today; `where` picks the cases. */
export const SUMMARY_SQL = (where: string) => `
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

/**
 * Keeps the cases the actor may read (each decided with can()), as summaries; for the family only cases
 * with something addressed to them. Returns the decisions too, for the audit.
 */
export async function summarise(database: Database, actor: Actor, rows: readonly SummaryRow[], today: string) {
  const facts = await loadStudentsFacts(database, actor.ownerId, [...new Set(rows.map((r) => r.student_id))], today);
  const out: { summary: ReturnType<typeof toSummary>; reason: Reason; studentId: string }[] = [];
  for (const r of rows) {
    const student = facts.get(r.student_id);
    if (!student) continue;
    const d = can(actor, 'disciplinaryCase.read', { type: 'disciplinaryCase', disciplinaryCase: { caseId: r.id, reportedByPersonId: r.reported_by_person_id, student } }, today);
    if (!d.allow) continue;
    if (isFamily(d.reason) && r.family_measures === 0 && !r.notice_sent_on && r.informed === 0) continue;
    out.push({ summary: toSummary(r, isFamily(d.reason)), reason: d.reason, studentId: r.student_id });
  }
  return out;
}

function toSummary(r: SummaryRow, family: boolean) {
  return {
    id: r.id, studentId: r.student_id, givenName: r.given_name, familyName: r.family_name, className: r.class_name,
    openedAt: new Date(r.opened_at).toISOString(), lastIncidentOn: family ? null : r.last_incident_on,
    incidents: family ? 0 : Number(r.incidents), measures: Number(family ? r.family_measures : r.measures),
    suspension: r.appeal_received_on ? 'appealed' as const : r.decided_on ? 'decided' as const : r.notice_sent_on ? 'noticeSent' as const : 'none' as const,
  };
}
