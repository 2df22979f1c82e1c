/**
 * The warning flow (R-22, L-20, L-21): a teacher raises a warning (`proposed`); the contact teacher
 * merges a student's warnings into one letter (`approved`) and sends it — one immutable copy per
 * recipient (the student, each guardian with insight), each with its PDF and SHA-256 — and records
 * delivery; a sent warning can only be withdrawn; when no grade can be given, the principal decides.
 */
import { randomUUID } from 'node:crypto';
import type { QueryFn } from '../../core/db/client.js';
import type { WarningKind, WarningState } from './tables.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { guardiansWithInsight } from '../../core/policy/guardianInsight.js';
import type { Actor, StudentFacts } from '../../core/policy/types.js';
import { addDays, dayNumber } from '../../core/calendar/calendar.js';
import { letterContent, renderPdf, sha256, type LetterContent, type LetterItem, type LetterLocale } from './letter.js';

/** Three weeks: less than this before the assessment leaves no real chance (L-20), unless the school set another. */
export const DEFAULT_MINIMUM_NOTICE_DAYS = 21;

export interface TermFacts {
  id: string;
  kind: 'autumn' | 'spring';
  schoolYearId: string;
  startsOn: string;
  endsOn: string;
}

/** The deadline check: how many days remain before the term's assessment, and whether that is too few. */
export interface Deadline {
  termId: string;
  termKind: 'autumn' | 'spring';
  assessedOn: string;
  /** true when the school set the date; otherwise the term's last day */
  configured: boolean;
  minimumNoticeDays: number;
  daysLeft: number;
  tooLate: boolean;
}

/** The term of a day; between terms, the next one (a warning in the Christmas break is about the spring). */
export async function termOf(q: QueryFn, ownerId: string, day: string): Promise<TermFacts | null> {
  const [row] = await q<{ id: string; kind: 'autumn' | 'spring'; school_year_id: string; starts_on: string; ends_on: string }>(
    `select id, kind, school_year_id, starts_on::text as starts_on, ends_on::text as ends_on from term
     where owner_id = $1 and ends_on >= $2::date order by starts_on limit 1`,
    [ownerId, day],
  );
  return row ? { id: row.id, kind: row.kind, schoolYearId: row.school_year_id, startsOn: row.starts_on, endsOn: row.ends_on } : null;
}

export async function deadlineFor(q: QueryFn, ownerId: string, schoolId: string, today: string): Promise<Deadline | null> {
  const term = await termOf(q, ownerId, today);
  if (!term) return null;
  const [row] = await q<{ assessed_on: string; minimum_notice_days: number }>(
    'select assessed_on::text as assessed_on, minimum_notice_days from term_assessment_date where owner_id = $1 and school_id = $2 and term_id = $3',
    [ownerId, schoolId, term.id],
  );
  const assessedOn = row?.assessed_on ?? term.endsOn;
  const minimumNoticeDays = row ? Number(row.minimum_notice_days) : DEFAULT_MINIMUM_NOTICE_DAYS;
  const daysLeft = dayNumber(assessedOn) - dayNumber(today);
  return { termId: term.id, termKind: term.kind, assessedOn, configured: !!row, minimumNoticeDays, daysLeft, tooLate: daysLeft < minimumNoticeDays };
}

export interface RaiseInput {
  kind: WarningKind;
  subjectId?: string | null | undefined;
  conductAspect?: 'order' | 'behaviour' | null | undefined;
  grounds: string;
  requirement: string;
  dueOn: string;
  absenceSnapshot?: unknown;
}

/** The subjects a teacher may raise an IV warning in for this student: those they teach the student. */
export function ownSubjectCodes(actor: Actor, s: StudentFacts): Set<string> {
  return new Set(s.teachingGroups.filter((g) => actor.subjectTeacherOf.some((x) => x.id === g.id)).map((g) => g.subjectCode));
}

export async function studentSubjects(q: QueryFn, ownerId: string, s: StudentFacts): Promise<{ id: string; code: string; name: string }[]> {
  const codes = [...new Set(s.teachingGroups.map((g) => g.subjectCode))];
  if (codes.length === 0) return [];
  return q<{ id: string; code: string; name: string }>('select id, code, name from subject where owner_id = $1 and code = any($2::text[]) order by code', [ownerId, codes]);
}

