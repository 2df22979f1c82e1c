/**
 * The warning flow (R-22, L-20, L-21): a teacher raises a warning (`proposed`); the contact teacher
 * merges a student's warnings into one letter (`approved`) and sends it — one immutable copy per
 * recipient (the student, each guardian with insight), each with its PDF and SHA-256 — and records
 * delivery; a sent warning can only be withdrawn; when no grade can be given, the principal decides.
 */
import { randomUUID } from 'node:crypto';
import type { QueryFn } from '../../core/db/client.js';
import type { WarningKind } from './tables.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { guardiansWithInsight } from '../../core/policy/guardianInsight.js';
import type { Actor, StudentFacts } from '../../core/policy/types.js';
import { addDays, dayNumber } from '../../core/calendar/calendar.js';
import { letterContent, renderPdf, sha256, type LetterContent, type LetterItem, type LetterLocale } from './letter.js';
import {
  insertCopy, insertDispatchEvent, insertLetter, insertLetterNotifications, letterHead, letterItems, lockedLetter, markLetterSent,
  insertSignedCopy, studentCopy,
} from './queries/letters.js';
import { preferredLocale, recipientRows, subjectsWithCodes, type RecipientRow } from './queries/people.js';
import { assessmentDate, termOfDay, termSchoolYear } from './queries/terms.js';
import {
  hasDecision, insertDecision, insertWarning, lockedDecision, lockedNotice, lockedNotices, markLetterWarningsSent, markWarningRejected,
  markWarningWithdrawn, markWarningsApproved, updateDecisionAppeal, updateWarningText, type NoticeState,
} from './queries/warnings.js';

/** the read receipt is part of the flow the seed and the routes drive through this module */

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
  const row = await termOfDay(q, ownerId, day);
  return row ? { id: row.id, kind: row.kind, schoolYearId: row.school_year_id, startsOn: row.starts_on, endsOn: row.ends_on } : null;
}

export async function deadlineFor(q: QueryFn, ownerId: string, schoolId: string, today: string): Promise<Deadline | null> {
  const term = await termOf(q, ownerId, today);
  if (!term) return null;
  const row = await assessmentDate(q, ownerId, schoolId, term.id);
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
  return subjectsWithCodes(q, ownerId, codes);
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
  const term = await termSchoolYear(q, actor.ownerId, deadline.termId);
  await insertWarning(q, actor.ownerId, {
    id, studentId: s.studentId, schoolYearId: term!.school_year_id, termId: deadline.termId, kind: input.kind, subjectId,
    conductAspect: input.kind === 'conduct' ? input.conductAspect ?? null : null, grounds: input.grounds.trim(), requirement: input.requirement.trim(), dueOn: input.dueOn,
    absenceSnapshot: input.absenceSnapshot === undefined ? null : JSON.stringify(input.absenceSnapshot), raisedByPersonId: actor.personId,
  });
  return id;
}

/** One warning of this student, locked for the change; 404 when it belongs to another student. */
export async function noticeOf(q: QueryFn, ownerId: string, studentId: string, warningId: string): Promise<NoticeState> {
  const row = await lockedNotice(q, ownerId, warningId);
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
  await updateWarningText(q, ownerId, warningId, { grounds: patch.grounds?.trim() ?? null, requirement: patch.requirement?.trim() ?? null, dueOn: patch.dueOn ?? null });
}

/** The contact teacher does not send a proposed warning, with a note to the teacher who raised it. */
export async function rejectWarning(q: QueryFn, actor: Actor, studentId: string, warningId: string, note: string): Promise<void> {
  const n = await noticeOf(q, actor.ownerId, studentId, warningId);
  if (n.state !== 'proposed') throw new HttpError(409, n.state === 'sent' || n.state === 'withdrawn' ? 'warning.alreadySent' : 'warning.notProposed');
  await markWarningRejected(q, actor.ownerId, warningId, actor.personId, note.trim());
}

/** The student's written language for the letter: nynorsk when the student reads nynorsk, else bokmål. */
export async function letterLocaleOf(q: QueryFn, ownerId: string, personId: string): Promise<LetterLocale> {
  return (await preferredLocale(q, ownerId, personId)) === 'nn' ? 'nn' : 'nb';
}

