/**
 * One conversation: what the caller may see of it (the meeting view), the checks before the holder's
 * writes, and the holder's note per section with its visibility tier. The routes are in
 * routes/meeting.ts.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { QueryFn } from '../../core/db/client.js';
import type { ConversationKind } from './tables.js';
import type { Visibility } from '../../core/db/tables.js';
import { accessOf, requireActor } from '../../core/http/access.js';
import { HttpError, badField } from '../../core/http/errors.js';
import { can } from '../../core/policy/can.js';
import type { Actor, StudentFacts } from '../../core/policy/types.js';
import type { ConversationFacts } from './policy.js';
import { ageOn, isAdult } from '../../core/time.js';
import type { ConversationDetail, ConversationSummary } from './schemas.js';
import { conversationRow, conversationStudent, staffChoices, type ConversationRow } from './queries/conversations.js';
import {
  deleteNote, followUpsOf, noteOfSection, notesOf, preparationOf, saveNote, type FollowUpRow, type NoteRow,
} from './queries/meeting.js';
import { loadTemplateVersion, sectionApplies } from './templates.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toSummary(r: ConversationRow): ConversationSummary {
  return {
    id: r.id, kind: r.kind,
    status: r.cancelled_at ? 'cancelled' : r.held_at ? 'held' : 'planned',
    plannedAt: iso(r.planned_at), heldAt: iso(r.held_at), place: r.place, videoLink: r.video_link,
    holder: { personId: r.holder_person_id, name: r.holder_name }, delegated: r.delegated,
    subject: r.teaching_group_id ? { teachingGroupId: r.teaching_group_id, code: r.subject_code ?? '', name: r.subject_name ?? '' } : null,
    newImportantInformation: r.new_important_information, preparationStarted: r.preparation_started,
  };
}

export function factsOf(r: ConversationRow, student: StudentFacts): ConversationFacts {
  return {
    conversationId: r.id, kind: r.kind, holderPersonId: r.holder_person_id, delegated: r.delegated,
    teachingGroupId: r.teaching_group_id, held: r.held_at !== null, student,
  };
}

/** Is the actor reading as the student or a guardian (the family), who see only what was shared? */
export function readsAsFamily(actor: Actor, student: StudentFacts): boolean {
  return actor.studentIds.includes(student.studentId) || actor.guardianOf.includes(student.studentId);
}

export const noteRecord = (n: { visibility: Visibility; author_person_id: string; shared_with_family: boolean }, student: StudentFacts) =>
  ({ type: 'record' as const, student, visibility: n.visibility, authorPersonId: n.author_person_id, sharedWithFamily: n.shared_with_family });

export function toNote(n: NoteRow, canEdit: boolean) {
  return {
    id: n.id, sectionKey: n.section_key, text: n.text, visibility: n.visibility, sharedWithFamily: n.shared_with_family,
    author: { personId: n.author_person_id, name: n.author_name }, updatedAt: new Date(n.updated_at).toISOString(), canEdit,
  };
}

export function toFollowUp(f: FollowUpRow) {
  return {
    id: f.id, conversationId: f.conversation_id, description: f.description, responsible: f.responsible,
    responsiblePerson: f.responsible_person_id ? { personId: f.responsible_person_id, name: f.responsible_name ?? '' } : null,
    dueOn: f.due_on, doneAt: iso(f.done_at), sharedWithFamily: f.shared_with_family,
  };
}

/** Follow-ups the caller may see: all of them for staff who may read the conversation, the shared ones for the family. */
export function visibleFollowUps(rows: FollowUpRow[], family: boolean) {
  return rows.filter((f) => !family || f.shared_with_family).map(toFollowUp);
}

/** The conversation's row; 404 when it is gone. */
export async function loadConversationRow(q: QueryFn, ownerId: string, conversationId: string): Promise<ConversationRow> {
  const row = await conversationRow(q, ownerId, conversationId);
  if (!row) throw new HttpError(404, 'error.notFound');
  return row;
}

const DELEGABLE = new Set<ConversationKind>(['student', 'startOfYear', 'adHoc']);