/** Checks a new warning and stores it as proposed; the field named on bad input. */
export async function raiseWarning(q: QueryFn, actor: Actor, s: StudentFacts, today: string, input: RaiseInput): Promise<string> {
  let subjectId: string | null = null;
  if (input.kind === 'notAssessed') {
    if (!input.subjectId) throw badField('subjectId', 'warning.subjectRequired');
    const subject = (await studentSubjects(q, actor.ownerId, s)).find((x) => x.id === input.subjectId);
    if (!subject) throw badField('subjectId', 'warning.unknownSubject');
    // L-20 / R-22: the subject teacher raises an IV warning for their own subject only
    if (!ownSubjectCodes(actor, s).has(subject.code)) throw badField('subjectId', 'warning.subjectNotYours');
    subjectId = subject.id;
  } else if (!input.conductAspect) {
    throw badField('conductAspect', 'warning.aspectRequired');
  }
  const deadline = await deadlineFor(q, actor.ownerId, s.schoolId, today);
  if (!deadline) throw new HttpError(404, 'error.noSchoolYear');
  if (input.dueOn < today) throw badField('dueOn', 'warning.dueInPast', { today });
  if (input.dueOn >= deadline.assessedOn) throw badField('dueOn', 'warning.dueAfterAssessment', { assessedOn: deadline.assessedOn });
  const id = randomUUID();
  const [term] = await q<{ school_year_id: string }>('select school_year_id from term where owner_id = $1 and id = $2', [actor.ownerId, deadline.termId]);
  await q(
    `insert into warning_notice (owner_id, id, student_id, school_year_id, term_id, kind, subject_id, conduct_aspect, grounds, requirement, due_on,
       absence_snapshot, raised_by_person_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [actor.ownerId, id, s.studentId, term!.school_year_id, deadline.termId, input.kind, subjectId,
      input.kind === 'conduct' ? input.conductAspect : null, input.grounds.trim(), input.requirement.trim(), input.dueOn,
      input.absenceSnapshot === undefined ? null : JSON.stringify(input.absenceSnapshot), actor.personId],
  );
  return id;
}

interface NoticeState { id: string; student_id: string; state: WarningState; kind: WarningKind; letter_id: string | null }

/** One warning of this student, locked for the change; 404 when it belongs to another student. */
export async function noticeOf(q: QueryFn, ownerId: string, studentId: string, warningId: string): Promise<NoticeState> {
  const [row] = await q<NoticeState>(
    'select id, student_id, state, kind, letter_id from warning_notice where owner_id = $1 and id = $2 for update', [ownerId, warningId]);
  if (!row || row.student_id !== studentId) throw new HttpError(404, 'error.notFound');
  return row;
}

/** A proposed warning may be corrected before it is sent; a sent one is an immutable document (409). */
export async function editWarning(q: QueryFn, ownerId: string, studentId: string, warningId: string, today: string, assessedOn: string,
  patch: { grounds?: string | undefined; requirement?: string | undefined; dueOn?: string | undefined }): Promise<void> {
  const n = await noticeOf(q, ownerId, studentId, warningId);
  if (n.state === 'sent' || n.state === 'withdrawn') throw new HttpError(409, 'warning.alreadySent');
  if (n.state !== 'proposed' && n.state !== 'approved') throw new HttpError(409, 'warning.notProposed');
  if (patch.dueOn !== undefined) {
    if (patch.dueOn < today) throw badField('dueOn', 'warning.dueInPast', { today });
    if (patch.dueOn >= assessedOn) throw badField('dueOn', 'warning.dueAfterAssessment', { assessedOn });
  }
  await q(
    `update warning_notice set grounds = coalesce($3, grounds), requirement = coalesce($4, requirement), due_on = coalesce($5::date, due_on)
     where owner_id = $1 and id = $2`,
    [ownerId, warningId, patch.grounds?.trim() ?? null, patch.requirement?.trim() ?? null, patch.dueOn ?? null],
  );
}

/** The contact teacher does not send a proposed warning, with a note to the teacher who raised it. */
export async function rejectWarning(q: QueryFn, actor: Actor, studentId: string, warningId: string, note: string): Promise<void> {
  const n = await noticeOf(q, actor.ownerId, studentId, warningId);
  if (n.state !== 'proposed') throw new HttpError(409, n.state === 'sent' || n.state === 'withdrawn' ? 'warning.alreadySent' : 'warning.notProposed');
  await q(
    `update warning_notice set state = 'rejected', reviewed_by_person_id = $3, reviewed_at = now(), review_note = $4 where owner_id = $1 and id = $2`,
    [actor.ownerId, warningId, actor.personId, note.trim()],
  );
}

/** The student's written language for the letter: nynorsk when the student reads nynorsk, else bokmål. */
export async function letterLocaleOf(q: QueryFn, ownerId: string, personId: string): Promise<LetterLocale> {
  const [p] = await q<{ preferred_locale: string }>('select preferred_locale from person where owner_id = $1 and id = $2', [ownerId, personId]);
  return p?.preferred_locale === 'nn' ? 'nn' : 'nb';
}

/** Review: merge some proposed warnings of one student into one letter, approved by the contact teacher. */
export async function approveLetter(q: QueryFn, actor: Actor, s: StudentFacts, warningIds: string[], channel: 'digital' | 'paper', locale: LetterLocale | undefined): Promise<string> {
  const ids = [...new Set(warningIds)];
  if (ids.length === 0) throw badField('warningIds', 'warning.noneSelected');
  const rows = await q<NoticeState & { term_id: string }>(
    'select id, student_id, state, kind, letter_id, term_id from warning_notice where owner_id = $1 and id = any($2::uuid[]) for update', [actor.ownerId, ids]);
  for (const [i, id] of ids.entries()) {
    const r = rows.find((x) => x.id === id);
    if (!r || r.student_id !== s.studentId) throw badField(`warningIds.${i}`, 'warning.notOfStudent');
    if (r.state !== 'proposed') throw new HttpError(409, r.state === 'sent' || r.state === 'withdrawn' ? 'warning.alreadySent' : 'warning.notProposed');
  }
  const letterId = randomUUID();
  await q(
    `insert into warning_letter (owner_id, id, student_id, term_id, locale, channel, approved_by_person_id) values ($1, $2, $3, $4, $5, $6, $7)`,
    [actor.ownerId, letterId, s.studentId, rows[0]!.term_id, locale ?? await letterLocaleOf(q, actor.ownerId, s.personId), channel, actor.personId],
  );
  await q(
    `update warning_notice set state = 'approved', letter_id = $3, reviewed_by_person_id = $4, reviewed_at = now()
     where owner_id = $1 and id = any($2::uuid[])`,
    [actor.ownerId, ids, letterId, actor.personId],
  );
  return letterId;
}

interface RecipientRow {
  id: string; given_name: string; family_name: string; street_address: string | null; postal_code: string | null; city: string | null;
  address_protection: 'none' | 'confidential' | 'strictlyConfidential'; email: string | null;
}

/**
 * Who gets a copy: the student, and each guardian with insight today — parents of a student under 18,
 * for an adult student only the guardians the student consented to (L-05, L-20).
 */
export function recipientsOf(s: StudentFacts, today: string): { personId: string; role: 'student' | 'guardian' }[] {
  return [
    { personId: s.personId, role: 'student' },
    ...guardiansWithInsight(s, today).map((g) => ({ personId: g.guardianPersonId, role: 'guardian' as const })),
  ];
}

interface LetterItemRow {
  kind: WarningKind; subject_name: string | null; conduct_aspect: 'order' | 'behaviour' | null; grounds: string; requirement: string; due_on: string;
}

export interface LetterDraft {
  letterId: string;
  locale: LetterLocale;
  termKind: 'autumn' | 'spring';
  schoolName: string;
  studentName: string;
  group: string;
  contactTeacherName: string;
  items: LetterItem[];
}

/** What a letter says, before the recipient is filled in. */
export async function letterDraft(q: QueryFn, ownerId: string, s: StudentFacts, letterId: string): Promise<LetterDraft> {
  const [letter] = await q<{ locale: LetterLocale; term_kind: 'autumn' | 'spring'; approver: string; student_name: string }>(
    `select l.locale, t.kind as term_kind, ap.given_name || ' ' || ap.family_name as approver, sp.given_name || ' ' || sp.family_name as student_name
     from warning_letter l join term t on t.owner_id = l.owner_id and t.id = l.term_id
     join person ap on ap.owner_id = l.owner_id and ap.id = l.approved_by_person_id
     join person sp on sp.owner_id = l.owner_id and sp.id = $4
     where l.owner_id = $1 and l.id = $2 and l.student_id = $3`,
    [ownerId, letterId, s.studentId, s.personId],
  );
  if (!letter) throw new HttpError(404, 'error.notFound');
  const items = await q<LetterItemRow>(
    `select w.kind, su.name as subject_name, w.conduct_aspect, w.grounds, w.requirement, w.due_on::text as due_on
     from warning_notice w left join subject su on su.owner_id = w.owner_id and su.id = w.subject_id
     where w.owner_id = $1 and w.letter_id = $2 order by w.kind desc, su.name, w.conduct_aspect`,
    [ownerId, letterId],
  );
  return {
    letterId, locale: letter.locale, termKind: letter.term_kind, schoolName: s.schoolName, studentName: letter.student_name,
    group: s.basisGroups.map((g) => g.name).join(', '), contactTeacherName: letter.approver,
    items: items.map((i) => ({ kind: i.kind, subjectName: i.subject_name, conductAspect: i.conduct_aspect, grounds: i.grounds, requirement: i.requirement, dueOn: i.due_on })),
  };
}

export function contentFor(d: LetterDraft, date: string, recipient: RecipientRow, role: 'student' | 'guardian'): LetterContent {
  return letterContent({
    locale: d.locale, date, termKind: d.termKind, schoolName: d.schoolName,
    student: { name: d.studentName, group: d.group },
    recipient: {
      name: `${recipient.given_name} ${recipient.family_name}`, role,
      address: { streetAddress: recipient.street_address, postalCode: recipient.postal_code, city: recipient.city, addressProtection: recipient.address_protection },
    },
    items: d.items, contactTeacher: { name: d.contactTeacherName },
  });
}

export async function recipientRows(q: QueryFn, ownerId: string, personIds: string[]): Promise<Map<string, RecipientRow>> {
  const rows = await q<RecipientRow>(
    `select id, given_name, family_name, street_address, postal_code, city, address_protection, email from person where owner_id = $1 and id = any($2::uuid[])`,
    [ownerId, personIds],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export interface SentCopy { copyId: string; personId: string; role: 'student' | 'guardian'; email: string | null }

/** Sends an approved letter: freezes one copy per recipient (content, PDF, hash) and records it as sent. */
export async function sendLetter(q: QueryFn, actor: Actor, s: StudentFacts, letterId: string, today: string): Promise<{ channel: 'digital' | 'paper'; copies: SentCopy[] }> {
  const [letter] = await q<{ sent_at: string | null; channel: 'digital' | 'paper'; student_id: string }>(
    'select sent_at, channel, student_id from warning_letter where owner_id = $1 and id = $2 for update', [actor.ownerId, letterId]);
  if (!letter || letter.student_id !== s.studentId) throw new HttpError(404, 'error.notFound');
  if (letter.sent_at) throw new HttpError(409, 'warning.alreadySent');
  const draft = await letterDraft(q, actor.ownerId, s, letterId);
  const recipients = recipientsOf(s, today);
  const people = await recipientRows(q, actor.ownerId, recipients.map((r) => r.personId));
  const now = new Date();
  const copies: SentCopy[] = [];
  for (const r of recipients) {
    const person = people.get(r.personId);
    if (!person) continue;
    const copyId = randomUUID();
    const content = contentFor(draft, today, person, r.role);
    const pdf = await renderPdf(content, copyId, now);
    await q(
      `insert into warning_letter_copy (owner_id, id, letter_id, student_id, recipient_person_id, recipient_role, content, pdf, sha256, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [actor.ownerId, copyId, letterId, s.studentId, r.personId, r.role, JSON.stringify(content), pdf.toString('base64'), sha256(pdf), now.toISOString()],
    );
    await q(`insert into warning_delivery_event (owner_id, id, copy_id, kind, at, by_person_id) values ($1, $2, $3, $4, $5, $6)`,
      [actor.ownerId, randomUUID(), copyId, letter.channel === 'paper' ? 'posted' : 'sent', now.toISOString(), actor.personId]);
    copies.push({ copyId, personId: r.personId, role: r.role, email: person.email });
  }
  await q('update warning_letter set sent_at = $3, sent_by_person_id = $4 where owner_id = $1 and id = $2', [actor.ownerId, letterId, now.toISOString(), actor.personId]);
  await q(`update warning_notice set state = 'sent', sent_at = $3 where owner_id = $1 and letter_id = $2`, [actor.ownerId, letterId, now.toISOString()]);
  // the in-app notice carries no content, only the link the policy checks on opening
  await q(
    `insert into notification (owner_id, id, recipient_person_id, kind, link)
     select $1, gen_random_uuid(), p, 'warning.letter', $3 from unnest($2::uuid[]) as p`,
    [actor.ownerId, copies.map((c) => c.personId), `/students/${s.studentId}/warning-letters/${letterId}`],
  );
  return { channel: letter.channel, copies };
}