/** Review: merge some proposed warnings of one student into one letter, approved by the contact teacher. */
export async function approveLetter(q: QueryFn, actor: Actor, s: StudentFacts, warningIds: string[], channel: 'digital' | 'paper', locale: LetterLocale | undefined): Promise<string> {
  const ids = [...new Set(warningIds)];
  if (ids.length === 0) throw badField('warningIds', 'warning.noneSelected');
  const rows = await lockedNotices(q, actor.ownerId, ids);
  for (const [i, id] of ids.entries()) {
    const r = rows.find((x) => x.id === id);
    if (!r || r.student_id !== s.studentId) throw badField(`warningIds.${i}`, 'warning.notOfStudent');
    if (r.state !== 'proposed') throw new HttpError(409, r.state === 'sent' || r.state === 'withdrawn' ? 'warning.alreadySent' : 'warning.notProposed');
  }
  const letterId = randomUUID();
  await insertLetter(q, actor.ownerId, {
    id: letterId, studentId: s.studentId, termId: rows[0]!.term_id, locale: locale ?? await letterLocaleOf(q, actor.ownerId, s.personId), channel, approvedByPersonId: actor.personId,
  });
  await markWarningsApproved(q, actor.ownerId, ids, letterId, actor.personId);
  return letterId;
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
  const letter = await letterHead(q, ownerId, letterId, s.studentId, s.personId);
  if (!letter) throw new HttpError(404, 'error.notFound');
  const items = await letterItems(q, ownerId, letterId);
  return {
    letterId, locale: letter.locale, termKind: letter.term_kind, schoolName: s.schoolName, studentName: letter.student_name,
    group: s.basisGroups.map((g) => g.name).join(', '), contactTeacherName: letter.approver,
    items: items.map((i) => ({ kind: i.kind, subjectName: i.subject_name, conductAspect: i.conduct_aspect, grounds: i.grounds, requirement: i.requirement, dueOn: i.due_on })),
  };
}

/**
 * Each copy in its reader's written language: the student's in the letter's (the student's own, or the
 * contact teacher's choice), a guardian's in the guardian's own — a nynorsk family reads nynorsk. There
 * is no English letter; a guardian who reads English gets the letter's language.
 */
export function copyLocale(d: LetterDraft, recipient: RecipientRow, role: 'student' | 'guardian'): LetterLocale {
  if (role === 'student' || recipient.preferred_locale === 'en') return d.locale;
  return recipient.preferred_locale;
}

export function contentFor(d: LetterDraft, date: string, recipient: RecipientRow, role: 'student' | 'guardian'): LetterContent {
  return letterContent({
    locale: copyLocale(d, recipient, role), date, termKind: d.termKind, schoolName: d.schoolName,
    student: { name: d.studentName, group: d.group },
    recipient: {
      name: `${recipient.given_name} ${recipient.family_name}`, role,
      address: { streetAddress: recipient.street_address, postalCode: recipient.postal_code, city: recipient.city, addressProtection: recipient.address_protection },
    },
    items: d.items, contactTeacher: { name: d.contactTeacherName },
  });
}

export interface SentCopy { copyId: string; personId: string; role: 'student' | 'guardian'; email: string | null }

/** Sends an approved letter: freezes one copy per recipient (content, PDF, hash) and records it as sent. */
export async function sendLetter(q: QueryFn, actor: Actor, s: StudentFacts, letterId: string, today: string): Promise<{ channel: 'digital' | 'paper'; copies: SentCopy[] }> {
  const letter = await lockedLetter(q, actor.ownerId, letterId);
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
    await insertCopy(q, actor.ownerId, {
      id: copyId, letterId, studentId: s.studentId, recipientPersonId: r.personId, recipientRole: r.role,
      content: JSON.stringify(content), pdf: pdf.toString('base64'), sha256: sha256(pdf), createdAt: now.toISOString(),
    });
    await insertDispatchEvent(q, actor.ownerId, {
      id: randomUUID(), copyId, kind: letter.channel === 'paper' ? 'posted' : 'sent', at: now.toISOString(), byPersonId: actor.personId,
    });
    copies.push({ copyId, personId: r.personId, role: r.role, email: person.email });
  }
  await markLetterSent(q, actor.ownerId, letterId, now.toISOString(), actor.personId);
  await markLetterWarningsSent(q, actor.ownerId, letterId, now.toISOString());
  await insertLetterNotifications(q, actor.ownerId, copies.map((c) => c.personId), `/students/${s.studentId}/warning-letters/${letterId}`);
  return { channel: letter.channel, copies };
}

