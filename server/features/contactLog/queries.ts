/** Every statement of the contact log. */
import type { QueryFn } from '../../core/db/client.js';
import type { contactLogEntry } from './tables.js';

type ContactLogEntry = typeof contactLogEntry.$inferSelect;

export interface EntryRow {
  id: string; occurred_on: string; channel: ContactLogEntry['channel']; summary: string; visibility: ContactLogEntry['visibility'];
  author_person_id: string; author_name: string; created_at: Date; updated_at: Date;
}

const SELECT = `select c.id, c.occurred_on::text as occurred_on, c.channel, c.summary, c.visibility, c.author_person_id,
  p.given_name || ' ' || p.family_name as author_name, c.created_at, c.updated_at
  from contact_log_entry c join person p on p.owner_id = c.owner_id and p.id = c.author_person_id`;

/** Every entry about the student, newest first; the caller's policy decides which are shown. */
export async function contactLogEntries(q: QueryFn, ownerId: string, studentId: string): Promise<EntryRow[]> {
  return q<EntryRow>(`${SELECT} where c.owner_id = $1 and c.student_id = $2 order by c.occurred_on desc, c.created_at desc`, [ownerId, studentId]);
}

/** One entry about the student. */
export async function contactLogEntryOf(q: QueryFn, ownerId: string, studentId: string, entryId: string): Promise<EntryRow | undefined> {
  const [row] = await q<EntryRow>(`${SELECT} where c.owner_id = $1 and c.student_id = $2 and c.id = $3`, [ownerId, studentId, entryId]);
  return row;
}

export interface NewEntry {
  ownerId: string; id: string; studentId: string; authorPersonId: string;
  occurredOn: string; channel: EntryRow['channel']; summary: string; visibility: EntryRow['visibility'];
}

export async function insertContactLogEntry(q: QueryFn, e: NewEntry): Promise<void> {
  await q(
    `insert into contact_log_entry (owner_id, id, student_id, author_person_id, occurred_on, channel, summary, visibility, updated_by_person_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $4)`,
    [e.ownerId, e.id, e.studentId, e.authorPersonId, e.occurredOn, e.channel, e.summary, e.visibility],
  );
}

/** A correction: each field left null stays as it was. */
export interface EntryCorrection {
  occurredOn: string | null; channel: EntryRow['channel'] | null; summary: string | null; visibility: EntryRow['visibility'] | null;
  updatedByPersonId: string;
}

export async function correctContactLogEntry(q: QueryFn, ownerId: string, studentId: string, entryId: string, c: EntryCorrection): Promise<void> {
  await q(
    `update contact_log_entry set occurred_on = coalesce($4::date, occurred_on), channel = coalesce($5, channel),
         summary = coalesce($6, summary), visibility = coalesce($7, visibility), updated_at = now(), updated_by_person_id = $8
       where owner_id = $1 and student_id = $2 and id = $3`,
    [ownerId, studentId, entryId, c.occurredOn, c.channel, c.summary, c.visibility, c.updatedByPersonId],
  );
}
