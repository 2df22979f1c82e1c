/**
 * Letters (R-22, L-20): one per merge of a student's warnings, one immutable copy per recipient with its
 * PDF and hash, the delivery proof of each copy (sent, posted, e-mailed, read, signed), the in-app
 * notice and the e-mail job's look-up. Every function takes a `QueryFn`: pass `database.query` or a
 * transaction's query function.
 */
import type { QueryFn } from '../../../core/db/client.js';
import type { LetterLocale } from '../letter.js';
import type { DeliveryEventKind, WarningKind, warningLetter, warningLetterCopy, warningNotice } from '../tables.js';
import { iso } from './warnings.js';

type Letter = typeof warningLetter.$inferSelect;
type Copy = typeof warningLetterCopy.$inferSelect;
type Notice = typeof warningNotice.$inferSelect;

export interface LetterSummary {
  id: string; studentId: string; locale: Letter['locale']; channel: Letter['channel']; approvedAt: string; approvedBy: string; sentAt: string | null;
  state: 'approved' | 'sent' | 'withdrawn'; warningIds: string[]; delivered: boolean;
  /** the people a copy went to */
  recipientPersonIds: string[];
}

/** The letters of some students with what they carry and whether every copy was delivered (read or signed). */
export async function lettersOf(q: QueryFn, ownerId: string, studentIds: readonly string[]): Promise<LetterSummary[]> {
  if (studentIds.length === 0) return [];
  const rows = await q<{
    id: string; student_id: string; locale: Letter['locale']; channel: Letter['channel']; approved_at: string; approved_by: string; sent_at: string | null;
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
  id: string; recipientPersonId: string; recipientName: string; recipientRole: Copy['recipientRole']; sha256: string; createdAt: string;
  content: unknown;
  delivery: { sentAt: string | null; postedAt: string | null; emailedAt: string | null; readAt: string | null; signedCopyAt: string | null };
}

/** The copies of one letter with their delivery proof (the PDF bytes are read apart). */
export async function copiesOf(q: QueryFn, ownerId: string, letterId: string): Promise<CopyRow[]> {
  const rows = await q<{
    id: string; recipient_person_id: string; recipient_name: string; recipient_role: Copy['recipientRole']; sha256: string; created_at: string; content: unknown;
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

export interface NewLetter {
  id: string; studentId: string; termId: string; locale: LetterLocale; channel: Letter['channel']; approvedByPersonId: string;
}

export async function insertLetter(q: QueryFn, ownerId: string, l: NewLetter): Promise<void> {
  await q(
    `insert into warning_letter (owner_id, id, student_id, term_id, locale, channel, approved_by_person_id) values ($1, $2, $3, $4, $5, $6, $7)`,
    [ownerId, l.id, l.studentId, l.termId, l.locale, l.channel, l.approvedByPersonId],
  );
}

/** A letter, locked while it is sent. */
export async function lockedLetter(q: QueryFn, ownerId: string, letterId: string): Promise<{ sent_at: string | null; channel: Letter['channel']; student_id: string } | undefined> {
  const [letter] = await q<{ sent_at: string | null; channel: Letter['channel']; student_id: string }>(
    'select sent_at, channel, student_id from warning_letter where owner_id = $1 and id = $2 for update', [ownerId, letterId]);
  return letter;
}

/** Whose letter it is. */
export async function letterStudent(q: QueryFn, ownerId: string, letterId: string): Promise<{ student_id: string } | undefined> {
  const [letter] = await q<{ student_id: string }>('select student_id from warning_letter where owner_id = $1 and id = $2', [ownerId, letterId]);
  return letter;
}

export interface LetterHeadRow {
  locale: LetterLocale; term_kind: 'autumn' | 'spring'; approver: string; student_name: string;
}

/** What a letter of this student says above its items: language, term, the approving contact teacher and the student's name. */
export async function letterHead(q: QueryFn, ownerId: string, letterId: string, studentId: string, studentPersonId: string): Promise<LetterHeadRow | undefined> {
  const [letter] = await q<LetterHeadRow>(
    `select l.locale, t.kind as term_kind, ap.given_name || ' ' || ap.family_name as approver, sp.given_name || ' ' || sp.family_name as student_name
     from warning_letter l join term t on t.owner_id = l.owner_id and t.id = l.term_id
     join person ap on ap.owner_id = l.owner_id and ap.id = l.approved_by_person_id
     join person sp on sp.owner_id = l.owner_id and sp.id = $4
     where l.owner_id = $1 and l.id = $2 and l.student_id = $3`,
    [ownerId, letterId, studentId, studentPersonId],
  );
  return letter;
}

export interface LetterItemRow {
  kind: WarningKind; subject_name: string | null; conduct_aspect: Notice['conductAspect']; grounds: string; requirement: string; due_on: string;
}

/** The warnings a letter carries, IV warnings first. */
export async function letterItems(q: QueryFn, ownerId: string, letterId: string): Promise<LetterItemRow[]> {
  return q<LetterItemRow>(
    `select w.kind, su.name as subject_name, w.conduct_aspect, w.grounds, w.requirement, w.due_on::text as due_on
     from warning_notice w left join subject su on su.owner_id = w.owner_id and su.id = w.subject_id
     where w.owner_id = $1 and w.letter_id = $2 order by w.kind desc, su.name, w.conduct_aspect`,
    [ownerId, letterId],
  );
}

export interface NewCopy {
  id: string; letterId: string; studentId: string; recipientPersonId: string; recipientRole: Copy['recipientRole'];
  /** JSON text of the letter's content */
  content: string;
  /** the PDF, base64 */
  pdf: string;
  sha256: string;
  createdAt: string;
}

export async function insertCopy(q: QueryFn, ownerId: string, c: NewCopy): Promise<void> {
  await q(
    `insert into warning_letter_copy (owner_id, id, letter_id, student_id, recipient_person_id, recipient_role, content, pdf, sha256, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [ownerId, c.id, c.letterId, c.studentId, c.recipientPersonId, c.recipientRole, c.content, c.pdf, c.sha256, c.createdAt],
  );
}

/** A copy went out: on paper (`posted`) or digitally (`sent`). */
export async function insertDispatchEvent(q: QueryFn, ownerId: string, e: { id: string; copyId: string; kind: DeliveryEventKind; at: string; byPersonId: string }): Promise<void> {
  await q(`insert into warning_delivery_event (owner_id, id, copy_id, kind, at, by_person_id) values ($1, $2, $3, $4, $5, $6)`,
    [ownerId, e.id, e.copyId, e.kind, e.at, e.byPersonId]);
}

export async function markLetterSent(q: QueryFn, ownerId: string, letterId: string, sentAt: string, byPersonId: string): Promise<void> {
  await q('update warning_letter set sent_at = $3, sent_by_person_id = $4 where owner_id = $1 and id = $2', [ownerId, letterId, sentAt, byPersonId]);
}

/** The in-app notice of a letter: it carries no content, only the link the policy checks on opening. */
export async function insertLetterNotifications(q: QueryFn, ownerId: string, personIds: readonly string[], link: string): Promise<void> {
  await q(
    `insert into notification (owner_id, id, recipient_person_id, kind, link)
     select $1, gen_random_uuid(), p, 'warning.letter', $3 from unnest($2::uuid[]) as p`,
    [ownerId, personIds, link],
  );
}

/** A delivery receipt: the recipient opened their copy in the app (recorded once). */
export async function markRead(q: QueryFn, ownerId: string, copyId: string, personId: string): Promise<void> {
  await q(
    `insert into warning_delivery_event (owner_id, id, copy_id, kind, by_person_id)
     select $1, gen_random_uuid(), $2, 'read', $3
     where not exists (select 1 from warning_delivery_event where owner_id = $1 and copy_id = $2 and kind = 'read')`,
    [ownerId, copyId, personId],
  );
}

/** A copy of one of the student's letters, by id. */
export async function studentCopy(q: QueryFn, ownerId: string, copyId: string, letterId: string, studentId: string): Promise<{ id: string } | undefined> {
  const [copy] = await q<{ id: string }>(
    'select id from warning_letter_copy where owner_id = $1 and id = $2 and letter_id = $3 and student_id = $4', [ownerId, copyId, letterId, studentId]);
  return copy;
}

export interface SignedCopyFile {
  id: string; copyId: string; byPersonId: string; fileName: string; fileType: string;
  /** base64 */
  fileData: string;
}

/** Paper delivery proof: the scan of a copy signed by the recipient. */
export async function insertSignedCopy(q: QueryFn, ownerId: string, f: SignedCopyFile): Promise<void> {
  await q(
    `insert into warning_delivery_event (owner_id, id, copy_id, kind, by_person_id, file_name, file_type, file_data)
     values ($1, $2, $3, 'signedCopy', $4, $5, $6, $7)`,
    [ownerId, f.id, f.copyId, f.byPersonId, f.fileName, f.fileType, f.fileData],
  );
}

export interface MailRecipientRow {
  person_id: string; email: string | null; preferred_locale: 'nb' | 'nn' | 'en'; school: string; emailed: boolean;
}

/** Where the e-mail notice of a copy goes, in which language, from which school, and whether it already went. */
export async function mailRecipient(q: QueryFn, ownerId: string, copyId: string): Promise<MailRecipientRow | undefined> {
  const [row] = await q<MailRecipientRow>(
    `select p.id as person_id, p.email, p.preferred_locale, sc.name as school,
         exists (select 1 from warning_delivery_event e where e.owner_id = c.owner_id and e.copy_id = c.id and e.kind = 'emailed') as emailed
       from warning_letter_copy c join person p on p.owner_id = c.owner_id and p.id = c.recipient_person_id
       join student st on st.owner_id = c.owner_id and st.id = c.student_id join school sc on sc.owner_id = st.owner_id and sc.id = st.school_id
       where c.owner_id = $1 and c.id = $2`,
    [ownerId, copyId],
  );
  return row;
}

export async function insertEmailedEvent(q: QueryFn, ownerId: string, id: string, copyId: string): Promise<void> {
  await q(`insert into warning_delivery_event (owner_id, id, copy_id, kind) values ($1, $2, $3, 'emailed')`, [ownerId, id, copyId]);
}
