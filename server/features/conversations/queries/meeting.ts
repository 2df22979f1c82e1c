/** Every statement about what is written for and in a conversation: the student's preparation, notes per section, follow-ups. */
import { randomUUID } from 'node:crypto';
import type { QueryFn } from '../../../core/db/client.js';
import type { Visibility } from '../../../core/db/tables.js';
import type { conversationFollowUp } from '../tables.js';

/* ───────────── the student's preparation ───────────── */

export interface PreparationRow {
  pleased_with: string; want_to_improve: string; need_help_with: string; raise_with_guardians: string; not_covered: string; updated_at: Date;
}

export async function preparationOf(q: QueryFn, ownerId: string, conversationId: string): Promise<PreparationRow | undefined> {
  const [row] = await q<PreparationRow>('select * from conversation_preparation where owner_id = $1 and conversation_id = $2', [ownerId, conversationId]);
  return row;
}

export interface Preparation { pleasedWith: string; wantToImprove: string; needHelpWith: string; raiseWithGuardians: string; notCovered: string }

export async function savePreparation(q: QueryFn, ownerId: string, conversationId: string, p: Preparation): Promise<void> {
  await q(
    `insert into conversation_preparation (owner_id, conversation_id, pleased_with, want_to_improve, need_help_with, raise_with_guardians, not_covered)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (owner_id, conversation_id) do update set pleased_with = excluded.pleased_with, want_to_improve = excluded.want_to_improve,
         need_help_with = excluded.need_help_with, raise_with_guardians = excluded.raise_with_guardians, not_covered = excluded.not_covered, updated_at = now()`,
    [ownerId, conversationId, p.pleasedWith, p.wantToImprove, p.needHelpWith, p.raiseWithGuardians, p.notCovered],
  );
}

/* ───────────── notes ───────────── */

export interface NoteRow {
  id: string; section_key: string; text: string; visibility: Visibility; shared_with_family: boolean; author_person_id: string; author_name: string; updated_at: Date;
}

const NOTE_SQL = `select n.id, n.section_key, n.text, n.visibility, n.shared_with_family, n.author_person_id,
    p.given_name || ' ' || p.family_name as author_name, n.updated_at
  from conversation_note n join person p on p.owner_id = n.owner_id and p.id = n.author_person_id`;

/** Every note of a conversation, in the order written; the policy decides which the caller reads. */
export async function notesOf(q: QueryFn, ownerId: string, conversationId: string): Promise<NoteRow[]> {
  return q<NoteRow>(`${NOTE_SQL} where n.owner_id = $1 and n.conversation_id = $2 order by n.created_at`, [ownerId, conversationId]);
}

/** The note of one section of a conversation, if written. */
export async function noteOfSection(q: QueryFn, ownerId: string, conversationId: string, sectionKey: string): Promise<NoteRow | undefined> {
  const [row] = await q<NoteRow>(`${NOTE_SQL} where n.owner_id = $1 and n.conversation_id = $2 and n.section_key = $3`, [ownerId, conversationId, sectionKey]);
  return row;
}

export interface SharedNoteRow extends NoteRow { conversation_id: string }

/** The notes of these conversations shared with the family, last changed first. */
export async function sharedNotesOf(q: QueryFn, ownerId: string, conversationIds: string[]): Promise<SharedNoteRow[]> {
  return q<SharedNoteRow>(`${NOTE_SQL.replace('select n.id', 'select n.conversation_id, n.id')} where n.owner_id = $1 and n.conversation_id = any($2::uuid[]) and n.shared_with_family order by n.updated_at desc`,
    [ownerId, conversationIds]);
}

export interface NoteText { conversationId: string; sectionKey: string; text: string; visibility: Visibility; sharedWithFamily: boolean; authorPersonId: string }

/** Writes a section's note, replacing the one there was. */
export async function saveNote(q: QueryFn, ownerId: string, n: NoteText): Promise<void> {
  await q(
    `insert into conversation_note (owner_id, id, conversation_id, section_key, text, visibility, shared_with_family, author_person_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (owner_id, conversation_id, section_key) do update set text = excluded.text, visibility = excluded.visibility,
       shared_with_family = excluded.shared_with_family, author_person_id = excluded.author_person_id, updated_at = now()`,
    [ownerId, randomUUID(), n.conversationId, n.sectionKey, n.text, n.visibility, n.sharedWithFamily, n.authorPersonId],
  );
}

export async function deleteNote(q: QueryFn, ownerId: string, noteId: string): Promise<void> {
  await q('delete from conversation_note where owner_id = $1 and id = $2', [ownerId, noteId]);
}

/* ───────────── follow-ups ───────────── */

type FollowUp = typeof conversationFollowUp.$inferSelect;

export interface FollowUpRow {
  id: string; conversation_id: string; description: string; responsible: FollowUp['responsible'];
  responsible_person_id: string | null; responsible_name: string | null; due_on: string | null; done_at: Date | null; shared_with_family: boolean;
}

const FOLLOW_UP_SQL = `select f.id, f.conversation_id, f.description, f.responsible, f.responsible_person_id,
    p.given_name || ' ' || p.family_name as responsible_name, f.due_on::text, f.done_at, f.shared_with_family
  from conversation_follow_up f left join person p on p.owner_id = f.owner_id and p.id = f.responsible_person_id`;

export async function followUp(q: QueryFn, ownerId: string, followUpId: string): Promise<FollowUpRow | undefined> {
  const [row] = await q<FollowUpRow>(`${FOLLOW_UP_SQL} where f.owner_id = $1 and f.id = $2`, [ownerId, followUpId]);
  return row;
}

/** Every follow-up of a conversation, in the order agreed. */
export async function followUpsOf(q: QueryFn, ownerId: string, conversationId: string): Promise<FollowUpRow[]> {
  return q<FollowUpRow>(`${FOLLOW_UP_SQL} where f.owner_id = $1 and f.conversation_id = $2 order by f.created_at`, [ownerId, conversationId]);
}

/** The follow-ups of these conversations shared with the family, soonest due first. */
export async function sharedFollowUpsOf(q: QueryFn, ownerId: string, conversationIds: string[]): Promise<FollowUpRow[]> {
  return q<FollowUpRow>(`${FOLLOW_UP_SQL} where f.owner_id = $1 and f.conversation_id = any($2::uuid[]) and f.shared_with_family order by f.due_on nulls last`,
    [ownerId, conversationIds]);
}

export interface NewFollowUp {
  ownerId: string; id: string; conversationId: string; description: string; responsible: FollowUp['responsible'];
  responsiblePersonId: string | null; dueOn: string | null; sharedWithFamily: boolean; createdByPersonId: string;
}

export async function insertFollowUp(q: QueryFn, f: NewFollowUp): Promise<void> {
  await q(
    `insert into conversation_follow_up (owner_id, id, conversation_id, description, responsible, responsible_person_id, due_on, shared_with_family, created_by_person_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [f.ownerId, f.id, f.conversationId, f.description, f.responsible, f.responsiblePersonId, f.dueOn, f.sharedWithFamily, f.createdByPersonId],
  );
}

/** Marks a follow-up of the conversation done (the first time only) or not done; false when there is no such follow-up. */
export async function setFollowUpDone(q: QueryFn, ownerId: string, conversationId: string, followUpId: string, done: boolean): Promise<boolean> {
  const rows = await q<{ id: string }>(
    `update conversation_follow_up set done_at = case when $4 then coalesce(done_at, now()) end
       where owner_id = $1 and conversation_id = $2 and id = $3 returning id`,
    [ownerId, conversationId, followUpId, done],
  );
  return rows.length > 0;
}
