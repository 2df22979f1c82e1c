/** Every statement of cases (R-53, R-54, R-60). */
import type { QueryFn } from '../../core/db/client.js';
import { STUDENT_FACTS_SQL, toStudentFacts } from '../../core/policy/facts.js';
import type { CaseFacts } from './policy.js';
import type { CaseEventKind, CaseOutcome, CaseStatus, CaseVisibility } from './tables.js';

const personName = (col: string) => `(select p.given_name || ' ' || p.family_name from person p where p.owner_id = c.owner_id and p.id = ${col})`;

const PARTICIPANT_PERSONS = `coalesce((select json_agg(sm.person_id) from case_participant cp
  join staff_member sm on sm.owner_id = cp.owner_id and sm.id = cp.staff_member_id
  where cp.owner_id = c.owner_id and cp.case_id = c.id), '[]'::json)`;

/** One case's facts with its student's, in one round trip (the access hook's `:caseId`). */
export async function caseFacts(q: QueryFn, ownerId: string, caseId: string, today: string): Promise<CaseFacts | null> {
  const rows = await q<Record<string, unknown>>(
    STUDENT_FACTS_SQL('c.id = $3', `, c.id as case_id, c.visibility, rsm.person_id as raised_by_person_id, ${PARTICIPANT_PERSONS} as participant_person_ids`,
      ` join cases c on c.owner_id = s.owner_id and c.student_id = s.id
        join staff_member rsm on rsm.owner_id = c.owner_id and rsm.id = c.raised_by_staff_member_id`),
    [ownerId, today, caseId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    caseId: r.case_id as string, student: toStudentFacts(ownerId, r), visibility: r.visibility as CaseVisibility,
    raisedByPersonId: r.raised_by_person_id as string, participantPersonIds: r.participant_person_ids as string[],
  };
}

export interface CaseRow {
  id: string; student_id: string; title: string; background: string; raised_by_staff_member_id: string; raised_by_person_id: string;
  raised_by_name: string; raised_on: string; status: CaseStatus; visibility: CaseVisibility; outcome: CaseOutcome | null;
  outcome_reason: string; outcome_on: string | null; outcome_by_name: string | null; resource_team_registered_at: string | null;
  participant_person_ids: string[]; updated_at: string;
}

const SELECT = `select c.id, c.student_id, c.title, c.background, c.raised_by_staff_member_id, rsm.person_id as raised_by_person_id,
  ${personName('rsm.person_id')} as raised_by_name, c.raised_on::text as raised_on, c.status, c.visibility, c.outcome, c.outcome_reason,
  c.outcome_on::text as outcome_on, ${personName('c.outcome_by_person_id')} as outcome_by_name,
  to_char(c.resource_team_registered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as resource_team_registered_at,
  ${PARTICIPANT_PERSONS} as participant_person_ids, to_char(c.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as updated_at
  from cases c join staff_member rsm on rsm.owner_id = c.owner_id and rsm.id = c.raised_by_staff_member_id`;

/** Every case about the student, the open ones first; the caller's policy decides which are shown. */
export async function casesOf(q: QueryFn, ownerId: string, studentId: string): Promise<CaseRow[]> {
  return q<CaseRow>(`${SELECT} where c.owner_id = $1 and c.student_id = $2 order by (c.status = 'closed'), c.raised_on desc, c.created_at desc`, [ownerId, studentId]);
}

export async function caseOf(q: QueryFn, ownerId: string, caseId: string): Promise<CaseRow | undefined> {
  const [row] = await q<CaseRow>(`${SELECT} where c.owner_id = $1 and c.id = $2`, [ownerId, caseId]);
  return row;
}

export interface ResourceTeamCaseRow extends CaseRow { student_name: string; basis_group_name: string | null }

/**
 * The open cases registered for the resource team at the school (R-53), oldest registration first. The
 * caller decides each one per student at read time; this is also what the resource team's meeting agenda
 * reads through GET /api/resource-team/cases.
 */
export async function casesForResourceTeam(q: QueryFn, ownerId: string, schoolId: string, today: string): Promise<ResourceTeamCaseRow[]> {
  return q<ResourceTeamCaseRow>(`${SELECT.replace('from cases c', `, sp.given_name || ' ' || sp.family_name as student_name,
      (select bg.name from enrolment e join basis_group bg on bg.owner_id = e.owner_id and bg.id = e.basis_group_id
        where e.owner_id = s.owner_id and e.student_id = s.id and e.starts_on <= $3::date and (e.ends_on is null or e.ends_on > $3::date) limit 1) as basis_group_name
      from cases c`)}
    join student s on s.owner_id = c.owner_id and s.id = c.student_id
    join person sp on sp.owner_id = s.owner_id and sp.id = s.person_id
    where c.owner_id = $1 and s.school_id = $2 and c.status = 'open' and c.resource_team_registered_at is not null
    order by c.resource_team_registered_at, c.id`, [ownerId, schoolId, today]);
}

export interface NewCaseRow {
  ownerId: string; id: string; studentId: string; title: string; background: string; raisedByStaffMemberId: string; raisedOn: string;
  visibility: CaseVisibility; registerForResourceTeam: boolean; byPersonId: string;
}

export async function insertCase(q: QueryFn, c: NewCaseRow): Promise<void> {
  await q(`insert into cases (owner_id, id, student_id, title, background, raised_by_staff_member_id, raised_on, visibility,
      resource_team_registered_at, resource_team_registered_by_person_id, created_by_person_id)
    values ($1, $2, $3, $4, $5, $6, $7, $8, case when $9::boolean then now() end, case when $9::boolean then $10::uuid end, $10)`,
  [c.ownerId, c.id, c.studentId, c.title, c.background, c.raisedByStaffMemberId, c.raisedOn, c.visibility, c.registerForResourceTeam, c.byPersonId]);
}

export async function setResourceTeam(q: QueryFn, ownerId: string, caseId: string, registered: boolean, byPersonId: string): Promise<void> {
  await q(`update cases set resource_team_registered_at = case when $3::boolean then now() end,
      resource_team_registered_by_person_id = case when $3::boolean then $4::uuid end, updated_at = now()
    where owner_id = $1 and id = $2`, [ownerId, caseId, registered, byPersonId]);
}

export async function setVisibility(q: QueryFn, ownerId: string, caseId: string, visibility: CaseVisibility): Promise<void> {
  await q('update cases set visibility = $3, updated_at = now() where owner_id = $1 and id = $2', [ownerId, caseId, visibility]);
}

export async function setOutcome(q: QueryFn, ownerId: string, caseId: string, o: { outcome: CaseOutcome; reason: string; on: string; byPersonId: string }): Promise<void> {
  await q(`update cases set outcome = $3, outcome_reason = $4, outcome_on = $5, outcome_by_person_id = $6,
      status = case when $3 = 'closed' then 'closed' else 'open' end, updated_at = now()
    where owner_id = $1 and id = $2`, [ownerId, caseId, o.outcome, o.reason, o.on, o.byPersonId]);
}

export interface EventRow {
  id: string; kind: CaseEventKind; occurred_on: string; description: string; done_by: string; corrects_event_id: string | null;
  entered_by_name: string; entered_at: string;
}

export async function eventsOf(q: QueryFn, ownerId: string, caseId: string): Promise<EventRow[]> {
  return q<EventRow>(`select e.id, e.kind, e.occurred_on::text as occurred_on, e.description, e.done_by, e.corrects_event_id,
      (select p.given_name || ' ' || p.family_name from person p where p.owner_id = e.owner_id and p.id = e.entered_by_person_id) as entered_by_name,
      to_char(e.entered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as entered_at
    from case_event e where e.owner_id = $1 and e.case_id = $2 order by e.occurred_on, e.entered_at, e.id`, [ownerId, caseId]);
}

export async function eventExists(q: QueryFn, ownerId: string, caseId: string, eventId: string): Promise<boolean> {
  return (await q('select 1 from case_event where owner_id = $1 and case_id = $2 and id = $3', [ownerId, caseId, eventId])).length > 0;
}

export interface NewEventRow {
  ownerId: string; id: string; caseId: string; kind: CaseEventKind; occurredOn: string; description: string; doneBy: string;
  correctsEventId: string | null; byPersonId: string;
}

/** Appends to the chronology; nothing in Elevlos updates or deletes an entry (the table refuses it too). */
export async function appendEvent(q: QueryFn, e: NewEventRow): Promise<void> {
  await q(`insert into case_event (owner_id, id, case_id, kind, occurred_on, description, done_by, corrects_event_id, entered_by_person_id)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
  [e.ownerId, e.id, e.caseId, e.kind, e.occurredOn, e.description, e.doneBy, e.correctsEventId, e.byPersonId]);
}

export interface ParticipantRow {
  id: string; staff_member_id: string | null; person_id: string | null; name: string; role: string; external: boolean;
}

export async function participantsOf(q: QueryFn, ownerId: string, caseId: string): Promise<ParticipantRow[]> {
  return q<ParticipantRow>(`select cp.id, cp.staff_member_id, sm.person_id,
      coalesce(p.given_name || ' ' || p.family_name, cp.external_name) as name, cp.role, cp.staff_member_id is null as external
    from case_participant cp
    left join staff_member sm on sm.owner_id = cp.owner_id and sm.id = cp.staff_member_id
    left join person p on p.owner_id = sm.owner_id and p.id = sm.person_id
    where cp.owner_id = $1 and cp.case_id = $2 order by cp.added_at, cp.id`, [ownerId, caseId]);
}

export async function insertParticipant(q: QueryFn, p: {
  ownerId: string; id: string; caseId: string; staffMemberId: string | null; externalName: string | null; role: string; byPersonId: string;
}): Promise<boolean> {
  const rows = await q(`insert into case_participant (owner_id, id, case_id, staff_member_id, external_name, role, added_by_person_id)
    values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing returning id`,
  [p.ownerId, p.id, p.caseId, p.staffMemberId, p.externalName, p.role, p.byPersonId]);
  return rows.length > 0;
}

/** The staff member at the school, with their person and name (a participant or the one raising a case must be). */
export async function staffMemberAt(q: QueryFn, ownerId: string, staffMemberId: string, schoolId: string): Promise<{ person_id: string; name: string } | undefined> {
  const [row] = await q<{ person_id: string; name: string }>(`select sm.person_id, p.given_name || ' ' || p.family_name as name
    from staff_member sm join person p on p.owner_id = sm.owner_id and p.id = sm.person_id
    where sm.owner_id = $1 and sm.id = $2 and sm.school_id = $3`, [ownerId, staffMemberId, schoolId]);
  return row;
}

/** The school's staff, for choosing a participant. */
export async function staffOfSchool(q: QueryFn, ownerId: string, schoolId: string): Promise<{ staff_member_id: string; person_id: string; name: string }[]> {
  return q(`select sm.id as staff_member_id, sm.person_id, p.given_name || ' ' || p.family_name as name
    from staff_member sm join person p on p.owner_id = sm.owner_id and p.id = sm.person_id
    where sm.owner_id = $1 and sm.school_id = $2 order by p.family_name, p.given_name`, [ownerId, schoolId]);
}

export interface LinkedMeasureRow { id: string; goal: string; status: string; evaluate_on: string; owner_person_id: string }

/** The measures proposed in the case (measure.case_id, R-55); the caller decides each with the measures' policy. */
export async function measuresOfCase(q: QueryFn, ownerId: string, caseId: string): Promise<LinkedMeasureRow[]> {
  return q<LinkedMeasureRow>(`select m.id, m.goal, m.status, m.evaluate_on::text as evaluate_on, sm.person_id as owner_person_id
    from measure m join staff_member sm on sm.owner_id = m.owner_id and sm.id = m.owner_staff_member_id
    where m.owner_id = $1 and m.case_id = $2 order by m.created_at`, [ownerId, caseId]);
}
