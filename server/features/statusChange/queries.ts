/** Every statement of status changes, including the one change of the enrolment a granted decision makes. */
import type { QueryFn } from '../../core/db/client.js';
import type { MeetingParticipant, StatusAppealOutcome, StatusChangeKind } from './tables.js';

export interface StatusChangeRow {
  id: string; student_id: string; kind: StatusChangeKind; background: string; proposed_on: string; new_programme: 'general' | 'vocational' | null;
  started_by: string; started_on: string;
  decided_on: string | null; decided_by: string | null; granted: boolean | null; reasons: string | null; effective_on: string | null;
  notified_on: string | null; appeal_to: string | null; appeal_received_on: string | null; appeal_note: string | null;
  appeal_outcome: StatusAppealOutcome | null; appeal_decided_on: string | null; school_name: string;
}

const name = (alias: string) => `(select p.given_name || ' ' || p.family_name from person p where p.owner_id = c.owner_id and p.id = ${alias})`;

const SELECT = `select c.id, c.student_id, c.kind, c.background, c.proposed_on::text as proposed_on, c.new_programme,
  ${name('c.started_by_person_id')} as started_by, (c.started_at at time zone 'Europe/Oslo')::date::text as started_on,
  c.decided_on::text as decided_on, ${name('c.decided_by_person_id')} as decided_by, c.granted, c.reasons, c.effective_on::text as effective_on,
  c.notified_on::text as notified_on, c.appeal_to, c.appeal_received_on::text as appeal_received_on, c.appeal_note, c.appeal_outcome,
  c.appeal_decided_on::text as appeal_decided_on, sc.name as school_name
  from status_change c
  join student s on s.owner_id = c.owner_id and s.id = c.student_id
  join school sc on sc.owner_id = s.owner_id and sc.id = s.school_id`;

/** The student's status changes, the undecided first, then the newest. */
export async function statusChangesOf(q: QueryFn, ownerId: string, studentId: string): Promise<StatusChangeRow[]> {
  return q<StatusChangeRow>(`${SELECT} where c.owner_id = $1 and c.student_id = $2
    order by (c.decided_on is not null), c.started_at desc`, [ownerId, studentId]);
}

export async function statusChangeOf(q: QueryFn, ownerId: string, studentId: string, id: string, lock = false): Promise<StatusChangeRow | undefined> {
  const [row] = await q<StatusChangeRow>(`${SELECT} where c.owner_id = $1 and c.student_id = $2 and c.id = $3${lock ? ' for update of c' : ''}`, [ownerId, studentId, id]);
  return row;
}

/** The decided status changes only: what the student and the guardians read. */
export async function decisionsOf(q: QueryFn, ownerId: string, studentId: string): Promise<StatusChangeRow[]> {
  return q<StatusChangeRow>(`${SELECT} where c.owner_id = $1 and c.student_id = $2 and c.decided_on is not null order by c.decided_on desc, c.started_at desc`,
    [ownerId, studentId]);
}

export interface MeetingRow { id: string; status_change_id: string; held_on: string; participants: MeetingParticipant[]; others: string; note: string; recorded_by: string }
export interface DocumentRow { id: string; status_change_id: string; title: string; received_on: string; received_from: string; recorded_by: string }

export async function meetingsOf(q: QueryFn, ownerId: string, ids: readonly string[]): Promise<MeetingRow[]> {
  if (ids.length === 0) return [];
  return q<MeetingRow>(`select c.id, c.status_change_id, c.held_on::text as held_on, c.participants, c.others, c.note, ${name('c.recorded_by_person_id')} as recorded_by
    from status_change_meeting c where c.owner_id = $1 and c.status_change_id = any($2::uuid[]) order by c.held_on, c.recorded_at`, [ownerId, ids]);
}

export async function documentsOf(q: QueryFn, ownerId: string, ids: readonly string[]): Promise<DocumentRow[]> {
  if (ids.length === 0) return [];
  return q<DocumentRow>(`select c.id, c.status_change_id, c.title, c.received_on::text as received_on, c.received_from, ${name('c.recorded_by_person_id')} as recorded_by
    from status_change_document c where c.owner_id = $1 and c.status_change_id = any($2::uuid[]) order by c.received_on, c.recorded_at`, [ownerId, ids]);
}

export interface NewStatusChangeRow {
  ownerId: string; id: string; studentId: string; kind: StatusChangeKind; background: string; proposedOn: string;
  newProgramme: string | null; byPersonId: string;
}

export async function insertStatusChange(q: QueryFn, c: NewStatusChangeRow): Promise<void> {
  await q(`insert into status_change (owner_id, id, student_id, kind, background, proposed_on, new_programme, started_by_person_id)
    values ($1, $2, $3, $4, $5, $6, $7, $8)`, [c.ownerId, c.id, c.studentId, c.kind, c.background, c.proposedOn, c.newProgramme, c.byPersonId]);
}

/** Corrects the preparation; a decided status change is never touched (`decided_on is null`). */
export async function updatePreparation(q: QueryFn, ownerId: string, id: string, c: { background: string; proposedOn: string; newProgramme: string | null }): Promise<boolean> {
  const rows = await q(`update status_change set background = $3, proposed_on = $4, new_programme = $5, updated_at = now()
    where owner_id = $1 and id = $2 and decided_on is null returning id`, [ownerId, id, c.background, c.proposedOn, c.newProgramme]);
  return rows.length > 0;
}

