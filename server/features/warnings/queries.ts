/**
 * Reading warnings (R-22, L-20). `sentWarnings` is the contract other features use (conduct grades,
 * grade preparation: L-22 § 9-17 — Ng or Lg needs an earlier warning): pass `database.query` or a
 * transaction's query function.
 */
import type { QueryFn } from '../../core/db/client.js';
import type { WarningKind, WarningState } from './tables.js';
import type { WarningView } from './schemas.js';

export interface SentWarning {
  warningId: string;
  studentId: string;
  kind: WarningKind;
  /** notAssessed: the subject */
  subjectId: string | null;
  /** conduct: which of the two grades */
  conductAspect: 'order' | 'behaviour' | null;
  termId: string;
  /** ISO timestamp the letter was sent */
  sentAt: string;
  withdrawn: boolean;
}

/** Every warning that was sent to these students (withdrawn ones too, flagged), oldest first. */
export async function sentWarnings(q: QueryFn, ownerId: string, studentIds: readonly string[]): Promise<SentWarning[]> {
  if (studentIds.length === 0) return [];
  const rows = await q<{ id: string; student_id: string; kind: WarningKind; subject_id: string | null; conduct_aspect: 'order' | 'behaviour' | null; term_id: string; sent_at: string; state: WarningState }>(
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
  conduct_aspect: 'order' | 'behaviour' | null; grounds: string; requirement: string; due_on: string; state: WarningState;
  raised_by: string; raised_by_person_id: string; raised_at: string; review_note: string | null; letter_id: string | null;
  sent_at: string | null; withdrawn_at: string | null; withdrawal_reason: string | null;
  decision_id: string | null; decision_reasons: string | null; decided_at: string | null; decided_by: string | null;
  appealed_on: string | null; appeal_note: string | null; forwarded_on: string | null;
}

const iso = (v: string | Date | null): string | null => (v === null ? null : new Date(v).toISOString());

/** Every warning of some students, newest first, with the principal's decision where there is one. */
export async function warningsOf(q: QueryFn, ownerId: string, studentIds: readonly string[], viewerPersonId: string): Promise<(WarningView & { studentId: string; raisedByPersonId: string })[]> {
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
    conductAspect: r.conduct_aspect, grounds: r.grounds, requirement: r.requirement, dueOn: r.due_on, state: r.state,
    raisedBy: r.raised_by, raisedByPersonId: r.raised_by_person_id, raisedByMe: r.raised_by_person_id === viewerPersonId, raisedAt: iso(r.raised_at)!,
    reviewNote: r.review_note, letterId: r.letter_id, sentAt: iso(r.sent_at), withdrawnAt: iso(r.withdrawn_at), withdrawalReason: r.withdrawal_reason,
    decision: r.decision_id ? {
      id: r.decision_id, reasons: r.decision_reasons ?? '', decidedAt: iso(r.decided_at)!, decidedBy: r.decided_by ?? '',
      appealedOn: r.appealed_on, appealNote: r.appeal_note, forwardedOn: r.forwarded_on,
    } : null,
  }));
}

export interface LetterSummary {
  id: string; studentId: string; locale: 'nb' | 'nn'; channel: 'digital' | 'paper'; approvedAt: string; approvedBy: string; sentAt: string | null;
  state: 'approved' | 'sent' | 'withdrawn'; warningIds: string[]; delivered: boolean;
  /** the people a copy went to */
  recipientPersonIds: string[];
}

