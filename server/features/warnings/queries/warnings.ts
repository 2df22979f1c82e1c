/**
 * The warnings themselves (R-22, L-20, L-21): reading them, raising, correcting, reviewing, sending and
 * withdrawing them, and the principal's decision with its appeal. `sentWarnings` is the contract other
 * features use (conduct grades, grade preparation: L-22 § 9-17 — Ng or Lg needs an earlier warning).
 * Every function takes a `QueryFn`: pass `database.query` or a transaction's query function.
 */
import type { QueryFn } from '../../../core/db/client.js';
import type { WarningKind, WarningState, warningNotice } from '../tables.js';
import type { WarningView } from '../schemas.js';

/** Whether a warning's deadline has come: flagged when it is today or past (a sent warning may then lead to a decision, L-21). */
export function dueStateOf(dueOn: string, today: string): 'open' | 'today' | 'past' {
  return dueOn > today ? 'open' : dueOn === today ? 'today' : 'past';
}

type Notice = typeof warningNotice.$inferSelect;

export interface SentWarning {
  warningId: string;
  studentId: string;
  kind: WarningKind;
  /** notAssessed: the subject */
  subjectId: string | null;
  /** conduct: which of the two grades */
  conductAspect: Notice['conductAspect'];
  termId: string;
  /** ISO timestamp the letter was sent */
  sentAt: string;
  withdrawn: boolean;
}

/** Every warning that was sent to these students (withdrawn ones too, flagged), oldest first. */
export async function sentWarnings(q: QueryFn, ownerId: string, studentIds: readonly string[]): Promise<SentWarning[]> {
  if (studentIds.length === 0) return [];
  const rows = await q<{ id: string; student_id: string; kind: WarningKind; subject_id: string | null; conduct_aspect: Notice['conductAspect']; term_id: string; sent_at: string; state: WarningState }>(
    `select id, student_id, kind, subject_id, conduct_aspect, term_id, sent_at, state
     from warning_notice
     where owner_id = $1 and student_id = any($2::uuid[]) and sent_at is not null
     order by sent_at, id`,
    [ownerId, studentIds],
  );
  return rows.map((r) => ({
    warningId: r.id, studentId: r.student_id, kind: r.kind, subjectId: r.subject_id, conductAspect: r.conduct_aspect, termId: r.term_id,
    sentAt: new Date(r.sent_at).toISOString(), withdrawn: r.state === 'withdrawn',
  }));
}

interface WarningRow {
  id: string; student_id: string; kind: WarningKind; subject_id: string | null; subject_code: string | null; subject_name: string | null;
  conduct_aspect: Notice['conductAspect']; grounds: string; requirement: string; due_on: string; state: WarningState;
  raised_by: string; raised_by_person_id: string; raised_at: string; review_note: string | null; letter_id: string | null;
  sent_at: string | null; withdrawn_at: string | null; withdrawal_reason: string | null;
  decision_id: string | null; decision_reasons: string | null; decided_at: string | null; decided_by: string | null;
  appealed_on: string | null; appeal_note: string | null; forwarded_on: string | null;
}

/** Timestamps come back as Date (node-postgres, PGlite) or text; the views carry ISO strings. */
export const iso = (v: string | Date | null): string | null => (v === null ? null : new Date(v).toISOString());