/** A sent warning is withdrawn with a reason; the letter that carried it stays as it was. */
export async function withdrawWarning(q: QueryFn, actor: Actor, studentId: string, warningId: string, reason: string): Promise<void> {
  const n = await noticeOf(q, actor.ownerId, studentId, warningId);
  if (n.state === 'withdrawn') throw new HttpError(409, 'warning.notSent');
  if (n.state !== 'sent') throw new HttpError(409, 'warning.notSent');
  await q(
    `update warning_notice set state = 'withdrawn', withdrawn_at = now(), withdrawn_by_person_id = $3, withdrawal_reason = $4 where owner_id = $1 and id = $2`,
    [actor.ownerId, warningId, actor.personId, reason.trim()],
  );
}

/** L-21: the principal personally decides that no grade is given after a sent IV warning. */
export async function decideNoGrade(q: QueryFn, actor: Actor, studentId: string, warningId: string, reasons: string): Promise<string> {
  const n = await noticeOf(q, actor.ownerId, studentId, warningId);
  if (n.state !== 'sent') throw new HttpError(409, 'warning.notSent');
  if (n.kind !== 'notAssessed') throw badField('warningId', 'warning.notNotAssessed');
  const existing = await q('select 1 from warning_decision where owner_id = $1 and warning_notice_id = $2', [actor.ownerId, warningId]);
  if (existing.length) throw new HttpError(409, 'warning.alreadyDecided');
  const id = randomUUID();
  await q(
    `insert into warning_decision (owner_id, id, warning_notice_id, student_id, reasons, decided_by_person_id) values ($1, $2, $3, $4, $5, $6)`,
    [actor.ownerId, id, warningId, studentId, reasons.trim(), actor.personId],
  );
  return id;
}