export async function insertMeeting(q: QueryFn, ownerId: string, m: { id: string; statusChangeId: string; heldOn: string; participants: string[]; others: string; note: string; byPersonId: string }): Promise<void> {
  await q(`insert into status_change_meeting (owner_id, id, status_change_id, held_on, participants, others, note, recorded_by_person_id)
    values ($1, $2, $3, $4, $5::text[], $6, $7, $8)`, [ownerId, m.id, m.statusChangeId, m.heldOn, m.participants, m.others, m.note, m.byPersonId]);
}

export async function insertDocument(q: QueryFn, ownerId: string, d: { id: string; statusChangeId: string; title: string; receivedOn: string; receivedFrom: string; byPersonId: string }): Promise<void> {
  await q(`insert into status_change_document (owner_id, id, status_change_id, title, received_on, received_from, recorded_by_person_id)
    values ($1, $2, $3, $4, $5, $6, $7)`, [ownerId, d.id, d.statusChangeId, d.title, d.receivedOn, d.receivedFrom, d.byPersonId]);
}

export interface DecisionRow { granted: boolean; reasons: string; effectiveOn: string | null; notifiedOn: string; appealTo: string; decidedOn: string; byPersonId: string }

export async function saveDecision(q: QueryFn, ownerId: string, id: string, d: DecisionRow): Promise<void> {
  await q(`update status_change set decided_on = $3, decided_by_person_id = $4, granted = $5, reasons = $6, effective_on = $7, notified_on = $8, appeal_to = $9,
      updated_at = now() where owner_id = $1 and id = $2 and decided_on is null`,
  [ownerId, id, d.decidedOn, d.byPersonId, d.granted, d.reasons, d.effectiveOn, d.notifiedOn, d.appealTo]);
}

export async function saveAppeal(q: QueryFn, ownerId: string, id: string, a: { receivedOn: string; note: string; outcome: string | null; decidedOn: string | null; byPersonId: string }): Promise<void> {
  await q(`update status_change set appeal_received_on = $3, appeal_note = $4, appeal_outcome = $5, appeal_decided_on = $6, appeal_recorded_by_person_id = $7, updated_at = now()
    where owner_id = $1 and id = $2`, [ownerId, id, a.receivedOn, a.note, a.outcome, a.decidedOn, a.byPersonId]);
}

/**
 * A granted leaving or change of school: the student's group memberships end on the effective day
 * (ends_on is exclusive, so the last day in the group is the day before); memberships that would only
 * have begun on or after it are removed, as the roster import does (they never happened); and the
 * student's status becomes `left`. Nothing else the student has in Elevlos is touched.
 */
export async function endEnrolment(q: QueryFn, ownerId: string, studentId: string, effectiveOn: string): Promise<void> {
  await q(`update enrolment set ends_on = $3::date where owner_id = $1 and student_id = $2
    and starts_on < $3::date and (ends_on is null or ends_on > $3::date)`, [ownerId, studentId, effectiveOn]);
  await q('delete from enrolment where owner_id = $1 and student_id = $2 and starts_on >= $3::date', [ownerId, studentId, effectiveOn]);
  await q("update student set status = 'left' where owner_id = $1 and id = $2", [ownerId, studentId]);
}

/** A granted change of programme: the student's status becomes `changed`, with the new programme where one was named. */
export async function changeProgramme(q: QueryFn, ownerId: string, studentId: string, newProgramme: string | null): Promise<void> {
  await q("update student set status = 'changed', programme = coalesce($3, programme) where owner_id = $1 and id = $2", [ownerId, studentId, newProgramme]);
}

export async function studentStatus(q: QueryFn, ownerId: string, studentId: string): Promise<string> {
  const [row] = await q<{ status: string }>('select status from student where owner_id = $1 and id = $2', [ownerId, studentId]);
  return row?.status ?? 'active';
}

/** The names of people (the notice's recipients), by id. */
export async function namesOf(q: QueryFn, ownerId: string, personIds: readonly string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await q<{ id: string; name: string }>("select id, given_name || ' ' || family_name as name from person where owner_id = $1 and id = any($2::uuid[])", [ownerId, personIds]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Link-only notices (no student details in them): the decision is there to read. */
export async function notify(q: QueryFn, ownerId: string, kind: string, recipients: readonly { personId: string; link: string }[]): Promise<void> {
  if (recipients.length === 0) return;
  await q(`insert into notification (owner_id, id, recipient_person_id, kind, link)
    select $1, gen_random_uuid(), p, $2, l from unnest($3::uuid[], $4::text[]) as x(p, l)`,
  [ownerId, kind, recipients.map((r) => r.personId), recipients.map((r) => r.link)]);
}

export interface PendingRow { id: string; student_id: string; student_name: string; kind: StatusChangeKind; proposed_on: string; started_on: string }

/** Status changes awaiting the principal's decision at the school; the caller decides each student again. */
export async function pendingAt(q: QueryFn, ownerId: string, schoolId: string): Promise<PendingRow[]> {
  return q<PendingRow>(`select c.id, c.student_id, p.given_name || ' ' || p.family_name as student_name, c.kind, c.proposed_on::text as proposed_on,
      (c.started_at at time zone 'Europe/Oslo')::date::text as started_on
    from status_change c join student s on s.owner_id = c.owner_id and s.id = c.student_id
    join person p on p.owner_id = s.owner_id and p.id = s.person_id
    where c.owner_id = $1 and s.school_id = $2 and c.decided_on is null order by c.started_at limit 200`, [ownerId, schoolId]);
}