/** Every warning of some students, newest first, with the principal's decision where there is one. */
export async function warningsOf(q: QueryFn, ownerId: string, studentIds: readonly string[], viewerPersonId: string, today: string): Promise<(WarningView & { studentId: string; raisedByPersonId: string })[]> {
  if (studentIds.length === 0) return [];
  const rows = await q<WarningRow>(
    `select w.id, w.student_id, w.kind, w.subject_id, su.code as subject_code, su.name as subject_name, w.conduct_aspect, w.grounds, w.requirement,
       w.due_on::text as due_on, w.state, rp.given_name || ' ' || rp.family_name as raised_by, w.raised_by_person_id, w.raised_at, w.review_note,
       w.letter_id, w.sent_at, w.withdrawn_at, w.withdrawal_reason,
       d.id as decision_id, d.reasons as decision_reasons, d.decided_at, dp.given_name || ' ' || dp.family_name as decided_by,
       d.appealed_on::text as appealed_on, d.appeal_note, d.forwarded_to_county_governor_on::text as forwarded_on
     from warning_notice w
     join person rp on rp.owner_id = w.owner_id and rp.id = w.raised_by_person_id
     left join subject su on su.owner_id = w.owner_id and su.id = w.subject_id
     left join warning_decision d on d.owner_id = w.owner_id and d.warning_notice_id = w.id
     left join person dp on dp.owner_id = d.owner_id and dp.id = d.decided_by_person_id
     where w.owner_id = $1 and w.student_id = any($2::uuid[])
     order by w.raised_at desc, w.id`,
    [ownerId, studentIds],
  );
  return rows.map((r) => ({
    id: r.id, studentId: r.student_id, kind: r.kind, subjectId: r.subject_id, subjectCode: r.subject_code, subjectName: r.subject_name,
    conductAspect: r.conduct_aspect, grounds: r.grounds, requirement: r.requirement, dueOn: r.due_on, dueState: dueStateOf(r.due_on, today), state: r.state,
    raisedBy: r.raised_by, raisedByPersonId: r.raised_by_person_id, raisedByMe: r.raised_by_person_id === viewerPersonId, raisedAt: iso(r.raised_at)!,
    reviewNote: r.review_note, letterId: r.letter_id, sentAt: iso(r.sent_at), withdrawnAt: iso(r.withdrawn_at), withdrawalReason: r.withdrawal_reason,
    decision: r.decision_id ? {
      id: r.decision_id, reasons: r.decision_reasons ?? '', decidedAt: iso(r.decided_at)!, decidedBy: r.decided_by ?? '',
      appealedOn: r.appealed_on, appealNote: r.appeal_note, forwardedOn: r.forwarded_on,
    } : null,
  }));
}

export interface NoticeState { id: string; student_id: string; state: WarningState; kind: WarningKind; letter_id: string | null; due_on: string }

/** One warning, locked for the change. */
export async function lockedNotice(q: QueryFn, ownerId: string, warningId: string): Promise<NoticeState | undefined> {
  const [row] = await q<NoticeState>(
    'select id, student_id, state, kind, letter_id, due_on::text as due_on from warning_notice where owner_id = $1 and id = $2 for update', [ownerId, warningId]);
  return row;
}

/** Some warnings with their term, locked while they are merged into a letter. */
export async function lockedNotices(q: QueryFn, ownerId: string, warningIds: readonly string[]): Promise<(NoticeState & { term_id: string })[]> {
  return q<NoticeState & { term_id: string }>(
    'select id, student_id, state, kind, letter_id, term_id from warning_notice where owner_id = $1 and id = any($2::uuid[]) for update', [ownerId, warningIds]);
}

/** Who raised a warning (the one who may correct it besides the coordinating contact teacher). */
export async function raisedBy(q: QueryFn, ownerId: string, warningId: string): Promise<{ raised_by_person_id: string } | undefined> {
  const [w] = await q<{ raised_by_person_id: string }>('select raised_by_person_id from warning_notice where owner_id = $1 and id = $2', [ownerId, warningId]);
  return w;
}

export interface NewWarning {
  id: string; studentId: string; schoolYearId: string; termId: string; kind: WarningKind; subjectId: string | null;
  conductAspect: Notice['conductAspect']; grounds: string; requirement: string; dueOn: string;
  /** JSON text, or null */
  absenceSnapshot: string | null;
  raisedByPersonId: string;
}