/** § 10-5: an appeal of the decision is recorded; the warning then goes to the county governor. */
export async function recordAppeal(q: QueryFn, actor: Actor, studentId: string, warningId: string, today: string,
  body: { appealedOn: string; note: string; forwardedOn?: string | undefined }): Promise<void> {
  await noticeOf(q, actor.ownerId, studentId, warningId);
  const [d] = await q<{ id: string; appealed_on: string | null }>(
    'select id, appealed_on from warning_decision where owner_id = $1 and warning_notice_id = $2 for update', [actor.ownerId, warningId]);
  if (!d) throw new HttpError(409, 'warning.noDecision');
  if (d.appealed_on) throw new HttpError(409, 'warning.alreadyAppealed');
  if (body.appealedOn > today) throw badField('appealedOn', 'warning.inFuture', { today });
  if (body.forwardedOn && body.forwardedOn > today) throw badField('forwardedOn', 'warning.inFuture', { today });
  await q(
    `update warning_decision set appealed_on = $3, appeal_note = $4, appeal_recorded_by_person_id = $5, forwarded_to_county_governor_on = $6
     where owner_id = $1 and id = $2`,
    [actor.ownerId, d.id, body.appealedOn, body.note.trim(), actor.personId, body.forwardedOn ?? null],
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

export const MAX_SIGNED_COPY_BYTES = 5 * 1024 * 1024;
const SIGNED_COPY_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg']);

/** Paper delivery proof: a scan of the copy signed by the recipient. */
export async function addSignedCopy(q: QueryFn, actor: Actor, studentId: string, letterId: string, copyId: string,
  file: { fileName: string; fileType: string; data: string }): Promise<void> {
  const [copy] = await q<{ id: string }>(
    'select id from warning_letter_copy where owner_id = $1 and id = $2 and letter_id = $3 and student_id = $4', [actor.ownerId, copyId, letterId, studentId]);
  if (!copy) throw new HttpError(404, 'error.notFound');
  const bytes = Buffer.from(file.data, 'base64');
  if (!SIGNED_COPY_TYPES.has(file.fileType) || bytes.length === 0 || bytes.length > MAX_SIGNED_COPY_BYTES) throw badField('data', 'warning.badFile');
  await q(
    `insert into warning_delivery_event (owner_id, id, copy_id, kind, by_person_id, file_name, file_type, file_data)
     values ($1, $2, $3, 'signedCopy', $4, $5, $6, $7)`,
    [actor.ownerId, randomUUID(), copyId, actor.personId, file.fileName, file.fileType, bytes.toString('base64')],
  );
}

/** Suggested deadline: two weeks from today, but never later than a week before the assessment. */
export function suggestedDueOn(today: string, assessedOn: string): string {
  const twoWeeks = addDays(today, 14);
  const weekBefore = addDays(assessedOn, -7);
  return twoWeeks < weekBefore ? twoWeeks : (weekBefore > today ? weekBefore : today);
}
