/** Reading disciplinary cases: one case as staff or family see it, and the lists narrowed to what the caller may read. */
import type { Database, QueryFn } from '../../core/db/client.js';
import { can } from '../../core/policy/can.js';
import { loadStudentsFacts } from '../../core/policy/facts.js';
import type { Actor, Reason } from '../../core/policy/types.js';
import type { DisciplinaryCaseFacts } from './policy.js';
import type { CaseView } from './schemas.js';
import { caseHead, caseHearings, caseIncidents, caseInterventions, caseMeasures, caseSuspension, type SummaryRow } from './queries.js';
import { stageOf } from './rules.js';

const FAMILY: Reason['code'][] = ['self', 'guardianWithParentalResponsibility', 'guardianByConsent', 'guardianByInformationDecision'];
export const isFamily = (reason: Reason): boolean => FAMILY.includes(reason.code);

/** The case as the caller may see it: staff see it all; the student and guardians only what was addressed to them. */
export async function caseView(q: QueryFn, actor: Actor, c: DisciplinaryCaseFacts, reason: Reason, today: string): Promise<Omit<CaseView, 'access' | 'today'>> {
  const o = actor.ownerId;
  const head = await caseHead(q, o, c.caseId, today);
  const [incidents, hearings, measures, suspensions, interventions] = await Promise.all([
    caseIncidents(q, o, c.caseId),
    caseHearings(q, o, c.caseId),
    caseMeasures(q, o, c.caseId),
    caseSuspension(q, o, c.caseId),
    caseInterventions(q, o, c.caseId),
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
      noticeSentOn: s.notice_sent_on, decidedOn: s.decided_on, decidedBy: s.decided_on ? s.decided_by : null,
      scope: s.scope, days: s.days === null ? null : Number(s.days), lessons: s.lessons === null ? null : Number(s.lessons),
      startsOn: s.starts_on, reasons: s.reasons, milderMeasures: family ? null : s.milder_measures,
      guardiansToldOn: s.guardians_told_on, notifiedOn: s.notified_on, appealReceivedOn: s.appeal_received_on,
      appealOutcome: s.appeal_outcome, appealDecidedOn: s.appeal_decided_on,
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