/** A new warning, proposed. */
export async function insertWarning(q: QueryFn, ownerId: string, w: NewWarning): Promise<void> {
  await q(
    `insert into warning_notice (owner_id, id, student_id, school_year_id, term_id, kind, subject_id, conduct_aspect, grounds, requirement, due_on,
       absence_snapshot, raised_by_person_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [ownerId, w.id, w.studentId, w.schoolYearId, w.termId, w.kind, w.subjectId, w.conductAspect, w.grounds, w.requirement, w.dueOn,
      w.absenceSnapshot, w.raisedByPersonId],
  );
}

/** Corrects the text and deadline of a warning; a null keeps what is there. */
export async function updateWarningText(q: QueryFn, ownerId: string, warningId: string,
  patch: { grounds: string | null; requirement: string | null; dueOn: string | null }): Promise<void> {
  await q(
    `update warning_notice set grounds = coalesce($3, grounds), requirement = coalesce($4, requirement), due_on = coalesce($5::date, due_on)
     where owner_id = $1 and id = $2`,
    [ownerId, warningId, patch.grounds, patch.requirement, patch.dueOn],
  );
}

export async function markWarningRejected(q: QueryFn, ownerId: string, warningId: string, byPersonId: string, note: string): Promise<void> {
  await q(
    `update warning_notice set state = 'rejected', reviewed_by_person_id = $3, reviewed_at = now(), review_note = $4 where owner_id = $1 and id = $2`,
    [ownerId, warningId, byPersonId, note],
  );
}

/** The warnings merged into one letter, approved by the contact teacher. */
export async function markWarningsApproved(q: QueryFn, ownerId: string, warningIds: readonly string[], letterId: string, byPersonId: string): Promise<void> {
  await q(
    `update warning_notice set state = 'approved', letter_id = $3, reviewed_by_person_id = $4, reviewed_at = now()
     where owner_id = $1 and id = any($2::uuid[])`,
    [ownerId, warningIds, letterId, byPersonId],
  );
}

/** Every warning a letter carries is sent with it. */
export async function markLetterWarningsSent(q: QueryFn, ownerId: string, letterId: string, sentAt: string): Promise<void> {
  await q(`update warning_notice set state = 'sent', sent_at = $3 where owner_id = $1 and letter_id = $2`, [ownerId, letterId, sentAt]);
}

export async function markWarningWithdrawn(q: QueryFn, ownerId: string, warningId: string, byPersonId: string, reason: string): Promise<void> {
  await q(
    `update warning_notice set state = 'withdrawn', withdrawn_at = now(), withdrawn_by_person_id = $3, withdrawal_reason = $4 where owner_id = $1 and id = $2`,
    [ownerId, warningId, byPersonId, reason],
  );
}

/** The students of a school with warnings, of a kind and in a state when given. */
export async function studentsWithWarnings(q: QueryFn, ownerId: string, schoolId: string, kind: WarningKind | null, state: WarningState | null): Promise<{ student_id: string }[]> {
  return q<{ student_id: string }>(
    `select distinct w.student_id from warning_notice w join student s on s.owner_id = w.owner_id and s.id = w.student_id
       where w.owner_id = $1 and s.school_id = $2 and ($3::text is null or w.kind = $3) and ($4::text is null or w.state = $4)`,
    [ownerId, schoolId, kind, state],
  );
}

/** Whether the principal has decided on the warning (L-21). */
export async function hasDecision(q: QueryFn, ownerId: string, warningId: string): Promise<boolean> {
  const existing = await q('select 1 from warning_decision where owner_id = $1 and warning_notice_id = $2', [ownerId, warningId]);
  return existing.length > 0;
}

export async function insertDecision(q: QueryFn, ownerId: string, d: { id: string; warningId: string; studentId: string; reasons: string; decidedByPersonId: string }): Promise<void> {
  await q(
    `insert into warning_decision (owner_id, id, warning_notice_id, student_id, reasons, decided_by_person_id) values ($1, $2, $3, $4, $5, $6)`,
    [ownerId, d.id, d.warningId, d.studentId, d.reasons, d.decidedByPersonId],
  );
}

/** The decision on a warning, locked while an appeal is recorded. */
export async function lockedDecision(q: QueryFn, ownerId: string, warningId: string): Promise<{ id: string; appealed_on: string | null } | undefined> {
  const [d] = await q<{ id: string; appealed_on: string | null }>(
    'select id, appealed_on from warning_decision where owner_id = $1 and warning_notice_id = $2 for update', [ownerId, warningId]);
  return d;
}

export interface AppealEntry {
  appealedOn: string; note: string; recordedByPersonId: string; forwardedOn: string | null;
}

/** § 10-5: the appeal of a decision, and when it went to the county governor. */
export async function updateDecisionAppeal(q: QueryFn, ownerId: string, decisionId: string, a: AppealEntry): Promise<void> {
  await q(
    `update warning_decision set appealed_on = $3, appeal_note = $4, appeal_recorded_by_person_id = $5, forwarded_to_county_governor_on = $6
     where owner_id = $1 and id = $2`,
    [ownerId, decisionId, a.appealedOn, a.note, a.recordedByPersonId, a.forwardedOn],
  );
}