/** A sent warning is withdrawn with a reason; the letter that carried it stays as it was. */
export async function withdrawWarning(q: QueryFn, actor: Actor, studentId: string, warningId: string, reason: string): Promise<void> {
  const n = await noticeOf(q, actor.ownerId, studentId, warningId);
  if (n.state === 'withdrawn') throw new HttpError(409, 'warning.notSent');
  if (n.state !== 'sent') throw new HttpError(409, 'warning.notSent');
  await markWarningWithdrawn(q, actor.ownerId, warningId, actor.personId, reason.trim());
}

/** L-21: the principal personally decides that no grade is given after a sent IV warning. */
export async function decideNoGrade(q: QueryFn, actor: Actor, studentId: string, warningId: string, reasons: string, today: string): Promise<string> {
  const n = await noticeOf(q, actor.ownerId, studentId, warningId);
  if (n.state !== 'sent') throw new HttpError(409, 'warning.notSent');
  if (n.kind !== 'notAssessed') throw badField('warningId', 'warning.notNotAssessed');
  // the student had until the deadline to act; only after it has passed is there a decision to make
  if (n.due_on >= today) throw new HttpError(409, 'warning.beforeDeadline', { dueOn: n.due_on.split('-').reverse().join('.') });
  if (await hasDecision(q, actor.ownerId, warningId)) throw new HttpError(409, 'warning.alreadyDecided');
  const id = randomUUID();
  await insertDecision(q, actor.ownerId, { id, warningId, studentId, reasons: reasons.trim(), decidedByPersonId: actor.personId });
  return id;
}

/** § 10-5: an appeal of the decision is recorded; the warning then goes to the county governor. */
export async function recordAppeal(q: QueryFn, actor: Actor, studentId: string, warningId: string, today: string,
  body: { appealedOn: string; note: string; forwardedOn?: string | undefined }): Promise<void> {
  await noticeOf(q, actor.ownerId, studentId, warningId);
  const d = await lockedDecision(q, actor.ownerId, warningId);
  if (!d) throw new HttpError(409, 'warning.noDecision');
  if (d.appealed_on) throw new HttpError(409, 'warning.alreadyAppealed');
  if (body.appealedOn > today) throw badField('appealedOn', 'warning.inFuture', { today });
  if (body.forwardedOn && body.forwardedOn > today) throw badField('forwardedOn', 'warning.inFuture', { today });
  await updateDecisionAppeal(q, actor.ownerId, d.id, { appealedOn: body.appealedOn, note: body.note.trim(), recordedByPersonId: actor.personId, forwardedOn: body.forwardedOn ?? null });
}

export const MAX_SIGNED_COPY_BYTES = 5 * 1024 * 1024;
const SIGNED_COPY_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg']);

/** Paper delivery proof: a scan of the copy signed by the recipient. */
export async function addSignedCopy(q: QueryFn, actor: Actor, studentId: string, letterId: string, copyId: string,
  file: { fileName: string; fileType: string; data: string }): Promise<void> {
  const copy = await studentCopy(q, actor.ownerId, copyId, letterId, studentId);
  if (!copy) throw new HttpError(404, 'error.notFound');
  const bytes = Buffer.from(file.data, 'base64');
  if (!SIGNED_COPY_TYPES.has(file.fileType) || bytes.length === 0 || bytes.length > MAX_SIGNED_COPY_BYTES) throw badField('data', 'warning.badFile');
  await insertSignedCopy(q, actor.ownerId, {
    id: randomUUID(), copyId, byPersonId: actor.personId, fileName: file.fileName, fileType: file.fileType, fileData: bytes.toString('base64'),
  });
}

/**
 * The raise form's default deadline (L-20: a real chance). The student gets the school's notice less a
 * week to act — two weeks under the 21-day rule — and the teacher keeps a week before the assessment to
 * assess what was done. A warning that comes later than that gets the day before the assessment. Never
 * today or a past day (a trap: flagged as due at once) and never on or after the assessment (refused):
 * null when no such day is left, and the teacher chooses.
 */
export function suggestedDueOn(today: string, assessedOn: string, minimumNoticeDays: number = DEFAULT_MINIMUM_NOTICE_DAYS): string | null {
  const first = addDays(today, 1);
  const last = addDays(assessedOn, -1);
  if (first > last) return null;
  const toAct = addDays(today, Math.max(1, minimumNoticeDays - 7));
  const weekBefore = addDays(assessedOn, -7);
  if (weekBefore < first) return last;
  return toAct < weekBefore ? toAct : weekBefore;
}