/** Everything the caller may see about one conversation, and what they may do with it. */
export async function conversationDetail(app: FastifyInstance, req: FastifyRequest): Promise<ConversationDetail> {
  const actor = requireActor(req);
  const q = app.database.query;
  const student = req.student!;
  const row = await loadConversationRow(q, actor.ownerId, req.conversation!.conversationId);
  const facts = factsOf(row, student);
  const allowed = (action: Parameters<typeof can>[1]) => can(actor, action, { type: 'conversation', conversation: facts }, req.today).allow;
  const family = readsAsFamily(actor, student) && !allowed('conversation.hold');

  const info = await conversationStudent(q, actor.ownerId, student.studentId);
  const adult = isAdult(student.birthDate, req.today);
  const version = row.template_version_id ? await loadTemplateVersion(q, actor.ownerId, row.template_version_id) : null;
  const subject = { minorityLanguage: info!.minority_language, yearsOfResidence: info!.years_of_residence, level: info!.level, adult };

  const canReadPreparation = allowed('conversation.readPreparation');
  const prep = canReadPreparation ? await preparationOf(q, actor.ownerId, row.id) : undefined;
  const notes = (await notesOf(q, actor.ownerId, row.id))
    .filter((n) => can(actor, 'record.read', noteRecord(n, student), req.today).allow);
  const followUps = await followUpsOf(q, actor.ownerId, row.id);

  const hold = allowed('conversation.hold') && !row.cancelled_at;
  const delegate = hold && info!.stage === 'upperSecondary' && DELEGABLE.has(row.kind) && !row.held_at
    && can(actor, 'conversation.delegate', { type: 'student', student }, req.today).allow;
  const choices = hold ? await staffChoices(q, actor.ownerId, student) : [];

  return {
    access: accessOf(req),
    conversation: { ...toSummary(row), studentTakesPart: row.student_takes_part, studentAbsentReason: family ? null : row.student_absent_reason },
    student: {
      id: student.studentId, name: info!.name, level: info!.level,
      age: student.birthDate ? ageOn(student.birthDate, req.today) : null, basisGroup: student.basisGroups[0]?.name ?? null,
    },
    template: version && !family
      ? { versionId: version.id, version: version.version, title: version.title, sections: version.sections.map((s) => ({ ...s, applies: sectionApplies(s.rule, subject) })) }
      : null,
    preparation: prep
      ? { pleasedWith: prep.pleased_with, wantToImprove: prep.want_to_improve, needHelpWith: prep.need_help_with,
          raiseWithGuardians: prep.raise_with_guardians, notCovered: prep.not_covered, updatedAt: iso(prep.updated_at) }
      : null,
    notes: notes.map((n) => toNote(n, hold)),
    followUps: visibleFollowUps(followUps, family),
    staffChoices: choices.map((c) => ({ personId: c.personId, name: c.name })),
    delegateChoices: delegate ? choices.filter((c) => c.teaches && c.personId !== actor.personId).map((c) => ({ personId: c.personId, name: c.name, subjectCode: c.subjectCode ?? '' })) : [],
    permissions: { hold, prepare: allowed('conversation.prepare') && !row.cancelled_at, readPreparation: canReadPreparation, delegate },
  };
}

/** The holder's writes refuse a cancelled conversation, and (except notes) a held one. */
export function assertOpen(row: ConversationRow, opts: { allowHeld?: boolean } = {}): void {
  if (row.cancelled_at) throw new HttpError(409, 'error.conversationCancelled');
  if (row.held_at && !opts.allowHeld) throw new HttpError(409, 'error.conversationHeld');
}

export async function upsertNote(q: QueryFn, req: FastifyRequest, row: ConversationRow, sectionKey: string, body: { text: string; visibility: Visibility; sharedWithFamily: boolean }) {
  const actor = requireActor(req);
  const student = req.student!;
  if (row.template_version_id) {
    const version = await loadTemplateVersion(q, actor.ownerId, row.template_version_id);
    if (version && !version.sections.some((s) => s.key === sectionKey) && sectionKey !== 'general') throw badField('sectionKey', 'field.unknownSection');
  }
  const existing = await noteOfSection(q, actor.ownerId, row.id, sectionKey);
  // a note the holder cannot read (e.g. a counsellor's) is not theirs to overwrite
  if (existing && !can(actor, 'record.read', noteRecord(existing, student), req.today).allow) throw new HttpError(403, 'error.forbidden');
  if (body.text === '') {
    if (existing) await deleteNote(q, actor.ownerId, existing.id);
    return null;
  }
  await saveNote(q, actor.ownerId, {
    conversationId: row.id, sectionKey, text: body.text, visibility: body.visibility, sharedWithFamily: body.sharedWithFamily, authorPersonId: actor.personId,
  });
  const saved = await noteOfSection(q, actor.ownerId, row.id, sectionKey);
  return toNote(saved!, true);
}