/** The letters of some students with what they carry and whether every copy was delivered (read or signed). */
export async function lettersOf(q: QueryFn, ownerId: string, studentIds: readonly string[]): Promise<LetterSummary[]> {
  if (studentIds.length === 0) return [];
  const rows = await q<{
    id: string; student_id: string; locale: 'nb' | 'nn'; channel: 'digital' | 'paper'; approved_at: string; approved_by: string; sent_at: string | null;
    warning_ids: string[]; withdrawn_all: boolean; copies: number; delivered_copies: number; recipients: string[] | null;
  }>(
    `select l.id, l.student_id, l.locale, l.channel, l.approved_at, ap.given_name || ' ' || ap.family_name as approved_by, l.sent_at,
       (select array_agg(w.id order by w.id) from warning_notice w where w.owner_id = l.owner_id and w.letter_id = l.id) as warning_ids,
       (select bool_and(w.state = 'withdrawn') from warning_notice w where w.owner_id = l.owner_id and w.letter_id = l.id) as withdrawn_all,
       (select count(*)::int from warning_letter_copy c where c.owner_id = l.owner_id and c.letter_id = l.id) as copies,
       (select count(*)::int from warning_letter_copy c where c.owner_id = l.owner_id and c.letter_id = l.id
          and exists (select 1 from warning_delivery_event e where e.owner_id = c.owner_id and e.copy_id = c.id and e.kind in ('read', 'signedCopy'))) as delivered_copies,
       (select array_agg(c.recipient_person_id) from warning_letter_copy c where c.owner_id = l.owner_id and c.letter_id = l.id) as recipients
     from warning_letter l join person ap on ap.owner_id = l.owner_id and ap.id = l.approved_by_person_id
     where l.owner_id = $1 and l.student_id = any($2::uuid[])
     order by l.approved_at desc, l.id`,
    [ownerId, studentIds],
  );
  return rows.map((r) => ({
    id: r.id, studentId: r.student_id, locale: r.locale, channel: r.channel, approvedAt: iso(r.approved_at)!, approvedBy: r.approved_by, sentAt: iso(r.sent_at),
    state: r.withdrawn_all ? 'withdrawn' : r.sent_at ? 'sent' : 'approved', warningIds: r.warning_ids ?? [],
    delivered: r.copies > 0 && r.delivered_copies === r.copies, recipientPersonIds: r.recipients ?? [],
  }));
}

export interface CopyRow {
  id: string; recipientPersonId: string; recipientName: string; recipientRole: 'student' | 'guardian'; sha256: string; createdAt: string;
  content: unknown;
  delivery: { sentAt: string | null; postedAt: string | null; emailedAt: string | null; readAt: string | null; signedCopyAt: string | null };
}

/** The copies of one letter with their delivery proof (the PDF bytes are read apart). */
export async function copiesOf(q: QueryFn, ownerId: string, letterId: string): Promise<CopyRow[]> {
  const rows = await q<{
    id: string; recipient_person_id: string; recipient_name: string; recipient_role: 'student' | 'guardian'; sha256: string; created_at: string; content: unknown;
    sent: string | null; posted: string | null; emailed: string | null; read: string | null; signed: string | null;
  }>(
    `select c.id, c.recipient_person_id, p.given_name || ' ' || p.family_name as recipient_name, c.recipient_role, c.sha256, c.created_at, c.content,
       min(e.at) filter (where e.kind = 'sent') as sent, min(e.at) filter (where e.kind = 'posted') as posted,
       min(e.at) filter (where e.kind = 'emailed') as emailed, min(e.at) filter (where e.kind = 'read') as read,
       max(e.at) filter (where e.kind = 'signedCopy') as signed
     from warning_letter_copy c
     join person p on p.owner_id = c.owner_id and p.id = c.recipient_person_id
     left join warning_delivery_event e on e.owner_id = c.owner_id and e.copy_id = c.id
     where c.owner_id = $1 and c.letter_id = $2
     group by c.id, c.recipient_person_id, p.given_name, p.family_name, c.recipient_role, c.sha256, c.created_at, c.content
     order by c.recipient_role desc, p.family_name, p.given_name`,
    [ownerId, letterId],
  );
  return rows.map((r) => ({
    id: r.id, recipientPersonId: r.recipient_person_id, recipientName: r.recipient_name, recipientRole: r.recipient_role, sha256: r.sha256,
    createdAt: iso(r.created_at)!, content: typeof r.content === 'string' ? JSON.parse(r.content) : r.content,
    delivery: { sentAt: iso(r.sent), postedAt: iso(r.posted), emailedAt: iso(r.emailed), readAt: iso(r.read), signedCopyAt: iso(r.signed) },
  }));
}

/** The stored PDF of one copy, as sent. */
export async function copyPdf(q: QueryFn, ownerId: string, letterId: string, copyId: string): Promise<{ pdf: Buffer; recipientPersonId: string; sha256: string } | null> {
  const [row] = await q<{ pdf: string; recipient_person_id: string; sha256: string }>(
    'select pdf, recipient_person_id, sha256 from warning_letter_copy where owner_id = $1 and id = $2 and letter_id = $3', [ownerId, copyId, letterId]);
  return row ? { pdf: Buffer.from(row.pdf, 'base64'), recipientPersonId: row.recipient_person_id, sha256: row.sha256 } : null;
}
